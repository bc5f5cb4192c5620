using Plumbline.Analysis.Cost;
using Plumbline.Design.Units;

namespace Plumbline.Analysis.Review.Rules.Cost;

/// <summary>The design's monthly cost, priced at its catalog, above its budget now or at a horizon of growth.</summary>
public sealed class CostOverBudget : IRule
{
    public RuleInfo Info { get; } = new("cost-over-budget", ProcessStep.Cost, Severity.High,
        "The design costs more than its budget",
        "Priced from its own numbers, the design spends more than was agreed: today, or as it grows. Found on the design, it is a choice of instance types, replicas or retention; found on the invoice, it is a migration.",
        "Bring the cost under the budget (right-size idle instances, cheaper types or storage classes, shorter retention, a CDN in front of heavy responses), or agree a larger budget and record why.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        if (context.Cost is not { Budget: { } budget } cost)
        {
            yield break;
        }

        var span = context.Span(context.Design.Cost.Path + "/budget");
        if (cost.Now.Budget is { Over: true } now)
        {
            yield return Info.At(span, "now",
                $"priced at {cost.Catalog.Name}, the design costs {Month(cost.Now.Total, cost.Currency)} now, {Share(now.Share)} of its {Month(budget, cost.Currency)} budget");
            yield break;
        }

        if (cost.Horizons.FirstOrDefault(h => h.Budget is { Over: true }) is { } later)
        {
            yield return Info.At(span, FormattableString.Invariant($"{later.Months:0.##}-months"),
                $"at the stated growth the design costs {Month(later.Total, cost.Currency)} after {later.Months:0.##} months, {Share(later.Budget!.Share)} of its {Month(budget, cost.Currency)} budget; now it costs {Month(cost.Now.Total, cost.Currency)}",
                Severity.Medium);
        }
    }

    internal static string Month(decimal amount, string currency) => Money.Of(PriceMath.Cents(amount), currency, RatePeriod.Month).ToString();

    internal static string Share(decimal share) => Percent.FromFraction((double)Math.Round(share, 3)).ToString();
}
