using System.Collections.Immutable;
using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats;

/// <summary>Where a threat stands.</summary>
public enum ThreatStatus
{
    /// <summary>Nothing in the design answers it (or its acceptance has expired).</summary>
    Open,

    /// <summary>Accepted in security.accepted_risks by its key, with a reason, until a date not yet past.</summary>
    Accepted,

    /// <summary>A control the design names answers it.</summary>
    Mitigated,
}

/// <summary>A threat with its status: the acceptance that covers it (or covered it, when expired).</summary>
public sealed record ThreatEntry(Threat Threat, ThreatStatus Status, AcceptedRisk? Acceptance, bool AcceptanceExpired);

/// <summary>
/// The threat model of a design: every threat with its status, and the data-flow view (flows, assets,
/// boundaries, data reaches) a diagram draws, with the assumptions made where the design is silent.
/// </summary>
public sealed record ThreatReport(
    string System,
    DateOnly Today,
    ImmutableArray<ThreatEntry> Threats,
    ImmutableArray<DataFlow> Flows,
    ImmutableArray<DataAsset> Assets,
    ImmutableArray<BoundaryView> Boundaries,
    ImmutableArray<DataReach> Reaches,
    ImmutableArray<string> Assumptions,
    int RuleCount)
{
    public int Count(ThreatStatus status) => Threats.Count(t => t.Status == status);

    public int Open(Severity severity) => Threats.Count(t => t.Status == ThreatStatus.Open && t.Threat.Severity == severity);
}
