using Xunit;

namespace Plumbline.Cli.Tests;

public sealed class HelpTests
{
    [Theory]
    [InlineData("help-root.txt", new[] { "--help" })]
    [InlineData("help-validate.txt", new[] { "validate", "--help" })]
    [InlineData("help-init.txt", new[] { "init", "--help" })]
    [InlineData("help-cost.txt", new[] { "cost", "--help" })]
    [InlineData("help-simulate.txt", new[] { "simulate", "--help" })]
    [InlineData("help-slo.txt", new[] { "slo", "--help" })]
    [InlineData("help-recovery.txt", new[] { "recovery", "--help" })]
    [InlineData("help-export.txt", new[] { "export", "--help" })]
    [InlineData("help-report.txt", new[] { "report", "--help" })]
    [InlineData("help-diff.txt", new[] { "diff", "--help" })]
    [InlineData("help-diagram.txt", new[] { "diagram", "--help" })]
    public void Help_text_matches_the_golden_file(string golden, string[] args)
    {
        var run = CliRun.Of(args);
        Assert.Equal(0, run.Exit);
        Assert.Equal("", run.Error);
        GoldenFile.Verify(golden, run.Out);
    }

    [Fact]
    public void Short_help_alias_prints_the_same_text()
    {
        Assert.Equal(CliRun.Of("validate", "--help").Out, CliRun.Of("validate", "-h").Out);
    }

    [Fact]
    public void Version_prints_the_version_alone()
    {
        var run = CliRun.Of("--version");
        Assert.Equal(0, run.Exit);
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\n$", run.Out);
        Assert.Equal(CliApp.Version + "\n", run.Out);
    }
}
