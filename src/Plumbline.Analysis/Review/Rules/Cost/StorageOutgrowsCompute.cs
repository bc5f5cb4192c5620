using Plumbline.Analysis.Cost;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Cost;

/// <summary>A store whose storage cost grows past the cost of the instances that serve it, within the growth horizon.</summary>
public sealed class StorageOutgrowsCompute : IRule
{
    public RuleInfo Info { get; } = new("storage-outgrows-compute", ProcessStep.Cost, Severity.Low,
        "A store's storage outgrows its compute",
        "Data kept forever on the store that serves it grows every month while its load may not: in a few years the bill is mostly bytes on fast disks that are rarely read. It is cheaper to decide retention and tiering now than to migrate a large store later.",
        "Set a retention on the entities it owns, move cold data to a cheaper storage class or an object store, or record that the data must stay hot.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        if (context.Cost is not { } cost)
        {
            yield break;
        }

        for (var c = 0; c < cost.Now.Components.Length; c++)
        {
            var now = cost.Now.Components[c];
            if (now.Kind is not (ComponentKind.Database or ComponentKind.Search or ComponentKind.Queue) || now.TotalOf(CostDriver.Storage) > now.TotalOf(CostDriver.Compute))
            {
                continue;
            }

            var crossing = cost.Horizons.Skip(1).FirstOrDefault(h => h.Components[c].TotalOf(CostDriver.Compute) > 0 && h.Components[c].TotalOf(CostDriver.Storage) > h.Components[c].TotalOf(CostDriver.Compute));
            if (crossing is null)
            {
                continue;
            }

            var at = crossing.Components[c];
            var component = context.Design.FindComponent(now.Component)!;
            yield return Info.At(context.KeySpan(component.Path), now.Component,
                $"after {crossing.Months:0.##} months {now.Component} costs {CostOverBudget.Month(at.TotalOf(CostDriver.Storage), cost.Currency)} for its data and {CostOverBudget.Month(at.TotalOf(CostDriver.Compute), cost.Currency)} for its instances (now {CostOverBudget.Month(now.TotalOf(CostDriver.Storage), cost.Currency)} and {CostOverBudget.Month(now.TotalOf(CostDriver.Compute), cost.Currency)})");
        }
    }
}
