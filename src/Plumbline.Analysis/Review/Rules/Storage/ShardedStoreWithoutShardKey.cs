using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Storage;

/// <summary>A database with several primaries (shards) or partitions that does not say what it is partitioned on.</summary>
public sealed class ShardedStoreWithoutShardKey : IRule
{
    public RuleInfo Info { get; } = new("sharded-store-without-shard-key", ProcessStep.Storage, Severity.Medium,
        "A sharded store has no shard key",
        "The shard key decides whether load spreads, which queries stay on one shard and which fan out to all of them, and whether transactions can stay local; a sharded store without one is a design decision not yet made.",
        "State the shard_key (the field data is partitioned on), chosen so the main access patterns hit one shard and writes spread evenly.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var component in context.Design.Components)
        {
            if (component.Kind != ComponentKind.Database || !string.IsNullOrWhiteSpace(component.ShardKey)
                || (component.Instances <= 1 && (component.Partitions ?? 1) <= 1))
            {
                continue;
            }

            var what = component.Instances > 1 ? $"{component.Instances} instances (primaries)" : $"{component.Partitions} partitions";
            yield return Info.At(context.KeySpan(component.Path), component.Name,
                $"{component.Name} has {what} but no shard_key: which field partitions the data, and do the access patterns of its entities stay on one shard?");
        }
    }
}
