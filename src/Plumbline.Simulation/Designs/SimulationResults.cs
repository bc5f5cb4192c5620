using System.Collections.Immutable;
using Plumbline.Analysis.Recovery;
using Plumbline.Design.Model;
using Plumbline.Simulation.Statistics;

namespace Plumbline.Simulation.Designs;

/// <summary>Why a request, a call or an operation failed.</summary>
public enum FailureCause : byte
{
    /// <summary>Not failed.</summary>
    None,

    /// <summary>The caller stopped waiting (the call's timeout).</summary>
    Timeout,

    /// <summary>Every slot of the chosen instance was busy and its queue full.</summary>
    Rejected,

    /// <summary>No instance of the component was up (zone or instances down).</summary>
    Unavailable,

    /// <summary>The component failed the operation (a fault's error rate).</summary>
    Error,

    /// <summary>The call's circuit breaker was open.</summary>
    CircuitOpen,
}

/// <summary>Latency percentiles of successful requests, in seconds, from an HDR histogram (3 significant digits, microseconds).</summary>
public sealed record LatencyPercentiles(long Count, double Mean, double P50, double P90, double P99, double P999, double Max)
{
    public static LatencyPercentiles Empty { get; } = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
}

/// <summary>One workflow over the measured period (after the warm-up): requests that arrived in it and finished before the end.</summary>
/// <param name="Requests">Requests that arrived after the warm-up and finished.</param>
/// <param name="Throughput">Successful requests per second over the measured period.</param>
/// <param name="Degraded">Successful requests that took a free-text fallback somewhere on their path.</param>
/// <param name="Unfinished">Requests still in progress when the run ended (not in the figures).</param>
public sealed record WorkflowResult(
    string Workflow,
    long Requests,
    long Succeeded,
    long Timeouts,
    long Rejected,
    long Unavailable,
    long Errors,
    long CircuitOpen,
    long Degraded,
    long Unfinished,
    double Throughput,
    LatencyPercentiles Latency)
{
    public long Failed => Requests - Succeeded;

    /// <summary>Succeeded / requests; NaN without requests.</summary>
    public double SuccessRatio => Requests > 0 ? (double)Succeeded / Requests : double.NaN;
}

/// <summary>One component over the measured period.</summary>
/// <param name="Utilisation">Busy slots over slots of its up instances, time-weighted; NaN when it has no capacity.</param>
/// <param name="MeanQueueLength">Requests waiting for a slot, time-weighted, summed over its instances.</param>
/// <param name="Operations">Operations started on it (every attempt, async ones and deliveries included).</param>
/// <param name="Rejected">Operations turned away because the chosen instance's queue was full.</param>
public sealed record ComponentResult(
    string Component,
    int Instances,
    int Slots,
    double CapacityPerInstance,
    double Utilisation,
    double MeanQueueLength,
    long Operations,
    long Rejected)
{
    /// <summary>Synchronous calls made to its operations (a count of 3 makes three), over the measured period.</summary>
    public long CallsIn { get; init; }

    /// <summary>Attempts of those calls, retries included.</summary>
    public long AttemptsIn { get; init; }

    /// <summary>Fewest instances serving over the measured period (its instances unless it autoscales).</summary>
    public int FewestInstances { get; init; }

    /// <summary>Most instances serving over the measured period.</summary>
    public int MostInstances { get; init; }

    /// <summary>Scale-up decisions over the measured period.</summary>
    public int ScaleUps { get; init; }

    /// <summary>Scale-down decisions over the measured period.</summary>
    public int ScaleDowns { get; init; }

    /// <summary>Retry amplification at the component: attempts per call made to it; NaN when nothing calls it.</summary>
    public double Amplification => CallsIn > 0 ? (double)AttemptsIn / CallsIn : double.NaN;
}

/// <summary>One synchronous call of the design over the measured period.</summary>
/// <param name="Call">caller.op-&gt;callee.op.</param>
/// <param name="Calls">Calls made (a count of 3 makes three).</param>
/// <param name="Attempts">Attempts, retries included; <see cref="Amplification"/> is attempts per call.</param>
/// <param name="Failed">Calls that failed after their retries and fallback.</param>
/// <param name="BreakerOpened">Times the call's circuit breaker opened.</param>
/// <param name="BreakerRefused">Attempts the open breaker refused.</param>
public sealed record CallResult(string Call, long Calls, long Attempts, long Failed, long BreakerOpened, long BreakerRefused)
{
    public double Amplification => Calls > 0 ? (double)Attempts / Calls : double.NaN;
}

/// <summary>One workflow in one window: requests that finished in it, by outcome, and their latency.</summary>
public readonly record struct WorkflowWindow(long Completed, long Failed, double P50, double P99);

/// <summary>One window of the time series (from the run's start, warm-up included).</summary>
/// <param name="Start">Start of the window, seconds.</param>
/// <param name="Workflows">Per workflow, in design order.</param>
/// <param name="Utilisation">Per component, in design order; NaN for one with no capacity.</param>
/// <param name="Faulted">True when a fault was active at any time in the window.</param>
public sealed record SeriesWindow(double Start, ImmutableArray<WorkflowWindow> Workflows, ImmutableArray<double> Utilisation, bool Faulted)
{
    /// <summary>Per component, in design order: requests waiting for a slot, time-weighted over the window, summed over its instances; NaN for one with no capacity.</summary>
    public ImmutableArray<double> QueueLength { get; init; } = [];

    /// <summary>Per component, in design order: attempts per synchronous call made to it in the window (retry amplification); NaN when none was made.</summary>
    public ImmutableArray<double> Amplification { get; init; } = [];

    /// <summary>Per component, in design order: instances up at the window's end (serving, not down by a fault, not scaled in).</summary>
    public ImmutableArray<int> Instances { get; init; } = [];
}

/// <summary>An SLO judged over a run's measured period and window by window.</summary>
/// <param name="Achieved">Good over valid requests: successes over requests (availability), or successes within the threshold over successes (latency).</param>
/// <param name="BudgetBurned">Bad requests over the error budget of the run's requests ((1 - objective) x valid); 1 means the whole budget.</param>
/// <param name="BrokenFrom">Start of the first measured window in which the SLO was not met, or null.</param>
/// <param name="BrokenUntil">End of the last such window, or null.</param>
/// <param name="Recovered">Seconds from the end of the last fault to the end of the last broken window after it; null when none broke after it.</param>
public sealed record SloResult(
    string Slo,
    string Workflow,
    SliKind Sli,
    double Objective,
    double? Threshold,
    long Good,
    long Valid,
    double Achieved,
    bool Met,
    double BudgetBurned,
    double? BrokenFrom,
    double? BrokenUntil,
    double? Recovered);

/// <summary>
/// A store's primary lost to a fault, worked out as the recovery analysis says (docs/recovery.md): writes are refused
/// until the failover (or restore) completes after <see cref="Rto"/>, and the writes acknowledged within <see cref="Rpo"/>
/// before the fault are lost.
/// </summary>
/// <param name="Store">The store's name.</param>
/// <param name="Scope">The failure as the recovery analysis names it: one instance (<c>instance_down</c>) or a zone (<c>zone_down</c>).</param>
/// <param name="Path">How the store comes back: failover, restore, starting empty, or not at all.</param>
/// <param name="At">When the fault took the primary, seconds from the start.</param>
/// <param name="Rto">The recovery analysis's RTO for the failure, seconds (positive infinity: never).</param>
/// <param name="Rpo">The recovery analysis's RPO for the failure, seconds of writes (positive infinity: all of them).</param>
/// <param name="WritesDownFor">Seconds writes to the lost primary were refused: the RTO, or until the fault ended or the run did.</param>
/// <param name="WritesRefused">Writes refused meanwhile (failed as unavailable); a mean over replications once merged.</param>
/// <param name="WritesLost">Writes acknowledged within the RPO before the fault, which it loses; a mean over replications once merged.</param>
/// <param name="LostSinceStart">True when the RPO reaches back past the run's start: the figure counts from the start, and a real store would lose more.</param>
/// <param name="Recovered">True when the failover completed within the run (false: the fault ended first, or the run did).</param>
public sealed record FailoverResult(
    string Store,
    FailureScope Scope,
    RecoveryPath Path,
    double At,
    double Rto,
    double Rpo,
    double WritesDownFor,
    double WritesRefused,
    double WritesLost,
    bool LostSinceStart,
    bool Recovered);

/// <summary>One replication of one scenario.</summary>
/// <param name="StoppedBy">Null when the run reached its duration; else the limit that stopped it.</param>
public sealed record SimulationRun(
    int Replication,
    double Duration,
    double WarmUp,
    double Window,
    long Events,
    string? StoppedBy,
    ImmutableArray<WorkflowResult> Workflows,
    ImmutableArray<ComponentResult> Components,
    ImmutableArray<CallResult> Calls,
    ImmutableArray<SeriesWindow> Series,
    ImmutableArray<SloResult> Slos)
{
    /// <summary>Stores whose primary a fault took: writes refused until the failover and writes lost within the RPO.</summary>
    public ImmutableArray<FailoverResult> Failovers { get; init; } = [];

    /// <summary>The HDR histograms of each workflow's successful latencies (microseconds), for merging replications.</summary>
    internal ImmutableArray<HdrHistogram.LongHistogram> Histograms { get; init; } = [];

    /// <summary>Each SLO's good and valid requests per window ((-1, -1) during the warm-up), for merging replications.</summary>
    internal ImmutableArray<ImmutableArray<(long Good, long Valid)>> SloWindows { get; init; } = [];

    /// <summary>The SLOs judged, in the order of <see cref="Slos"/>.</summary>
    internal ImmutableArray<Slo> SloDefinitions { get; init; } = [];
}

/// <summary>A figure over replications: the mean, and a 95% confidence interval when there are two or more.</summary>
public sealed record ReplicatedFigure(double Mean, ConfidenceInterval? Interval);

/// <summary>
/// A scenario simulated: each replication, and the figures merged over them (counts summed, latency percentiles from
/// the merged histograms, utilisations and SLO achievement averaged with a confidence interval).
/// </summary>
/// <param name="Scenario">The scenario's name ("steady" for the design's traffic alone).</param>
/// <param name="Seed">The seed given; replication i runs on stream i of it.</param>
/// <param name="Expected">The SLOs the scenario's <c>expect</c> names (all of them for <c>slos: met</c>); empty when it expects nothing.</param>
public sealed record ScenarioResult(
    string Scenario,
    ulong Seed,
    ImmutableArray<SimulationRun> Runs,
    ImmutableArray<WorkflowResult> Workflows,
    ImmutableArray<ReplicatedFigure> Utilisation,
    ImmutableArray<ReplicatedFigure> P99,
    ImmutableArray<SloResult> Slos,
    ImmutableArray<string> Expected,
    ImmutableArray<SimulatedFault> Faults)
{
    /// <summary>Stores whose primary a fault took, as in the first replication, with writes refused and lost averaged over replications.</summary>
    public ImmutableArray<FailoverResult> Failovers { get; init; } = [];

    /// <summary>The expected SLOs not met (over the merged run).</summary>
    public ImmutableArray<SloResult> Broken => [.. Slos.Where(s => Expected.Contains(s.Slo) && !s.Met)];
}
