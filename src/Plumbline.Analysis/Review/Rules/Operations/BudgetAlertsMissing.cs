namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>A budget with no alerts, or with alerts only at or above 100%.</summary>
public sealed class BudgetAlertsMissing : IRule
{
    public RuleInfo Info { get; } = new("budget-alerts-missing", ProcessStep.Cost, Severity.Low,
        "A budget has no early alerts",
        "A budget nobody is alerted on is read once a month on the invoice; alerts before it is spent (50%, 80%) give time to find a runaway job or a traffic spike while it is still cheap.",
        "Add cost.alerts with thresholds below 100% of the budget, say [50%, 80%, 100%].");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var cost = context.Design.Cost;
        if (cost.Budget is not { } budget)
        {
            yield break;
        }

        if (cost.Alerts.IsDefaultOrEmpty)
        {
            yield return Info.At(context.Locate("/cost/alerts"), "alerts",
                $"the {budget} budget has no alerts: overspending is found on the invoice");
        }
        else if (cost.Alerts.All(a => a.Fraction >= 1))
        {
            yield return Info.At(context.Span("/cost/alerts"), "alerts",
                $"the {budget} budget only alerts at {string.Join(", ", cost.Alerts)}: the first alert comes when the money is already spent");
        }
    }
}
