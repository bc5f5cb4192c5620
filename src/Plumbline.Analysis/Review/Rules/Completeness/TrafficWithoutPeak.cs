namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>A workflow whose peak is unknown: no peak_rate and no design-wide peak_to_average.</summary>
public sealed class TrafficWithoutPeak : IRule
{
    public RuleInfo Info { get; } = new("traffic-without-peak", ProcessStep.Requirements, Severity.Medium,
        "A workflow's peak traffic is unknown",
        "Systems fail at the peak, not at the average; sized for the average, a design with a 3x daily peak runs at 300% of what it was planned for every evening.",
        "Set requirements.peak_to_average for the whole design, or peak_rate on the workflow when its peak is known.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        if (context.Design.Requirements.PeakToAverage is not null)
        {
            yield break;
        }

        foreach (var workflow in context.Design.Workflows)
        {
            if (workflow.PeakRate is null)
            {
                var average = workflow.Rate is { } rate ? $"an average of {rate}" : $"{workflow.PerUser} per user";
                yield return Info.At(context.KeySpan(workflow.Path), workflow.Name,
                    $"workflow {workflow.Name} has {average} but no peak_rate, and requirements.peak_to_average is not set");
            }
        }
    }
}
