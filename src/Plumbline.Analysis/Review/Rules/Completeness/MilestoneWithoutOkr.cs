namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>A milestone not tied to any goal.</summary>
public sealed class MilestoneWithoutOkr : IRule
{
    public RuleInfo Info { get; } = new("milestone-without-okr", ProcessStep.OrgAlignment, Severity.Low,
        "A milestone serves no stated OKR",
        "A milestone without a goal cannot be prioritised against the org's other work, and is the first to slip when time runs short.",
        "Set okr on the milestone: the team or org objective it moves.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var milestone in context.Design.Milestones)
        {
            if (string.IsNullOrWhiteSpace(milestone.Okr))
            {
                yield return Info.At(context.KeySpan(milestone.Path), milestone.Name,
                    $"milestone '{milestone.Name}' names no OKR it serves");
            }
        }
    }
}
