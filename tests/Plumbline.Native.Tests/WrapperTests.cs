using System.Diagnostics;
using Xunit;

namespace Plumbline.Native.Tests;

/// <summary>
/// The README's command end to end: the <c>./plumbline</c> wrapper builds the native (AOT) binary from this
/// checkout and runs it, and the binary answers exactly as the CLI does in-process. Slow on a fresh
/// clone (one Native AOT publish, minutes on two cores), then quick. Not a unit test: scripts/test runs
/// this project in a step of its own, after the unit and integration tests, and times it separately.
/// </summary>
public sealed class WrapperTests
{
    private static readonly string Root = Repository.Root;

    /// <summary>
    /// The first run builds the binary: minutes on two idle cores, far more on a loaded machine. Every test waits for
    /// that one build (with a generous limit) before it times its own run, whichever test the runner starts first.
    /// </summary>
    private static readonly Lazy<(int Exit, string Out, string Error)> Build = new(() => Run(TimeSpan.FromMinutes(40), "--version"));

    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var built = Build.Value;
        Assert.True(built.Exit == 0, "./plumbline did not build: " + built.Error);
        return Run(TimeSpan.FromMinutes(10), args);
    }

    private static (int Exit, string Out, string Error) Run(TimeSpan limit, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Root, "plumbline"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"./plumbline did not finish within {limit.TotalMinutes} minutes");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void The_wrapper_builds_a_native_binary_that_validates_every_example_and_reviews_like_the_cli()
    {
        var examples = Directory.GetFiles(Path.Combine(Root, "examples"), "*.yaml")
            .Select(f => Path.GetRelativePath(Root, f)).Order(StringComparer.Ordinal).ToArray();

        var validate = Run(["validate", .. examples]);

        Assert.True(validate.Exit == 0, validate.Out + validate.Error);
        Assert.Equal(examples.Length, validate.Out.Split('\n').Count(l => l.Contains(": valid (", StringComparison.Ordinal)));
        Assert.DoesNotContain("trying ReadyToRun", Build.Value.Error + validate.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Root, ".plumbline", "bin", "plumbline")), "no binary was built");
        Assert.False(File.Exists(Path.Combine(Root, ".plumbline", "bin", "plumbline.dll")), "the binary is not a Native AOT build");

        var check = Run("check", "examples/url-shortener.yaml", "--today", "2026-11-25");

        Assert.Equal(0, check.Exit);
        Assert.Equal(File.ReadAllText(Path.Combine(Root, "tests", "Plumbline.Cli.Tests", "Golden", "check-url-shortener.txt")), check.Out);
    }

    [Fact]
    public void The_native_binary_lays_out_and_writes_the_SVG_diagram()
    {
        var svg = Run("diagram", "examples/url-shortener.yaml", "--format", "svg", "--view", "container");

        Assert.True(svg.Exit == 0 && svg.Error.Length == 0, svg.Error);
        var document = System.Xml.Linq.XDocument.Parse(svg.Out);
        Assert.Equal("svg", document.Root!.Name.LocalName);
        var nodes = document.Descendants().Where(e => e.Name.LocalName == "g" && ((string?)e.Attribute("class"))?.StartsWith("node ", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(11, nodes.Count);
        var edges = document.Descendants().Where(e => e.Name.LocalName == "path" && ((string?)e.Attribute("class"))?.StartsWith("edge ", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(12, edges.Count);
        Assert.All(edges, e => Assert.Matches("^M[-0-9.]+ [-0-9.]+( [LC][-0-9. ]+)+$", (string)e.Attribute("d")!));
    }
}
