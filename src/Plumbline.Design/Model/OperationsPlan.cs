using System.Collections.Immutable;

namespace Plumbline.Design.Model;

/// <summary><c>operations:</c> on-call readiness.</summary>
public sealed record OperationsPlan(
    Telemetry Telemetry,
    ImmutableArray<Runbook> Runbooks,
    string? Rollback,
    OnCall? OnCall,
    ImmutableArray<string> FeatureFlags,
    string Path)
{
    public static OperationsPlan Empty { get; } = new(Telemetry.Empty, [], null, null, [], "/operations");

    /// <summary>The burn-rate alert windows the design states; null when it states none and the shipped ones apply.</summary>
    public Alerting? Alerting { get; init; }
}

/// <summary>Where metrics, traces and logs go; null means not planned.</summary>
public sealed record Telemetry(string? Metrics, string? Traces, string? Logs)
{
    public static Telemetry Empty { get; } = new(null, null, null);

    /// <summary>
    /// The bucket boundaries of the request-duration histograms, increasing; empty when the design states
    /// none and OpenTelemetry's default boundaries for <c>http.server.request.duration</c> apply.
    /// </summary>
    public ImmutableArray<Units.Duration> LatencyBuckets { get; init; } = [];
}

/// <summary>A runbook for one failure mode: how it is detected and mitigated.</summary>
/// <param name="Components">Components this failure mode is about, for coverage checks.</param>
public sealed record Runbook(string Failure, string? Detect, ImmutableArray<string> Mitigate, ImmutableArray<string> Components, string? Link, string Path)
{
    /// <summary>SLOs whose alerts this runbook answers; their alerts link to it.</summary>
    public ImmutableArray<string> Slos { get; init; } = [];
}

/// <summary>The on-call rotation and its escalation chain.</summary>
public sealed record OnCall(string? Rotation, ImmutableArray<string> Escalation);
