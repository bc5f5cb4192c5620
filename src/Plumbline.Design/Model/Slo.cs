using System.Collections.Immutable;
using Plumbline.Design.Units;

namespace Plumbline.Design.Model;

/// <summary>What an SLO measures.</summary>
public enum SliKind
{
    Availability,
    Latency,
}

/// <summary>
/// A service level objective on a workflow, or on a journey of several workflows. A latency SLO says
/// <see cref="Objective"/> of requests finish within <see cref="Threshold"/>.
/// </summary>
/// <param name="Workflow">The workflow it measures; empty for a journey (see <see cref="Journey"/>).</param>
/// <param name="Objective">The share of good requests, below 100%. For a journey that states none, the product of its steps' objectives (<see cref="ObjectiveStated"/> is then false).</param>
/// <param name="Window">Rolling window; default 30d.</param>
public sealed record Slo(string Name, string Workflow, SliKind Sli, Percent Objective, Duration? Threshold, Duration Window, string? Description, string Path)
{
    /// <summary>The error budget as a fraction of requests: 1 - objective.</summary>
    public double ErrorBudget => 1 - Objective.Fraction;

    /// <summary>The workflows of a journey SLO, in the order a user goes through them (at least two); empty for an SLO on one workflow.</summary>
    public ImmutableArray<string> Journey { get; init; } = [];

    /// <summary>True for an SLO over a journey of several workflows: a journey is good when every step is.</summary>
    public bool IsJourney => !Journey.IsDefaultOrEmpty;

    /// <summary>False when a journey states no objective and <see cref="Objective"/> is composed from its steps' SLOs.</summary>
    public bool ObjectiveStated { get; init; } = true;

    /// <summary>Queries that replace the default SLI queries in exported rules; null for the defaults.</summary>
    public SliQuery? Query { get; init; }

    /// <summary>Every workflow the SLO measures: the journey's steps, or its one workflow.</summary>
    public ImmutableArray<string> Workflows => IsJourney ? Journey : [Workflow];
}

/// <summary>
/// <c>slos[].query</c>: the SLI's Prometheus queries when the defaults (OpenTelemetry's HTTP server
/// metrics for the workflow's endpoint) do not fit. <see cref="Errors"/> and <see cref="Total"/> are
/// PromQL with <c>{{.window}}</c> where the range goes; a latency SLO may instead name its
/// <see cref="Histogram"/> (in seconds) and the <see cref="Bucket"/> that counts as fast.
/// </summary>
/// <param name="Errors">Bad events per second over <c>{{.window}}</c>; given with <see cref="Total"/>.</param>
/// <param name="Total">All events per second over <c>{{.window}}</c>.</param>
/// <param name="Histogram">A histogram's metric name, optionally with a label selector: <c>http_request_duration_seconds{job="edge"}</c>.</param>
/// <param name="Bucket">The bucket boundary (its <c>le</c>) that counts as fast, when it differs from the threshold.</param>
public sealed record SliQuery(string? Errors, string? Total, string? Histogram, Duration? Bucket, string Path)
{
    /// <summary>What the queries write where the range goes: <c>rate(x[{{.window}}])</c>.</summary>
    public const string WindowPlaceholder = "{{.window}}";
}
