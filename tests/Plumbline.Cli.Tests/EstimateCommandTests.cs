using System.Text.Json;
using Xunit;

namespace Plumbline.Cli.Tests;

public sealed class EstimateCommandTests
{
    private static string Example(string name) => Repository.Example(name);

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

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "examples"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_has_a_golden_estimate_with_its_working(string name)
    {
        var run = CliRun.Of("estimate", Example(name + ".yaml"), "--explain");

        Assert.Equal(0, run.Exit);
        GoldenFile.Verify($"estimate-{name}-explain.txt", run.Out);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Explain_in_text_shows_every_derivation_the_json_has(string name)
    {
        var json = CliRun.Of("estimate", Example(name + ".yaml"), "--format", "json");
        var text = CliRun.Of("estimate", Example(name + ".yaml"), "--explain");

        Assert.Equal(0, json.Exit);
        using var document = JsonDocument.Parse(json.Out);
        var missing = Figures(document.RootElement)
            .Where(f => !text.Out.Contains(f.Formula, StringComparison.Ordinal) || !text.Out.Contains(f.Display, StringComparison.Ordinal))
            .Select(f => $"{f.Formula} = {f.Display}")
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, "--explain leaves out:" + Environment.NewLine + string.Join(Environment.NewLine, missing.Take(20)));
    }

    /// <summary>Every figure in the JSON: an object with a formula, a display and inputs.</summary>
    private static IEnumerable<(string Formula, string Display)> Figures(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("formula", out var formula) && element.TryGetProperty("display", out var display) && element.TryGetProperty("inputs", out _))
            {
                yield return (formula.GetString()!, display.GetString()!);
            }

            foreach (var property in element.EnumerateObject())
            {
                foreach (var figure in Figures(property.Value))
                {
                    yield return figure;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var figure in Figures(item))
                {
                    yield return figure;
                }
            }
        }
    }

    [Theory]
    [InlineData("2.5M", 4.0, "a month is 2,500,000 s")]
    [InlineData("30d", 10e6 / 2_592_000, "a month is 30 days")]
    [InlineData("average", 10e6 / 2_629_800, "a month is 30.4375 days")]
    public void The_month_is_chosen_with_an_option_and_always_stated(string month, double writes, string described)
    {
        var json = CliRun.Of("estimate", Example("pastebin.yaml"), "--month", month, "--format", "json");
        var text = CliRun.Of("estimate", Example("pastebin.yaml"), "--month", month);
        var explain = CliRun.Of("estimate", Example("pastebin.yaml"), "--month", month, "--explain");
        var markdown = CliRun.Of("estimate", Example("pastebin.yaml"), "--month", month, "--format", "markdown");

        Assert.Equal(0, json.Exit);
        using var document = JsonDocument.Parse(json.Out);
        var calendar = document.RootElement.GetProperty("calendar");
        Assert.Equal(month, calendar.GetProperty("month").GetString());
        Assert.Equal("option", calendar.GetProperty("source").GetString());
        Assert.Equal(writes, document.RootElement.GetProperty("traffic")[0].GetProperty("average").GetProperty("value").GetDouble(), 9);
        Assert.All([text.Out, explain.Out, markdown.Out], output => Assert.Contains($"Calendar: {described}", output, StringComparison.Ordinal));
        Assert.Contains("seconds per month", explain.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_month_is_a_usage_error()
    {
        var run = CliRun.Of("estimate", Example("pastebin.yaml"), "--month", "lunar");

        Assert.Equal(2, run.Exit);
        Assert.Contains("--month: 'lunar' is not one of average, 30d, 2.5M", run.Error, StringComparison.Ordinal);
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
