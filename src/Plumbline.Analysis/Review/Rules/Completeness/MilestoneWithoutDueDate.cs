namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>A milestone with no date.</summary>
public sealed class MilestoneWithoutDueDate : IRule
{
    public RuleInfo Info { get; } = new("milestone-without-due-date", ProcessStep.OrgAlignment, Severity.Low,
        "A milestone has no due date",
        "A milestone without a date cannot be planned against capacity runway, deadlines or other teams' work; it is a wish list.",
        "Set due (YYYY-MM-DD) on the milestone.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var milestone in context.Design.Milestones)
        {
            if (milestone.Due is null)
            {
                yield return Info.At(context.KeySpan(milestone.Path), milestone.Name,
                    $"milestone '{milestone.Name}' has no due date");
            }
        }
    }
}
