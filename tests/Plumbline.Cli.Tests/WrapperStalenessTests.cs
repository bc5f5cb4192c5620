using System.Diagnostics;
using Xunit;

namespace Plumbline.Cli.Tests;

/// <summary>
/// When the <c>./plumbline</c> wrapper rebuilds, checked by a script (Scripts/wrapper-staleness.sh) that runs a copy of
/// the wrapper against a fake SDK: it records what each build started from, so an edit made during a build is built next
/// time, and a source dated in the future builds once rather than on every run.
/// </summary>
public sealed class WrapperStalenessTests
{
    [Fact]
    public async Task The_wrapper_rebuilds_exactly_when_its_sources_changed_since_the_build_started()
    {
        var root = Repository.Root;
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(root, "tests", "Plumbline.Cli.Tests", "Scripts", "wrapper-staleness.sh"));
        start.ArgumentList.Add(Path.Combine(root, "plumbline"));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the wrapper script test did not finish within 2 minutes");
        }

        var stdout = await output;
        var stderr = await error;
        Assert.True(process.ExitCode == 0, stdout + stderr);
        Assert.Equal("ok: 14 runs, 7 builds, each when it should\n", stdout);
    }
}
