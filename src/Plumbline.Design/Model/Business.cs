using System.Collections.Immutable;

namespace Plumbline.Design.Model;

/// <summary><c>business:</c> how requirements connect to business value.</summary>
public sealed record Business(
    ImmutableArray<Outcome> Outcomes,
    ImmutableArray<BusinessMetric> Metrics,
    ImmutableArray<Tradeoff> Tradeoffs,
    ImmutableArray<Stakeholder> Stakeholders,
    string Path)
{
    public static Business Empty { get; } = new([], [], [], [], "/business");
}

/// <summary>The kind of business value an outcome serves.</summary>
public enum OutcomeKind
{
    Revenue,
    Cost,
    Trust,
    Growth,
    Compliance,
    Other,
}

/// <summary>A business outcome and the metrics (business metrics or SLOs, by name) that measure it.</summary>
public sealed record Outcome(string Name, OutcomeKind? Kind, string? Description, ImmutableArray<string> Metrics, string Path);

/// <summary>A measurable metric. <see cref="Target"/> is free text in the metric's own unit (<c>3M/month</c>, <c>0.002 USD</c>).</summary>
public sealed record BusinessMetric(string Name, string? Target, string? Description, string? Owner, string Path);

/// <summary>Low, medium or high: used for risks and impacts.</summary>
public enum Level
{
    Low,
    Medium,
    High,
}

/// <summary>A choice made explicit: what it gains, what it costs, its impact and risk.</summary>
public sealed record Tradeoff(string Choice, string? Gains, string? Costs, string? Impact, Level? Risk, ImmutableArray<string> Stakeholders, string Path);

/// <summary>Someone whose priorities the design must serve.</summary>
public sealed record Stakeholder(string Name, ImmutableArray<string> Priorities, string Path);
