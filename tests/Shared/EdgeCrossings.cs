using System.Globalization;
using Plumbline.Reporting.Diagrams;

namespace Plumbline.Tests.Shared;

/// <summary>
/// Where a laid-out diagram draws an edge through a node other than its two ends: the tests assert there is none, and the
/// diagram probe of the benchmarks lists them. Each path is sampled every couple of pixels; a pixel of slack is left at a
/// node's outline, where antialiasing would not show a touch.
/// </summary>
public static class EdgeCrossings
{
    /// <summary>Each edge that passes through a node between its ends, with that node.</summary>
    public static IEnumerable<(LaidEdge Edge, LaidNode Node)> Of(DiagramLayout layout)
    {
        foreach (var edge in layout.Edges)
        {
            var points = PathPoints(edge.Path);
            foreach (var node in layout.Nodes.Where(n => n.Node.Id != edge.Edge.From && n.Node.Id != edge.Edge.To))
            {
                var inner = new Box(node.Box.X + 1, node.Box.Y + 1, node.Box.Width - 2, node.Box.Height - 2);
                if (points.Any(p => p.X > inner.X && p.X < inner.Right && p.Y > inner.Y && p.Y < inner.Bottom))
                {
                    yield return (edge, node);
                }
            }
        }
    }

    /// <summary>Points along an SVG path of M, L and C commands (as the layout writes them), about every 2 px.</summary>
    public static List<Spot> PathPoints(string path)
    {
        var tokens = path.Replace("M", " M ", StringComparison.Ordinal).Replace("L", " L ", StringComparison.Ordinal).Replace("C", " C ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var points = new List<Spot>();
        var at = new Spot(0, 0);
        double N(int i) => double.Parse(tokens[i], CultureInfo.InvariantCulture);
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
                    var steps = Math.Max(1, (int)Math.Ceiling(Distance(at, to) / 2));
                    for (var k = 1; k <= steps; k++)
                    {
                        points.Add(new Spot(at.X + ((to.X - at.X) * k / steps), at.Y + ((to.Y - at.Y) * k / steps)));
                    }

                    at = to;
                    i += 3;
                    break;
                }

                case "C":
                {
                    var (c1, c2, to) = (new Spot(N(i + 1), N(i + 2)), new Spot(N(i + 3), N(i + 4)), new Spot(N(i + 5), N(i + 6)));
                    var hull = Distance(at, c1) + Distance(c1, c2) + Distance(c2, to);
                    var steps = Math.Max(2, (int)Math.Ceiling(hull / 2));
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

                default:
                    throw new FormatException($"unexpected path command {tokens[i]} in {path}");
            }
        }

        return points;
    }

    private static double Distance(Spot a, Spot b) => Math.Sqrt(Math.Pow(a.X - b.X, 2) + Math.Pow(a.Y - b.Y, 2));
}
