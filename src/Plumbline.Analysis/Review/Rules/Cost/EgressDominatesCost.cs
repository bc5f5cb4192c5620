using Plumbline.Analysis.Cost;

namespace Plumbline.Analysis.Review.Rules.Cost;

/// <summary>Data sent out (internet egress and CDN transfer) is more than a set share of the monthly cost.</summary>
public sealed class EgressDominatesCost : IRule
{
    public RuleInfo Info { get; } = new("egress-dominates-cost", ProcessStep.Cost, Severity.Medium,
        "Sending data out dominates the cost",
        "When most of the bill is bytes leaving the cloud, the cost follows the size of responses and the traffic, not the architecture: it grows with every user, and the usual levers (instances, storage classes) barely move it.",
        "Put a CDN in front of cacheable responses (its transfer is cheaper and origin fetches are free), compress or shrink responses, or negotiate transfer prices and record them in cost.prices.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        if (context.Cost is not { } cost || cost.Now.Total <= 0)
        {
            yield break;
        }

        var transfer = cost.Now.TotalOf(CostDriver.Transfer);
        var share = transfer / cost.Now.Total;
        if ((double)share <= (context.Options.Cost ?? CostOptions.Default).EgressShare)
        {
            yield break;
        }

        var largest = cost.Now.Components.OrderByDescending(c => c.TotalOf(CostDriver.Transfer)).First();
        var component = context.Design.FindComponent(largest.Component)!;
        yield return Info.At(context.KeySpan(component.Path), "transfer",
            $"sending data out is {CostOverBudget.Share(share)} of the monthly cost ({CostOverBudget.Month(transfer, cost.Currency)} of {CostOverBudget.Month(cost.Now.Total, cost.Currency)}), most of it from {largest.Component}");
    }
}
