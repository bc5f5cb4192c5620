namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>A personal-data entity with no stated retention.</summary>
public sealed class PiiWithoutRetention : IRule
{
    public RuleInfo Info { get; } = new("pii-without-retention", ProcessStep.Security, Severity.Medium,
        "Personal data has no retention",
        "Privacy law (GDPR's storage limitation, among others) requires personal data to be kept no longer than needed; data with no retention is kept by default forever, growing both the storage bill and the blast radius of a breach.",
        "State the entity's retention (90d, 2y) and how expiry is enforced (TTL, a deletion job); if it must be kept for the account's lifetime, write 'forever' and document the deletion-on-request path.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        var gdpr = design.Requirements.Constraints.Compliance.Any(c => c.Contains("gdpr", StringComparison.OrdinalIgnoreCase));
        foreach (var entity in design.Data)
        {
            if (!entity.Pii || entity.Retention is not null || entity.RetainForever)
            {
                continue;
            }

            yield return Info.At(context.KeySpan(entity.Path), entity.Name,
                $"{entity.Name} holds personal data but states no retention{(gdpr ? ", under gdpr" : string.Empty)}: it is kept until someone deletes it by hand");
        }
    }
}
