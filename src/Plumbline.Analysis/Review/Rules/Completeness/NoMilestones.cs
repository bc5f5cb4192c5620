namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>The design has no milestones tying it to team and org goals.</summary>
public sealed class NoMilestones : IRule
{
    public RuleInfo Info { get; } = new("no-milestones", ProcessStep.OrgAlignment, Severity.Low,
        "No milestones",
        "Milestones are how a design meets the org's plan: which stage ships when and for which goal. Without them scope, time and quality cannot be traded explicitly.",
        "Add milestones, typically one per design stage (single region first, then redundancy), each with the OKR it serves and a due date.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        if (context.Design.Milestones.IsDefaultOrEmpty)
        {
            yield return Info.At(context.Locate("/milestones"), "milestones",
                $"{context.Design.System.Name} has no milestones tying it to team or org goals");
        }
    }
}
