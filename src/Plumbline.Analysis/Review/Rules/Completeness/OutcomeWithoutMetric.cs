namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>A business outcome nothing measures.</summary>
public sealed class OutcomeWithoutMetric : IRule
{
    public RuleInfo Info { get; } = new("outcome-without-metric", ProcessStep.BusinessValue, Severity.Low,
        "A business outcome has no metric",
        "An outcome without a metric cannot be tracked, so nobody will know whether the system delivers it or which design choice moved it.",
        "List in the outcome's metrics the business metrics (business.metrics) or SLOs (slos) that measure it.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var outcome in context.Design.Business.Outcomes)
        {
            if (outcome.Metrics.IsDefaultOrEmpty)
            {
                yield return Info.At(context.KeySpan(outcome.Path), outcome.Name,
                    $"outcome '{outcome.Name}' is measured by no business metric or SLO");
            }
        }
    }
}
