using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>A component that carries load but states no capacity, so nothing can say whether it copes.</summary>
public sealed class CapacityUnstated : IRule
{
    public RuleInfo Info { get; } = new("capacity-unstated", ProcessStep.Scale, Severity.Low,
        "A loaded component states no capacity",
        "Without a capacity per instance the estimate can compute the load on a component but not its utilisation, headroom or instances needed, so its scaling risk stays invisible.",
        "State capacity (per instance: one rate, or reads and writes for a store), from a benchmark or the vendor's figures.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var capacity in context.Estimate.Components)
        {
            if (capacity.Capacity.IsKnown || (capacity.PeakLoad.Value ?? 0) <= 0 || context.Design.FindComponent(capacity.Component) is not { } component)
            {
                continue;
            }

            // Clients are the users; externals, managed load balancers and CDNs are someone else's to size.
            if (component.Kind is ComponentKind.Client or ComponentKind.External or ComponentKind.LoadBalancer or ComponentKind.Cdn || component.Sla is not null)
            {
                continue;
            }

            yield return Info.At(context.KeySpan(component.Path), component.Name,
                $"{component.Name} takes {Quantities.Rate(capacity.PeakLoad.Value!.Value)} at peak but states no capacity, so its utilisation and headroom are unknown");
        }
    }
}
