namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>An entity with no stated retention. Personal data is left to <see cref="Operations.PiiWithoutRetention"/>, which says it in privacy terms.</summary>
public sealed class EntityWithoutRetention : IRule
{
    public RuleInfo Info { get; } = new("entity-without-retention", ProcessStep.RequirementBrief, Severity.Medium,
        "An entity has no retention",
        "Retention sizes the storage (and its cost) and decides what must be deleted and when; 'we never decided' usually means 'kept forever', which nobody budgeted for.",
        "Set retention on the entity: a duration such as 90d or 7y, or 'forever' when keeping it is a decision.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var entity in context.Design.Data)
        {
            if (entity.Retention is not null || entity.RetainForever || entity.Pii)
            {
                continue;
            }

            yield return Info.At(context.KeySpan(entity.Path), entity.Name,
                $"entity {entity.Name} states no retention, so its storage grows without a decided bound");
        }
    }
}
