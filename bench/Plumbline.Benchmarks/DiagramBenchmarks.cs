using Plumbline.Analysis.Diagrams;
using Plumbline.Design.Loading;
using Plumbline.Reporting.Diagrams;

namespace Plumbline.Benchmarks;

/// <summary>
/// The diagrams at 1x, 2x, 4x and 8x one design's size: the generator's layered marketplace at 50 components and
/// 150 calls, then 100/300, 200/600 and 400/1,200. Each case builds the container view and writes it (Mermaid, DOT,
/// or SVG with the in-process layout), so the ratios between sizes show how the cost grows with the design.
/// Run: <c>dotnet run -c Release --project bench/Plumbline.Benchmarks -- quick diagram</c>.
/// </summary>
public static class DiagramQuickCases
{
    public const int BaseComponents = 50;
    public const int BaseCalls = 150;

    public static IEnumerable<QuickCase> Create()
    {
        foreach (var scale in (int[])[1, 2, 4, 8])
        {
            var text = DesignGenerator.Generate(BaseComponents * scale, BaseCalls * scale, seed: 20261203);
            var result = DesignLoader.LoadText("generated.yaml", text);
            LoadInputs.RequireClean($"generated {scale}x", result);
            var design = result.Design!;
            var size = LoadInputs.FileSize(text);
            var label = $"{scale}x ({BaseComponents * scale} components)";
            yield return new QuickCase($"diagram build container {label}", size, () => DiagramBuilder.Build(design, DiagramView.Container));
            yield return new QuickCase($"diagram mermaid container {label}", size, () => DiagramRenderer.Render(design, DiagramView.Container, DiagramFormat.Mermaid));
            yield return new QuickCase($"diagram dot container {label}", size, () => DiagramRenderer.Render(design, DiagramView.Container, DiagramFormat.Dot));
            yield return new QuickCase($"diagram svg container {label}", size, () => DiagramRenderer.Render(design, DiagramView.Container, DiagramFormat.Svg));
        }
    }
}
