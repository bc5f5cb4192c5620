namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>A decision record that does not say what follows from it.</summary>
public sealed class DecisionWithoutConsequences : IRule
{
    public RuleInfo Info { get; } = new("decision-without-consequences", ProcessStep.OrgAlignment, Severity.Low,
        "A decision does not state its consequences",
        "The consequences are the part of an ADR people read later: what became harder, what must be revisited and when. Without them the cost of the decision is invisible.",
        "Set consequences on the decision: what follows from it, good and bad.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var decision in context.Design.Decisions)
        {
            if (string.IsNullOrWhiteSpace(decision.Consequences))
            {
                yield return Info.At(context.KeySpan(decision.Path), decision.Id,
                    $"{decision.Id} ('{CompletenessSupport.Clip(decision.Title)}') does not state its consequences");
            }
        }
    }
}
