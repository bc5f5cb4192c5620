using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Estimates;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>
/// A skewed workflow's hottest key lands on one partition (a store's shard, or one cell of a component
/// partitioned into cells), and at peak that partition is over what it sustains, although the fleet
/// average is not.
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
        for (var w = 0; w < design.Workflows.Length; w++)
        {
            var workflow = design.Workflows[w];
            var entry = graph.IndexOf(workflow.Entry);
            if (workflow.Skew is not { } skew || entry < 0 || model.WorkflowPeak(values, w) is not (> 0 and var peak))
            {
                continue;
            }

            var share = HotKey.HottestShare(skew);

            // A limit counted per the skew's key alone caps what the hottest key sends: at most its rate of the workflow's peak.
            (RateLimit Limit, string Where)? cap = null;
            foreach (var limit in skew.Key is not null ? Operations.OperationsFacts.LimitsOn(context, workflow) : [])
            {
                if (limit.Limit.CountsPerKeyAlone(skew.Key!) && (cap is null || limit.Limit.Rate.PerSecond < cap.Value.Limit.Rate.PerSecond))
                {
                    cap = limit;
                }
            }

            var capped = cap is { } bound && bound.Limit.Rate.PerSecond / peak < share;
            if (capped)
            {
                share = cap!.Value.Limit.Rate.PerSecond / peak;
            }

            var visits = Visits(context, entry, values);
            foreach (var capacity in context.Estimate.Components)
            {
                if (!graph.ComponentIndex.TryGetValue(capacity.Component, out var c))
                {
                    continue;
                }

                var component = graph.Components[c];
                var partitions = component.Cells is not null ? component.CellCount
                    : AvailabilityModel.IsStore(component) ? component.Instances : 1;
                var here = graph.OperationsOf[c].Sum(op => visits[op]) * peak;
                if (partitions < 2 || here <= 0 || capacity.Capacity.Value is not (> 0 and var total) || capacity.PeakLoad.Value is not { } load)
                {
                    continue;
                }

                var perPartition = total / partitions;
                var even = load / partitions;
                var hot = HotKey.HottestPartition(load, here, share, partitions);
                if (even > target * perPartition || hot <= target * perPartition)
                {
                    continue; // the average already overloads it (over-capacity-at-peak), or the hot partition fits
                }

                var what = component.Cells is not null ? $"one of {component.Name}'s {partitions} cells" : $"one of {component.Name}'s {partitions} shards";
                var key = skew.Key is null ? "key" : skew.Key;
                var limited = capped ? $", capped by {cap!.Value.Where}'s rate_limit {cap.Value.Limit}" : string.Empty;
                yield return Info.At(context.Span(skew.Path), $"{workflow.Name}:{component.Name}",
                    $"at peak, {workflow.Name}'s hottest {key} ({Quantities.Percent(share)} of its {Quantities.Rate(here)} on {component.Name}{limited}) lands on {what}: "
                    + $"{Quantities.Rate(even)} even share + {Quantities.Rate(here * share * (1 - (1.0 / partitions)))} hot = {Quantities.Rate(hot)}, "
                    + $"{Quantities.Percent(hot / perPartition)} of its {Quantities.Rate(perPartition)}",
                    hot > perPartition ? Severity.High : Severity.Medium);
            }
        }
    }

    /// <summary>Visits of each operation per request of the workflow entering at <paramref name="entry"/>, along the estimate's edge factors.</summary>
    internal static double[] Visits(ReviewContext context, int entry, double[] values)
    {
        var graph = context.Graph;
        var visits = new double[graph.Operations.Length];
        visits[entry] = 1;
        foreach (var op in graph.Order)
        {
            if (visits[op] == 0)
            {
                continue;
            }

            foreach (var e in graph.Outgoing[op])
            {
                var edge = graph.Edges[e];
                visits[edge.To] += visits[op] * context.Model.EdgeFactor(values, edge);
            }
        }

        return visits;
    }
}
