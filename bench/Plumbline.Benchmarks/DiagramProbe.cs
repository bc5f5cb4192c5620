using System.Diagnostics;
using Plumbline.Analysis.Diagrams;
using Plumbline.Design.Loading;
using Plumbline.Reporting.Diagrams;
using Plumbline.Tests.Shared;

namespace Plumbline.Benchmarks;

/// <summary>
/// <c>-- diagram-probe SCALE [FILE]</c>: lays out the container view of the diagrams' generated design at SCALE
/// (1 = 50 components) once after a warm-up, prints the process CPU time and the bytes allocated on all threads, the
/// picture's size, and every edge that passes through a node other than its two ends (its path sampled as the tests
/// sample it); writes the SVG to FILE if given, to look at.
/// </summary>
public static class DiagramProbe
{
    public static int Run(string[] args)
    {
        var scale = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        var text = DesignGenerator.Generate(DiagramQuickCases.BaseComponents * scale, DiagramQuickCases.BaseCalls * scale, seed: 20261203);
        var design = DesignLoader.LoadText("generated.yaml", text).Design!;
        var graph = DiagramBuilder.Build(design, DiagramView.Container).Graph!;
        _ = SvgLayout.Lay(graph);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(true);
        var layout = SvgLayout.Lay(graph);
        process.Refresh();
        Console.WriteLine($"{scale}x cpu {(process.TotalProcessorTime - cpu).TotalMilliseconds:0} ms alloc {(GC.GetTotalAllocatedBytes(true) - bytes) / 1e6:0} MB size {layout.View.Width:0}x{layout.View.Height:0} edges {layout.Edges.Length}");
        var crossings = 0;
        foreach (var (edge, node) in EdgeCrossings.Of(layout))
        {
            crossings++;
            Console.WriteLine($"  {edge.Edge.From} -> {edge.Edge.To} crosses {node.Node.Name}");
        }

        Console.WriteLine($"crossings {crossings}");
        if (args.Length > 2)
        {
            File.WriteAllText(args[2], DiagramRenderer.Render(graph, DiagramFormat.Svg));
        }

        return 0;
    }
}
