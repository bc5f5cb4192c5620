namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>A metric target written in words with no number: 'high', 'better than today'.</summary>
public sealed class MetricTargetNotMeasurable : IRule
{
    public RuleInfo Info { get; } = new("metric-target-not-measurable", ProcessStep.BusinessValue, Severity.Low,
        "A business metric's target has no number",
        "A target such as 'high' or 'better than now' cannot be met or missed; it gives no threshold for alerts and no figure for capacity planning.",
        "Write the target as a number in the metric's unit: '45M/month', 'under 15 s', '0 per month'.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var metric in context.Design.Business.Metrics)
        {
            if (metric.Target is { } target && !string.IsNullOrWhiteSpace(target) && !CompletenessSupport.IsMeasurable(target))
            {
                yield return Info.At(context.Span(metric.Path + "/target"), metric.Name,
                    $"the target of business metric {metric.Name}, '{CompletenessSupport.Clip(target)}', has no number to measure against");
            }
        }
    }
}
