namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>The brief says what to build but not how anyone will know it worked.</summary>
public sealed class ScopeWithoutSuccessCriteria : IRule
{
    public RuleInfo Info { get; } = new("scope-without-success-criteria", ProcessStep.RequirementBrief, Severity.Low,
        "The scope has no success criteria",
        "Without success criteria nobody can say when the system is done or whether it works; every later trade-off (cost, availability, latency) loses its yardstick.",
        "Add requirements.scope.success_criteria: two or three measurable statements, such as '99.9% of checkouts succeed over 30 days'.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var scope = context.Design.Requirements.Scope;
        if (scope.SuccessCriteria.IsDefaultOrEmpty)
        {
            yield return Info.At(context.Locate(scope.Path), "scope",
                $"{context.Design.System.Name} states no success criteria, so there is no measurable definition of done");
        }
    }
}
