using Plumbline.Analysis.Diagrams;
using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Reporting.Tests.Diagrams;

/// <summary>The examples loaded once, and every view each of them has: container, context, dataflow and one per workflow.</summary>
internal static class DiagramExamples
{
    private static readonly Dictionary<string, SystemDesign> Loaded = new(StringComparer.Ordinal);

    public static SystemDesign Load(string name)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(name, out var design))
            {
                var result = DesignLoader.LoadText(name + ".yaml", File.ReadAllText(Repository.Example(name + ".yaml")));
                Assert.True(result.Success && result.Design is not null, $"{name} does not load");
                Loaded[name] = design = result.Design;
            }

            return design;
        }
    }

    public static IEnumerable<DiagramView> Views(SystemDesign design) =>
        new[] { DiagramView.Container, DiagramView.Context, DiagramView.DataFlow }.Concat(design.Workflows.Select(w => DiagramView.OfWorkflow(w.Name)));

    /// <summary>Every example with every view it has, as theory data: ("url-shortener", "workflow:redirect").</summary>
    public static TheoryData<string, string> ExampleViews()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Directory.GetFiles(Path.Combine(Repository.Root, "examples"), "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal))
        {
            foreach (var view in Views(Load(name!)))
            {
                data.Add(name!, view.ToString());
            }
        }

        return data;
    }

    public static DiagramView View(string text)
    {
        Assert.True(DiagramView.TryParse(text, out var view), text);
        return view;
    }
}
