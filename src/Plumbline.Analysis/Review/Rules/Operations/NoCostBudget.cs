namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>No budget anywhere: neither cost.budget nor a budget constraint.</summary>
public sealed class NoCostBudget : IRule
{
    public RuleInfo Info { get; } = new("no-cost-budget", ProcessStep.Cost, Severity.Low,
        "No cost budget",
        "Without a budget the cost estimate has nothing to be checked against: over-provisioning, egress and idle capacity grow unnoticed until the invoice, and trade-offs between cost and reliability cannot be made.",
        "Set cost.budget (say 3000 USD/month), agreed with whoever pays, with alerts below 100% of it.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        if (design.Components.IsEmpty || design.Cost.Budget is not null || design.Requirements.Constraints.Budget is not null)
        {
            yield break;
        }

        yield return Info.At(context.Locate("/cost/budget"), "budget",
            "no cost budget is set (cost.budget or requirements.constraints.budget): nothing checks what the design will cost to run");
    }
}
