using System.Text.Json;
using Xunit;

namespace Plumbline.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Fact]
    public void A_valid_design_exits_0_with_a_one_line_summary()
    {
        using var dir = new TempFolder();
        var path = dir.Write("shop.yaml", Designs.Valid);
        var run = CliRun.Of("validate", path);
        Assert.True(run.Exit == 0, run.Out + run.Error);
        Assert.Equal($"{path}: valid (2 components, 2 workflows)\n", run.Out);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void An_invalid_design_exits_2_and_points_at_the_lines()
    {
        using var dir = new TempFolder();
        var path = dir.Write("broken.yaml", Designs.Invalid);
        var run = CliRun.Of("validate", path);
        Assert.Equal(2, run.Exit);
        Assert.Contains($"{path}:11:5: error PL", run.Out, StringComparison.Ordinal);
        Assert.Contains("instancez", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"\n\d+ errors?, \d+ warnings? in 1 file\n$", run.Out);
        Assert.DoesNotContain("   at ", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_exits_2_with_a_diagnostic_not_a_stack_trace()
    {
        using var dir = new TempFolder();
        var path = dir.File("nope.yaml");
        var run = CliRun.Of("validate", path);
        Assert.Equal(2, run.Exit);
        Assert.StartsWith(path, run.Out, StringComparison.Ordinal);
        Assert.Contains("error PL", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_files_are_all_checked_and_one_bad_one_fails_the_run()
    {
        using var dir = new TempFolder();
        var good = dir.Write("a.yaml", Designs.Valid);
        var bad = dir.Write("b.yaml", Designs.Invalid);
        var run = CliRun.Of("validate", good, bad);
        Assert.Equal(2, run.Exit);
        Assert.Contains($"{good}: valid", run.Out, StringComparison.Ordinal);
        Assert.Contains($"{bad}:", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"in 2 files\n$", run.Out);
    }

    [Theory]
    [InlineData("")]
    [InlineData("validate")]
    [InlineData("validate x.yaml --format xml")]
    [InlineData("validate x.yaml --bogus")]
    [InlineData("frobnicate")]
    [InlineData("init --template")]
    public void Usage_errors_exit_2_with_a_hint_on_stderr(string commandLine)
    {
        var run = CliRun.Of(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
        Assert.StartsWith("plumbline: error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("--help' for usage.", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("valdate x.yaml", "Did you mean 'validate' instead of 'valdate'?")]
    [InlineData("inti", "Did you mean 'init' instead of 'inti'?")]
    [InlineData("validate x.yaml --fromat json", "Did you mean '--format' instead of '--fromat'?")]
    [InlineData("init --forse", "Did you mean '--force' instead of '--forse'?")]
    public void A_near_miss_gets_a_suggestion(string commandLine, string suggestion)
    {
        var run = CliRun.Of(commandLine.Split(' '));
        Assert.Equal(2, run.Exit);
        Assert.Contains(suggestion + "\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_parses_and_has_the_fields()
    {
        using var dir = new TempFolder();
        var good = dir.Write("a.yaml", Designs.Valid);
        var bad = dir.Write("b.yaml", Designs.Invalid);
        var run = CliRun.Of("validate", "--format", "json", good, bad);
        Assert.Equal(2, run.Exit);

        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());

        var files = root.GetProperty("files").EnumerateArray().ToArray();
        Assert.Equal(2, files.Length);
        Assert.Equal(good, files[0].GetProperty("file").GetString());
        Assert.True(files[0].GetProperty("valid").GetBoolean());
        Assert.Equal("tiny-shop", files[0].GetProperty("system").GetString());
        Assert.Equal(2, files[0].GetProperty("components").GetInt32());
        Assert.Equal(2, files[0].GetProperty("workflows").GetInt32());
        Assert.False(files[1].GetProperty("valid").GetBoolean());

        var diagnostics = root.GetProperty("diagnostics").EnumerateArray().ToArray();
        Assert.NotEmpty(diagnostics);
        foreach (var d in diagnostics)
        {
            foreach (var name in new[] { "file", "line", "column", "endLine", "endColumn", "code", "severity", "path", "message", "help" })
            {
                Assert.True(d.TryGetProperty(name, out _), $"missing {name}");
            }

            Assert.Equal(bad, d.GetProperty("file").GetString());
            Assert.StartsWith("PL", d.GetProperty("code").GetString(), StringComparison.Ordinal);
        }

        var summary = root.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("files").GetInt32());
        Assert.Equal(diagnostics.Count(d => d.GetProperty("severity").GetString() == "error"), summary.GetProperty("errors").GetInt32());
    }

    [Fact]
    public void Json_output_for_a_valid_file_has_no_diagnostics()
    {
        using var dir = new TempFolder();
        var run = CliRun.Of("validate", "-f", "json", dir.Write("a.yaml", Designs.Valid));
        Assert.Equal(0, run.Exit);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.True(doc.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(0, doc.RootElement.GetProperty("diagnostics").GetArrayLength());
    }
}
