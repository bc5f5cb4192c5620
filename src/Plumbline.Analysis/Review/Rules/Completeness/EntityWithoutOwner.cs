namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>An entity that no component owns.</summary>
public sealed class EntityWithoutOwner : IRule
{
    public RuleInfo Info { get; } = new("entity-without-owner", ProcessStep.ApiAndData, Severity.Medium,
        "An entity has no owning component",
        "Every first-class entity needs one component that stores it and owns its writes; without an ownership boundary, several services end up writing the same tables and nobody can change the schema.",
        "Set owner on the entity to the component (usually a store) that holds it and through which all writes go.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var entity in context.Design.Data)
        {
            if (string.IsNullOrWhiteSpace(entity.Owner))
            {
                yield return Info.At(context.KeySpan(entity.Path), entity.Name,
                    $"entity {entity.Name} has no owner, so no component is said to store it or own its writes");
            }
        }
    }
}
