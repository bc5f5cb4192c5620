using System.Diagnostics;
using Plumbline.Analysis.Diagrams;
using Plumbline.Design.Loading;
using Plumbline.Reporting.Diagrams;

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
        foreach (var edge in layout.Edges)
        {
            var points = PathPoints(edge.Path);
            foreach (var node in layout.Nodes.Where(n => n.Node.Id != edge.Edge.From && n.Node.Id != edge.Edge.To))
            {
                var inner = new Box(node.Box.X + 1, node.Box.Y + 1, node.Box.Width - 2, node.Box.Height - 2);
                if (points.Any(p => p.X > inner.X && p.X < inner.Right && p.Y > inner.Y && p.Y < inner.Bottom))
                {
                    crossings++;
                    Console.WriteLine($"  {edge.Edge.From} -> {edge.Edge.To} crosses {node.Node.Name}");
                }
            }
        }

        Console.WriteLine($"crossings {crossings}");
        if (args.Length > 2)
        {
            File.WriteAllText(args[2], DiagramRenderer.Render(graph, DiagramFormat.Svg));
        }

        return 0;
    }

    private static List<Spot> PathPoints(string path)
    {
        var tokens = path.Replace("M", " M ", StringComparison.Ordinal).Replace("L", " L ", StringComparison.Ordinal).Replace("C", " C ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var points = new List<Spot>();
        var at = new Spot(0, 0);
        double N(int i) => double.Parse(tokens[i], System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < tokens.Length;)
        {
            switch (tokens[i])
            {
                case "M":
                    at = new Spot(N(i + 1), N(i + 2));
                    points.Add(at);
                    i += 3;
                    break;
                case "L":
                {
                    var to = new Spot(N(i + 1), N(i + 2));
                    var steps = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(Math.Pow(to.X - at.X, 2) + Math.Pow(to.Y - at.Y, 2)) / 2));
                    for (var k = 1; k <= steps; k++)
                    {
                        points.Add(new Spot(at.X + ((to.X - at.X) * k / steps), at.Y + ((to.Y - at.Y) * k / steps)));
                    }

                    at = to;
                    i += 3;
                    break;
                }

                default:
                {
                    var (c1, c2, to) = (new Spot(N(i + 1), N(i + 2)), new Spot(N(i + 3), N(i + 4)), new Spot(N(i + 5), N(i + 6)));
                    var steps = 200;
                    for (var k = 1; k <= steps; k++)
                    {
                        var t = (double)k / steps;
                        var u = 1 - t;
                        points.Add(new Spot(
                            (u * u * u * at.X) + (3 * u * u * t * c1.X) + (3 * u * t * t * c2.X) + (t * t * t * to.X),
                            (u * u * u * at.Y) + (3 * u * u * t * c1.Y) + (3 * u * t * t * c2.Y) + (t * t * t * to.Y)));
                    }

                    at = to;
                    i += 7;
                    break;
                }
            }
        }

        return points;
    }
}
