namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>A budget constraint that cost.budget does not carry, or carries differently.</summary>
public sealed class CostBudgetMismatch : IRule
{
    public RuleInfo Info { get; } = new("cost-budget-mismatch", ProcessStep.Cost, Severity.Medium,
        "The cost budget does not match the budget constraint",
        "The constraint in the requirements is what the business agreed to; cost.budget is what the estimate and alerts check. When they disagree (or one is missing) the design can pass its own check while breaking the constraint.",
        "Set cost.budget to the constraint's amount, currency and period, or record why the running budget differs.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        if (design.Requirements.Constraints.Budget is not { } constraint)
        {
            yield break;
        }

        if (design.Cost.Budget is not { } budget)
        {
            yield return Info.At(context.Span(design.Requirements.Constraints.Path + "/budget"), "budget",
                $"requirements.constraints.budget is {constraint} but cost.budget is not set, so the estimate and the budget alerts do not check it");
            yield break;
        }

        var span = context.Span(design.Cost.Path + "/budget");
        if (budget.Currency != constraint.Currency)
        {
            yield return Info.At(span, "budget",
                $"cost.budget {budget} and the budget constraint {constraint} are in different currencies, so neither checks the other", Severity.Low);
        }
        else if (budget.IsPeriodic != constraint.IsPeriodic)
        {
            yield return Info.At(span, "budget",
                $"cost.budget {budget} and the budget constraint {constraint} are not both per period, so they cannot be compared", Severity.Low);
        }
        else
        {
            var running = budget.IsPeriodic ? budget.PerMonth() : budget.Amount;
            var agreed = constraint.IsPeriodic ? constraint.PerMonth() : constraint.Amount;
            if (running > agreed)
            {
                yield return Info.At(span, "budget",
                    $"cost.budget {budget} is above the budget constraint {constraint}: the design can spend more than was agreed without an alert");
            }
            else if (running < agreed)
            {
                yield return Info.At(span, "budget",
                    $"cost.budget {budget} is below the budget constraint {constraint}; if that is deliberate headroom, record it in a decision", Severity.Low);
            }
        }
    }
}
