namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>A trade-off that says neither its impact nor how risky it is.</summary>
public sealed class TradeoffWithoutImpactOrRisk : IRule
{
    public RuleInfo Info { get; } = new("tradeoff-without-impact-or-risk", ProcessStep.BusinessValue, Severity.Low,
        "A trade-off states neither impact nor risk",
        "A trade-off is only a decision stakeholders can weigh when it says what it does to users or the business and how likely it is to hurt; without either it reads as a preference.",
        "Set impact (what users or the business will notice) and risk (low, medium or high) on the trade-off.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var tradeoff in context.Design.Business.Tradeoffs)
        {
            if (string.IsNullOrWhiteSpace(tradeoff.Impact) && tradeoff.Risk is null)
            {
                yield return Info.At(context.KeySpan(tradeoff.Path), tradeoff.Choice,
                    $"trade-off '{CompletenessSupport.Clip(tradeoff.Choice)}' states neither its impact nor its risk");
            }
        }
    }
}
