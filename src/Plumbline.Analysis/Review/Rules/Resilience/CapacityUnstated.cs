using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>
/// A loaded component that states no capacity where the unknown ceiling hides a risk: a queue (its backlog), a store of
/// record (it owns data that is not a copy of another component's, so growing it means moving that data), or a component
/// holding state that a critical workflow fails without. A stateless fleet, or state nothing critical waits on, grows by
/// adding instances: its unstated capacity shows in the estimate (capacity ?) and is not raised.
/// </summary>
public sealed class CapacityUnstated : IRule
{
    public RuleInfo Info { get; } = new("capacity-unstated", ProcessStep.Scale, Severity.Low,
        "A loaded component states no capacity where it hides a risk",
        "Without a capacity per instance the estimate can compute the load on a component but not its utilisation, headroom or instances needed. That matters where capacity cannot be added in minutes: a queue's backlog, a store whose data must be moved to grow it, state a critical workflow waits on.",
        "State capacity (per instance: one rate, or reads and writes for a store), from a benchmark or the vendor's figures.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        var owners = new HashSet<string>(
            design.Data.Where(e => e.Owner is not null && !e.IsDerived).Select(e => e.Owner!),
            StringComparer.Ordinal);
        ResilienceFacts? facts = null;
        foreach (var capacity in context.Estimate.Components)
        {
            if (capacity.Capacity.IsKnown || (capacity.PeakLoad.Value ?? 0) <= 0 || design.FindComponent(capacity.Component) is not { } component)
            {
                continue;
            }

            // Clients are the users; externals, managed load balancers and CDNs are someone else's to size.
            if (component.Kind is ComponentKind.Client or ComponentKind.External or ComponentKind.LoadBalancer or ComponentKind.Cdn || component.Sla is not null)
            {
                continue;
            }

            string why;
            if (component.Kind == ComponentKind.Queue)
            {
                why = "a queue's backlog grows without bound once producers outrun it";
            }
            else if (component.IsStateful && owners.Contains(component.Name))
            {
                why = "it is the store of record of its data, which must be moved to grow it";
            }
            else if (component.IsStateful && (facts ??= ResilienceFacts.For(context)).Graph.ComponentIndex.TryGetValue(component.Name, out var c)
                && facts.HardWorkflowsOf(c).FirstOrDefault(w => w.Criticality == Criticality.Critical) is { } critical)
            {
                why = $"it holds state that {critical.Name} (critical) fails without";
            }
            else
            {
                continue;
            }

            yield return Info.At(context.KeySpan(component.Path), component.Name,
                $"{component.Name} takes {Quantities.Rate(capacity.PeakLoad.Value!.Value)} at peak but states no capacity, so its utilisation and headroom are unknown; {why}");
        }
    }
}
