using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Storage;

/// <summary>An entity whose only home is a search index: nothing says it is derived from a primary store.</summary>
public sealed class SearchIndexAsSystemOfRecord : IRule
{
    public RuleInfo Info { get; } = new("search-index-as-system-of-record", ProcessStep.Storage, Severity.Medium,
        "A search index is an entity's only store",
        "Search indexes are rebuilt, reindexed on mapping changes and refreshed asynchronously; they are not transactional and lose recent writes on some failures, so data whose only copy is an index can be lost or silently stale.",
        "Keep the records in a primary store and feed the index from it (say so in the entity's derived_from, e.g. derived_from: [Post]), so the index can be rebuilt at any time.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        foreach (var entity in design.Data)
        {
            if (entity.Owner is not { } ownerName || design.FindComponent(ownerName) is not { } owner
                || StorageFit.ModelOf(owner, out _) != StorageModel.Search || entity.IsDerived)
            {
                continue;
            }

            yield return Info.At(context.Span(entity.Path + "/owner"), entity.Name,
                $"{entity.Name} is stored only in search index {owner.Name} and derived_from names nothing it is rebuilt from: an index cannot be rebuilt from itself");
        }
    }
}
