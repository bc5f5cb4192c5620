using System.Runtime.CompilerServices;
using System.Text;
using Xunit;

namespace Plumbline.Tests.Shared;

/// <summary>
/// The one accept switch for expected outputs: compares output with a golden file in the source tree, and
/// with PLUMBLINE_ACCEPT=1 rewrites the file instead, so the diff is the review.
/// </summary>
internal static class GoldenFile
{
    /// <summary>True when the run rewrites golden files (PLUMBLINE_ACCEPT=1).</summary>
    public static bool Accepting => Environment.GetEnvironmentVariable("PLUMBLINE_ACCEPT") == "1";

    /// <summary>Compares with <c>Golden/NAME</c> beside the calling test's source file.</summary>
    public static void Verify(string name, string actual, [CallerFilePath] string callerPath = "") =>
        VerifyAt(Path.Combine(Path.GetDirectoryName(callerPath)!, "Golden", name), actual);

    /// <summary>Compares with the file at <paramref name="path"/> (a path in the source tree, not a copy in bin).</summary>
    public static void VerifyAt(string path, string actual)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(actual);
        actual = actual.ReplaceLineEndings("\n");
        if (Accepting)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(path), $"No golden file {path}; run the tests with PLUMBLINE_ACCEPT=1 to create it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }
}
