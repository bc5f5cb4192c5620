using Plumbline.Design.Units;

namespace Plumbline.Design.Model;

/// <summary>How much a workflow's failure hurts: critical workflows must meet their SLOs under failure.</summary>
public enum Criticality
{
    Critical,
    High,
    Medium,
    Low,
}

/// <summary>Whether a workflow reads or changes state.</summary>
public enum AccessType
{
    Read,
    Write,
}

/// <summary>
/// A user journey: where its traffic enters the system and how much there is. Exactly one of
/// <see cref="Rate"/> and <see cref="PerUser"/> is given.
/// </summary>
/// <param name="Entry">The component operation the traffic enters at.</param>
/// <param name="Rate">Average rate for the whole system.</param>
/// <param name="PerUser">Average rate per monthly active user.</param>
/// <param name="PeakRate">Peak rate when known; otherwise average x peak_to_average.</param>
/// <param name="Request">Request payload size; default 0.</param>
/// <param name="Response">Response payload size; default 0.</param>
/// <param name="Type">Read (default) or write.</param>
/// <param name="Criticality">Default medium.</param>
public sealed record Workflow(
    string Name,
    string? Description,
    OperationRef Entry,
    Rate? Rate,
    Rate? PerUser,
    Rate? PeakRate,
    ByteSize? Request,
    ByteSize? Response,
    AccessType Type,
    Criticality Criticality,
    string Path)
{
    /// <summary>The recovery point and time objectives of the stores this workflow writes and waits on (<c>rpo</c>, <c>rto</c>); none when unstated.</summary>
    public RecoveryTargets Recovery { get; init; } = RecoveryTargets.None;

    /// <summary>How unevenly its traffic falls on the keys it is placed by (<c>skew:</c>); null when unstated (spread evenly).</summary>
    public Skew? Skew { get; init; }

    /// <summary>Why anyone may use it without signing in (<c>public:</c>, the reason); null when unstated. A public entry needs no user authentication by design.</summary>
    public string? Public { get; init; }
}

/// <summary>
/// Skew of a workflow's or an entity's traffic over a key (a tenant, a product, a channel): the share the hottest key
/// takes (<see cref="Hottest"/>), or a Zipf exponent over <see cref="Keys"/> distinct keys from which the
/// hottest key's share follows. Exactly one of <see cref="Hottest"/> and <see cref="Zipf"/> is given.
/// </summary>
/// <param name="Key">The field the traffic is keyed on (shop_id); null when unstated.</param>
/// <param name="Hottest">The hottest key's share of the workflow's requests, 0..1.</param>
/// <param name="Zipf">The Zipf exponent s: the k-th hottest key takes a share proportional to 1 / k^s.</param>
/// <param name="Keys">Distinct keys the traffic falls on (with <see cref="Zipf"/>).</param>
public sealed record Skew(string? Key, double? Hottest, double? Zipf, double? Keys, string Path);
