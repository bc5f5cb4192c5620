using System.Collections.Immutable;
using System.Globalization;
using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Availability;

/// <summary>
/// The availability of one component: its redundant copies in parallel, inside its zones in parallel.
/// For a service, every instance can serve, so <see cref="Parallel"/> is its instances (plus replicas when
/// it declares itself stateful); for a store (database, cache, queue, object store, search),
/// <c>instances</c> are shards and a request needs its own shard, so <see cref="Parallel"/> is the copies
/// of one shard: 1 + replicas / instances.
/// </summary>
/// <param name="PerInstance">Stated availability of one instance (an external's SLA), or the default.</param>
/// <param name="PerInstanceIsDefault">True when the design states no availability and the default was assumed.</param>
/// <param name="Parallel">Instances or copies that can each serve a request.</param>
/// <param name="Zones">Zones it runs in (1 when none are listed).</param>
/// <param name="Value">1 - (1 - a)^n, times 1 - (1 - z)^k for k zones; 0..1.</param>
/// <param name="Arithmetic">The computation written out.</param>
public sealed record ComponentAvailability(string Component, double PerInstance, bool PerInstanceIsDefault, int Parallel, int Zones, double Value, string Arithmetic);

/// <summary>
/// One operation on a workflow's synchronous path and the factor it contributes:
/// 1 - share x (1 - A^calls), where A is its component's availability.
/// </summary>
/// <param name="Operation">The operation, <c>component.operation</c>.</param>
/// <param name="Description">The operation with its share and fan-out when they are not 1.</param>
/// <param name="Factor">The factor, 0..1.</param>
public sealed record PathFactor(string Operation, string Description, double Factor)
{
    /// <summary>The component the operation belongs to.</summary>
    public string Component { get; init; } = string.Empty;

    /// <summary>Share of the workflow's requests that run this operation, 0..1; 1 for the entry.</summary>
    public double Share { get; init; } = 1;

    /// <summary>Calls to the operation per request that runs it (fan-out); 1 unless a count says otherwise.</summary>
    public double Calls { get; init; } = 1;

    /// <summary>Availability of the component on its own, 0..1.</summary>
    public double ComponentValue { get; init; } = 1;
}

/// <summary>A workflow's availability, composed along its synchronous call path: the product of its factors.</summary>
public sealed record WorkflowAvailability(string Workflow, double Value, ImmutableArray<PathFactor> Factors)
{
    /// <summary>"edge-lb.redirect 99.99% x edge.get_link 99.9999999% x links-db.get (10% of requests) 99.99999% = 99.99%".</summary>
    public string Arithmetic => Factors.IsEmpty
        ? $"no synchronous path = {AvailabilityModel.Percent(Value)}"
        : string.Join(" x ", Factors.Select(f => $"{f.Description} {AvailabilityModel.Percent(f.Factor)}")) + $" = {AvailabilityModel.Percent(Value)}";

    /// <summary>The factor that costs the most availability, or null when the path is empty.</summary>
    public PathFactor? Weakest => Factors.IsEmpty ? null : Factors.MinBy(f => f.Factor);
}

/// <summary>
/// Availability composed the way a reviewer does it on a whiteboard: components in series along
/// each workflow's synchronous calls; instances, replicas and zones in parallel; async hops and
/// calls with a fallback left out (their failure degrades, it does not fail the request). A call
/// made on a share s of requests, c times each, contributes 1 - s x (1 - A^c); a call straight
/// after a cache call with no stated probability is made on the cache's misses. Retries are not
/// counted (they mask blips, not outages). Failures are taken as independent, which flatters the
/// result; the docs say so.
/// </summary>
public sealed class AvailabilityModel
{
    /// <summary>Availability of one instance when the design states none: 99.9%.</summary>
    public const double DefaultInstanceAvailability = 0.999;

    /// <summary>Availability of one zone: 99.99%, about 53 minutes of zone outage a year.</summary>
    public const double ZoneAvailability = 0.9999;

    private readonly CallGraph _graph;

    public AvailabilityModel(SystemDesign design, CallGraph graph)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(graph);
        _graph = graph;
        Components = [.. graph.Components.Select(ComposeComponent)];
        Workflows = [.. design.Workflows.Select(Workflow)];
    }

    /// <summary>Every component's availability, in design order.</summary>
    public ImmutableArray<ComponentAvailability> Components { get; }

    /// <summary>Every workflow's availability, in design order.</summary>
    public ImmutableArray<WorkflowAvailability> Workflows { get; }

    public ComponentAvailability Of(string component) => Components[_graph.ComponentIndex[component]];

    public WorkflowAvailability? OfWorkflow(string workflow) => Workflows.FirstOrDefault(w => w.Workflow == workflow);

    /// <summary>Availability of one component in isolation: 1 - (1 - a)^n copies, x 1 - (1 - z)^k zones. Pure, for tests and docs.</summary>
    public static double Compose(double perInstance, int parallel, int zones) =>
        Parallel(perInstance, parallel) * Parallel(ZoneAvailability, zones);

    /// <summary>n redundant copies each up with probability a: 1 - (1 - a)^n (n at least 1).</summary>
    public static double Parallel(double availability, int copies) =>
        1 - Math.Pow(1 - availability, Math.Max(copies, 1));

    /// <summary>Components in series: the product.</summary>
    public static double Series(IEnumerable<double> availabilities)
    {
        ArgumentNullException.ThrowIfNull(availabilities);
        return availabilities.Aggregate(1.0, (a, b) => a * b);
    }

    /// <summary>The factor of a call made on <paramref name="share"/> of requests, <paramref name="calls"/> times each, to a component of availability <paramref name="availability"/>: 1 - s x (1 - A^c).</summary>
    public static double CallFactor(double availability, double share, double calls) =>
        1 - (share * (1 - Math.Pow(availability, Math.Max(calls, 0))));

    /// <summary>A synchronous call with no fallback: its failure fails the caller.</summary>
    public static bool IsHardDependency(CallEdge edge)
    {
        ArgumentNullException.ThrowIfNull(edge);
        return edge.Kind == EdgeKind.Sync && string.IsNullOrWhiteSpace(edge.Call?.Fallback);
    }

    /// <summary>
    /// The share of one request entering at <paramref name="entry"/> that runs each operation, and
    /// the calls it gets per request, following the edges <paramref name="follow"/> accepts. Several
    /// paths to one operation combine as independent events: 1 - product of (1 - share of each path).
    /// </summary>
    internal static (double[] Share, double[] Calls) Spread(CallGraph graph, int entry, Func<CallEdge, bool> follow)
    {
        var share = new double[graph.Operations.Length];
        var calls = new double[graph.Operations.Length];
        share[entry] = 1;
        calls[entry] = 1;
        foreach (var op in graph.Order)
        {
            if (share[op] <= 0)
            {
                continue;
            }

            foreach (var e in graph.Outgoing[op])
            {
                var edge = graph.Edges[e];
                if (!follow(edge) || edge.To == entry)
                {
                    continue;
                }

                var p = Probability(graph, edge);
                var count = edge.Call?.Count ?? 1;
                share[edge.To] = 1 - ((1 - share[edge.To]) * (1 - (share[op] * p * Math.Min(count, 1))));
                calls[edge.To] += calls[op] * p * count;
            }
        }

        return (share, calls);
    }

    /// <summary>The probability a call is made: stated, else the miss ratio of the cache called just before it, else 1.</summary>
    internal static double Probability(CallGraph graph, CallEdge edge)
    {
        if (edge.Call?.Probability is { } stated)
        {
            return stated;
        }

        if (edge.MissOfCache >= 0 && graph.Components[edge.MissOfCache].HitRatio is { } hit)
        {
            return 1 - hit;
        }

        return 1;
    }

    /// <summary>
    /// A share (availability, SLO) as a percentage with enough digits to tell it from its neighbours:
    /// one digit past the first non-nine, at least two decimals' worth: "99.95%", "99.9899%", "50%".
    /// </summary>
    internal static string Percent(double value)
    {
        if (value >= 1)
        {
            return "100%";
        }

        if (value <= 0)
        {
            return "0%";
        }

        var nines = (int)Math.Floor(-Math.Log10(1 - value));
        var decimals = Math.Clamp(nines + 1, 2, 12);
        return (value * 100).ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture) + "%";
    }

    private ImmutableArray<PathFactor> Factors(int entry)
    {
        var (share, calls) = Spread(_graph, entry, IsHardDependency);
        var factors = ImmutableArray.CreateBuilder<PathFactor>();
        foreach (var op in BreadthFirst(entry))
        {
            if (share[op] <= 0)
            {
                continue;
            }

            var component = Components[_graph.ComponentOf[op]];
            var perRequest = calls[op] / share[op];
            var reference = _graph.Operations[op].Ref.ToString();
            var notes = new List<string>();
            if (share[op] < 1)
            {
                notes.Add($"{Percent(share[op])} of requests");
            }

            if (Math.Abs(perRequest - 1) > 1e-9)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"x{perRequest:0.##} calls"));
            }

            var description = notes.Count == 0 ? reference : $"{reference} ({string.Join(", ", notes)})";
            factors.Add(new PathFactor(reference, description, CallFactor(component.Value, share[op], perRequest))
            {
                Component = component.Component,
                Share = share[op],
                Calls = perRequest,
                ComponentValue = component.Value,
            });
        }

        return factors.ToImmutable();
    }

    /// <summary>Operations reached from an entry over hard dependencies, in the order first reached.</summary>
    private List<int> BreadthFirst(int entry)
    {
        var order = new List<int>();
        var seen = new HashSet<int> { entry };
        var queue = new Queue<int>();
        queue.Enqueue(entry);
        while (queue.Count > 0)
        {
            var op = queue.Dequeue();
            order.Add(op);
            foreach (var e in _graph.Outgoing[op])
            {
                var edge = _graph.Edges[e];
                if (IsHardDependency(edge) && seen.Add(edge.To))
                {
                    queue.Enqueue(edge.To);
                }
            }
        }

        return order;
    }

    private static bool IsStore(Component component) =>
        component.Kind is ComponentKind.Database or ComponentKind.Cache or ComponentKind.Queue or ComponentKind.ObjectStore or ComponentKind.Search;

    private ComponentAvailability ComposeComponent(Component component)
    {
        if (component.Kind == ComponentKind.Client)
        {
            return new ComponentAvailability(component.Name, 1, false, 1, 1, 1, $"{component.Name}: clients are outside the system = 100%");
        }

        if (component.Kind == ComponentKind.External)
        {
            var stated = component.Sla ?? component.Availability;
            var value = stated?.Fraction ?? DefaultInstanceAvailability;
            return new ComponentAvailability(component.Name, value, stated is null, 1, 1, value,
                $"{component.Name}: {(stated is null ? "no SLA stated, assumed" : "SLA")} {Percent(value)}");
        }

        var perInstance = component.Availability?.Fraction ?? DefaultInstanceAvailability;
        var instances = Math.Max(component.Instances, 1);
        int parallel;
        string unit;
        if (IsStore(component))
        {
            // A request needs its own shard, so only the copies of one shard are redundant.
            parallel = 1 + (component.Replicas / instances);
            unit = parallel == 1 ? "copy per shard" : "copies per shard";
        }
        else
        {
            parallel = instances + (component.IsStateful ? component.Replicas : 0);
            unit = parallel == 1 ? "instance" : "instances";
        }

        var zones = Math.Max(component.Zones.Length, 1);
        var total = Compose(perInstance, parallel, zones);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{component.Name}: 1 - (1 - {Percent(perInstance)}{(component.Availability is null ? " assumed" : string.Empty)})^{parallel} {unit} x 1 - (1 - {Percent(ZoneAvailability)})^{zones} zone{(zones == 1 ? string.Empty : "s")} = {Percent(total)}");
        return new ComponentAvailability(component.Name, perInstance, component.Availability is null, parallel, zones, total, text);
    }

    private WorkflowAvailability Workflow(Workflow workflow)
    {
        var entry = _graph.IndexOf(workflow.Entry);
        if (entry < 0)
        {
            return new WorkflowAvailability(workflow.Name, 1, []);
        }

        var factors = Factors(entry);
        var value = Series(factors.Select(f => f.Factor));
        return new WorkflowAvailability(workflow.Name, value, factors);
    }
}
