using System.Collections.Immutable;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Diagrams;

/// <summary>What a node stands for, which decides its shape: a persona, the system as a whole, or a component of a kind.</summary>
public enum NodeShape
{
    Person,
    System,
    Client,
    Cdn,
    LoadBalancer,
    Gateway,
    Service,
    Worker,
    Cache,
    Database,
    Queue,
    ObjectStore,
    Search,
    External,
}

/// <summary>How an edge is drawn.</summary>
public enum EdgeStyle
{
    /// <summary>A synchronous call: the caller waits.</summary>
    Sync,

    /// <summary>An asynchronous call: the caller hands work off and does not wait.</summary>
    Async,

    /// <summary>A queue delivering its messages to a consumer.</summary>
    Delivery,

    /// <summary>A persona's traffic entering the system.</summary>
    Entry,

    /// <summary>A relationship with no rate: a downstream system using this one, an upstream one it uses.</summary>
    Uses,
}

/// <summary>What a group stands for.</summary>
public enum GroupKind
{
    /// <summary>A trust boundary the design trusts.</summary>
    TrustedBoundary,

    /// <summary>A trust boundary the design marks untrusted (the internet, a vendor).</summary>
    UntrustedBoundary,

    /// <summary>Components deployed to the same set of zones.</summary>
    Zones,
}

/// <summary>A finding a diagram marks on a node or an edge.</summary>
[Flags]
public enum DiagramMarks
{
    None = 0,

    /// <summary>The review's <c>single-point-of-failure</c>: one failure takes an important workflow down.</summary>
    SinglePointOfFailure = 1,

    /// <summary>The review's <c>missing-timeout</c>: a synchronous call on this edge waits with no timeout.</summary>
    MissingTimeout = 2,

    /// <summary>A data flow that leaves one trust boundary for another.</summary>
    CrossesBoundary = 4,

    /// <summary>A data flow across boundaries with no encryption in transit stated.</summary>
    Unencrypted = 8,

    /// <summary>A data flow across boundaries with no authentication stated.</summary>
    Unauthenticated = 16,
}

/// <summary>A box (a trust boundary, a set of zones) drawn around nodes; <see cref="Parent"/> nests it in another.</summary>
/// <param name="Id">An identifier for the drawing formats: <c>g0</c>, <c>g1</c>..., never text from the file.</param>
/// <param name="Name">The boundary's name, or the zones joined: what the box is titled.</param>
public sealed record DiagramGroup(string Id, string Name, GroupKind Kind, string? Parent, ImmutableArray<string> Zones);

/// <summary>One node: a persona, the system, or a component.</summary>
/// <param name="Id">An identifier for the drawing formats: <c>n0</c>, <c>n1</c>..., never text from the file.</param>
/// <param name="Name">The name as the file writes it.</param>
/// <param name="Kind">The component's kind, or null for a persona, the system, or a dependency that is no component.</param>
/// <param name="Engine">What it runs (postgresql, go), when stated.</param>
public sealed record DiagramNode(
    string Id,
    string Name,
    NodeShape Shape,
    ComponentKind? Kind,
    string? Engine,
    int Instances,
    int Replicas,
    string? Group,
    DiagramMarks Marks)
{
    /// <summary>Entities a component keeps (data-flow view): at home or as a copy, in file order.</summary>
    public ImmutableArray<string> Holds { get; init; } = [];

    /// <summary>A word for what the node is when it is no component: person, software system, external system.</summary>
    public string? Role { get; init; }
}

/// <summary>
/// One edge: the calls of one style from one node to another taken together, a persona's traffic, or a data flow.
/// </summary>
/// <param name="Operations">The callee's operations these calls reach (a persona's edge: its workflows), in file order.</param>
/// <param name="Peak">Calls per second at peak, from the estimate (retries at the estimate's failure probability included); null when unknown or not a rate.</param>
/// <param name="Step">Its number in call order (workflow view), else null.</param>
public sealed record DiagramEdge(
    string From,
    string To,
    EdgeStyle Style,
    ImmutableArray<string> Operations,
    double? Peak,
    int? Step,
    DiagramMarks Marks)
{
    /// <summary>The entities a data flow carries (data-flow view), in file order; empty elsewhere.</summary>
    public ImmutableArray<string> Carries { get; init; } = [];

    /// <summary>The most sensitive classification a data flow carries; null elsewhere.</summary>
    public Classification? Classification { get; init; }

    /// <summary>Whether a data flow carries personal data.</summary>
    public bool Pii { get; init; }
}

/// <summary>
/// A picture of a design, independent of how it is drawn: groups, nodes and edges with the figures and findings
/// they show. Built by <see cref="DiagramBuilder"/>; drawn as Mermaid, DOT or SVG by Reporting.
/// </summary>
/// <param name="System">The system's name: the picture is titled with it and the view.</param>
public sealed record DiagramGraph(
    string System,
    DiagramView View,
    ImmutableArray<DiagramGroup> Groups,
    ImmutableArray<DiagramNode> Nodes,
    ImmutableArray<DiagramEdge> Edges);

/// <summary>A diagram, or why there is none (a workflow view of a workflow the design does not have).</summary>
public sealed record DiagramResult(DiagramGraph? Graph, string? Problem);

/// <summary>What a diagram takes beyond the design.</summary>
/// <param name="Estimates">The estimate's assumptions for the peak rates on edges; null for the defaults.</param>
/// <param name="Findings">
/// Findings to mark, from a review already run (single-point-of-failure and missing-timeout are marked, accepted or
/// not); null to run those two rules here.
/// </param>
public sealed record DiagramOptions(Estimates.EstimateOptions? Estimates = null, IReadOnlyList<Review.Finding>? Findings = null)
{
    public static DiagramOptions Default { get; } = new();
}
