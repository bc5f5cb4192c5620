using System.Collections.Immutable;
using Plumbline.Design.Units;

namespace Plumbline.Design.Model;

/// <summary>How sensitive data is, from least to most.</summary>
public enum Classification
{
    Public,
    Internal,
    Confidential,
    Restricted,
}

/// <summary>What a reader can rely on after a write.</summary>
public enum Consistency
{
    Strong,
    ReadYourWrites,
    Causal,
    Eventual,
}

/// <summary>The shape of a read or write against an entity (process step 4).</summary>
public enum AccessPatternKind
{
    PointLookup,
    RangeScan,
    TimeSeries,
    Aggregate,
    FullText,
    Graph,
    Blob,
    Append,
}

/// <summary>An access pattern such as <c>point_lookup(code)</c>: a kind and the fields it keys on.</summary>
public sealed record AccessPattern(AccessPatternKind Kind, ImmutableArray<string> Fields, string Text);

/// <summary>
/// A first-class entity: who owns it, how big it is, how fast it grows, how long it is kept,
/// how sensitive it is, and how it is read.
/// </summary>
/// <param name="Retention">How long records are kept; null with <see cref="RetainForever"/> false means unstated.</param>
public sealed record Entity(
    string Name,
    string? Description,
    string? Owner,
    ByteSize? RecordSize,
    Rate? NewRecords,
    Count? InitialRecords,
    Duration? Retention,
    bool RetainForever,
    Classification? Classification,
    bool Pii,
    ImmutableArray<AccessPattern> Access,
    Consistency? Consistency,
    string? Source,
    string Path)
{
    /// <summary>The recovery point and time objectives for this data (<c>rpo</c>, <c>rto</c>); none when unstated.</summary>
    public RecoveryTargets Recovery { get; init; } = RecoveryTargets.None;

    /// <summary>The share of this data promised to survive a year (<c>durability: 99.999999999%</c>); null when none is promised.</summary>
    public Percent? Durability { get; init; }

    /// <summary>Encryption at rest of this entity, overriding its owner's and the system-wide; null when unstated.</summary>
    public string? AtRest { get; init; }

    /// <summary>Which accesses are written to the audit trail; null when the entity does not say.</summary>
    public AuditScope? Audit { get; init; }

    /// <summary>
    /// How unevenly the operations touching this entity fall on its key (<c>skew:</c>): the hottest key's share, or a
    /// Zipf exponent over a number of keys; null when unstated (spread evenly). A workflow's own <c>skew</c> wins for
    /// that workflow's traffic.
    /// </summary>
    public Skew? Skew { get; init; }

    /// <summary>How a person's records are erased on request (right to erasure); null when unstated.</summary>
    public string? Erasure { get; init; }

    /// <summary>
    /// The entities or components this data is derived from and rebuilt from when its owner loses it
    /// (<c>derived_from</c>): a copy, an index, a roll-up or state rebuilt from connected clients, never
    /// the only copy of anything. Empty when the design does not say (the data is its own record).
    /// </summary>
    public ImmutableArray<string> DerivedFrom { get; init; } = [];

    /// <summary>Whether the design says where this data is rebuilt from (<see cref="DerivedFrom"/>).</summary>
    public bool IsDerived => !DerivedFrom.IsDefaultOrEmpty;
}
