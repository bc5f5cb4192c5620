namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>A stakeholder whose priorities are not written down.</summary>
public sealed class StakeholderWithoutPriorities : IRule
{
    public RuleInfo Info { get; } = new("stakeholder-without-priorities", ProcessStep.BusinessValue, Severity.Low,
        "A stakeholder has no priorities",
        "Design choices are tied to stakeholders through their priorities; a stakeholder with none listed gives trade-offs nothing to be judged against.",
        "List the stakeholder's priorities, most important first ('links never break', 'low cost').");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var stakeholder in context.Design.Business.Stakeholders)
        {
            if (stakeholder.Priorities.IsDefaultOrEmpty)
            {
                yield return Info.At(context.KeySpan(stakeholder.Path), stakeholder.Name,
                    $"stakeholder {stakeholder.Name} lists no priorities");
            }
        }
    }
}
