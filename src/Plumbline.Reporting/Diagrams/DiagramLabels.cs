using System.Globalization;
using Plumbline.Analysis.Diagrams;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Reporting.Diagrams;

/// <summary>A node's text: its name (drawn bold), the lines under it, and the finding it is marked with.</summary>
public sealed record NodeText(string Name, IReadOnlyList<string> Details, IReadOnlyList<string> Marks)
{
    /// <summary>Every line, name first.</summary>
    public IEnumerable<string> Lines => Details.Prepend(Name).Concat(Marks);
}

/// <summary>An edge's text, line by line; the marked findings last.</summary>
public sealed record EdgeText(IReadOnlyList<string> Lines, IReadOnlyList<string> Marks)
{
    public IEnumerable<string> All => Lines.Concat(Marks);

    public bool IsEmpty => Lines.Count == 0 && Marks.Count == 0;
}

/// <summary>
/// The words a diagram shows, the same in Mermaid, DOT and SVG: one place decides them. Raw text from the file;
/// each writer escapes it for its format (<see cref="DiagramEscape"/>).
/// </summary>
public static class DiagramLabels
{
    /// <summary>How many operations, entities or workflows a label lists before "+N more".</summary>
    public const int MaxListed = 3;

    public const string SpofMark = "⚠ single point of failure";
    public const string NoTimeoutMark = "⚠ no timeout";
    public const string UnencryptedMark = "⚠ not encrypted in transit";
    public const string UnauthenticatedMark = "⚠ no authentication";

    public static string Title(DiagramGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.System + ": " + graph.View.Kind switch
        {
            DiagramViewKind.Context => "system context",
            DiagramViewKind.DataFlow => "data flows",
            DiagramViewKind.Workflow => "workflow " + graph.View.Workflow,
            _ => "containers",
        };
    }

    public static string Group(DiagramGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.Kind switch
        {
            GroupKind.Zones => (group.Zones.Length == 1 ? "zone " : "zones ") + group.Name,
            GroupKind.UntrustedBoundary => "untrusted boundary: " + group.Name,
            _ => "trust boundary: " + group.Name,
        };
    }

    public static NodeText Node(DiagramNode node, DiagramViewKind view)
    {
        ArgumentNullException.ThrowIfNull(node);
        var details = new List<string>();
        if (node.Kind is { } kind && kind != ComponentKind.External)
        {
            details.Add(node.Engine is { } engine ? EnumNames.Words(kind) + " · " + engine : EnumNames.Words(kind));
            if (view != DiagramViewKind.DataFlow && (node.Instances > 1 || node.Replicas > 0))
            {
                var line = Plural(node.Instances, "instance");
                details.Add(node.Replicas > 0 ? line + " + " + Plural(node.Replicas, "replica") : line);
            }
        }
        else if (node.Role is { } role)
        {
            details.Add(node.Engine is { } engine ? role + " · " + engine : role);
        }

        if (!node.Holds.IsDefaultOrEmpty)
        {
            details.Add("holds " + Listed(node.Holds));
        }

        var marks = new List<string>();
        if (node.Marks.HasFlag(DiagramMarks.SinglePointOfFailure))
        {
            marks.Add(SpofMark);
        }

        return new NodeText(node.Name, details, marks);
    }

    public static EdgeText Edge(DiagramEdge edge)
    {
        ArgumentNullException.ThrowIfNull(edge);
        var lines = new List<string>();
        var step = edge.Step is { } s ? s.ToString(CultureInfo.InvariantCulture) + ". " : string.Empty;
        if (!edge.Carries.IsDefaultOrEmpty)
        {
            lines.Add(step + Listed(edge.Carries));
            if (edge.Classification is { } c)
            {
                lines.Add(edge.Pii ? EnumNames.Words(c) + ", personal data" : EnumNames.Words(c));
            }
        }
        else if (edge.Style == EdgeStyle.Uses && edge.Operations.IsDefaultOrEmpty)
        {
            lines.Add(step + "uses");
        }
        else if (!edge.Operations.IsDefaultOrEmpty)
        {
            lines.Add(step + Listed(edge.Operations));
        }

        if (edge.Peak is { } peak)
        {
            lines.Add(Quantities.Rate(peak) + " at peak");
        }

        var marks = new List<string>();
        if (edge.Marks.HasFlag(DiagramMarks.MissingTimeout))
        {
            marks.Add(NoTimeoutMark);
        }

        if (edge.Marks.HasFlag(DiagramMarks.Unencrypted))
        {
            marks.Add(UnencryptedMark);
        }

        if (edge.Marks.HasFlag(DiagramMarks.Unauthenticated))
        {
            marks.Add(UnauthenticatedMark);
        }

        return new EdgeText(lines, marks);
    }

    private static string Listed(IReadOnlyList<string> items) =>
        items.Count <= MaxListed
            ? string.Join(", ", items)
            : string.Join(", ", items.Take(MaxListed)) + ", +" + (items.Count - MaxListed).ToString(CultureInfo.InvariantCulture) + " more";

    private static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}
