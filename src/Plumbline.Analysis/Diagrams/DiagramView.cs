using System.Diagnostics.CodeAnalysis;

namespace Plumbline.Analysis.Diagrams;

/// <summary>Which picture of a design to draw.</summary>
public enum DiagramViewKind
{
    /// <summary>Every component by kind, grouped by trust boundary and zone, with the calls between them (C4's container view).</summary>
    Container,

    /// <summary>The personas, the system as one box, and the systems outside it (C4's system context view).</summary>
    Context,

    /// <summary>One workflow's path from its personas through every call it makes, numbered in call order (a dynamic view).</summary>
    Workflow,

    /// <summary>The threat model's data flows: what each flow carries, across which trust boundaries.</summary>
    DataFlow,
}

/// <summary>A view of a design: <c>container</c>, <c>context</c>, <c>dataflow</c> or <c>workflow:NAME</c>.</summary>
/// <param name="Workflow">The workflow a <see cref="DiagramViewKind.Workflow"/> view follows; null for the others.</param>
public sealed record DiagramView(DiagramViewKind Kind, string? Workflow = null)
{
    public static DiagramView Container { get; } = new(DiagramViewKind.Container);

    public static DiagramView Context { get; } = new(DiagramViewKind.Context);

    public static DiagramView DataFlow { get; } = new(DiagramViewKind.DataFlow);

    /// <summary>The path of the workflow named <paramref name="name"/>.</summary>
    public static DiagramView OfWorkflow(string name) => new(DiagramViewKind.Workflow, name);

    /// <summary>The names the <c>--view</c> option takes, as written.</summary>
    public static IReadOnlyList<string> Names { get; } = ["container", "context", "dataflow", "workflow:NAME"];

    /// <summary>Reads <c>container</c>, <c>context</c>, <c>dataflow</c> or <c>workflow:NAME</c>; false for anything else.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DiagramView? view)
    {
        view = text switch
        {
            "container" => Container,
            "context" => Context,
            "dataflow" => DataFlow,
            _ when text is not null && text.StartsWith("workflow:", StringComparison.Ordinal) && text.Length > "workflow:".Length
                => OfWorkflow(text["workflow:".Length..]),
            _ => null,
        };
        return view is not null;
    }

    /// <summary>As <see cref="TryParse"/> reads it: <c>workflow:redirect</c>.</summary>
    public override string ToString() => Kind switch
    {
        DiagramViewKind.Context => "context",
        DiagramViewKind.DataFlow => "dataflow",
        DiagramViewKind.Workflow => "workflow:" + Workflow,
        _ => "container",
    };
}
