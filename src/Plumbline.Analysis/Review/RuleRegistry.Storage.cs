namespace Plumbline.Analysis.Review;

/// <summary>Process step 4: storage and data access patterns.</summary>
public static partial class RuleRegistry
{
    static partial void AddStorage(List<IRule> rules)
    {
        rules.Add(new Rules.StorageFitMismatch());
        rules.Add(new Rules.BlobInDatabase());
        rules.Add(new Rules.StrongConsistencyOnEventualStore());
        rules.Add(new Rules.DataOutgrowsNode());
        rules.Add(new Rules.HotPartitionRisk());
        rules.Add(new Rules.EntityWithoutDurableOwner());
        rules.Add(new Rules.ShardedStoreWithoutShardKey());
        rules.Add(new Rules.SearchIndexAsSystemOfRecord());
    }
}
