using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Estimates;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>
/// A hottest key lands on one partition (a store's shard, or one cell of a component partitioned into cells), and at
/// peak that partition is over what it sustains, although the fleet average is not. The skew is a workflow's (its
/// traffic on every component it reaches) or an entity's (every workflow's traffic on the operations that touch it,
/// but a workflow that states its own skew, which wins for its traffic).
/// </summary>
public sealed class HotKeyOverCapacity : IRule
{
    public RuleInfo Info { get; } = new("hot-key-over-capacity", ProcessStep.Scale, Severity.High,
        "The hottest key overloads the partition that holds it",
        "A key lives on one shard, and a tenant in one cell: averages over the fleet hide a flash sale's shop, a viral post or a celebrity's channel, whose traffic all lands on one node. That node saturates while the others idle, and adding nodes does not help.",
        "Spread the hot key (split it into sub-keys, replicate hot reads, cache them in front), give the hot tenant a cell of its own, or bound it with a per-key rate limit or admission queue; then state the skew you designed for.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        var graph = context.Graph;
        var model = context.Model;
        var values = model.BaselineValues();
        var target = context.Estimate.Options.TargetUtilisation;
        // Every workflow's visits are needed only when an entity states a skew; each is a walk over what the workflow reaches.
        var anyEntitySkew = design.Data.Any(e => e.Skew is not null);
        var visitsOf = new Dictionary<int, double>?[design.Workflows.Length];
        for (var w = 0; w < design.Workflows.Length; w++)
        {
            var workflow = design.Workflows[w];
            var entry = graph.IndexOf(workflow.Entry);
            if (entry < 0 || model.WorkflowPeak(values, w) is not (> 0 and var peak))
            {
                continue;
            }

            if (anyEntitySkew)
            {
                visitsOf[w] = Visits(context, entry, values);
            }

            if (workflow.Skew is not { } skew)
            {
                continue;
            }

            var (share, cap) = Capped(context, workflow, skew, HotKey.HottestShare(skew), peak);
            foreach (var (capacity, _, visits) in VisitsPerComponent(context, entry, values))
            {
                if (Partitioned(context, capacity) is not { } p)
                {
                    continue;
                }

                var here = visits * peak;
                if (here <= 0 || Hot(p, here, here * share, target) is not { } hot)
                {
                    continue;
                }

                var key = skew.Key is null ? "key" : skew.Key;
                var limited = cap is { } bound ? $", capped by {bound.Where}'s rate_limit {bound.Limit}" : string.Empty;
                yield return Info.At(context.Span(skew.Path), $"{workflow.Name}:{p.Component.Name}",
                    $"at peak, {workflow.Name}'s hottest {key} ({Quantities.Percent(share)} of its {Quantities.Rate(here)} on {p.Component.Name}{limited}) lands on {p.What}: "
                    + Arithmetic(p, here * share, hot),
                    hot > p.PerPartition ? Severity.High : Severity.Medium);
            }
        }

        foreach (var entity in design.Data)
        {
            if (entity.Skew is not { } skew)
            {
                continue;
            }

            var share = HotKey.HottestShare(skew);
            var owned = entity.Owner is { } ownerName && graph.ComponentIndex.TryGetValue(ownerName, out var ownerIndex)
                ? design.Data.Where(e => e.Owner == ownerName).Select(e => e.Name).ToList() : [];
            foreach (var capacity in context.Estimate.Components)
            {
                if (Partitioned(context, capacity) is not { } p)
                {
                    continue;
                }

                var touching = graph.OperationsOf[p.Index].Where(op => HotKey.Touches(graph.Operations[op], entity, p.Component, owned)).ToList();
                var here = 0.0;
                var hotLoad = 0.0;
                var names = new List<string>();
                var capped = new List<string>();
                for (var w = 0; w < design.Workflows.Length && touching.Count > 0; w++)
                {
                    var workflow = design.Workflows[w];
                    if (workflow.Skew is not null || visitsOf[w] is not { } visits)
                    {
                        continue; // a workflow's own skew wins for its traffic
                    }

                    var peak = model.WorkflowPeak(values, w);
                    var load = touching.Sum(op => visits.GetValueOrDefault(op)) * peak;
                    if (load <= 0)
                    {
                        continue;
                    }

                    var (s, cap) = Capped(context, workflow, skew, share, peak);
                    here += load;
                    hotLoad += load * s;
                    names.Add(workflow.Name);
                    if (cap is { } bound)
                    {
                        capped.Add($"{workflow.Name} by {bound.Where}'s rate_limit {bound.Limit}");
                    }
                }

                if (here <= 0 || Hot(p, here, hotLoad, target) is not { } hot)
                {
                    continue;
                }

                var key = skew.Key is null ? "key" : skew.Key;
                var limited = capped.Count > 0 ? $", capped for {string.Join(", ", capped)}" : string.Empty;
                yield return Info.At(context.Span(skew.Path), $"{entity.Name}:{p.Component.Name}",
                    $"at peak, {entity.Name}'s hottest {key} ({Quantities.Percent(hotLoad / here)} of the {Quantities.Rate(here)} {string.Join(", ", names)} send{(names.Count == 1 ? "s" : string.Empty)} to the operations on {p.Component.Name} that touch it{limited}) lands on {p.What}: "
                    + Arithmetic(p, hotLoad, hot),
                    hot > p.PerPartition ? Severity.High : Severity.Medium);
            }
        }
    }

    /// <summary>A component split into partitions that hold a key each (its cells, else a store's shards), with its capacity and peak; null when it is one partition or states no capacity.</summary>
    private static Partition? Partitioned(ReviewContext context, ComponentCapacity capacity)
    {
        if (!context.Graph.ComponentIndex.TryGetValue(capacity.Component, out var c))
        {
            return null;
        }

        var component = context.Graph.Components[c];
        var partitions = component.Cells is not null ? component.CellCount
            : AvailabilityModel.IsStore(component) ? component.Instances : 1;
        if (partitions < 2 || capacity.Capacity.Value is not (> 0 and var total) || capacity.PeakLoad.Value is not { } load)
        {
            return null;
        }

        var what = component.Cells is not null ? $"one of {component.Name}'s {partitions} cells" : $"one of {component.Name}'s {partitions} shards";
        return new Partition(c, component, partitions, total / partitions, load, what);
    }

    /// <summary>The hottest partition's peak when it is above the target and the even share is not; else null (it fits, or over-capacity-at-peak says so).</summary>
    private static double? Hot(Partition p, double here, double hotLoad, double target)
    {
        var even = p.Load / p.Partitions;
        var hot = HotKey.HottestPartition(p.Load, here, hotLoad / here, p.Partitions);
        return even > target * p.PerPartition || hot <= target * p.PerPartition ? null : hot;
    }

    private static string Arithmetic(Partition p, double hotLoad, double hot) =>
        $"{Quantities.Rate(p.Load / p.Partitions)} even share + {Quantities.Rate(hotLoad * (1 - (1.0 / p.Partitions)))} hot = {Quantities.Rate(hot)}, "
        + $"{Quantities.Percent(hot / p.PerPartition)} of its {Quantities.Rate(p.PerPartition)}";

    /// <summary>The hottest key's share of one workflow, capped by a limit on its path counted per the skew's key alone (at most that limit over the workflow's peak).</summary>
    private static (double Share, (RateLimit Limit, string Where)? Cap) Capped(ReviewContext context, Workflow workflow, Skew skew, double share, double peak)
    {
        (RateLimit Limit, string Where)? cap = null;
        foreach (var limit in skew.Key is not null ? Operations.OperationsFacts.LimitsOn(context, workflow) : [])
        {
            if (limit.Limit.CountsPerKeyAlone(skew.Key!) && (cap is null || limit.Limit.Rate.PerSecond < cap.Value.Limit.Rate.PerSecond))
            {
                cap = limit;
            }
        }

        return cap is { } bound && bound.Limit.Rate.PerSecond / peak < share ? (bound.Limit.Rate.PerSecond / peak, cap) : (share, null);
    }

    /// <summary>
    /// Visits of each operation per request of the workflow entering at <paramref name="entry"/>, along the estimate's edge
    /// factors, for the operations it reaches: the walk covers what one request reaches, so a rule asking it of every
    /// workflow costs the workflows' reach, not workflows x design.
    /// </summary>
    internal static Dictionary<int, double> Visits(ReviewContext context, int entry, double[] values)
    {
        var graph = context.Graph;
        var reached = graph.ReachedInOrder(entry);
        var visits = new Dictionary<int, double>(reached.Length) { [entry] = 1 };
        foreach (var op in reached)
        {
            if (!visits.TryGetValue(op, out var here) || here == 0)
            {
                continue;
            }

            foreach (var e in graph.Outgoing[op])
            {
                var edge = graph.Edges[e];
                visits[edge.To] = visits.GetValueOrDefault(edge.To) + (here * context.Model.EdgeFactor(values, edge));
            }
        }

        return visits;
    }

    /// <summary>
    /// <see cref="Visits"/> summed per component (in file order, as a sum over each component's operations would), for the
    /// components the workflow reaches, in the order of the estimate's components.
    /// </summary>
    internal static List<(ComponentCapacity Capacity, int Component, double Visits)> VisitsPerComponent(ReviewContext context, int entry, double[] values)
    {
        var graph = context.Graph;
        var visits = Visits(context, entry, values);
        var ops = visits.Keys.ToArray();
        Array.Sort(ops);
        var perComponent = new Dictionary<int, double>();
        foreach (var op in ops)
        {
            var c = graph.ComponentOf[op];
            perComponent[c] = perComponent.GetValueOrDefault(c) + visits[op];
        }

        var positions = context.EstimatePositions;
        var result = new List<(ComponentCapacity, int, double)>(perComponent.Count);
        foreach (var (c, v) in perComponent)
        {
            if (positions.TryGetValue(graph.Components[c].Name, out var position))
            {
                result.Add((context.Estimate.Components[position], c, v));
            }
        }

        result.Sort((a, b) => positions[a.Item1.Component].CompareTo(positions[b.Item1.Component]));
        return result;
    }

    private sealed record Partition(int Index, Component Component, int Partitions, double PerPartition, double Load, string What);
}
