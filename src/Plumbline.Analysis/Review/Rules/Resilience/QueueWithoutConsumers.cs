using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>A queue nobody consumes: messages pile up until retention drops them.</summary>
public sealed class QueueWithoutConsumers : IRule
{
    public RuleInfo Info { get; } = new("queue-without-consumers", ProcessStep.Architecture, Severity.Medium,
        "A queue has no consumers",
        "Work handed to a queue that nothing reads is work never done: the backlog grows until retention discards it, and the design's load and latency figures leave the consumer's cost out.",
        "List the operations that consume it under consumers: [component.operation], or, if a system outside the design reads it, name that system as a downstream dependency with component: the queue.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var downstream = context.Design.Requirements.Dependencies
            .Where(d => d.Direction == DependencyDirection.Downstream && d.Component is not null)
            .Select(d => d.Component!)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var component in context.Design.Components)
        {
            if (component.Kind != ComponentKind.Queue || !component.Consumers.IsEmpty || downstream.Contains(component.Name))
            {
                continue;
            }

            var producers = context.Calls.Where(s => s.Call.To.Component == component.Name).Select(s => s.Component.Name).Distinct(StringComparer.Ordinal).ToList();
            var from = producers.Count == 0 ? string.Empty : $" though {string.Join(", ", producers)} publish{(producers.Count == 1 ? "es" : string.Empty)} to it";
            yield return Info.At(context.KeySpan(component.Path), component.Name,
                $"{component.Name} has no consumers{from}, so its messages are never processed");
        }
    }
}
