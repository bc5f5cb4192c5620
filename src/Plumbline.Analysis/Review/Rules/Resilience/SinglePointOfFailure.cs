using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>A component that critical or high workflows wait on and that one failure takes out: one instance, one zone, or one copy of its data.</summary>
public sealed class SinglePointOfFailure : IRule
{
    public RuleInfo Info { get; } = new("single-point-of-failure", ProcessStep.Resilience, Severity.High,
        "A single point of failure on an important workflow",
        "When an important workflow waits on something that one machine, one disk or one zone can take down, its availability is that one thing's; no retry or breaker upstream can mask it.",
        "Run at least two instances across zones, give the store a replica (a standby in another zone), or put a fallback on the calls to it so the workflow degrades instead of failing.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var facts = ResilienceFacts.For(context);
        for (var c = 0; c < facts.Graph.Components.Length; c++)
        {
            var component = facts.Graph.Components[c];
            if (component.Kind is ComponentKind.Client or ComponentKind.External || component.Sla is not null)
            {
                continue;
            }

            var workflows = facts.HardWorkflowsOf(c).Where(w => w.Criticality is Criticality.Critical or Criticality.High).ToList();
            if (workflows.Count == 0 || Weakness(context, facts, component, workflows) is not { } weakness)
            {
                continue;
            }

            var severity = workflows.Any(w => w.Criticality == Criticality.Critical) ? Severity.High : Severity.Medium;
            var names = string.Join(", ", workflows.Select(w => $"{w.Name} ({EnumNames.Text(w.Criticality)})"));
            if (component.CellCount > 1)
            {
                // One failure takes one cell: its share of the workflows, never all of them.
                yield return Info.At(context.KeySpan(component.Path), component.Name,
                    $"{component.Name} {weakness} in each of its {component.CellCount} cells, and {names} fail{(workflows.Count == 1 ? "s" : string.Empty)} for that cell's {Quantities.Percent(1.0 / component.CellCount)} of requests when it does",
                    severity == Severity.High ? Severity.Medium : Severity.Low);
                continue;
            }

            yield return Info.At(context.KeySpan(component.Path), component.Name,
                $"{component.Name} {weakness}, and {names} fail{(workflows.Count == 1 ? "s" : string.Empty)} when it does", severity);
        }
    }

    private static string? Weakness(ReviewContext context, ResilienceFacts facts, Component component, List<Workflow> workflows)
    {
        var availability = context.Availability.Of(component.Name);
        var store = component.Kind is ComponentKind.Database or ComponentKind.Cache or ComponentKind.Queue or ComponentKind.ObjectStore or ComponentKind.Search;
        // A managed object store spread over zones (S3, GCS, Azure Blob) replicates every object itself.
        var selfReplicating = component.Kind == ComponentKind.ObjectStore && component.Zones.Length >= 2;
        if (store && availability.Parallel == 1 && !selfReplicating)
        {
            return component.Instances == 1
                ? "keeps its data on one node with no replica"
                : component.Replicas == 0 ? $"has {component.Instances} shards and no replica, so each shard lives on one node" : $"has {component.Instances} shards but only {component.Replicas} replica{(component.Replicas == 1 ? string.Empty : "s")}, so some shard lives on one node";
        }

        var managed = component.Kind is ComponentKind.LoadBalancer or ComponentKind.Cdn or ComponentKind.Gateway && component.Zones.Length >= 2;
        if (!store && availability.Parallel == 1 && (component.Autoscaling?.Min ?? 1) < 2 && !managed)
        {
            return "runs one instance";
        }

        if (component.Zones.Length <= 1)
        {
            var zones = PathZones(facts, workflows);
            if (zones.Count >= 2)
            {
                var copies = store ? "copies" : "instances";
                return component.Zones.Length == 1
                    ? $"has all its {copies} in zone {component.Zones[0]} while the rest of the path spans {string.Join(", ", zones)}"
                    : $"lists no zones, so one zone outage can take all its {copies}, while the rest of the path spans {string.Join(", ", zones)}";
            }
        }

        return null;
    }

    private static List<string> PathZones(ResilienceFacts facts, List<Workflow> workflows)
    {
        var zones = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var workflow in workflows)
        {
            zones.UnionWith(facts.HardZones(facts.IndexOfWorkflow(workflow.Name)));
        }

        return [.. zones];
    }
}
