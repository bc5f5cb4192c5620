using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Tests.Shared;

/// <summary>
/// An inline design for a test, which must load: the one loader every test kit goes through (the review kit's designs
/// and the figure tests' alike), so the figure tests compile without the review when scripts/mutation builds them alone.
/// </summary>
internal static class DesignKit
{
    /// <summary>A design from text, which must be valid (the test fails with the loader's diagnostics otherwise).</summary>
    public static SystemDesign Load(string yaml, string file = "test.yaml")
    {
        var result = DesignLoader.LoadText(file, yaml);
        Assert.True(result.Success && result.Design is not null,
            $"{file} does not load: {string.Join(Environment.NewLine, result.Diagnostics)}");
        return result.Design;
    }
}
