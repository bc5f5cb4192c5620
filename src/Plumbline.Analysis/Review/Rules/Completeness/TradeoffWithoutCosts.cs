namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>A trade-off that lists what it gains but not what it gives up.</summary>
public sealed class TradeoffWithoutCosts : IRule
{
    public RuleInfo Info { get; } = new("tradeoff-without-costs", ProcessStep.BusinessValue, Severity.Low,
        "A trade-off does not say what it costs",
        "Every choice gives something up; a trade-off that names no cost hides exactly the part stakeholders need to agree to.",
        "Set costs on the trade-off: what is given up (latency, consistency, money, scope, operational load).");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var tradeoff in context.Design.Business.Tradeoffs)
        {
            if (string.IsNullOrWhiteSpace(tradeoff.Costs))
            {
                yield return Info.At(context.KeySpan(tradeoff.Path), tradeoff.Choice,
                    $"trade-off '{CompletenessSupport.Clip(tradeoff.Choice)}' does not say what it costs");
            }
        }
    }
}
