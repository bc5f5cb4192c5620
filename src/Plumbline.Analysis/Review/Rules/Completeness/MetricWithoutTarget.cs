namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>A business metric with no target.</summary>
public sealed class MetricWithoutTarget : IRule
{
    public RuleInfo Info { get; } = new("metric-without-target", ProcessStep.BusinessValue, Severity.Low,
        "A business metric has no target",
        "A metric without a target is a dashboard, not a goal: nobody can say whether the system is succeeding or how much capacity and budget the goal needs.",
        "Set target on the metric in its own unit: '3M/month', '0.002 USD per request', '>= 92% of attempts'.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var metric in context.Design.Business.Metrics)
        {
            if (string.IsNullOrWhiteSpace(metric.Target))
            {
                yield return Info.At(context.KeySpan(metric.Path), metric.Name,
                    $"business metric {metric.Name} has no target");
            }
        }
    }
}
