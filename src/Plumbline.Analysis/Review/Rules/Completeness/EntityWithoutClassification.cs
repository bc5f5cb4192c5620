namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>An entity whose sensitivity is not stated.</summary>
public sealed class EntityWithoutClassification : IRule
{
    public RuleInfo Info { get; } = new("entity-without-classification", ProcessStep.RequirementBrief, Severity.Medium,
        "An entity has no data classification",
        "Classification decides encryption, access control, audit and where the data may flow; unclassified data gets whatever the defaults are, which for personal data is a compliance finding waiting to happen.",
        "Set classification (public, internal, confidential or restricted) on the entity, and pii: true if it holds personal data.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var entity in context.Design.Data)
        {
            if (entity.Classification is not null)
            {
                continue;
            }

            var span = context.KeySpan(entity.Path);
            yield return entity.Pii
                ? Info.At(span, entity.Name, $"entity {entity.Name} holds personal data (pii: true) but has no classification", Severity.High)
                : Info.At(span, entity.Name, $"entity {entity.Name} has no classification, so nothing says how sensitive it is");
        }
    }
}
