using System.Collections.Immutable;
using Plumbline.Analysis.Explain;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Recovery;

/// <summary>What fails: one copy's machine, a zone, a region, or a mistake that every copy faithfully repeats.</summary>
public enum FailureScope
{
    /// <summary>One instance and its disk: the primary of one shard.</summary>
    Instance,

    /// <summary>A zone, with every copy in it (the primary's zone).</summary>
    Zone,

    /// <summary>A region, with every copy in it (the primary's region).</summary>
    Region,

    /// <summary>Logical corruption or deletion (a bad migration, a bug, an operator's mistake): replicated to every copy.</summary>
    Corruption,
}

/// <summary>How the store comes back from a failure.</summary>
public enum RecoveryPath
{
    /// <summary>Nothing to do: enough copies survive to keep acknowledging writes.</summary>
    None,

    /// <summary>A surviving copy is promoted (automatically or by hand).</summary>
    Failover,

    /// <summary>The data is restored from a backup.</summary>
    Restore,

    /// <summary>A new, empty instance starts: what it held is gone (a queue or cache without copies).</summary>
    StartEmpty,

    /// <summary>Nothing survives to recover from.</summary>
    Lost,
}

/// <summary>
/// One store in one failure: the data that can be lost (<see cref="Rpo"/>, seconds of writes; positive
/// infinity when everything is lost) and how long writes are unavailable (<see cref="Rto"/>, seconds;
/// positive infinity when there is nothing to recover from), each with its working.
/// </summary>
/// <param name="CopiesLost">Copies of the worst shard the failure takes.</param>
/// <param name="CopiesLeft">Copies of that shard left.</param>
/// <param name="Rto">Today's figure; <see cref="RtoAtHorizons"/> when a restore grows with the data.</param>
public sealed record DomainRecovery(
    FailureScope Scope,
    int CopiesLost,
    int CopiesLeft,
    RecoveryPath Path,
    Figure Rpo,
    Figure Rto,
    string Why)
{
    /// <summary>The recovery time at each horizon of the estimate, when it is a restore (empty otherwise).</summary>
    public ImmutableArray<Figure> RtoAtHorizons { get; init; } = [];
}

/// <summary>A recovery target that applies to a store, and where the requirements state it.</summary>
/// <param name="Seconds">The target; 0 allowed.</param>
/// <param name="Source">"entity Payment" or "workflow checkout".</param>
/// <param name="SourcePath">The design path of the target (<c>/data/0/rpo</c>).</param>
public sealed record RecoveryTarget(double Seconds, string Source, string SourcePath);

/// <summary>A durability target that applies to a store: the share of data promised to survive a year.</summary>
public sealed record DurabilityTarget(double Durability, string Source, string SourcePath);

/// <summary>
/// The chance of losing data in a store in a year: from its copies, a copy's failure rate and repair time
/// by the classic MTTDL approximation, each shard counted, and the correlated loss of a zone or region that
/// holds every copy.
/// </summary>
/// <param name="Independent">Annual chance that some shard loses every copy to independent failures.</param>
/// <param name="Correlated">Annual chance that the one zone or region holding every copy is lost; 0 when copies span regions.</param>
/// <param name="Durability">1 - the chance of any loss in a year (unit <see cref="FigureUnit.Availability"/>).</param>
/// <param name="SharedDomain">"zone a", "region us-east", or null when the copies span regions.</param>
public sealed record DurabilityEstimate(Figure Mttdl, Figure Independent, Figure Correlated, Figure Durability, string? SharedDomain);

/// <summary>
/// A store's recovery: its copies and how writes are acknowledged, each failure scope's RPO and RTO, the
/// restore time at each horizon, its durability, and the targets the requirements set for it.
/// </summary>
/// <param name="Copies">Copies of each shard.</param>
/// <param name="WriteAcks">Copies that have a write when it is acknowledged.</param>
/// <param name="Restore">Restore time of one shard from its backup today and at each horizon (empty without a backup).</param>
/// <param name="Rpo">The tightest RPO target that applies, or null.</param>
/// <param name="Rto">The tightest RTO target that applies, or null.</param>
public sealed record StoreRecovery(
    string Component,
    ComponentKind Kind,
    string Path,
    Figure Copies,
    Figure WriteAcks,
    string Replication,
    string FailoverText,
    ImmutableArray<DomainRecovery> Domains,
    ImmutableArray<Figure> Restore,
    DurabilityEstimate Durability,
    RecoveryTarget? Rpo,
    RecoveryTarget? Rto,
    DurabilityTarget? DurabilityTarget,
    ImmutableArray<string> Entities)
{
    /// <summary>The first month (from today, counted at the estimate's growth) in which a restore takes longer than the RTO target; null when it never does within the longest horizon, or when it already does today.</summary>
    public double? RestoreOutgrowsRtoMonth { get; init; }

    /// <summary>Workflows that promise nothing lost (<c>rpo: 0</c>) and send writes to this store.</summary>
    public ImmutableArray<string> LosslessWorkflows { get; init; } = [];

    /// <summary>The figure for a scope.</summary>
    public DomainRecovery For(FailureScope scope) => Domains.First(d => d.Scope == scope);
}

/// <summary>Every store's recovery, in design order, with the horizons its restore times are given at.</summary>
public sealed record RecoveryReport(string SystemName, ImmutableArray<double> HorizonsMonths, ImmutableArray<StoreRecovery> Stores, ImmutableArray<string> Assumptions);
