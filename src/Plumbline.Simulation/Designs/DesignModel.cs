using System.Collections.Immutable;
using System.Globalization;
using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Graph;
using Plumbline.Analysis.Latency;
using Plumbline.Analysis.Recovery;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Simulation.Designs;

/// <summary>How one component is simulated: its instances, and how many requests one instance works on at once.</summary>
/// <param name="Name">The component's name.</param>
/// <param name="Instances">Copies that serve: <c>instances</c>, plus <c>replicas</c> for a stateful component that states a read capacity or none (its read copies).</param>
/// <param name="Primaries">The first <see cref="Instances"/> that take writes (<c>instances</c>); reads go to any copy.</param>
/// <param name="CapacityPerInstance">What a primary sustains per second (writes, else the total, else reads); 0 for none stated (unlimited).</param>
/// <param name="ReplicaCapacity">What a replica sustains per second (reads, else the total, else writes).</param>
/// <param name="MeanOwnTime">The mean own time of its operations, weighted by their simulated load, seconds.</param>
/// <param name="Slots">Requests a primary works on at once: ceil(capacity x mean own time), at least 1; 0 when unlimited.</param>
/// <param name="Hold">How long a request keeps a primary's slot, as a multiple of its own time: slots / (capacity x mean own time), so
/// the instance completes exactly its capacity when saturated; 0 when the own time is 0 (then the hold is exponential with mean 1 / capacity).</param>
/// <param name="ReplicaSlots">As <see cref="Slots"/>, for a replica.</param>
/// <param name="ReplicaHold">As <see cref="Hold"/>, for a replica.</param>
/// <param name="Zones">The zone of each instance, the design's zones in turn (primaries first, then replicas).</param>
/// <param name="Balancing">How a caller picks an instance.</param>
/// <param name="Autoscale">How the component scales out and in, when the design gives it an autoscaling policy and a capacity; null otherwise.</param>
/// <param name="SpansZones">A provider-managed whole (an <c>sla</c>) over two zones or more: one zone's loss does not take it, as its sla promises.</param>
public sealed record SimulatedComponent(
    string Name,
    int Instances,
    int Primaries,
    double CapacityPerInstance,
    double ReplicaCapacity,
    double MeanOwnTime,
    int Slots,
    double Hold,
    int ReplicaSlots,
    double ReplicaHold,
    ImmutableArray<string> Zones,
    LoadBalancing Balancing,
    bool SpansZones = false,
    SimulatedAutoscaling? Autoscale = null)
{
    /// <summary>Copies the run keeps room for: its instances, or the autoscaling maximum when that is more.</summary>
    public int MaxCopies => Autoscale is { } a ? Math.Max(Instances, a.Max) : Instances;

    /// <summary>Copies serving at the start: its instances, within the autoscaling bounds.</summary>
    public int InitialCopies => Autoscale is { } a ? Math.Clamp(Instances, a.Min, a.Max) : Instances;

    /// <summary>True when the design states a capacity, so requests queue for slots.</summary>
    public bool Limited => Slots > 0;

    /// <summary>Slots over all its instances.</summary>
    public int TotalSlots => (Slots * Primaries) + (ReplicaSlots * (Instances - Primaries));
}

/// <summary>
/// An autoscaling policy as the simulation runs it, in the manner of Kubernetes' horizontal pod autoscaler: every
/// <see cref="Interval"/> it measures the instances kept busy over the interval (serving x utilisation) and wants
/// ceil(busy instances / target) of them (no change within 10% of the serving count); more instances start serving
/// <see cref="Delay"/> after the decision; fewer are removed (they finish what they hold) only when every wish of the last
/// <see cref="Cooldown"/> was that low.
/// </summary>
public sealed record SimulatedAutoscaling(int Min, int Max, double Target, double Delay, double Cooldown)
{
    /// <summary>Seconds between two decisions: Kubernetes' default sync period.</summary>
    public const double Interval = 15;

    /// <summary>No change while utilisation / target is within this of 1: Kubernetes' default tolerance.</summary>
    public const double Tolerance = 0.1;

    /// <summary>Scale-up delay when the design states none.</summary>
    public const double DefaultDelay = 60;

    /// <summary>Scale-down stabilisation when the design states none: Kubernetes' default window.</summary>
    public const double DefaultCooldown = 300;
}

/// <summary>
/// A design compiled for simulation: the call graph with each operation's fitted own time, each call's probability
/// (a cache's miss ratio where the estimate derives one), count, timeout, retries, breaker and fallback, each
/// component's instances and slots, and each workflow's rate. The same <see cref="LoadModel"/>, fitted service times
/// and capacity arithmetic as the estimate, so the two differ only where a simulation should.
/// </summary>
/// <remarks>
/// Capacity to concurrency: a design states what one instance sustains per second (its capacity) and how long each
/// operation's own work takes (its latency), not how many requests it works on at once. By Little's law an instance
/// completing <c>mu</c> requests a second, each taking <c>E[S]</c>, works on <c>mu E[S]</c> at once when saturated.
/// So an instance gets <c>k = ceil(mu E[S])</c> slots, a request takes a slot for its own work (not while it waits on
/// its callees: the service is asynchronous, its capacity is its own work), and keeps it for <c>k / (mu E[S])</c> times
/// its own time, so k slots complete exactly mu a second when all are busy. The request itself moves on after its own
/// time. Utilisation (busy slots over slots) is then load / capacity, the estimate's figure, at any load; a request's
/// latency is its own time when slots are free, as the estimate composes it; and when they are not, it waits in a FIFO
/// queue in front of k slots (an M/G/k queue), which is where the simulation and the estimate's Erlang C part.
/// A stateful component's replicas are copies that serve reads (writes go to its primaries, the <c>instances</c>) when it
/// states a read capacity or none, as the estimate counts them; a primary's slots come from its write capacity, a
/// replica's from its read capacity. Otherwise its replicas are standbys, which the simulation does not route to.
/// An operation with no stated latency takes no time of its own; its component's slot is then held for an exponential
/// time of mean 1 / capacity on one slot per instance: exactly the estimate's M/M/c server.
/// </remarks>
public sealed class DesignModel
{
    private DesignModel(
        SystemDesign design,
        CallGraph graph,
        ImmutableArray<SimulatedComponent> components,
        ImmutableArray<ServiceTime> ownTimes,
        ImmutableArray<bool> writes,
        ImmutableArray<double> edgeProbabilities,
        ImmutableArray<int> fallbacks,
        ImmutableArray<double> workflowRates,
        ImmutableArray<double> workflowAverages,
        ImmutableArray<StoreRecovery?> recovery,
        ImmutableArray<string> assumptions)
    {
        Recovery = recovery;
        Design = design;
        Graph = graph;
        Components = components;
        OwnTimes = ownTimes;
        Writes = writes;
        EdgeProbabilities = edgeProbabilities;
        Fallbacks = fallbacks;
        WorkflowRates = workflowRates;
        WorkflowAverages = workflowAverages;
        Assumptions = assumptions;
    }

    public SystemDesign Design { get; }

    public CallGraph Graph { get; }

    /// <summary>In the design's order (the call graph's component numbering).</summary>
    public ImmutableArray<SimulatedComponent> Components { get; }

    /// <summary>Each operation's own service time, fitted as the estimate fits it (zero when none is stated).</summary>
    public ImmutableArray<ServiceTime> OwnTimes { get; }

    /// <summary>Each operation's type is write (as the estimate infers it): it goes to a primary.</summary>
    public ImmutableArray<bool> Writes { get; }

    /// <summary>Each edge's probability of being made (stated, a cache's miss ratio, or 1).</summary>
    public ImmutableArray<double> EdgeProbabilities { get; }

    /// <summary>Each edge's fallback operation (<c>fallback: { to: ... }</c>), or -1.</summary>
    public ImmutableArray<int> Fallbacks { get; }

    /// <summary>Each workflow's arrival rate per second at the options' load (0 when unknown).</summary>
    public ImmutableArray<double> WorkflowRates { get; }

    /// <summary>Each workflow's average rate per second (load shapes are multiples of it; 0 when unknown).</summary>
    public ImmutableArray<double> WorkflowAverages { get; }

    /// <summary>
    /// Each component's recovery as the recovery analysis derives it (RPO and RTO per failure, docs/recovery.md), or null
    /// for one that keeps no data: a fault that takes a store's primary makes its writes unavailable for that RTO and
    /// loses the writes within that RPO.
    /// </summary>
    public ImmutableArray<StoreRecovery?> Recovery { get; }

    /// <summary>What the simulation had to assume because the design does not say, one sentence each.</summary>
    public ImmutableArray<string> Assumptions { get; }

    /// <summary>Compiles a loaded design (one without errors).</summary>
    public static DesignModel Compile(SystemDesign design, SimulationOptions? options = null, EstimateOptions? estimateOptions = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        options ??= SimulationOptions.Default;
        var graph = CallGraph.Build(design);
        var load = LoadModel.Compile(design, graph, estimateOptions);
        var values = load.BaselineValues();
        var loads = load.Propagate(values);
        var assumptions = ImmutableArray.CreateBuilder<string>();

        var own = graph.Operations.Select(op => ServiceTimeFit.Fit(op.Latency).Time).ToImmutableArray();
        var probabilities = graph.Edges.Select(e => Math.Clamp(load.EdgeProbability(values, e), 0, 1)).ToImmutableArray();
        var fallbacks = graph.Edges.Select(e => e.Call?.FallbackTo is { } to ? graph.IndexOf(to) : -1).ToImmutableArray();

        var rates = ImmutableArray.CreateBuilder<double>();
        var averages = ImmutableArray.CreateBuilder<double>();
        for (var w = 0; w < design.Workflows.Length; w++)
        {
            var average = load.WorkflowAverage(values, w);
            var rate = options.Load == SimulatedLoad.Peak ? load.WorkflowPeak(values, w) : average;
            if (double.IsNaN(rate) || graph.IndexOf(design.Workflows[w].Entry) < 0)
            {
                assumptions.Add($"Workflow {design.Workflows[w].Name} has no rate the simulation can use (per-user without users); it sends no requests.");
            }

            rates.Add(double.IsFinite(rate) && rate > 0 ? rate : 0);
            averages.Add(double.IsFinite(average) && average > 0 ? average : 0);
        }

        var weights = options.Load == SimulatedLoad.Peak ? loads.Peak : loads.Average;
        var components = ImmutableArray.CreateBuilder<SimulatedComponent>();
        var unbalanced = new List<string>();
        var unzoned = new List<string>();
        var managed = new List<string>();
        var scaled = new List<string>();
        var slaOfDependency = design.Requirements.Dependencies.Where(d => d.Component is not null && d.Sla is not null).Select(d => d.Component!).ToHashSet(StringComparer.Ordinal);
        for (var c = 0; c < graph.Components.Length; c++)
        {
            var component = graph.Components[c];
            var numbers = Numbers.Component(load, loads, c);
            var ops = graph.OperationsOf[c];
            double weightSum = 0, weighted = 0;
            foreach (var op in ops)
            {
                var wgt = weights[op] > 0 && double.IsFinite(weights[op]) ? weights[op] : 0;
                weightSum += wgt;
                weighted += wgt * own[op].Mean;
            }

            var meanOwn = weightSum > 0 ? weighted / weightSum : ops.Length > 0 ? ops.Average(op => own[op].Mean) : 0;
            var primaries = Math.Max(1, component.Instances);
            // Replicas serve reads where the estimate counts them as serving reads: a store that states a read capacity
            // (or no capacity at all); otherwise they are standbys the simulation does not route to.
            var readsOnReplicas = component.IsStateful && (component.Capacity is null ? numbers.Basis == CapacityBasis.None : component.Capacity.Reads is not null);
            var copies = primaries + (readsOnReplicas ? Math.Max(0, component.Replicas) : 0);
            double primaryCapacity = 0, replicaCapacity = 0;
            if (numbers.Basis != CapacityBasis.None)
            {
                var stated = component.Capacity;
                primaryCapacity = stated is null ? numbers.CapacityPerInstance : (stated.Writes ?? stated.Total ?? stated.Reads)?.PerSecond ?? numbers.CapacityPerInstance;
                replicaCapacity = stated is null ? numbers.CapacityPerInstance : (stated.Reads ?? stated.Total ?? stated.Writes)?.PerSecond ?? numbers.CapacityPerInstance;
            }

            var (slots, hold) = Concurrency(primaryCapacity, meanOwn);
            var (replicaSlots, replicaHold) = Concurrency(replicaCapacity, meanOwn);
            if (slots == 0 || replicaSlots == 0)
            {
                (slots, hold, replicaSlots, replicaHold, primaryCapacity, replicaCapacity) = (0, 0, 0, 0, 0, 0);
            }

            if (component.LoadBalancing is null && copies > 1)
            {
                unbalanced.Add(component.Name);
            }

            if (component.Zones.IsDefaultOrEmpty)
            {
                unzoned.Add(component.Name);
            }

            var autoscale = Autoscale(component, slots > 0, copies > primaries, scaled);
            var room = autoscale is { } policy ? Math.Max(copies, policy.Max) : copies;
            var zones = Enumerable.Range(0, room)
                .Select(i => component.Zones.IsDefaultOrEmpty ? string.Empty : component.Zones[i % component.Zones.Length])
                .ToImmutableArray();
            var spans = (component.Sla is not null || slaOfDependency.Contains(component.Name)) && component.Zones.Length > 1;
            if (spans)
            {
                managed.Add(component.Name);
            }

            components.Add(new SimulatedComponent(component.Name, copies, primaries, primaryCapacity, replicaCapacity, meanOwn, slots, hold,
                replicaSlots, replicaHold, zones, component.LoadBalancing ?? LoadBalancing.RoundRobin, spans, autoscale));
        }

        if (unbalanced.Count > 0)
        {
            assumptions.Add($"Load balancing round robin (none stated): {List(unbalanced)}.");
        }

        assumptions.AddRange(scaled);
        if (managed.Count > 0)
        {
            assumptions.Add($"Provider-managed (an sla) across several zones, so one zone's loss does not take it: {List(managed)}.");
        }

        if (unzoned.Count > 0)
        {
            assumptions.Add($"No zones stated, so no zone fault reaches: {List(unzoned)}.");
        }

        var limited = components.Where(c => c.Limited).Select(c => c.Name).ToList();
        if (limited.Count > 0)
        {
            assumptions.Add($"At most {options.QueuePerInstance.ToString("N0", CultureInfo.InvariantCulture)} requests wait at one instance (no queue bound stated); more are rejected: {List(limited)}.");
        }

        var unstated = graph.Operations.Where((op, i) => own[i].Mean == 0).Select(op => op.RefText).ToList();
        if (unstated.Count > 0)
        {
            assumptions.Add($"No latency stated, so no own time: {List(unstated)}.");
        }

        var recovery = RecoveryAnalyzer.Analyze(load);
        var stores = new StoreRecovery?[graph.Components.Length];
        foreach (var store in recovery.Stores)
        {
            stores[graph.ComponentIndex[store.Component]] = store;
        }

        return new DesignModel(design, graph, components.ToImmutable(), own, [.. load.OperationTypes.Select(t => t == AccessType.Write)], probabilities, fallbacks,
            rates.ToImmutable(), averages.ToImmutable(), [.. stores], assumptions.ToImmutable());
    }

    /// <summary>Slots and hold for an instance of <paramref name="capacity"/> per second at a mean own time (see the remarks).</summary>
    private static (int Slots, double Hold) Concurrency(double capacity, double meanOwn)
    {
        if (!(capacity > 0) || !double.IsFinite(capacity))
        {
            return (0, 0);
        }

        if (!(meanOwn > 0))
        {
            return (1, 0);
        }

        var concurrency = capacity * meanOwn;
        var slots = (int)Math.Min(1_000_000, Math.Max(1, Math.Ceiling(concurrency - 1e-9)));
        return (slots, slots / concurrency);
    }

    /// <summary>The autoscaling policy as simulated, its defaults filled in (see <see cref="SimulatedAutoscaling"/>).</summary>
    private static SimulatedAutoscaling? Autoscale(Component component, bool limited, bool replicas, List<string> assumed)
    {
        if (component.Autoscaling is not { } a)
        {
            return null;
        }

        if (!limited || replicas)
        {
            assumed.Add($"{component.Name}: its autoscaling is not simulated ({(replicas ? "it has read replicas" : "no capacity, so no utilisation to scale on")}); it runs its instances.");
            return null;
        }

        var target = a.TargetUtilisation?.Fraction ?? new EstimateOptions().TargetUtilisation;
        var delay = a.Delay?.Seconds ?? SimulatedAutoscaling.DefaultDelay;
        var cooldown = a.Cooldown?.Seconds ?? SimulatedAutoscaling.DefaultCooldown;
        var unstated = new List<string>();
        if (a.TargetUtilisation is null)
        {
            unstated.Add($"target {Quantities.Percent(target)}");
        }

        if (a.Delay is null)
        {
            unstated.Add($"delay {Quantities.Duration(delay)}");
        }

        if (a.Cooldown is null)
        {
            unstated.Add($"cooldown {Quantities.Duration(cooldown)}");
        }

        if (unstated.Count > 0)
        {
            assumed.Add($"{component.Name} autoscales with {string.Join(", ", unstated)} (not stated).");
        }

        return new SimulatedAutoscaling(a.Min, a.Max, target, delay, cooldown);
    }

    private static string List(List<string> names) =>
        string.Join(", ", names.Take(8)) + (names.Count > 8 ? $" and {names.Count - 8} more" : string.Empty);
}
