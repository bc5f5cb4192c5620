using Plumbline.Design.Units;

namespace Plumbline.Design.Model;

/// <summary>When a write counts as done for a replicated store: which copies must have it.</summary>
public enum ReplicationMode
{
    /// <summary>The primary and one standby have the write before it is acknowledged.</summary>
    Synchronous,

    /// <summary>The primary acknowledges; copies follow behind by the replication lag.</summary>
    Asynchronous,

    /// <summary>The write quorum (<c>quorum.writes</c>, k of n) of the copies have it before it is acknowledged.</summary>
    Quorum,
}

/// <summary>How a store takes over from a lost primary.</summary>
public enum FailoverMode
{
    /// <summary>Detected and promoted by the system: detection plus promotion.</summary>
    Automatic,

    /// <summary>An operator fails over: the stated time.</summary>
    Manual,
}

/// <summary>
/// <c>replication:</c> how a store keeps its copies (process step 5): when a write is acknowledged,
/// how far asynchronous copies lag, how many copies of each piece of data it keeps when the engine
/// keeps them on its own instances, how copies in other regions follow, and how often a copy fails
/// and how long replacing one takes (for durability). Null fields are unstated and assumed.
/// </summary>
/// <param name="Copies">Copies of each piece of data (Kafka's replication factor); null means 1 + replicas / instances.</param>
/// <param name="AnnualFailureRate">Share of copies lost in a year (a disk or node that does not come back).</param>
/// <param name="Repair">Time to replace a lost copy (detect and re-copy its data).</param>
public sealed record Replication(
    ReplicationMode? Mode,
    Duration? Lag,
    int? Copies,
    RegionReplication? AcrossRegions,
    Percent? AnnualFailureRate,
    Duration? Repair,
    string Path);

/// <summary><c>replication.across_regions</c>: how copies in other regions follow the primary region.</summary>
public sealed record RegionReplication(ReplicationMode? Mode, Duration? Lag, string Path);

/// <summary>
/// <c>failover:</c> how a store takes over from a lost primary: automatically (detection plus promotion)
/// or by hand (a stated time). Null fields are unstated and assumed.
/// </summary>
public sealed record Failover(FailoverMode Mode, Duration? Detection, Duration? Promotion, Duration? Time, string Path);

/// <summary>
/// Recovery targets stated in the requirements (on an entity or a workflow): the data that may be lost
/// (<see cref="Rpo"/>) and how long its store may be down (<see cref="Rto"/>) when something fails.
/// Both null means none stated. <c>0</c> is allowed: nothing lost, no downtime.
/// </summary>
public sealed record RecoveryTargets(Duration? Rpo, Duration? Rto)
{
    public static RecoveryTargets None { get; } = new(null, null);

    public bool IsStated => Rpo is not null || Rto is not null;
}
