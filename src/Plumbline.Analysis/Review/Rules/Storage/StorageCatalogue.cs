using System.Collections.Immutable;

namespace Plumbline.Analysis.Review.Rules.Storage;

/// <summary>Storage and data access patterns (process step 4). The area's rules in catalogue order; <see cref="RuleRegistry"/> lists this area by name.</summary>
public static class StorageCatalogue
{
    public static ImmutableArray<IRule> Rules { get; } =
    [
        new StorageFitMismatch(),
        new BlobInDatabase(),
        new StrongConsistencyOnEventualStore(),
        new DataOutgrowsNode(),
        new HotPartitionRisk(),
        new EntityWithoutDurableOwner(),
        new ShardedStoreWithoutShardKey(),
        new SearchIndexAsSystemOfRecord(),
    ];
}
