using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>A decision record still waiting to be decided.</summary>
public sealed class DecisionStillProposed : IRule
{
    public RuleInfo Info { get; } = new("decision-still-proposed", ProcessStep.OrgAlignment, Severity.Low,
        "A decision is still proposed",
        "A proposed decision is a fork the design has not taken; the parts that depend on it may be built twice, and the status is the default, so it may simply never have been settled.",
        "Decide it and set status to accepted (or rejected), with a date; if it waits on something, say what in its context.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var decision in context.Design.Decisions)
        {
            if (decision.Status == DecisionStatus.Proposed)
            {
                yield return Info.At(context.KeySpan(decision.Path), decision.Id,
                    $"{decision.Id} ('{CompletenessSupport.Clip(decision.Title)}') is still proposed");
            }
        }
    }
}
