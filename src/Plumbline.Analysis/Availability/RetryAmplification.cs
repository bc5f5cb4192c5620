using System.Collections.Immutable;
using System.Globalization;
using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Availability;

/// <summary>
/// The worst-case attempts an operation receives for one request, when every layer above it
/// retries to the end: the product of (1 + retries.max) along the worst chain of calls (an async
/// call's retries count against the queue or worker it hands to). A queue delivery starts a new
/// chain.
/// </summary>
/// <param name="Operation">Index of the operation in the call graph.</param>
/// <param name="Factor">Attempts per request, 1 or more.</param>
/// <param name="Path">The edges of the worst path, from the workflow entry down to the operation.</param>
public sealed record AmplifiedOperation(int Operation, double Factor, ImmutableArray<CallEdge> Path)
{
    /// <summary>Calls written at each end of a longer path; the ones between are counted, so a description stays short however deep the path.</summary>
    public const int DescribedAtEachEnd = 5;

    /// <summary>
    /// "edge-lb.shorten -> api.create (x3) -> db.insert (x3) = 9x"; past 2 x <see cref="DescribedAtEachEnd"/> calls, the
    /// first and last ones with "... (N more calls)" between them.
    /// </summary>
    public string Describe(CallGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (Path.IsEmpty)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{graph.Operations[Operation].RefText} = {Factor:0.##}x");
        }

        var parts = new List<string> { graph.Operations[Path[0].From].RefText };
        var skipped = Path.Length > 2 * DescribedAtEachEnd ? Path.Length - (2 * DescribedAtEachEnd) : 0;

        // Written by ranges, not by an index the loop moves on its own: no edit to the body can make the loop run on.
        foreach (var edge in Path.Take(skipped > 0 ? DescribedAtEachEnd : Path.Length))
        {
            parts.Add(Part(graph, edge));
        }

        if (skipped > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"... ({skipped} more calls)"));
            foreach (var edge in Path.Skip(DescribedAtEachEnd + skipped))
            {
                parts.Add(Part(graph, edge));
            }
        }

        return string.Join(" -> ", parts) + string.Create(CultureInfo.InvariantCulture, $" = {Factor:0.##}x");
    }

    /// <summary>The callee, with its attempts when the call retries: "db.insert (x3)".</summary>
    private static string Part(CallGraph graph, CallEdge edge)
    {
        var attempts = edge.Call is { } call ? Attempts.Max(call) : 1;
        return attempts > 1
            ? string.Create(CultureInfo.InvariantCulture, $"{graph.Operations[edge.To].RefText} (x{attempts})")
            : graph.Operations[edge.To].RefText;
    }
}

/// <summary>Retry amplification from the workflows' entries, as a pure function of the design.</summary>
public static class RetryAmplification
{
    /// <summary>
    /// Every operation reached from a workflow entry (through calls, async hand-offs and queue
    /// deliveries), with its worst-case amplification over calls and the path that gives it, in
    /// operation order.
    /// </summary>
    public static ImmutableArray<AmplifiedOperation> Of(SystemDesign design, CallGraph graph)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.Operations.Length;
        var reached = new bool[n];
        var walk = new List<int>();
        foreach (var workflow in design.Workflows)
        {
            var entry = graph.IndexOf(workflow.Entry);
            if (entry >= 0 && !reached[entry])
            {
                reached[entry] = true;
                walk.Add(entry);
            }
        }

        // Breadth first over the list itself, read up to its end: the walk ends whatever a mutation test does to its body.
        for (var next = 0; next < walk.Count; next++)
        {
            foreach (var e in graph.Outgoing[walk[next]])
            {
                if (!reached[graph.Edges[e].To])
                {
                    reached[graph.Edges[e].To] = true;
                    walk.Add(graph.Edges[e].To);
                }
            }
        }

        // Every operation a workflow reaches runs at least once. A queue delivery starts a new chain:
        // a failed publish delivers nothing, and the consumer's retries run on its own clock.
        var amp = new double[n];
        var via = new int[n];
        Array.Fill(via, -1);
        for (var op = 0; op < n; op++)
        {
            amp[op] = reached[op] ? 1 : 0;
        }

        foreach (var op in graph.Order)
        {
            if (!reached[op])
            {
                continue;
            }

            foreach (var e in graph.Outgoing[op])
            {
                var edge = graph.Edges[e];
                var call = edge.Kind == EdgeKind.Delivery ? null : edge.Call;
                if (call is null)
                {
                    continue;
                }

                var value = amp[op] * Attempts.Max(call);
                if (value > amp[edge.To])
                {
                    amp[edge.To] = value;
                    via[edge.To] = e;
                }
            }
        }

        var result = ImmutableArray.CreateBuilder<AmplifiedOperation>();
        var seen = new int[graph.Edges.Length];
        for (var op = 0; op < n; op++)
        {
            if (!reached[op])
            {
                continue;
            }

            // Walked back from the operation, then reversed: a path of d calls costs d, not d squared.
            var path = new List<CallEdge>();
            var generation = op + 1;
            for (var e = via[op]; e >= 0 && seen[e] != generation; e = via[graph.Edges[e].From])
            {
                seen[e] = generation;
                path.Add(graph.Edges[e]);
            }

            path.Reverse();
            result.Add(new AmplifiedOperation(op, amp[op], [.. path]));
        }

        return result.ToImmutable();
    }
}
