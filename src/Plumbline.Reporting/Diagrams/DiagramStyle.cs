using Plumbline.Analysis.Diagrams;

namespace Plumbline.Reporting.Diagrams;

/// <summary>Fill, border and text colour of a node or group.</summary>
public sealed record DiagramColors(string Fill, string Stroke, string Text, bool Dashed = false);

/// <summary>
/// The one palette of the diagrams, in every format. C4's conventions where they fit (a person dark blue, the
/// system blue, an external system grey), and one colour family per role of a component: entry (CDN, load
/// balancer, gateway) violet, compute blue, stores green, queues amber; findings red.
/// </summary>
public static class DiagramStyle
{
    public const string Finding = "#c62828";
    public const string EdgeColor = "#555555";
    public const string EntryEdgeColor = "#08427b";
    public const string DeliveryEdgeColor = "#b26a00";
    public const string FontFamily = "Helvetica, Arial, sans-serif";

    public static DiagramColors Of(NodeShape shape) => shape switch
    {
        NodeShape.Person => new("#08427b", "#052e56", "#ffffff"),
        NodeShape.System => new("#1168bd", "#0b4884", "#ffffff"),
        NodeShape.External => new("#e6e6e6", "#8a8a8a", "#222222", Dashed: true),
        NodeShape.Client => new("#f2f2f2", "#8a8a8a", "#222222"),
        NodeShape.Cdn or NodeShape.LoadBalancer or NodeShape.Gateway => new("#ede4f7", "#6a4c93", "#222222"),
        NodeShape.Cache or NodeShape.Database or NodeShape.ObjectStore or NodeShape.Search => new("#e3f1dc", "#3b7d23", "#222222"),
        NodeShape.Queue => new("#fdf0d5", "#b26a00", "#222222"),
        _ => new("#dbe9f6", "#3c7fc0", "#222222"),
    };

    public static DiagramColors Of(GroupKind kind) => kind switch
    {
        GroupKind.UntrustedBoundary => new("#fff6f6", Finding, "#8e1b1b", Dashed: true),
        GroupKind.Zones => new("#f7f7f7", "#b0b0b0", "#555555", Dashed: true),
        _ => new("#ffffff", "#6b6b6b", "#333333", Dashed: true),
    };

    /// <summary>The class name a Mermaid node of this shape takes: one per shape.</summary>
    public static string ClassName(NodeShape shape) => shape.ToString().ToLowerInvariant();
}
