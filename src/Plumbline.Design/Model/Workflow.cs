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
}
