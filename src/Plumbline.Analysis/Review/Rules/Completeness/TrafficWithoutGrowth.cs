namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>Traffic is given, but not how fast it grows.</summary>
public sealed class TrafficWithoutGrowth : IRule
{
    public RuleInfo Info { get; } = new("traffic-without-growth", ProcessStep.Requirements, Severity.Medium,
        "Traffic growth is not stated",
        "A design sized for day one needs to know how long it lasts: growth is what turns today's 40% utilisation and 1 TB into next year's saturation and a resharding project.",
        "Set requirements.growth (for example 50%/year), or 0%/year when traffic is genuinely flat.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var requirements = context.Design.Requirements;
        if (requirements.Growth is null && !context.Design.Workflows.IsDefaultOrEmpty)
        {
            yield return Info.At(context.Locate(requirements.Path), "growth",
                $"{context.Design.Workflows.Length} workflow(s) have traffic but requirements.growth is not set, so capacity and storage runway cannot be projected");
        }
    }
}
