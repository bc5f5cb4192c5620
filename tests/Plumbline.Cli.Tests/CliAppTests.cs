using System.CommandLine;
using Xunit;

namespace Plumbline.Cli.Tests;

public sealed class CliAppTests
{
    [Fact]
    public void A_bug_ends_with_exit_70_and_one_line_not_a_stack_trace()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, new StringReader(""));

        var exit = CliApp.Run(["boom"], console, _ =>
        {
            var boom = new Command("boom");
            boom.SetAction(int (_) => throw new InvalidOperationException("the sky\nfell"));
            return new Command("plumbline") { boom };
        });

        Assert.Equal(70, exit);
        Assert.Equal("", output.ToString());
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("plumbline: internal error: InvalidOperationException: the sky fell", lines[0]);
        Assert.Contains("report", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error.ToString(), StringComparison.Ordinal);
    }
}
