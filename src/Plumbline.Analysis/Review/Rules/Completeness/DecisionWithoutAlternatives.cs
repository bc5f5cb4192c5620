namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>A decision record that weighed fewer than two options.</summary>
public sealed class DecisionWithoutAlternatives : IRule
{
    public RuleInfo Info { get; } = new("decision-without-alternatives", ProcessStep.OrgAlignment, Severity.Low,
        "A decision weighed fewer than two options",
        "A decision with one option is an announcement: reviewers cannot tell whether the obvious alternatives were considered and rejected or never thought of.",
        "List in options at least two alternatives that were weighed, including the one chosen.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var decision in context.Design.Decisions)
        {
            var count = decision.Options.IsDefaultOrEmpty ? 0 : decision.Options.Length;
            if (count < 2)
            {
                yield return Info.At(context.KeySpan(decision.Path), decision.Id,
                    $"{decision.Id} ('{CompletenessSupport.Clip(decision.Title)}') lists {count} option(s); a decision needs at least two to weigh");
            }
        }
    }
}
