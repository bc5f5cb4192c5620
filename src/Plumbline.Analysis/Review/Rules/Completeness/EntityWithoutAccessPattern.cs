namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>An entity with no stated access pattern.</summary>
public sealed class EntityWithoutAccessPattern : IRule
{
    public RuleInfo Info { get; } = new("entity-without-access-pattern", ProcessStep.Storage, Severity.Medium,
        "An entity has no access pattern",
        "How data is read (point lookups, range scans, time series, aggregates) is what picks the store, the keys and the indexes; without it the storage choice cannot be checked.",
        "Set access on the entity, for example [point_lookup(id)] or a block list with range_scan(user, created_at) and aggregate(day).");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var entity in context.Design.Data)
        {
            if (entity.Access.IsDefaultOrEmpty)
            {
                yield return Info.At(context.KeySpan(entity.Path), entity.Name,
                    $"entity {entity.Name} states no access pattern, so nothing says how it is read or written");
            }
        }
    }
}
