using System.Text;
using Plumbline.Analysis.Diagrams;

namespace Plumbline.Reporting.Diagrams;

/// <summary>
/// A diagram as Graphviz DOT: a shape per kind of component, a cluster per trust boundary and set of zones,
/// solid edges for synchronous calls, dashed for asynchronous ones, dotted for a queue's deliveries, findings in
/// red. Every text from the file sits in a quoted string, escaped; ids are generated.
/// </summary>
public static class DotDiagramWriter
{
    public static string Write(DiagramGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var sb = new StringBuilder();
        sb.Append("digraph \"plumbline\" {\n");
        sb.Append("  graph [label=\"").Append(DiagramEscape.Dot(DiagramLabels.Title(graph)))
            .Append("\", labelloc=t, fontname=\"Helvetica\", fontsize=14, rankdir=TB, nodesep=0.5, ranksep=0.7, compound=true];\n");
        sb.Append("  node [fontname=\"Helvetica\", fontsize=10, style=filled, margin=\"0.15,0.06\"];\n");
        sb.Append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"").Append(DiagramStyle.EdgeColor).Append("\"];\n");
        var children = graph.Groups.ToLookup(g => g.Parent, StringComparer.Ordinal);
        var nodesIn = graph.Nodes.ToLookup(n => n.Group, StringComparer.Ordinal);
        WriteGroup(sb, graph, null, children, nodesIn, 1);
        foreach (var edge in graph.Edges)
        {
            var text = DiagramLabels.Edge(edge);
            var attributes = new List<string>();
            if (!text.IsEmpty)
            {
                attributes.Add("label=\"" + string.Join("\\n", text.All.Select(DiagramEscape.Dot)) + "\"");
            }

            switch (edge.Style)
            {
                case EdgeStyle.Async:
                    attributes.Add("style=dashed");
                    break;
                case EdgeStyle.Delivery:
                    attributes.Add("style=dotted");
                    attributes.Add("color=\"" + DiagramStyle.DeliveryEdgeColor + "\"");
                    break;
                case EdgeStyle.Entry:
                    attributes.Add("color=\"" + DiagramStyle.EntryEdgeColor + "\"");
                    break;
                default:
                    break;
            }

            if (edge.Marks.HasFlag(DiagramMarks.CrossesBoundary))
            {
                attributes.Add("penwidth=2");
            }

            if (edge.Marks.HasFlag(DiagramMarks.MissingTimeout) || edge.Marks.HasFlag(DiagramMarks.Unencrypted) || edge.Marks.HasFlag(DiagramMarks.Unauthenticated))
            {
                attributes.Add("color=\"" + DiagramStyle.Finding + "\"");
                attributes.Add("fontcolor=\"" + DiagramStyle.Finding + "\"");
            }

            sb.Append("  ").Append(edge.From).Append(" -> ").Append(edge.To);
            if (attributes.Count > 0)
            {
                sb.Append(" [").Append(string.Join(", ", attributes)).Append(']');
            }

            sb.Append(";\n");
        }

        sb.Append("}\n");
        return sb.ToString();
    }

    private static void WriteGroup(StringBuilder sb, DiagramGraph graph, string? group, ILookup<string?, DiagramGroup> children, ILookup<string?, DiagramNode> nodesIn, int depth)
    {
        var indent = new string(' ', depth * 2);
        foreach (var child in children[group])
        {
            var c = DiagramStyle.Of(child.Kind);
            sb.Append(indent).Append("subgraph cluster_").Append(child.Id).Append(" {\n");
            sb.Append(indent).Append("  graph [label=\"").Append(DiagramEscape.Dot(DiagramLabels.Group(child)))
                .Append("\", style=\"dashed,filled\", fillcolor=\"").Append(c.Fill).Append("\", color=\"").Append(c.Stroke)
                .Append("\", fontcolor=\"").Append(c.Text).Append("\", fontsize=10, labeljust=l];\n");
            WriteGroup(sb, graph, child.Id, children, nodesIn, depth + 1);
            sb.Append(indent).Append("}\n");
        }

        foreach (var node in nodesIn[group])
        {
            var text = DiagramLabels.Node(node, graph.View.Kind);
            var c = DiagramStyle.Of(node.Shape);
            var spof = node.Marks.HasFlag(DiagramMarks.SinglePointOfFailure);
            var style = node.Shape switch
            {
                NodeShape.Service or NodeShape.Person => "rounded,filled",
                NodeShape.External => "dashed,filled",
                _ => "filled",
            };
            sb.Append(indent).Append(node.Id).Append(" [label=\"").Append(string.Join("\\n", text.Lines.Select(DiagramEscape.Dot)))
                .Append("\", ").Append(Shape(node.Shape)).Append(", style=\"").Append(style)
                .Append("\", fillcolor=\"").Append(c.Fill).Append("\", color=\"").Append(spof ? DiagramStyle.Finding : c.Stroke)
                .Append("\", fontcolor=\"").Append(c.Text).Append('"').Append(spof ? ", penwidth=3" : string.Empty).Append("];\n");
        }
    }

    /// <summary>Graphviz's shapes, one per kind of node.</summary>
    private static string Shape(NodeShape shape) => shape switch
    {
        NodeShape.Person => "shape=ellipse",
        NodeShape.System => "shape=box",
        NodeShape.Client => "shape=parallelogram",
        NodeShape.Cdn => "shape=hexagon",
        NodeShape.LoadBalancer => "shape=invtrapezium",
        NodeShape.Gateway => "shape=trapezium",
        NodeShape.Service => "shape=box",
        NodeShape.Worker => "shape=component",
        NodeShape.Cache => "shape=cds",
        NodeShape.Database => "shape=cylinder",
        NodeShape.Queue => "shape=polygon, sides=4, skew=-0.3",
        NodeShape.ObjectStore => "shape=folder",
        NodeShape.Search => "shape=tab",
        _ => "shape=box3d",
    };
}
