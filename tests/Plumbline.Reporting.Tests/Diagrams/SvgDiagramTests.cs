using System.Xml.Linq;
using Plumbline.Analysis.Diagrams;
using Plumbline.Reporting.Diagrams;
using Xunit;

namespace Plumbline.Reporting.Tests.Diagrams;

/// <summary>The SVG laid out in process: well-formed XML for every view of every example, and readable at fifty components.</summary>
public sealed class SvgDiagramTests
{
    [Theory]
    [MemberData(nameof(DiagramExamples.ExampleViews), MemberType = typeof(DiagramExamples))]
    public void Every_view_of_every_example_is_well_formed_SVG_with_a_shape_per_node(string example, string view)
    {
        var design = DiagramExamples.Load(example);
        var graph = DiagramBuilder.Build(design, DiagramExamples.View(view)).Graph!;

        var svg = XDocument.Parse(DiagramRenderer.Render(graph, DiagramFormat.Svg));

        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.Equal(graph.Nodes.Length, svg.Descendants(ns + "g").Count(g => ((string?)g.Attribute("class"))?.StartsWith("node ", StringComparison.Ordinal) == true));
        Assert.Equal(graph.Edges.Length, svg.Descendants(ns + "path").Count(p => ((string?)p.Attribute("class"))?.StartsWith("edge ", StringComparison.Ordinal) == true));
    }

    [Fact]
    public void The_same_view_gives_the_same_picture_whatever_was_laid_out_before_it()
    {
        string Svg(string example, string view) =>
            DiagramRenderer.Render(DiagramBuilder.Build(DiagramExamples.Load(example), DiagramExamples.View(view)).Graph!, DiagramFormat.Svg);

        var first = Svg("url-shortener", "workflow:redirect");
        _ = Svg("ride-hailing", "container");
        _ = Svg("payments-ledger", "dataflow");
        var again = Svg("url-shortener", "workflow:redirect");

        Assert.Equal(first, again);
    }

    [Fact]
    public void At_fifty_components_no_two_nodes_overlap_and_no_edge_label_covers_a_node_or_another_label()
    {
        var design = Load(GeneratedDesigns.Fifty);
        Assert.Equal(50, design.Components.Length);
        var graph = DiagramBuilder.Build(design, DiagramView.Container).Graph!;

        var layout = SvgLayout.Lay(graph);

        Assert.Equal(52, layout.Nodes.Length);
        var nodes = layout.Nodes.Select(n => n.Box).ToList();
        var labels = layout.Edges.Where(e => e.Label is not null).Select(e => e.Label!.Value).ToList();
        Assert.Equal(graph.Edges.Count(e => !DiagramLabels.Edge(e).IsEmpty), labels.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            for (var j = i + 1; j < nodes.Count; j++)
            {
                Assert.False(nodes[i].Overlaps(nodes[j]), $"{layout.Nodes[i].Node.Name} overlaps {layout.Nodes[j].Node.Name}");
            }
        }

        for (var i = 0; i < labels.Count; i++)
        {
            Assert.DoesNotContain(nodes, n => n.Overlaps(labels[i]));
            for (var j = i + 1; j < labels.Count; j++)
            {
                Assert.False(labels[i].Overlaps(labels[j]), $"labels {i} and {j} overlap");
            }
        }

        // Each node's box holds its text at the width the layout allows per character.
        foreach (var n in layout.Nodes)
        {
            Assert.True(SvgLayout.TextWidth(n.Text.Name, SvgLayout.NameSize, bold: true) < n.Box.Width, n.Node.Name);
            Assert.True(n.Text.Details.Concat(n.Text.Marks).All(l => SvgLayout.TextWidth(l, SvgLayout.TextSize) < n.Box.Width), n.Node.Name);
        }

        Assert.True(layout.View.Width > 0 && layout.View.Height > 0);
        foreach (var box in nodes.Concat(labels))
        {
            Assert.True(box.X >= layout.View.X && box.Right <= layout.View.X + layout.View.Width && box.Y >= layout.View.Y && box.Bottom <= layout.View.Y + layout.View.Height, "a box lies outside the picture");
        }
    }

    [Theory]
    [MemberData(nameof(DiagramExamples.ExampleViews), MemberType = typeof(DiagramExamples))]
    public void Every_label_of_every_example_stays_by_its_edge_and_off_the_nodes_and_group_titles(string example, string view) =>
        AssertLabelsPlaced(SvgLayout.Lay(DiagramBuilder.Build(DiagramExamples.Load(example), DiagramExamples.View(view)).Graph!));

    [Fact]
    public void At_fifty_components_every_label_stays_by_its_edge_and_off_the_group_titles() =>
        AssertLabelsPlaced(SvgLayout.Lay(DiagramBuilder.Build(Load(GeneratedDesigns.Fifty), DiagramView.Container).Graph!));

    [Theory]
    [MemberData(nameof(DiagramExamples.ExampleViews), MemberType = typeof(DiagramExamples))]
    public void A_label_standing_off_its_edge_is_tied_to_it_by_a_leader_line(string example, string view)
    {
        var graph = DiagramBuilder.Build(DiagramExamples.Load(example), DiagramExamples.View(view)).Graph!;
        var layout = SvgLayout.Lay(graph);
        var standingOff = layout.Edges.Count(e => e.Label is { } box && e.Anchor!.Value.DistanceTo(box) > 2);

        var svg = XDocument.Parse(DiagramRenderer.Render(graph, DiagramFormat.Svg));

        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(standingOff, svg.Descendants(ns + "line").Count(l => (string?)l.Attribute("class") == "leader"));
    }

    /// <summary>
    /// A label covers no node, no group's title and no other label, and stands within <see cref="Nearby"/> of the
    /// point on its own edge it is tied to; four in five (rounded down) sit on their edge or just beside it.
    /// </summary>
    private static void AssertLabelsPlaced(DiagramLayout layout)
    {
        var obstacles = layout.Nodes.Select(n => (What: "node " + n.Node.Name, Box: n.Box)).Concat(layout.Groups.Select(g => (What: "the title of " + g.Title, Box: SvgLayout.GroupTitleBox(g)))).ToList();
        var placed = new List<Box>();
        foreach (var edge in layout.Edges.Where(e => e.Label is not null))
        {
            var label = edge.Label!.Value;
            Assert.DoesNotContain(obstacles, o => o.Box.Overlaps(label));
            Assert.DoesNotContain(placed, other => other.Overlaps(label));
            placed.Add(label);
            Assert.NotNull(edge.Anchor);
            var distance = edge.Anchor!.Value.DistanceTo(label);
            Assert.True(distance <= Nearby, $"the label of {edge.Edge.From} -> {edge.Edge.To} stands {distance:0} px from its edge");
        }

        var close = layout.Edges.Count(e => e.Label is not null && e.Anchor!.Value.DistanceTo(e.Label.Value) <= Beside);
        Assert.True(close >= Math.Floor(0.8 * placed.Count), $"{layout.Title}: only {close} of {placed.Count} labels sit on or beside their edge");
    }

    /// <summary>The furthest a label may stand from its edge (a leader line ties it back): about six lines of edge text.</summary>
    private const double Nearby = 120;

    /// <summary>On its edge or just beside it (the placer's first ring).</summary>
    private const double Beside = 14;

    [Theory]
    [MemberData(nameof(DiagramExamples.ExampleViews), MemberType = typeof(DiagramExamples))]
    public void No_edge_of_any_example_crosses_a_node_between_its_ends(string example, string view) =>
        AssertNoEdgeCrossesANode(SvgLayout.Lay(DiagramBuilder.Build(DiagramExamples.Load(example), DiagramExamples.View(view)).Graph!));

    [Fact]
    public void At_fifty_components_no_edge_crosses_a_node_between_its_ends() =>
        AssertNoEdgeCrossesANode(SvgLayout.Lay(DiagramBuilder.Build(Load(GeneratedDesigns.Fifty), DiagramView.Container).Graph!));

    [Fact]
    public void A_path_is_sampled_along_its_lines_and_curves()
    {
        // A line from (0,0) to (10,0) in steps of 2 px, then a cubic Bézier to (10,10) whose control points pull it out
        // to x = 0.125 * 10 + 0.375 * 30 + 0.375 * 30 + 0.125 * 10 = 25 at its middle (t = 0.5, y = 5).
        var points = EdgeCrossings.PathPoints("M0 0 L10 0 C30 0 30 10 10 10");

        Assert.Equal([new Spot(0, 0), new Spot(2, 0), new Spot(4, 0), new Spot(6, 0), new Spot(8, 0), new Spot(10, 0)], points.Take(6));
        var widest = points.MaxBy(p => p.X);
        Assert.InRange(widest.X, 24.9, 25);
        Assert.InRange(widest.Y, 4.5, 5.5);
        Assert.Equal(new Spot(10, 10), points[^1]);
    }

    /// <summary>Every edge's path stays out of every node but its own two ends.</summary>
    private static void AssertNoEdgeCrossesANode(DiagramLayout layout)
    {
        foreach (var (edge, node) in EdgeCrossings.Of(layout))
        {
            Assert.Fail($"{layout.Title}: the edge {edge.Edge.From} -> {edge.Edge.To} crosses {node.Node.Name}");
        }
    }

    [Fact]
    public void Boxes_overlap_only_when_they_share_area()
    {
        var a = new Box(0, 0, 10, 10);

        Assert.True(a.Overlaps(new Box(9, 9, 5, 5)));
        Assert.False(a.Overlaps(new Box(10, 0, 5, 5)));
        Assert.False(a.Overlaps(new Box(0, 10, 5, 5)));
        Assert.False(a.Overlaps(new Box(-6, -6, 5, 5)));
    }

    private static Plumbline.Design.Model.SystemDesign Load(string yaml)
    {
        var result = Plumbline.Design.Loading.DesignLoader.LoadText("generated.yaml", yaml);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return result.Design!;
    }
}
