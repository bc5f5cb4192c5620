namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>The design never says what business value it serves.</summary>
public sealed class NoBusinessOutcomes : IRule
{
    public RuleInfo Info { get; } = new("no-business-outcomes", ProcessStep.BusinessValue, Severity.Low,
        "No business outcome is stated",
        "Requirements only become priorities when tied to revenue, cost, trust or growth; without outcomes, every trade-off between availability, latency and cost is argued on taste.",
        "Add business.outcomes: what the system earns, saves or protects, each with the metrics or SLOs that measure it.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var business = context.Design.Business;
        if (business.Outcomes.IsDefaultOrEmpty)
        {
            yield return Info.At(context.Locate(business.Path), "outcomes",
                $"{context.Design.System.Name} names no business outcome (revenue, cost, trust, growth) that it serves");
        }
    }
}
