using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>A critical workflow whose whole synchronous path runs in one zone (or in no stated zone): one zone outage is a full outage.</summary>
public sealed class SingleZoneDesign : IRule
{
    public RuleInfo Info { get; } = new("single-zone-design", ProcessStep.Architecture, Severity.High,
        "A critical workflow runs in a single zone",
        "Zones fail as a unit (power, network, a bad deploy of the provider's); a critical workflow whose every component lives in one zone has that zone's availability at best, whatever the instance counts say.",
        "Spread the instances and replicas of every component on the path over at least two zones (three for quorum stores) and list them under zones; start single-region, but not single-zone.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var facts = ResilienceFacts.For(context);
        var graph = facts.Graph;
        for (var w = 0; w < context.Design.Workflows.Length; w++)
        {
            var workflow = context.Design.Workflows[w];
            if (workflow.Criticality != Criticality.Critical)
            {
                continue;
            }

            var zones = new SortedSet<string>(StringComparer.Ordinal);
            var components = new List<string>();
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var op in facts.FailingOperations(w))
            {
                var component = graph.Components[graph.ComponentOf[op]];
                if (component.Kind is ComponentKind.Client or ComponentKind.External)
                {
                    continue;
                }

                zones.UnionWith(component.Zones);
                if (listed.Add(component.Name))
                {
                    components.Add(component.Name);
                }
            }

            if (components.Count == 0 || zones.Count > 1)
            {
                continue;
            }

            var message = zones.Count == 1
                ? $"{workflow.Name} is critical but everything it waits on ({string.Join(", ", components)}) runs in zone {zones.Min}, so one zone outage takes it down"
                : $"{workflow.Name} is critical but none of the components it waits on ({string.Join(", ", components)}) lists its zones, so nothing shows it survives a zone outage";
            yield return Info.At(context.KeySpan(workflow.Path), workflow.Name, message, zones.Count == 1 ? Severity.High : Severity.Medium);
        }
    }
}
