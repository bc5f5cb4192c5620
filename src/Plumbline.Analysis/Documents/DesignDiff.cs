using System.Collections.Immutable;
using Plumbline.Analysis.Explain;
using Plumbline.Analysis.Review;

namespace Plumbline.Analysis.Documents;

/// <summary>Whether an element is new, gone or different in the new design.</summary>
public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>One field of an element that differs, each side as the design writes it (null where the design states none).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>
/// An element of the design added, removed or changed: a component, a call, a workflow, an entity, an SLO, or the
/// requirements' figures (users, growth, peak to average).
/// </summary>
/// <param name="Area">What kind of element: <c>component</c>, <c>call</c>, <c>workflow</c>, <c>entity</c>, <c>slo</c>, <c>requirements</c>.</param>
/// <param name="Name">Its name; a call is <c>from -&gt; to</c>.</param>
/// <param name="Fields">For a change, the fields that differ; empty for an addition or removal.</param>
public sealed record ElementChange(string Area, string Name, ChangeKind Kind, ImmutableArray<FieldChange> Fields);

/// <summary>What a moved figure measures.</summary>
public enum MovedFigure
{
    /// <summary>A component's utilisation at peak load (a share, may exceed 1).</summary>
    PeakUtilisation,

    /// <summary>A store's data at the estimate's longest horizon, every copy counted (bytes).</summary>
    Storage,

    /// <summary>A workflow's availability composed along its synchronous path (0..1).</summary>
    Availability,

    /// <summary>The share of good requests an SLO achieved in one scenario of a simulation (0..1); subject <c>scenario / slo</c>.</summary>
    SimulatedSlo,
}

/// <summary>One SLO's achieved share in one simulated scenario, named <c>scenario / slo</c>.</summary>
public sealed record SimulatedFigure(string Subject, double Achieved);

/// <summary>A figure of the estimate before and after; null on a side where the subject does not exist or the figure is unknown.</summary>
public sealed record FigureMove(MovedFigure Figure, string Subject, double? Before, double? After, FigureUnit Unit)
{
    /// <summary>(after - before) / before, or null when either is unknown or before is zero.</summary>
    public double? Relative => Before is { } b && After is { } a && b != 0 ? (a - b) / b : null;
}

/// <summary>A component's monthly cost now, before and after (null where it does not exist), in the new design's currency.</summary>
public sealed record CostMove(string Subject, decimal? Before, decimal? After)
{
    /// <summary>(after - before) / before, or null when either side is missing or before is zero.</summary>
    public decimal? Relative => Before is { } b && After is { } a && b != 0 ? (a - b) / b : null;
}

/// <summary>
/// How one design became another: the elements added, removed and changed; the estimate's figures that moved (peak
/// utilisation per component, storage per store, availability per workflow); the cost now, in total and per component;
/// and the review's findings introduced and resolved (by their stable keys).
/// </summary>
/// <param name="Total">The whole monthly cost now, before and after (subject <c>total</c>).</param>
public sealed record DesignDiff(
    string Before,
    string After,
    ImmutableArray<ElementChange> Changes,
    ImmutableArray<FigureMove> Figures,
    string Currency,
    CostMove Total,
    ImmutableArray<CostMove> Costs,
    ImmutableArray<Finding> Introduced,
    ImmutableArray<Finding> Resolved)
{
    /// <summary>How many elements of <paramref name="area"/> had a change of <paramref name="kind"/>.</summary>
    public int Count(string area, ChangeKind kind) => Changes.Count(c => c.Area == area && c.Kind == kind);
}

/// <summary>
/// The guardrails a diff is held to in CI; each is off when null or false.
/// </summary>
/// <param name="NewFinding">Fail when a finding at or above this severity is introduced.</param>
/// <param name="CostUp">Fail when the total monthly cost rises by more than this share (0.1 for 10%).</param>
/// <param name="AvailabilityDrop">Fail when any workflow's availability falls.</param>
/// <param name="UtilisationOver">Fail when a component's peak utilisation in the new design is over this share (0.8 for 80%) and was not before.</param>
public sealed record DiffGuardrails(Severity? NewFinding = null, double? CostUp = null, bool AvailabilityDrop = false, double? UtilisationOver = null)
{
    public static DiffGuardrails None { get; } = new();
}
