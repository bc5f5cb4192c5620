using System.Runtime.CompilerServices;
using System.Text;
using Xunit;

namespace Plumbline.Tests.Shared;

/// <summary>
/// Compares output with a file under this project's Golden/ folder. With PLUMBLINE_ACCEPT=1 the file is
/// rewritten instead, and the diff is the review.
/// </summary>
internal static class GoldenFile
{
    public static void Verify(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerPath)!, "Golden");
        var path = Path.Combine(directory, name);
        actual = actual.ReplaceLineEndings("\n");

        if (Environment.GetEnvironmentVariable("PLUMBLINE_ACCEPT") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(path), $"No golden file {path}; run the tests with PLUMBLINE_ACCEPT=1 to create it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }
}
