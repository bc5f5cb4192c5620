using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Analysis.Tests;

/// <summary>Loads inline designs for tests, failing with the loader's diagnostics if one is invalid.</summary>
internal static class TestDesigns
{
    public static SystemDesign Load(string yaml)
    {
        var result = DesignLoader.LoadText("test.yaml", yaml);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Design!;
    }

    public static SystemDesign Example(string name)
    {
        var result = LoadExample(Path.Combine(AppContext.BaseDirectory, "examples", name));
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Design!;
    }

    /// <summary>An example as the loader reads text; reading files is the engine's part.</summary>
    private static Plumbline.Design.Loading.LoadResult LoadExample(string path) => DesignLoader.LoadText(path, File.ReadAllText(path));
}
