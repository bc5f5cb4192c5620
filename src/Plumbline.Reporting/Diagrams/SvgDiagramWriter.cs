using System.Globalization;
using System.Text;
using Plumbline.Analysis.Diagrams;
using static Plumbline.Reporting.Diagrams.SvgLayout;

namespace Plumbline.Reporting.Diagrams;

/// <summary>
/// A diagram as a standalone SVG picture, laid out in process (<see cref="SvgLayout"/>) and written here: groups
/// as dashed boxes, a shape per kind of node, edges as paths with arrowheads (dashed for asynchronous calls,
/// dotted for deliveries), labels on a light background, findings in red. Every text from the file is XML-escaped;
/// the picture embeds nothing and links to nothing.
/// </summary>
public static class SvgDiagramWriter
{
    public static string Write(DiagramGraph graph) => Write(Lay(graph));

    public static string Write(DiagramLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var sb = new StringBuilder();
        var view = layout.View;
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(Num(view.Width)).Append("\" height=\"").Append(Num(view.Height))
            .Append("\" viewBox=\"").Append(Num(view.X)).Append(' ').Append(Num(view.Y)).Append(' ').Append(Num(view.Width)).Append(' ').Append(Num(view.Height))
            .Append("\" font-family=\"").Append(DiagramStyle.FontFamily).Append("\" role=\"img\">\n");
        sb.Append("<title>").Append(DiagramEscape.Xml(layout.Title)).Append("</title>\n");
        sb.Append("<defs>\n");
        foreach (var (id, color) in Markers)
        {
            sb.Append("<marker id=\"").Append(id).Append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">")
                .Append("<path d=\"M0 0 L10 5 L0 10 z\" fill=\"").Append(color).Append("\"/></marker>\n");
        }

        sb.Append("</defs>\n");
        sb.Append("<rect x=\"").Append(Num(view.X)).Append("\" y=\"").Append(Num(view.Y)).Append("\" width=\"").Append(Num(view.Width)).Append("\" height=\"").Append(Num(view.Height)).Append("\" fill=\"#ffffff\"/>\n");
        sb.Append("<text x=\"").Append(Num(view.X + Margin)).Append("\" y=\"").Append(Num(view.Y + Margin + TitleSize)).Append("\" font-size=\"").Append(Num(TitleSize))
            .Append("\" font-weight=\"bold\" fill=\"#222222\">").Append(DiagramEscape.Xml(layout.Title)).Append("</text>\n");

        // Outer groups first, so nested ones are drawn over them.
        var depth = layout.Groups.ToDictionary(g => g.Group.Id, g => 0, StringComparer.Ordinal);
        var parents = layout.Groups.ToDictionary(g => g.Group.Id, g => g.Group.Parent, StringComparer.Ordinal);
        foreach (var g in layout.Groups)
        {
            for (var p = g.Group.Parent; p is not null && depth[g.Group.Id] < layout.Groups.Length; p = parents.GetValueOrDefault(p))
            {
                depth[g.Group.Id]++;
            }
        }

        foreach (var g in layout.Groups.OrderBy(g => depth[g.Group.Id]))
        {
            var c = DiagramStyle.Of(g.Group.Kind);
            sb.Append("<g class=\"group\">");
            sb.Append("<rect x=\"").Append(Num(g.Box.X)).Append("\" y=\"").Append(Num(g.Box.Y)).Append("\" width=\"").Append(Num(g.Box.Width)).Append("\" height=\"").Append(Num(g.Box.Height))
                .Append("\" rx=\"6\" fill=\"").Append(c.Fill).Append("\" stroke=\"").Append(c.Stroke).Append("\" stroke-dasharray=\"6 3\"/>");
            sb.Append("<text x=\"").Append(Num(g.Box.X + 8)).Append("\" y=\"").Append(Num(g.Box.Y + 14)).Append("\" font-size=\"").Append(Num(TextSize))
                .Append("\" fill=\"").Append(c.Text).Append("\">").Append(DiagramEscape.Xml(g.Title)).Append("</text></g>\n");
        }

        foreach (var e in layout.Edges)
        {
            WriteEdge(sb, e);
        }

        foreach (var n in layout.Nodes)
        {
            WriteNode(sb, n);
        }

        foreach (var e in layout.Edges)
        {
            if (e.Label is { } box)
            {
                var color = IsFinding(e.Edge) ? DiagramStyle.Finding : "#333333";
                if (e.Anchor is { } anchor && anchor.DistanceTo(box) > 2)
                {
                    // The label had to stand off its edge: a leader ties it to the point it belongs to.
                    var toX = Math.Clamp(anchor.X, box.X, box.Right);
                    var toY = Math.Clamp(anchor.Y, box.Y, box.Bottom);
                    sb.Append("<line class=\"leader\" x1=\"").Append(Num(anchor.X)).Append("\" y1=\"").Append(Num(anchor.Y)).Append("\" x2=\"").Append(Num(toX)).Append("\" y2=\"").Append(Num(toY))
                        .Append("\" stroke=\"").Append(color).Append("\" stroke-width=\"0.8\" stroke-dasharray=\"2 2\"/>");
                }

                sb.Append("<g class=\"edge-label\"><rect x=\"").Append(Num(box.X)).Append("\" y=\"").Append(Num(box.Y)).Append("\" width=\"").Append(Num(box.Width)).Append("\" height=\"").Append(Num(box.Height))
                    .Append("\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.9\"/>");
                var y = box.Y + 2 + EdgeTextSize;
                foreach (var line in e.Text.All)
                {
                    sb.Append("<text x=\"").Append(Num(box.CenterX)).Append("\" y=\"").Append(Num(y)).Append("\" font-size=\"").Append(Num(EdgeTextSize))
                        .Append("\" text-anchor=\"middle\" fill=\"").Append(color).Append("\">").Append(DiagramEscape.Xml(line)).Append("</text>");
                    y += LineHeight(EdgeTextSize);
                }

                sb.Append("</g>\n");
            }
        }

        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static readonly (string Id, string Color)[] Markers =
    [
        ("arrow", DiagramStyle.EdgeColor),
        ("arrow-entry", DiagramStyle.EntryEdgeColor),
        ("arrow-delivery", DiagramStyle.DeliveryEdgeColor),
        ("arrow-finding", DiagramStyle.Finding),
    ];

    private static bool IsFinding(DiagramEdge edge) =>
        (edge.Marks & (DiagramMarks.MissingTimeout | DiagramMarks.Unencrypted | DiagramMarks.Unauthenticated)) != 0;

    private static void WriteEdge(StringBuilder sb, LaidEdge e)
    {
        var (color, marker) = IsFinding(e.Edge) ? (DiagramStyle.Finding, "arrow-finding")
            : e.Edge.Style == EdgeStyle.Entry ? (DiagramStyle.EntryEdgeColor, "arrow-entry")
            : e.Edge.Style == EdgeStyle.Delivery ? (DiagramStyle.DeliveryEdgeColor, "arrow-delivery")
            : (DiagramStyle.EdgeColor, "arrow");
        var dash = e.Edge.Style switch
        {
            EdgeStyle.Async => " stroke-dasharray=\"6 4\"",
            EdgeStyle.Delivery => " stroke-dasharray=\"2 3\"",
            _ => string.Empty,
        };
        var width = e.Edge.Marks.HasFlag(DiagramMarks.CrossesBoundary) ? "2.2" : "1.3";
        sb.Append("<path class=\"edge ").Append(e.Edge.Style.ToString().ToLowerInvariant()).Append("\" d=\"").Append(e.Path).Append("\" fill=\"none\" stroke=\"").Append(color)
            .Append("\" stroke-width=\"").Append(width).Append('"').Append(dash).Append(" marker-end=\"url(#").Append(marker).Append(")\"/>\n");
    }

    private static void WriteNode(StringBuilder sb, LaidNode n)
    {
        var c = DiagramStyle.Of(n.Node.Shape);
        var spof = n.Node.Marks.HasFlag(DiagramMarks.SinglePointOfFailure);
        var stroke = spof ? DiagramStyle.Finding : c.Stroke;
        var paint = $" fill=\"{c.Fill}\" stroke=\"{stroke}\" stroke-width=\"{(spof ? "3" : "1.3")}\"{(c.Dashed ? " stroke-dasharray=\"5 3\"" : string.Empty)}";
        var b = n.Box;
        sb.Append("<g class=\"node ").Append(DiagramStyle.ClassName(n.Node.Shape)).Append("\">");
        var s = Slant;
        switch (n.Node.Shape)
        {
            case NodeShape.Person:
                Rect(sb, b, b.Height / 2, paint);
                break;
            case NodeShape.Service:
                Rect(sb, b, 10, paint);
                break;
            case NodeShape.Client:
                Polygon(sb, paint, (b.X + s, b.Y), (b.Right, b.Y), (b.Right - s, b.Bottom), (b.X, b.Bottom));
                break;
            case NodeShape.Queue:
                Polygon(sb, paint, (b.X, b.Y), (b.Right - s, b.Y), (b.Right, b.Bottom), (b.X + s, b.Bottom));
                break;
            case NodeShape.Cdn:
                Polygon(sb, paint, (b.X + s, b.Y), (b.Right - s, b.Y), (b.Right, b.CenterY), (b.Right - s, b.Bottom), (b.X + s, b.Bottom), (b.X, b.CenterY));
                break;
            case NodeShape.LoadBalancer:
                Polygon(sb, paint, (b.X, b.Y), (b.Right, b.Y), (b.Right - s, b.Bottom), (b.X + s, b.Bottom));
                break;
            case NodeShape.Gateway:
                Polygon(sb, paint, (b.X + s, b.Y), (b.Right - s, b.Y), (b.Right, b.Bottom), (b.X, b.Bottom));
                break;
            case NodeShape.Cache:
                Polygon(sb, paint, (b.X, b.Y), (b.Right, b.Y), (b.Right, b.Bottom), (b.X, b.Bottom), (b.X + s, b.CenterY));
                break;
            case NodeShape.Worker:
                Rect(sb, b, 0, paint);
                sb.Append("<path d=\"M").Append(Num(b.X + 8)).Append(' ').Append(Num(b.Y)).Append(" V").Append(Num(b.Bottom))
                    .Append(" M").Append(Num(b.Right - 8)).Append(' ').Append(Num(b.Y)).Append(" V").Append(Num(b.Bottom)).Append("\" fill=\"none\" stroke=\"").Append(stroke).Append("\"/>");
                break;
            case NodeShape.Database:
                {
                    var r = CylinderCap;
                    sb.Append("<path d=\"M").Append(Num(b.X)).Append(' ').Append(Num(b.Y + r))
                        .Append(" A").Append(Num(b.Width / 2)).Append(' ').Append(Num(r)).Append(" 0 0 1 ").Append(Num(b.Right)).Append(' ').Append(Num(b.Y + r))
                        .Append(" V").Append(Num(b.Bottom - r))
                        .Append(" A").Append(Num(b.Width / 2)).Append(' ').Append(Num(r)).Append(" 0 0 1 ").Append(Num(b.X)).Append(' ').Append(Num(b.Bottom - r))
                        .Append(" Z\"").Append(paint).Append("/>");
                    sb.Append("<path d=\"M").Append(Num(b.X)).Append(' ').Append(Num(b.Y + r))
                        .Append(" A").Append(Num(b.Width / 2)).Append(' ').Append(Num(r)).Append(" 0 0 0 ").Append(Num(b.Right)).Append(' ').Append(Num(b.Y + r))
                        .Append("\" fill=\"none\" stroke=\"").Append(stroke).Append("\"/>");
                    break;
                }

            case NodeShape.ObjectStore:
                {
                    var t = FolderTab;
                    Polygon(sb, paint, (b.X, b.Y), (b.X + Math.Min(50, b.Width / 3), b.Y), (b.X + Math.Min(50, b.Width / 3) + t, b.Y + t), (b.Right, b.Y + t), (b.Right, b.Bottom), (b.X, b.Bottom));
                    break;
                }

            case NodeShape.Search:
                Rect(sb, b, 2, paint);
                Rect(sb, new Box(b.X + 3, b.Y + 3, b.Width - 6, b.Height - 6), 1, $" fill=\"none\" stroke=\"{stroke}\"");
                break;
            default:
                Rect(sb, b, n.Node.Shape == NodeShape.System ? 4 : 2, paint);
                break;
        }

        // The text block, centred in the box (below a folder's tab, between a cylinder's caps).
        var lines = 1 + n.Text.Details.Count + n.Text.Marks.Count;
        var blockHeight = LineHeight(NameSize) + ((lines - 1) * LineHeight(TextSize));
        var top = b.CenterY - (blockHeight / 2) + (n.Node.Shape == NodeShape.ObjectStore ? FolderTab / 2 : 0);
        var y = top + NameSize;
        var cx = b.CenterX + (n.Node.Shape == NodeShape.Cache ? Slant / 2 : 0);
        Text(sb, cx, y, NameSize, c.Text, n.Text.Name, bold: true);
        y += LineHeight(NameSize) - NameSize + TextSize + 1;
        foreach (var line in n.Text.Details)
        {
            Text(sb, cx, y, TextSize, c.Text, line, bold: false);
            y += LineHeight(TextSize);
        }

        foreach (var line in n.Text.Marks)
        {
            Text(sb, cx, y, TextSize, n.Node.Shape is NodeShape.Person or NodeShape.System ? "#ffd0d0" : DiagramStyle.Finding, line, bold: true);
            y += LineHeight(TextSize);
        }

        sb.Append("</g>\n");
    }

    private static void Rect(StringBuilder sb, Box b, double radius, string paint) =>
        sb.Append("<rect x=\"").Append(Num(b.X)).Append("\" y=\"").Append(Num(b.Y)).Append("\" width=\"").Append(Num(b.Width)).Append("\" height=\"").Append(Num(b.Height))
            .Append("\" rx=\"").Append(Num(radius)).Append('"').Append(paint).Append("/>");

    private static void Polygon(StringBuilder sb, string paint, params (double X, double Y)[] points)
    {
        sb.Append("<polygon points=\"").Append(string.Join(' ', points.Select(p => Num(p.X) + "," + Num(p.Y)))).Append('"').Append(paint).Append("/>");
    }

    private static void Text(StringBuilder sb, double x, double y, double size, string color, string text, bool bold)
    {
        sb.Append("<text x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(y)).Append("\" font-size=\"").Append(size.ToString(CultureInfo.InvariantCulture))
            .Append("\" text-anchor=\"middle\" fill=\"").Append(color).Append('"').Append(bold ? " font-weight=\"bold\"" : string.Empty).Append('>')
            .Append(DiagramEscape.Xml(text)).Append("</text>");
    }
}
