using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>
/// An endpoint that declares <c>idempotency: none</c> while its workflow's call chain retries a call
/// that re-runs a write not marked idempotent: the design's own retries duplicate the write.
/// </summary>
public sealed class RetriedEndpointWithoutIdempotency : IRule
{
    public RuleInfo Info { get; } = new("retried-endpoint-without-idempotency", ProcessStep.ApiAndData, Severity.High,
        "An endpoint without idempotency sits on a retried write",
        "The endpoint says a repeated request is not safe, yet a retry inside its workflow repeats a write that is not idempotent; every timeout that was really a slow success applies the write twice.",
        "Give the endpoint an idempotency key carried down to the write (and mark the write idempotent: true), or stop retrying that call.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        var graph = context.Graph;
        foreach (var endpoint in design.Api.Endpoints)
        {
            if (endpoint.Idempotency != Idempotency.None || endpoint.Workflow is not { } name || design.FindWorkflow(name) is not { } workflow)
            {
                continue;
            }

            var entry = graph.IndexOf(workflow.Entry);
            if (entry < 0)
            {
                continue;
            }

            if (FirstRetriedWrite(graph, entry) is { } found)
            {
                var (edge, write) = found;
                var call = edge.Call!;
                var repeats = write == edge.To ? $"repeats {graph.Operations[write].RefText}" : $"re-runs {graph.Operations[write].RefText} through {graph.Operations[edge.To].RefText}";
                yield return Info.At(context.Span(endpoint.Path + "/idempotency"), endpoint.Name,
                    $"endpoint {endpoint.Name} ({endpoint.Method} {endpoint.Route}) has idempotency: none, but {call.Id} retries up to {call.Retries!.Max} time(s) and {repeats}, a write not marked idempotent");
            }
        }
    }

    /// <summary>The first retried call reachable from the entry, in breadth-first file order, whose retry repeats a non-idempotent write.</summary>
    private static (CallEdge Edge, int Write)? FirstRetriedWrite(CallGraph graph, int entry)
    {
        var seen = new HashSet<int> { entry };
        var queue = new Queue<int>();
        queue.Enqueue(entry);
        while (queue.Count > 0)
        {
            var op = queue.Dequeue();
            foreach (var e in graph.Outgoing[op])
            {
                var edge = graph.Edges[e];
                if (edge.Call?.Retries is { Max: > 0 } && RepeatedWrite(graph, edge.To) is { } write)
                {
                    return (edge, write);
                }

                if (seen.Add(edge.To))
                {
                    queue.Enqueue(edge.To);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The first write, not marked idempotent, that running <paramref name="start"/> again would
    /// repeat: the operation itself or anything it calls. An operation marked idempotent is trusted
    /// for everything it does.
    /// </summary>
    private static int? RepeatedWrite(CallGraph graph, int start)
    {
        var seen = new HashSet<int> { start };
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var op = queue.Dequeue();
            var operation = graph.Operations[op];
            if (operation.Idempotent == true)
            {
                continue;
            }

            if (AccessInference.Infer(operation) == AccessType.Write)
            {
                return op;
            }

            foreach (var e in graph.Outgoing[op])
            {
                var to = graph.Edges[e].To;
                if (seen.Add(to))
                {
                    queue.Enqueue(to);
                }
            }
        }

        return null;
    }
}
