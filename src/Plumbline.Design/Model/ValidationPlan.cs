using System.Collections.Immutable;
using Plumbline.Design.Units;

namespace Plumbline.Design.Model;

/// <summary><c>validation:</c> the load and chaos scenarios that check the design (process step 10).</summary>
public sealed record ValidationPlan(ImmutableArray<LoadScenario> Load, ImmutableArray<ChaosScenario> Chaos, string Path)
{
    public static ValidationPlan Empty { get; } = new([], [], "/validation");
}

/// <summary>
/// A traffic shape as multiples of the design's average rate: ramp from <see cref="From"/> to
/// <see cref="To"/> over <see cref="Over"/>, then hold for <see cref="Hold"/>; or, when
/// <see cref="Diurnal"/>, a daily cycle from the trough <see cref="From"/> at the start up to the
/// peak <see cref="To"/> halfway through each period <see cref="Over"/> and back, for <see cref="Hold"/>.
/// </summary>
public sealed record LoadShape(double From, double To, Duration Over, Duration Hold)
{
    /// <summary>True for <c>diurnal: Ax to Bx</c>: a cosine cycle between A and B, one per <see cref="Over"/> (default 24h).</summary>
    public bool Diurnal { get; init; }
}

/// <summary>What a scenario expects: all SLOs met, or the named SLOs met.</summary>
public sealed record Expectation(bool AllSlos, ImmutableArray<string> Slos);

/// <summary>A load test scenario.</summary>
public sealed record LoadScenario(string Name, LoadShape Shape, ImmutableArray<string> Workflows, Expectation? Expect, string Path);

/// <summary>What breaks in a chaos scenario.</summary>
public enum FaultKind
{
    ZoneDown,
    InstanceDown,
    Slow,
    Fail,
}

/// <summary>
/// One fault: a zone down, some instances of a component down, a component slowed (its operations' own time
/// multiplied by <see cref="Times"/>, then <see cref="Add"/> added), or a component failing a share of its calls
/// (<see cref="ErrorRate"/>).
/// </summary>
public sealed record Fault(FaultKind Kind, string Target, int? Instances, Duration? Add, double? ErrorRate, Duration? For, double? Times = null)
{
    /// <summary>The largest latency multiple (<c>times</c>) the format accepts: 1000.</summary>
    public const double MaxTimes = 1000;
}

/// <summary>A chaos scenario: a fault injected at <see cref="At"/> into the design's traffic.</summary>
public sealed record ChaosScenario(string Name, Duration? At, Fault Fault, Expectation? Expect, string Path);
