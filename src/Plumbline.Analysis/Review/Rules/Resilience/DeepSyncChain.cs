using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>A long chain of synchronous calls on an important workflow: latencies add, availabilities multiply, timeouts nest.</summary>
public sealed class DeepSyncChain : IRule
{
    /// <summary>Synchronous hops from the entry above which a chain is flagged.</summary>
    public const int MaxHops = 5;

    public RuleInfo Info { get; } = new("deep-sync-chain", ProcessStep.Architecture, Severity.Medium,
        "A synchronous call chain is deeper than five hops",
        "Every synchronous hop adds its latency and its failure rate to the request and needs a timeout that fits inside the one above; past a handful of hops tail latency and timeout budgets become impossible to reason about.",
        "Flatten the chain: call services in parallel from one orchestrator, denormalise or cache what deep hops fetch, or move the tail of the chain behind an async hand-off.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var graph = context.Graph;
        int[]? next = null;
        foreach (var workflow in context.Design.Workflows)
        {
            if (workflow.Criticality is not (Criticality.Critical or Criticality.High) || graph.IndexOf(workflow.Entry) is var entry && entry < 0)
            {
                continue;
            }

            next ??= Next(graph);
            var chain = Chain(next, entry);
            if (chain.Count - 1 <= MaxHops)
            {
                continue;
            }

            yield return Info.At(context.KeySpan(workflow.Path), workflow.Name,
                $"{workflow.Name} ({EnumNames.Text(workflow.Criticality)}) waits on a chain of {chain.Count - 1} synchronous hops: {string.Join(" -> ", chain.Select(op => graph.Operations[op].RefText))}",
                workflow.Criticality == Criticality.Critical ? Severity.Medium : Severity.Low);
        }
    }

    /// <summary>
    /// For each operation, the callee that starts its longest chain of synchronous calls (-1 for none), callees first
    /// in reverse graph order, so no recursion: one pass serves every workflow.
    /// </summary>
    private static int[] Next(CallGraph graph)
    {
        var length = new int[graph.Operations.Length];
        var next = new int[graph.Operations.Length];
        Array.Fill(next, -1);
        for (var i = graph.Order.Length - 1; i >= 0; i--)
        {
            var op = graph.Order[i];
            length[op] = 1;
            foreach (var e in graph.Outgoing[op])
            {
                var edge = graph.Edges[e];
                if (edge.Kind == EdgeKind.Sync && length[edge.To] + 1 > length[op])
                {
                    length[op] = length[edge.To] + 1;
                    next[op] = edge.To;
                }
            }
        }

        return next;
    }

    /// <summary>The longest path of synchronous calls from the entry, as operations.</summary>
    private static List<int> Chain(int[] next, int entry)
    {
        var chain = new List<int>();
        var seen = new HashSet<int>();
        for (var op = entry; op >= 0 && seen.Add(op); op = next[op])
        {
            chain.Add(op);
        }

        return chain;
    }
}
