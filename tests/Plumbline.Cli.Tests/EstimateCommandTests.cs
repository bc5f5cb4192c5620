using System.Text.Json;
using Xunit;

namespace Plumbline.Cli.Tests;

public sealed class EstimateCommandTests
{
    private static string Example(string name) => Path.Combine(InitCommandTests.RepositoryRoot(), "examples", name);

    [Fact]
    public void The_pastebin_estimate_reads_like_a_whiteboard()
    {
        var run = CliRun.Of("estimate", Example("pastebin.yaml"));

        Assert.Equal(0, run.Exit);
        GoldenFile.Verify("estimate-pastebin.txt", run.Out);
    }

    [Fact]
    public void Explain_shows_the_formula_and_the_line_of_each_input()
    {
        var run = CliRun.Of("estimate", Example("pastebin.yaml"), "--explain");

        Assert.Equal(0, run.Exit);
        Assert.Contains("new data per month = new records per month x record_size = 12.7 GB", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"record_size = 1\.27 KB  \(line \d+, /data/0/record_size\)", run.Out);
        GoldenFile.Verify("estimate-pastebin-explain.txt", run.Out);
    }

    [Fact]
    public void Markdown_and_sensitivity_render_tables()
    {
        var run = CliRun.Of("estimate", Example("url-shortener.yaml"), "--format", "markdown", "--sensitivity");

        Assert.Equal(0, run.Exit);
        Assert.Contains("## Sensitivity", run.Out, StringComparison.Ordinal);
        GoldenFile.Verify("estimate-url-shortener.md", run.Out);
    }

    [Fact]
    public void Json_carries_every_figure_with_its_formula_and_sources()
    {
        var run = CliRun.Of("estimate", Example("pastebin.yaml"), "--format", "json", "--sensitivity");

        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(run.Out);
        var paste = json.RootElement.GetProperty("storage")[0];
        var monthly = paste.GetProperty("newBytesPerMonth");
        Assert.Equal(12.71e9, monthly.GetProperty("value").GetDouble(), 1e7);
        Assert.Equal("new records per month x record_size", monthly.GetProperty("formula").GetString());
        var input = monthly.GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "record_size");
        Assert.True(input.GetProperty("line").GetInt32() > 0);
        Assert.True(json.RootElement.GetProperty("sensitivity").GetProperty("inputs").GetArrayLength() > 0);
    }

    [Fact]
    public void Horizons_and_target_are_options()
    {
        var run = CliRun.Of("estimate", Example("pastebin.yaml"), "--horizon", "6m,2y", "--format", "json");
        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(run.Out);
        var months = json.RootElement.GetProperty("options").GetProperty("horizonsMonths").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.Equal(2, months.Count);
        Assert.Equal(24, months[1], 9);
    }

    [Theory]
    [InlineData("--horizon", "forever")]
    [InlineData("--target-utilisation", "0%")]
    [InlineData("--hot-set", "lots")]
    public void A_malformed_option_is_a_usage_error(string option, string value)
    {
        var run = CliRun.Of("estimate", Example("pastebin.yaml"), option, value);

        Assert.Equal(2, run.Exit);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void An_invalid_design_is_refused_with_its_diagnostics()
    {
        using var temp = new TempFolder();
        var path = temp.Write("broken.yaml", Designs.Invalid);

        var run = CliRun.Of("estimate", path);

        Assert.Equal(2, run.Exit);
        Assert.Contains("PL2001", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }
}
