using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>A critical workflow that can only succeed fully or fail: no fallback, no cache, no async hand-off anywhere on its path.</summary>
public sealed class NoDegradationPath : IRule
{
    public RuleInfo Info { get; } = new("no-degradation-path", ProcessStep.Resilience, Severity.Medium,
        "A critical workflow has no way to degrade",
        "If every dependency of a critical workflow is all-or-nothing, the failure of any one of them is a full outage; graceful degradation (stale data, a default, work deferred) keeps users served while it is fixed.",
        "Give the calls that are not essential a fallback (serve stale data, a default, skip the enrichment), read through a cache, or move work that need not block the user behind an async hand-off.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var facts = ResilienceFacts.For(context);
        var graph = facts.Graph;
        for (var w = 0; w < context.Design.Workflows.Length; w++)
        {
            var workflow = context.Design.Workflows[w];
            if (workflow.Criticality != Criticality.Critical || graph.IndexOf(workflow.Entry) < 0)
            {
                continue;
            }

            var syncCalls = 0;
            var alternative = false;
            var dependencies = new List<string>();
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var op in facts.WaitedOn(w))
            {
                if (alternative)
                {
                    break;
                }

                foreach (var e in graph.Outgoing[op])
                {
                    var edge = graph.Edges[e];
                    var callee = graph.Components[graph.ComponentOf[edge.To]];
                    if (edge.Kind != EdgeKind.Sync || !string.IsNullOrWhiteSpace(edge.Call?.Fallback) || callee.Kind is ComponentKind.Cache or ComponentKind.Cdn)
                    {
                        alternative = true;
                        break;
                    }

                    syncCalls++;
                    if (listed.Add(callee.Name))
                    {
                        dependencies.Add(callee.Name);
                    }
                }
            }

            if (alternative || syncCalls == 0)
            {
                continue;
            }

            yield return Info.At(context.KeySpan(workflow.Path), workflow.Name,
                $"{workflow.Name} is critical but every one of its {syncCalls} synchronous call{(syncCalls == 1 ? string.Empty : "s")} (to {string.Join(", ", dependencies)}) is all-or-nothing: no fallback, no cache and no async hand-off");
        }
    }
}
