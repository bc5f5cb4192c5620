using Plumbline.Design.Loading;
using Xunit;

namespace Plumbline.Design.Tests.Loading;

public sealed class ExampleDesignTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void There_are_at_least_five_examples() => Assert.True(Examples().Count >= 5);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_loads_without_a_diagnostic(string name)
    {
        var result = LoadExample(Path.Combine(AppContext.BaseDirectory, "examples", name));

        Assert.True(result.Diagnostics.IsEmpty, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.True(result.Success);
        Assert.NotNull(result.Design);
        Assert.NotEmpty(result.Design.Components);
        Assert.NotEmpty(result.Design.Workflows);
        Assert.NotEmpty(result.Design.Slos);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_workflow_entry_and_call_in_an_example_resolves(string name)
    {
        var design = LoadExample(Path.Combine(AppContext.BaseDirectory, "examples", name)).Design!;

        Assert.All(design.Workflows, w => Assert.NotNull(design.FindOperation(w.Entry)));
        Assert.All(design.Components.SelectMany(c => c.Operations).SelectMany(o => o.Calls), c => Assert.NotNull(design.FindOperation(c.To)));
    }

    /// <summary>An example as the loader reads text; reading files is the engine's part.</summary>
    private static Plumbline.Design.Loading.LoadResult LoadExample(string path) => DesignLoader.LoadText(path, File.ReadAllText(path));
}
