using System.Diagnostics;
using System.Xml.Linq;
using Plumbline.Reporting.Diagrams;
using Xunit;

namespace Plumbline.Reporting.Tests.Diagrams;

/// <summary>
/// The DOT against its real consumer: Debian's Graphviz <c>dot -Tsvg</c> (the test script installs it) renders every
/// view of every example, and a warning on standard error fails the test as an error would.
/// </summary>
public sealed class GraphvizTests
{
    [Theory]
    [MemberData(nameof(DiagramExamples.ExampleViews), MemberType = typeof(DiagramExamples))]
    public void Graphviz_renders_every_view_of_every_example_without_a_warning(string example, string view)
    {
        var dot = DiagramRenderer.Render(DiagramExamples.Load(example), DiagramExamples.View(view), DiagramFormat.Dot).Text;

        var (exit, svg, error) = Dot(dot);

        Assert.True(exit == 0 && error.Length == 0, $"dot -Tsvg exited {exit}: {error}");
        Assert.Equal("svg", XDocument.Parse(svg).Root!.Name.LocalName);
    }

    /// <summary>Runs <c>dot -Tsvg</c> on <paramref name="input"/>; fails (never skips) when Graphviz is missing.</summary>
    internal static (int Exit, string Out, string Error) Dot(string input)
    {
        var start = new ProcessStartInfo("dot") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-Tsvg");
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"Graphviz's dot is not installed ({ex.Message}); scripts/test installs it (apt-get install graphviz)");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("dot did not finish within 2 minutes");
            }

            return (process.ExitCode, output.Result, error.Result);
        }
    }
}
