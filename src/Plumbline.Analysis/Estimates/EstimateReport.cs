using System.Collections.Immutable;
using Plumbline.Analysis.Explain;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Estimates;

/// <summary>Every back-of-envelope figure for one design, each explaining itself.</summary>
public sealed record EstimateReport(
    string SystemName,
    EstimateOptions Options,
    ImmutableArray<WorkflowTraffic> Traffic,
    ImmutableArray<OperationLoad> Operations,
    ImmutableArray<ComponentCapacity> Components,
    ImmutableArray<EntityStorage> Storage,
    ImmutableArray<OwnerStorage> StorageByOwner,
    ImmutableArray<CacheSizing> Caches,
    ImmutableArray<QueueFlow> Queues,
    ImmutableArray<ComponentBandwidth> Bandwidth,
    Figure InternetEgress,
    ImmutableArray<WorkflowLatency> Latency,
    ImmutableArray<ComponentQueueing> Queueing,
    ImmutableArray<string> Notes,
    SensitivityReport? Sensitivity)
{
    /// <summary>What a month was in this estimate.</summary>
    public Design.Units.MonthConvention Month { get; init; }

    /// <summary>Where <see cref="Month"/> came from: <c>option</c> (<c>--month</c>), the design path of <c>requirements.month</c>, or <c>default</c>.</summary>
    public string MonthSource { get; init; } = Explain.FigureSources.Default;

    /// <summary>Per-workflow figures beyond traffic (composed availability; latency joins it), in design order.</summary>
    public ImmutableArray<WorkflowEstimate> Workflows { get; init; } = [];

    /// <summary>Every store's recovery: what each failure loses and how long it lasts, and durability (see <c>plumbline recovery</c>); null when not worked out.</summary>
    public Recovery.RecoveryReport? Recovery { get; init; }

    /// <summary>Figures past the largest number a double holds, with why; each is also a note. Empty for most designs.</summary>
    public ImmutableArray<OverflowExplanation> Overflows { get; init; } = [];
}

/// <summary>What one workflow gets end to end: its composed availability.</summary>
public sealed record WorkflowEstimate(string Workflow, AvailabilityEstimate Availability);

/// <summary>
/// A workflow's availability composed along its synchronous path, the downtime it implies, and the
/// path, its weakest link and what had to be assumed. <see cref="Detail"/> has the whole composition.
/// </summary>
/// <param name="Availability">The composed availability (unit <see cref="FigureUnit.Availability"/>).</param>
/// <param name="DowntimePer30Days">(1 - availability) x 30 days, in seconds.</param>
/// <param name="DowntimePerYear">(1 - availability) x 365.25 days, in seconds.</param>
/// <param name="Weakest">The operation that costs the most availability, as described on the path, or null.</param>
public sealed record AvailabilityEstimate(
    Figure Availability,
    Figure DowntimePer30Days,
    Figure DowntimePerYear,
    string? Weakest,
    Availability.WorkflowAvailability Detail);

/// <summary>
/// A workflow's latency along its synchronous path, composed as distributions (see
/// <c>Plumbline.Analysis.Latency.PathLatency</c>): at average and at peak load (queueing at each
/// component's utilisation included), and what queueing adds to the mean. <see cref="P999"/> and
/// <see cref="PeakP999"/> are unknown unless an operation on the path states p999 or an SLO asks
/// for 99.9% or more (a log-normal fitted to p50 and p99 says little about p99.9).
/// </summary>
public sealed record WorkflowLatency(
    string Workflow,
    Figure P50,
    Figure P99,
    Figure P999,
    Figure PeakP50,
    Figure PeakP99,
    Figure PeakP999,
    Figure QueueingAverage,
    Figure QueueingPeak,
    ImmutableArray<LatencyObjective> Objectives);

/// <summary>
/// A latency SLO against the composed path: the path's latency at the objective's percentile, at
/// average and at peak load. <see cref="Meets"/> compares the average-load figure with the threshold.
/// </summary>
/// <param name="Objective">Share of requests, 0..1.</param>
/// <param name="Threshold">Seconds.</param>
public sealed record LatencyObjective(string Slo, string Path, double Objective, double Threshold, Figure Average, Figure Peak)
{
    /// <summary>True when the path's latency at the objective is within the threshold at average load; null when unknown.</summary>
    public bool? Meets => Average.Value is { } v ? v <= Threshold : null;
}

/// <summary>
/// The wait in front of a component's instances as an M/M/c queue (Erlang C): c serving instances,
/// each completing its stated capacity per second, at the utilisation of the capacity figures.
/// </summary>
public sealed record ComponentQueueing(string Component, int Servers, Figure AverageWaitProbability, Figure AverageWait, Figure PeakWaitProbability, Figure PeakWait);

/// <summary>A workflow's traffic: average and peak rate, and the bandwidth of its requests and responses at average.</summary>
public sealed record WorkflowTraffic(string Workflow, AccessType Type, Figure Average, Figure Peak, Figure RequestBandwidth, Figure ResponseBandwidth);

/// <summary>Load on one operation through the call graph, and the worst-case retry amplification reaching it.</summary>
public sealed record OperationLoad(string Operation, string Component, AccessType Type, Figure Average, Figure Peak, Figure WorstCaseAmplification)
{
    private readonly Func<string>? _describeAmplification;
    private string? _amplificationPath;

    /// <summary>The chain that gives the worst case: "edge.create -> api.create (x3) -> queue.publish (x4) = 12x"; empty when no retry reaches it.</summary>
    public string AmplificationPath
    {
        get => _amplificationPath ??= _describeAmplification?.Invoke() ?? string.Empty;
        init => _amplificationPath = value;
    }

    /// <summary>
    /// Writes <see cref="AmplificationPath"/> when it is first read: a review reads none of them, and each names up to
    /// eleven operations, so writing every operation's chain would cost the names' length times the operations.
    /// </summary>
    public Func<string> DescribeAmplification
    {
        init => _describeAmplification = value;
    }
}

/// <summary>
/// A component's load against its capacity: utilisation at average and peak, the instances
/// needed at the target utilisation, and the months before growth takes peak past capacity.
/// </summary>
public sealed record ComponentCapacity(
    string Component,
    ComponentKind Kind,
    int Instances,
    Figure AverageLoad,
    Figure PeakLoad,
    Figure PeakReads,
    Figure PeakWrites,
    Figure Capacity,
    Figure AverageUtilisation,
    Figure PeakUtilisation,
    Figure InstancesNeeded,
    Figure HeadroomMonths);

/// <summary>Storage of one entity: what arrives each month, and what is kept at each horizon.</summary>
public sealed record EntityStorage(
    string Entity,
    string? Owner,
    Figure NewRecordsPerMonth,
    Figure NewBytesPerMonth,
    Figure AtRetention,
    double ReplicationFactor,
    ImmutableArray<HorizonStorage> Horizons);

/// <summary>Records and bytes kept at a horizon; <see cref="Bytes"/> is one copy, <see cref="Replicated"/> all copies.</summary>
public sealed record HorizonStorage(double Months, Figure Records, Figure Bytes, Figure Replicated);

/// <summary>
/// Storage totals of one owning component at each horizon, and the shards it needs: for storage at
/// the longest horizon (<see cref="ShardsForStorage"/>; every horizon in <see cref="ShardsForStorageAt"/>),
/// each figure named by its horizon, and for writes at today's peak.
/// </summary>
public sealed record OwnerStorage(string Component, ImmutableArray<Figure> Horizons, Figure ShardsForStorage, Figure ShardsForWrites)
{
    /// <summary>Shards for storage at each horizon, in the order of the estimate's horizons.</summary>
    public ImmutableArray<Figure> ShardsForStorageAt { get; init; } = [];
}

/// <summary>A cache's hot working set against its memory.</summary>
public sealed record CacheSizing(string Component, Figure ReadsPerDay, Figure ItemSize, Figure HotSet, Figure Memory, Figure Fit);

/// <summary>A queue's publish rate against its consumers' capacity, and how fast a backlog grows.</summary>
public sealed record QueueFlow(string Component, Figure PublishAverage, Figure PublishPeak, Figure ConsumerCapacity, Figure BacklogPerHour);

/// <summary>Bytes per second into and out of a component at average load.</summary>
public sealed record ComponentBandwidth(string Component, Figure Ingress, Figure Egress);

/// <summary>The headline figures sensitivity watches, and how far each input moves them.</summary>
public sealed record SensitivityReport(double Step, ImmutableArray<Headline> Headlines, ImmutableArray<SensitivityRow> Rows);

/// <summary>A headline figure at the baseline.</summary>
public sealed record Headline(string Name, double Value, FigureUnit Unit, string Subject);

/// <summary>
/// How moving one input down and up by the step changes each headline, as relative changes in
/// the order of <see cref="SensitivityReport.Headlines"/>; <see cref="Score"/> is the largest
/// absolute change, by which rows are ranked.
/// </summary>
public sealed record SensitivityRow(EstimateInput Input, ImmutableArray<double> Down, ImmutableArray<double> Up, double Score);
