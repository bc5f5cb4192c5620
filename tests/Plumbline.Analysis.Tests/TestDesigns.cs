using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Analysis.Tests;

/// <summary>Inline designs through the shared design kit, and the repository's examples as the loader reads text.</summary>
internal static class TestDesigns
{
    public static SystemDesign Load(string yaml) => DesignKit.Load(yaml);

    public static SystemDesign Load(DesignBuilder design) => DesignKit.Load(design.Text);

    public static SystemDesign Example(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "examples", name);
        var result = DesignLoader.LoadText(path, File.ReadAllText(path));
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Design!;
    }
}
