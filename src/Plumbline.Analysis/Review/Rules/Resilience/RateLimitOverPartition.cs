using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Review.Rules.Operations;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>
/// A rate limit counted per one key (per shop) lets one value of that key send the partition that holds it (the
/// shard of a store sharded on that key, or the cell of a component partitioned into cells by it) more than that
/// partition sustains: the limit that is there to keep one tenant from hurting the others does not.
/// </summary>
public sealed class RateLimitOverPartition : IRule
{
    public RuleInfo Info { get; } = new("rate-limit-over-partition", ProcessStep.Scale, Severity.Medium,
        "A per-key rate limit lets one key overload the partition that holds it",
        "A limit counted per shop (per tenant, per channel) is there to keep one of them from hurting the others. A key lives on one shard or in one cell: when one key, within its limit, can send that partition more than it takes, a flash sale or a runaway client still saturates the node it shares with every other key placed there, and the limit protects nothing.",
        "Lower the per-key limit to what one partition takes (its capacity over the calls one request makes to it), or spread the key (sub-keys, a cell of its own), so the limit is a bound the partition can honour.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        var graph = context.Graph;
        var values = context.Model.BaselineValues();

        // The worst workflow per (limit, partitioned component): a limit on a shared component bounds one key over all of them.
        var worst = new Dictionary<(string Limit, string Component), (double Load, double Visits, string Where, Design.Model.RateLimit Limit, int Partitions, double PerPartition, bool Cells)>();
        foreach (var workflow in design.Workflows)
        {
            var entry = graph.IndexOf(workflow.Entry);
            var limits = OperationsFacts.LimitsOn(context, workflow).Where(l => l.Limit.Per.Length == 1).ToList();
            if (entry < 0 || limits.Count == 0)
            {
                continue;
            }

            foreach (var (capacity, c, here) in HotKeyOverCapacity.VisitsPerComponent(context, entry, values))
            {
                if (capacity.Capacity.Value is not (> 0 and var total))
                {
                    continue;
                }

                var component = graph.Components[c];
                var key = component.Cells is { } cells ? cells.Key : AvailabilityModel.IsStore(component) ? component.ShardKey : null;
                var partitions = component.Cells is not null ? component.CellCount : component.Instances;
                if (key is null || partitions < 2 || here <= 0)
                {
                    continue;
                }

                foreach (var (limit, where) in limits)
                {
                    if (!limit.CountsPerKeyAlone(key))
                    {
                        continue;
                    }

                    var load = limit.Rate.PerSecond * here;
                    var id = (limit.Path, component.Name);
                    if (!worst.TryGetValue(id, out var seen) || load > seen.Load)
                    {
                        worst[id] = (load, here, where, limit, partitions, total / partitions, component.Cells is not null);
                    }
                }
            }
        }

        foreach (var ((_, name), w) in worst)
        {
            if (w.Load <= w.PerPartition)
            {
                continue;
            }

            var what = w.Cells ? $"the one of its {w.Partitions} cells" : $"the one of its {w.Partitions} shards";
            yield return Info.At(context.Span(w.Limit.Path), $"{w.Where}->{name}",
                $"{w.Where}'s rate_limit {w.Limit} lets one {w.Limit.Per[0]} send {name} {Quantities.Rate(w.Limit.Rate.PerSecond)} x {Quantities.Number(w.Visits)} = {Quantities.Rate(w.Load)}; "
                + $"{what} that holds it takes {Quantities.Rate(w.PerPartition)} ({Quantities.Percent(w.Load / w.PerPartition)})");
        }
    }
}
