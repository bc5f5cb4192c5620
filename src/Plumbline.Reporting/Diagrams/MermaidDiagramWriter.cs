using System.Globalization;
using System.Text;
using Plumbline.Analysis.Diagrams;

namespace Plumbline.Reporting.Diagrams;

/// <summary>
/// A diagram as a Mermaid flowchart: a shape per kind of component, a subgraph per trust boundary and set of
/// zones, solid arrows for synchronous calls and dotted ones for asynchronous calls and deliveries, findings in
/// red. Ids are generated (<c>n0</c>, <c>g0</c>); every text from the file sits in a quoted label, escaped.
/// </summary>
public static class MermaidDiagramWriter
{
    public static string Write(DiagramGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var sb = new StringBuilder();
        sb.Append("%% ").Append(DiagramEscape.Mermaid(DiagramLabels.Title(graph))).Append('\n');
        sb.Append("flowchart TB\n");
        var children = graph.Groups.ToLookup(g => g.Parent, StringComparer.Ordinal);
        var nodesIn = graph.Nodes.ToLookup(n => n.Group, StringComparer.Ordinal);
        WriteGroup(sb, graph, null, children, nodesIn, 1);
        var index = 0;
        var styles = new List<string>();
        foreach (var edge in graph.Edges)
        {
            var text = DiagramLabels.Edge(edge);
            var arrow = edge.Style switch
            {
                EdgeStyle.Async or EdgeStyle.Delivery => "-.->",
                _ when edge.Marks.HasFlag(DiagramMarks.CrossesBoundary) => "==>",
                _ => "-->",
            };
            sb.Append("  ").Append(edge.From).Append(' ').Append(arrow);
            if (!text.IsEmpty)
            {
                sb.Append("|\"").Append(string.Join("<br>", text.All.Select(DiagramEscape.Mermaid))).Append("\"|");
            }

            sb.Append(' ').Append(edge.To).Append('\n');
            var style = EdgeStyleOf(edge);
            if (style is not null)
            {
                styles.Add($"  linkStyle {index.ToString(CultureInfo.InvariantCulture)} {style}");
            }

            index++;
        }

        foreach (var style in styles)
        {
            sb.Append(style).Append('\n');
        }

        foreach (var shape in graph.Nodes.Select(n => n.Shape).Distinct().Order())
        {
            var c = DiagramStyle.Of(shape);
            sb.Append("  classDef ").Append(DiagramStyle.ClassName(shape))
                .Append(" fill:").Append(c.Fill).Append(",stroke:").Append(c.Stroke).Append(",color:").Append(c.Text)
                .Append(c.Dashed ? ",stroke-dasharray:5 3" : string.Empty).Append('\n');
        }

        var marked = graph.Nodes.Where(n => n.Marks.HasFlag(DiagramMarks.SinglePointOfFailure)).Select(n => n.Id).ToList();
        if (marked.Count > 0)
        {
            sb.Append("  classDef spof stroke:").Append(DiagramStyle.Finding).Append(",stroke-width:3px\n");
            sb.Append("  class ").Append(string.Join(',', marked)).Append(" spof\n");
        }

        foreach (var group in graph.Groups)
        {
            var c = DiagramStyle.Of(group.Kind);
            sb.Append("  style ").Append(group.Id).Append(" fill:").Append(c.Fill).Append(",stroke:").Append(c.Stroke)
                .Append(",color:").Append(c.Text).Append(",stroke-dasharray:5 3\n");
        }

        return sb.ToString();
    }

    private static void WriteGroup(StringBuilder sb, DiagramGraph graph, string? group, ILookup<string?, DiagramGroup> children, ILookup<string?, DiagramNode> nodesIn, int depth)
    {
        var indent = new string(' ', depth * 2);
        foreach (var child in children[group])
        {
            sb.Append(indent).Append("subgraph ").Append(child.Id).Append(" [\"").Append(DiagramEscape.Mermaid(DiagramLabels.Group(child))).Append("\"]\n");
            WriteGroup(sb, graph, child.Id, children, nodesIn, depth + 1);
            sb.Append(indent).Append("end\n");
        }

        foreach (var node in nodesIn[group])
        {
            var text = DiagramLabels.Node(node, graph.View.Kind);
            var label = "<b>" + DiagramEscape.Mermaid(text.Name) + "</b>"
                + string.Concat(text.Details.Concat(text.Marks).Select(l => "<br>" + DiagramEscape.Mermaid(l)));
            var (open, close) = Shape(node.Shape);
            sb.Append(indent).Append(node.Id).Append(open).Append('"').Append(label).Append('"').Append(close)
                .Append(":::").Append(DiagramStyle.ClassName(node.Shape)).Append('\n');
        }
    }

    private static string? EdgeStyleOf(DiagramEdge edge)
    {
        var parts = new List<string>();
        if (edge.Marks.HasFlag(DiagramMarks.MissingTimeout) || edge.Marks.HasFlag(DiagramMarks.Unencrypted) || edge.Marks.HasFlag(DiagramMarks.Unauthenticated))
        {
            parts.Add("stroke:" + DiagramStyle.Finding);
            parts.Add("color:" + DiagramStyle.Finding);
        }
        else if (edge.Style == EdgeStyle.Entry)
        {
            parts.Add("stroke:" + DiagramStyle.EntryEdgeColor);
        }
        else if (edge.Style == EdgeStyle.Delivery)
        {
            parts.Add("stroke:" + DiagramStyle.DeliveryEdgeColor);
        }

        if (edge.Style == EdgeStyle.Delivery)
        {
            parts.Add("stroke-dasharray:2 4");
        }

        return parts.Count == 0 ? null : string.Join(',', parts);
    }

    /// <summary>Mermaid's flowchart shapes, one per kind where Mermaid has enough (object store and search share the rectangle, told apart by colour and their kind's line).</summary>
    private static (string Open, string Close) Shape(NodeShape shape) => shape switch
    {
        NodeShape.Person => ("([", "])"),
        NodeShape.Client => ("[/", "/]"),
        NodeShape.Cdn => ("{{", "}}"),
        NodeShape.LoadBalancer => ("[\\", "/]"),
        NodeShape.Gateway => ("[/", "\\]"),
        NodeShape.Service => ("(", ")"),
        NodeShape.Worker => ("[[", "]]"),
        NodeShape.Cache => (">", "]"),
        NodeShape.Database => ("[(", ")]"),
        NodeShape.Queue => ("[\\", "\\]"),
        _ => ("[", "]"),
    };
}
