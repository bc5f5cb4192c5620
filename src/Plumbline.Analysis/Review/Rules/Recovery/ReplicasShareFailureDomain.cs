using Plumbline.Analysis.Recovery;

namespace Plumbline.Analysis.Review.Rules.Recovery;

/// <summary>A store whose copies all sit in the one zone its primary is in.</summary>
public sealed class ReplicasShareFailureDomain : IRule
{
    public RuleInfo Info { get; } = new("replicas-share-failure-domain", ProcessStep.Storage, Severity.Medium,
        "A store's replicas share the primary's zone",
        "Replicas protect against the failures they do not share with the primary. Copies in the same zone share its power, network and flood plain: the zone's outage takes every copy at once, and the replicas buy nothing against it.",
        "Spread the copies over zones (zones: [a, b, c]; copies go round-robin over them), and for a region's loss keep a copy or the backups in another region.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var store in context.Recovery.Stores)
        {
            var component = context.Design.FindComponent(store.Component)!;
            if (store.Copies.Value is not > 1 || component.Zones.Length != 1)
            {
                continue;
            }

            var zone = store.For(FailureScope.Zone);
            yield return Info.At(context.Span(component.Path + "/zones"), store.Component,
                RecoveryText.Invariant($"{store.Component} keeps {store.Copies.Value:0} copies of each shard, all in zone {component.Zones[0]}: losing the zone loses {RecoveryText.Loss(zone.Rpo.Value ?? double.PositiveInfinity)}"));
        }
    }
}
