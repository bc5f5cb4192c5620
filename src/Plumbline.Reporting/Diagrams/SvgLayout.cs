using System.Collections.Immutable;
using System.Reflection;
using Microsoft.Msagl.Core.Geometry;
using Microsoft.Msagl.Core.Geometry.Curves;
using Microsoft.Msagl.Core.Layout;
using Microsoft.Msagl.Core.Routing;
using Microsoft.Msagl.Layout.Layered;
using Microsoft.Msagl.Miscellaneous;
using Plumbline.Analysis.Diagrams;
using MsaglEdge = Microsoft.Msagl.Core.Layout.Edge;
using MsaglLabel = Microsoft.Msagl.Core.Layout.Label;
using MsaglNode = Microsoft.Msagl.Core.Layout.Node;

namespace Plumbline.Reporting.Diagrams;

/// <summary>A rectangle in SVG coordinates (y grows downwards).</summary>
public readonly record struct Box(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    public double CenterX => X + (Width / 2);

    public double CenterY => Y + (Height / 2);

    /// <summary>Whether the two share any area (touching edges do not count).</summary>
    public bool Overlaps(Box other) => X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

    public static Box Around(double centerX, double centerY, double width, double height) =>
        new(centerX - (width / 2), centerY - (height / 2), width, height);
}

/// <summary>A point in SVG coordinates.</summary>
public readonly record struct Spot(double X, double Y)
{
    /// <summary>How far this point is from <paramref name="box"/> (zero inside it).</summary>
    public double DistanceTo(Box box)
    {
        var dx = Math.Max(Math.Max(box.X - X, 0), X - box.Right);
        var dy = Math.Max(Math.Max(box.Y - Y, 0), Y - box.Bottom);
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}

/// <summary>
/// An edge as drawn: its path (cubic Béziers and lines, in SVG path syntax), its label's box if it has one, and the
/// point on the edge that label belongs to (the writer draws a leader to it when the label had to stand off).
/// </summary>
public sealed record LaidEdge(DiagramEdge Edge, EdgeText Text, string Path, Box? Label, Spot? Anchor = null);

/// <summary>A node as drawn: its box (its shape is drawn inside it) and its text.</summary>
public sealed record LaidNode(DiagramNode Node, NodeText Text, Box Box);

/// <summary>A group as drawn.</summary>
public sealed record LaidGroup(DiagramGroup Group, string Title, Box Box);

/// <summary>A diagram laid out: every box in SVG coordinates; <see cref="View"/> is the area the picture shows, its title line on top.</summary>
public sealed record DiagramLayout(string Title, Box View, ImmutableArray<LaidGroup> Groups, ImmutableArray<LaidNode> Nodes, ImmutableArray<LaidEdge> Edges);

/// <summary>
/// Lays a diagram out in process with AutomaticGraphLayout (MSAGL): a layered (Sugiyama) layout, clusters for
/// groups, the edges between groups routed around the nodes near them (<see cref="GroupEdgeRouter"/>). Node sizes come from their text at a fixed width per character
/// (<see cref="CharWidth"/>, generous for Helvetica and Arial), so the text fits its box; edge labels are then
/// placed along their edge where they cover no node and no other label.
/// </summary>
public static class SvgLayout
{
    private const int LayoutSeed = 1;

    private static readonly Lock LayoutLock = new();

    private static readonly FieldInfo? SharedRandom = typeof(Point).GetField("rnd", BindingFlags.Static | BindingFlags.NonPublic);

    public const double NameSize = 12;
    public const double TextSize = 10;
    public const double EdgeTextSize = 9;
    public const double TitleSize = 14;

    /// <summary>Width of a character as a share of the font size: wide enough that Helvetica or Arial text fits.</summary>
    public const double CharWidth = 0.62;

    public const double NamePadding = 12;
    public const double Margin = 16;
    public const double GroupTitleHeight = 18;

    public static double LineHeight(double size) => Math.Round(size * 1.3, 1);

    /// <summary>The width text takes at <paramref name="size"/>: characters (not UTF-16 units) times the per-character width.</summary>
    public static double TextWidth(string text, double size, bool bold = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = DiagramEscape.Clean(text);
        var characters = 0;
        foreach (var _ in clean.EnumerateRunes())
        {
            characters++;
        }

        return characters * size * (bold ? CharWidth + 0.05 : CharWidth);
    }

    public static DiagramLayout Lay(DiagramGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var title = DiagramLabels.Title(graph);
        var g = new GeometryGraph();
        var clusters = new Dictionary<string, Cluster>(StringComparer.Ordinal);
        var groupTitles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in graph.Groups)
        {
            var cluster = new Cluster { UserData = group.Id };
            var groupTitle = DiagramLabels.Group(group);
            groupTitles[group.Id] = groupTitle;
            cluster.BoundaryCurve = CurveFactory.CreateRectangle(20, 20, new Point());
            cluster.RectangularBoundary = new RectangularClusterBoundary
            {
                LeftMargin = 10,
                RightMargin = 10,
                TopMargin = GroupTitleHeight + 6,
                BottomMargin = 10,
                MinWidth = TextWidth(groupTitle, TextSize) + 20,
                MinHeight = GroupTitleHeight + 20,
            };
            clusters[group.Id] = cluster;
        }

        foreach (var group in graph.Groups)
        {
            var parent = group.Parent is { } p && clusters.TryGetValue(p, out var pc) ? pc : g.RootCluster;
            parent.AddChild(clusters[group.Id]);
        }

        var nodes = new Dictionary<string, (MsaglNode Node, NodeText Text, double Width, double Height)>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            var text = DiagramLabels.Node(node, graph.View.Kind);
            var (width, height) = NodeSize(node.Shape, text);
            var n = new MsaglNode(CurveFactory.CreateRectangle(width, height, new Point()), node.Id);
            g.Nodes.Add(n);
            if (node.Group is { } group && clusters.TryGetValue(group, out var cluster))
            {
                cluster.AddChild(n);
            }

            nodes[node.Id] = (n, text, width, height);
        }

        var edges = new List<(DiagramEdge Edge, EdgeText Text, MsaglEdge Msagl)>();
        foreach (var edge in graph.Edges)
        {
            var text = DiagramLabels.Edge(edge);
            var e = new MsaglEdge(nodes[edge.From].Node, nodes[edge.To].Node);
            if (!text.IsEmpty)
            {
                var (w, h) = EdgeLabelSize(text);
                e.Label = new MsaglLabel(w, h, e);
            }

            g.Edges.Add(e);
            edges.Add((edge, text, e));
        }

        var settings = new SugiyamaLayoutSettings { NodeSeparation = 28, LayerSeparation = 56, ClusterMargin = 12 };
        settings.EdgeRoutingSettings.EdgeRoutingMode = EdgeRoutingMode.Spline;

        // A group of more than 30 to 50 nodes that MSAGL finds too dense, too wide or too tall for a layered layout it
        // would otherwise hand to a force-directed layout: cost that grows faster than the group (15 times the bytes from
        // 50 to 400 components). Its fallback is set to the same layered layout instead, so every group is layered.
        settings.FallbackLayoutSettings = settings.Clone();
        if (g.Nodes.Count > 0)
        {
            // MSAGL's spline router draws from one Random shared by the whole process (Point.rnd), so a layout
            // would depend on the layouts run before it and on layouts running beside it. Each layout starts
            // that generator from the same seed, one at a time: the same design gives the same picture.
            lock (LayoutLock)
            {
                SharedRandom?.SetValue(null, new Random(LayoutSeed));
                if (g.RootCluster.Clusters.Any())
                {
                    GroupEdgeRouter.Layout(g, settings);
                }
                else
                {
                    LayoutHelpers.CalculateLayout(g, settings, null);
                }
            }
        }

        // MSAGL's y grows upwards; SVG's downwards, below a title line.
        var bounds = g.Nodes.Count > 0 ? g.BoundingBox : new Rectangle(0, 0, new Point(0, 0));
        var titleHeight = LineHeight(TitleSize) + 8;
        var left = bounds.Left;
        var top = bounds.Top;
        double X(double x) => x - left;
        double Y(double y) => top - y;
        Box ToBox(Rectangle r) => new(X(r.Left), Y(r.Top), r.Width, r.Height);

        var laidNodes = graph.Nodes.Select(n =>
        {
            var (node, text, width, height) = nodes[n.Id];
            return new LaidNode(n, text, Box.Around(X(node.Center.X), Y(node.Center.Y), width, height));
        }).ToImmutableArray();
        var laidGroups = graph.Groups.Select(group => new LaidGroup(group, groupTitles[group.Id], ToBox(clusters[group.Id].BoundingBox))).ToImmutableArray();

        // Labels keep off the nodes and off the groups' titles (the group outlines themselves they may cross).
        var placer = new LabelPlacer(laidNodes.Select(n => n.Box).Concat(laidGroups.Select(GroupTitleBox)));
        var laidEdges = ImmutableArray.CreateBuilder<LaidEdge>(edges.Count);
        foreach (var (edge, text, msagl) in edges)
        {
            var curve = msagl.Curve ?? new LineSegment(msagl.Source.Center, msagl.Target.Center);
            var path = PathOf(curve, X, Y);
            Box? label = null;
            Spot? anchor = null;
            if (msagl.Label is { } l)
            {
                var preferred = Box.Around(X(l.Center.X), Y(l.Center.Y), l.Width, l.Height);
                var nearest = curve[curve.ClosestParameter(l.Center)];
                (label, anchor) = placer.Place(preferred, new Spot(X(nearest.X), Y(nearest.Y)), t => { var p = curve[curve.ParStart + (t * (curve.ParEnd - curve.ParStart))]; return new Spot(X(p.X), Y(p.Y)); });
            }

            laidEdges.Add(new LaidEdge(edge, text, path, label, anchor));
        }

        // The picture covers everything drawn, labels moved out of the way included, under a title line.
        var all = laidNodes.Select(n => n.Box).Concat(laidGroups.Select(gr => gr.Box)).Concat(laidEdges.Where(e => e.Label is not null).Select(e => e.Label!.Value)).ToList();
        var minX = all.Count == 0 ? 0 : all.Min(b => b.X);
        var minY = all.Count == 0 ? 0 : all.Min(b => b.Y);
        var maxX = all.Count == 0 ? 0 : all.Max(b => b.Right);
        var maxY = all.Count == 0 ? 0 : all.Max(b => b.Bottom);
        var view = new Box(minX - Margin, minY - Margin - titleHeight, Math.Max(maxX - minX, TextWidth(title, TitleSize, bold: true)) + (2 * Margin), maxY - minY + (2 * Margin) + titleHeight);
        return new DiagramLayout(title, view, laidGroups, laidNodes, laidEdges.ToImmutable());
    }

    /// <summary>Where a group's title is written: its top left corner, one line high (as <see cref="SvgDiagramWriter"/> writes it).</summary>
    public static Box GroupTitleBox(LaidGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new Box(group.Box.X + 6, group.Box.Y + 2, TextWidth(group.Title, TextSize) + 4, GroupTitleHeight - 2);
    }

    /// <summary>The box a node's text needs, plus what its shape takes around the text (slanted sides, a cylinder's ends).</summary>
    public static (double Width, double Height) NodeSize(NodeShape shape, NodeText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var width = TextWidth(text.Name, NameSize, bold: true);
        foreach (var line in text.Details.Concat(text.Marks))
        {
            width = Math.Max(width, TextWidth(line, TextSize));
        }

        width += 2 * NamePadding;
        var height = LineHeight(NameSize) + ((text.Details.Count + text.Marks.Count) * LineHeight(TextSize)) + 14;
        var (extraWidth, extraHeight) = ShapeAllowance(shape, height);
        return (Math.Ceiling(Math.Max(width + extraWidth, 80)), Math.Ceiling(height + extraHeight));
    }

    /// <summary>What a shape adds to the text's box so the text stays inside its outline.</summary>
    public static (double Width, double Height) ShapeAllowance(NodeShape shape, double height) => shape switch
    {
        NodeShape.Person => (height * 0.6, 0),
        NodeShape.Client or NodeShape.Queue or NodeShape.LoadBalancer or NodeShape.Gateway or NodeShape.Cdn => (2 * Slant, 0),
        NodeShape.Cache => (Slant, 0),
        NodeShape.Worker => (16, 0),
        NodeShape.Database => (0, 2 * CylinderCap),
        NodeShape.ObjectStore => (0, FolderTab),
        _ => (0, 0),
    };

    /// <summary>How far a slanted side leans in (parallelograms, trapezoids, the hexagon's points, the cache's notch).</summary>
    public const double Slant = 14;

    public const double CylinderCap = 7;

    public const double FolderTab = 8;

    public static (double Width, double Height) EdgeLabelSize(EdgeText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var width = text.All.Select(l => TextWidth(l, EdgeTextSize)).DefaultIfEmpty(0).Max() + 8;
        var height = (text.All.Count() * LineHeight(EdgeTextSize)) + 4;
        return (Math.Ceiling(width), Math.Ceiling(height));
    }

    /// <summary>A curve as an SVG path: lines and cubic Béziers exactly, anything else sampled.</summary>
    private static string PathOf(ICurve curve, Func<double, double> x, Func<double, double> y)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append('M').Append(Num(x(curve.Start.X))).Append(' ').Append(Num(y(curve.Start.Y)));
        void Segment(ICurve segment)
        {
            switch (segment)
            {
                case LineSegment line:
                    sb.Append(" L").Append(Num(x(line.End.X))).Append(' ').Append(Num(y(line.End.Y)));
                    break;
                case CubicBezierSegment bezier:
                    sb.Append(" C").Append(Num(x(bezier.B(1).X))).Append(' ').Append(Num(y(bezier.B(1).Y)))
                        .Append(' ').Append(Num(x(bezier.B(2).X))).Append(' ').Append(Num(y(bezier.B(2).Y)))
                        .Append(' ').Append(Num(x(bezier.B(3).X))).Append(' ').Append(Num(y(bezier.B(3).Y)));
                    break;
                case Curve composite:
                    foreach (var s in composite.Segments)
                    {
                        Segment(s);
                    }

                    break;
                default:
                    for (var i = 1; i <= 12; i++)
                    {
                        var p = segment[segment.ParStart + (i / 12.0 * (segment.ParEnd - segment.ParStart))];
                        sb.Append(" L").Append(Num(x(p.X))).Append(' ').Append(Num(y(p.Y)));
                    }

                    break;
            }
        }

        Segment(curve);
        return sb.ToString();
    }

    /// <summary>A coordinate as SVG writes it: invariant, at most one decimal.</summary>
    public static string Num(double value) =>
        Math.Round(value, 1).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Puts each edge label where it covers no node, no group title and no label placed before it: where the layout
    /// put it if that is free, else the free spot nearest its edge, searched ring by ring around points along the
    /// edge (centred on it first, then beside, above, below and at the corners, a step further out each ring). A grid
    /// of cells keeps each check to the boxes nearby, so placing grows with the number of labels.
    /// </summary>
    private sealed class LabelPlacer
    {
        private const double Cell = 120;
        private const double Gap = 4;
        private const double RingStep = 10;
        private const int Rings = 24;
        private static readonly double[] Along = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.35, 0.65, 0.25, 0.75, 0.15, 0.85];
        private readonly Dictionary<(int, int), List<Box>> _grid = [];

        public LabelPlacer(IEnumerable<Box> obstacles)
        {
            foreach (var box in obstacles)
            {
                Add(Inflate(box, 2));
            }
        }

        /// <summary>The label's box, and the point on the edge it stands for.</summary>
        public (Box Label, Spot Anchor) Place(Box preferred, Spot nearest, Func<double, Spot> along)
        {
            // Where the layout put it, if that is free and by the edge (it sometimes leaves a label a node's height off).
            if (nearest.DistanceTo(preferred) <= Gap + RingStep && IsFree(preferred))
            {
                Add(preferred);
                return (preferred, nearest);
            }

            var (w, h) = (preferred.Width, preferred.Height);
            for (var ring = 0; ring <= Rings; ring++)
            {
                foreach (var t in Along)
                {
                    var at = along(t);
                    foreach (var box in Around(at, w, h, ring))
                    {
                        if (IsFree(box))
                        {
                            Add(box);
                            return (box, at);
                        }
                    }
                }
            }

            // Crowded all round: step right of the middle of the edge until free; the leader shows whose it is.
            var middle = along(0.5);
            for (var step = Rings + 1; step < 10_000; step++)
            {
                var box = Box.Around(middle.X + (w / 2) + (step * RingStep), middle.Y, w, h);
                if (IsFree(box))
                {
                    Add(box);
                    return (box, middle);
                }
            }

            Add(preferred);
            return (preferred, nearest);
        }

        /// <summary>The boxes of one ring around <paramref name="at"/>: ring 0 is centred on it; ring r stands off by r - 1 steps beyond touching, on each side and at the corners.</summary>
        private static IEnumerable<Box> Around(Spot at, double w, double h, int ring)
        {
            if (ring == 0)
            {
                yield return Box.Around(at.X, at.Y, w, h);
                yield break;
            }

            var off = (ring - 1) * RingStep;
            var dx = (w / 2) + Gap + off;
            var dy = (h / 2) + Gap + off;
            yield return Box.Around(at.X + dx, at.Y, w, h);
            yield return Box.Around(at.X - dx, at.Y, w, h);
            yield return Box.Around(at.X, at.Y - dy, w, h);
            yield return Box.Around(at.X, at.Y + dy, w, h);
            yield return Box.Around(at.X + dx, at.Y - dy, w, h);
            yield return Box.Around(at.X - dx, at.Y - dy, w, h);
            yield return Box.Around(at.X + dx, at.Y + dy, w, h);
            yield return Box.Around(at.X - dx, at.Y + dy, w, h);
        }

        private static Box Inflate(Box b, double by) => new(b.X - by, b.Y - by, b.Width + (2 * by), b.Height + (2 * by));

        private bool IsFree(Box box)
        {
            foreach (var cell in Cells(box))
            {
                if (_grid.TryGetValue(cell, out var boxes) && boxes.Any(b => b.Overlaps(box)))
                {
                    return false;
                }
            }

            return true;
        }

        private void Add(Box box)
        {
            foreach (var cell in Cells(box))
            {
                if (!_grid.TryGetValue(cell, out var boxes))
                {
                    _grid[cell] = boxes = [];
                }

                boxes.Add(box);
            }
        }

        private static IEnumerable<(int, int)> Cells(Box box)
        {
            for (var i = (int)Math.Floor(box.X / Cell); i <= (int)Math.Floor(box.Right / Cell); i++)
            {
                for (var j = (int)Math.Floor(box.Y / Cell); j <= (int)Math.Floor(box.Bottom / Cell); j++)
                {
                    yield return (i, j);
                }
            }
        }
    }
}
