using System.Text;
using System.Text.Json;
using Xunit;

namespace Plumbline.Cli.Tests;

/// <summary>Arguments are taken as written, and error output stays bounded however bad the file.</summary>
public sealed class ArgumentsAndErrorOutputTests
{
    [Fact]
    public void A_file_whose_name_starts_with_an_at_sign_is_a_file_not_a_response_file()
    {
        // Relative to the working folder, as a user types it: '@design.yaml'.
        var name = $"@design-{Guid.NewGuid():N}.yaml";
        File.WriteAllText(name, Designs.Valid);
        try
        {
            var run = CliRun.Of("validate", name);
            Assert.True(run.Exit == 0, run.Out + run.Error);
            Assert.Equal($"{name}: valid (2 components, 2 workflows)\n", run.Out);
        }
        finally
        {
            File.Delete(name);
        }
    }

    [Fact(Timeout = 10000)]
    public async Task An_at_sign_before_a_device_is_a_missing_file_not_a_read_of_the_device()
    {
        // Response files would have read /dev/zero without end (8.3 GB, then an internal error).
        var run = await Task.Run(() => CliRun.Of("validate", "@/dev/zero"), TestContext.Current.CancellationToken);
        Assert.Equal(2, run.Exit);
        Assert.StartsWith("@/dev/zero:1:1: error PL1016: the file does not exist", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10000)]
    public async Task A_device_given_as_a_design_is_refused_before_it_is_read()
    {
        var run = await Task.Run(() => CliRun.Of("check", "/dev/zero"), TestContext.Current.CancellationToken);
        Assert.Equal(2, run.Exit);
        Assert.Contains("/dev/zero:1:1: error PL1017: the file cannot be read: it is a character device, not a regular file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_name_gets_a_plain_message()
    {
        var run = CliRun.Of("validate", "");
        Assert.Equal(2, run.Exit);
        Assert.StartsWith("plumbline: error PL1017: the file cannot be read: no file name was given (the path is empty)\n", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_thousands_of_errors_lists_the_first_hundred_and_counts_the_rest()
    {
        using var dir = new TempFolder();
        var text = new StringBuilder("plumbline: 1\nsystem:\n  name: noisy\n");
        for (var i = 0; i < 5000; i++)
        {
            text.Append("unknown").Append(i).Append(": 1\n");
        }

        var path = dir.Write("noisy.yaml", text.ToString());
        var run = CliRun.Of("validate", path);
        Assert.Equal(2, run.Exit);
        Assert.Equal(100, CountOf(run.Out, ": error PL2001: unknown key"));
        Assert.Contains($"{path}: ... and 4,900 more errors, not listed (only the first 100 of a file are; fix those and run again)\n", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("5000 errors, 0 warnings in 1 file\n", run.Out, StringComparison.Ordinal);
        Assert.True(run.Out.Length < 50_000, $"{run.Out.Length} characters of output");

        var json = CliRun.Of("validate", path, "--format", "json");
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal(100, document.RootElement.GetProperty("diagnostics").GetArrayLength());
        var file = document.RootElement.GetProperty("files")[0];
        Assert.Equal(5000, file.GetProperty("errors").GetInt32());
        Assert.Equal(4900, file.GetProperty("unlisted").GetInt32());
        Assert.Equal(5000, document.RootElement.GetProperty("summary").GetProperty("errors").GetInt32());
    }

    [Fact]
    public void A_very_long_key_is_echoed_as_a_window()
    {
        using var dir = new TempFolder();
        var key = "k" + new string('x', 60_000) + "tail";
        // An explicit key ('? key'): YAML limits implicit keys to 1,024 characters.
        var path = dir.Write("long.yaml", $"plumbline: 1\nsystem:\n  name: long\n? {key}\n: 1\n");
        var run = CliRun.Of("validate", path);
        Assert.Equal(2, run.Exit);
        var line = run.Out.Split('\n').Single(l => l.Contains("PL2001", StringComparison.Ordinal));
        var message = line[line.IndexOf("unknown key", StringComparison.Ordinal)..];
        Assert.True(message.Length < 300, message);
        Assert.StartsWith("unknown key 'kxxx", message, StringComparison.Ordinal);
        Assert.EndsWith("xxtail' in a design", message, StringComparison.Ordinal);
        Assert.Contains("…(", message, StringComparison.Ordinal);
        Assert.True(run.Out.Length < 1_500 + (3 * path.Length), $"{run.Out.Length} characters of output");
    }

    [Fact]
    public void A_quoted_version_says_it_was_read_as_text()
    {
        using var dir = new TempFolder();
        var path = dir.Write("v.yaml", "plumbline: \"1\"\nsystem:\n  name: quoted\n");
        var run = CliRun.Of("validate", path);
        Assert.Equal(2, run.Exit);
        Assert.Contains("error PL2008: the format version is the text \"1\" (in quotes), not a number; this Plumbline reads version 1", run.Out, StringComparison.Ordinal);
        Assert.Contains("write 'plumbline: 1' (a number, without quotes)", run.Out, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
