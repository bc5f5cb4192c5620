using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>A component whose peak load is above its stated capacity, or above the utilisation it should be sized for.</summary>
public sealed class OverCapacityAtPeak : IRule
{
    public RuleInfo Info { get; } = new("over-capacity-at-peak", ProcessStep.Scale, Severity.High,
        "A component is over capacity at peak",
        "Above about 70% utilisation queueing delay climbs steeply and there is no room to lose an instance; above 100% requests queue without bound and time out.",
        "Add instances (or shards, or read replicas for reads) until peak runs at the target utilisation, add autoscaling with a max that covers the peak, or cut the load with a cache or batching.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var target = context.Estimate.Options.TargetUtilisation;
        foreach (var capacity in context.Estimate.Components)
        {
            var component = context.Design.FindComponent(capacity.Component);
            if (component is null || component.Autoscaling is not null || capacity.PeakUtilisation.Value is not { } utilisation || utilisation <= target)
            {
                continue;
            }

            var severity = utilisation > 1 ? Severity.High : Severity.Medium;
            var needed = capacity.InstancesNeeded.Value is { } n ? $"; it needs {Quantities.Number(n, "0")} instances to run at {Quantities.Percent(target)}" : string.Empty;
            yield return Info.At(context.Span(component.Path + "/capacity"), component.Name,
                $"{component.Name} runs at {Quantities.Percent(utilisation)} of its {capacity.Capacity.Name} at peak ({Quantities.Rate(utilisation * capacity.Capacity.Value!.Value)} against {Quantities.Rate(capacity.Capacity.Value!.Value)} over {component.Instances} instance{(component.Instances == 1 ? string.Empty : "s")}), above {(severity == Severity.High ? "100%" : $"the {Quantities.Percent(target)} target")}{needed}",
                severity);
        }
    }
}
