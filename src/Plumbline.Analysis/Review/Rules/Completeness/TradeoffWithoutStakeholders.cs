namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>A trade-off not tied to anyone whose priorities it serves or hurts.</summary>
public sealed class TradeoffWithoutStakeholders : IRule
{
    public RuleInfo Info { get; } = new("tradeoff-without-stakeholders", ProcessStep.BusinessValue, Severity.Low,
        "A trade-off is tied to no stakeholder",
        "A trade-off is agreed with someone; without the stakeholders it affects, nobody knows whose priority it serves or who must sign off on its cost.",
        "List in the trade-off's stakeholders the business.stakeholders it affects (add them if missing).");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var tradeoff in context.Design.Business.Tradeoffs)
        {
            if (tradeoff.Stakeholders.IsDefaultOrEmpty)
            {
                yield return Info.At(context.KeySpan(tradeoff.Path), tradeoff.Choice,
                    $"trade-off '{CompletenessSupport.Clip(tradeoff.Choice)}' names no stakeholder it affects");
            }
        }
    }
}
