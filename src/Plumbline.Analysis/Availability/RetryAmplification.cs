using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Availability;

/// <summary>
/// The worst-case attempts an operation receives for one request, when every layer above it
/// retries to the end: the product of (1 + retries.max) along the worst chain of calls (an async
/// call's retries count against the queue or worker it hands to). A queue delivery starts a new
/// chain.
/// </summary>
/// <remarks>
/// An operation's worst chain is its caller's worst chain and one more call (<see cref="Before"/> and <see cref="Last"/>), so
/// each operation holds one call, not its whole path: the paths of every operation cost their number, not their number
/// times their depth. <see cref="Path"/> is walked when asked; <see cref="Describe"/> reads only the ends it writes.
/// </remarks>
public sealed class AmplifiedOperation
{
    /// <summary>Calls written at each end of a longer path; the ones between are counted, so a description stays short however deep the path.</summary>
    public const int DescribedAtEachEnd = 5;

    // A path held whole: only on a loop of calls, where the worst chains go round and no caller's chain is a prefix.
    private readonly ImmutableArray<CallEdge> _held;

    // The operation whose path is the first DescribedAtEachEnd calls of this one's (this one when it has no more), null
    // where the chain above holds a loop's path.
    private readonly AmplifiedOperation? _head;

    private AmplifiedOperation(int operation, double factor, CallEdge? last, AmplifiedOperation? before, ImmutableArray<CallEdge> held)
    {
        Operation = operation;
        Factor = factor;
        Last = last;
        Before = before;
        _held = held;
        Length = before is not null ? before.Length + 1 : held.IsDefault ? 0 : held.Length;
        _head = before is null ? (held.IsDefault ? this : null) : Length <= DescribedAtEachEnd ? (before._head is null ? null : this) : before._head;
    }

    /// <summary>An entry, or an operation only a queue delivers to: no call above it multiplies its attempts.</summary>
    internal static AmplifiedOperation Start(int operation, double factor) => new(operation, factor, null, null, default);

    /// <summary><paramref name="before"/>'s worst chain and then <paramref name="last"/>.</summary>
    internal static AmplifiedOperation After(AmplifiedOperation before, CallEdge last, double factor) => new(last.To, factor, last, before, default);

    /// <summary>An operation on a loop of calls, with its path walked whole.</summary>
    internal static AmplifiedOperation Held(int operation, double factor, ImmutableArray<CallEdge> path) =>
        new(operation, factor, path.IsEmpty ? null : path[^1], null, path);

    /// <summary>Index of the operation in the call graph.</summary>
    public int Operation { get; }

    /// <summary>Attempts per request, 1 or more.</summary>
    public double Factor { get; }

    /// <summary>The last call of the worst path, into this operation; null when the path has no call.</summary>
    public CallEdge? Last { get; }

    /// <summary>The caller's worst chain, which this one extends by <see cref="Last"/>; null for a path of no call (or on a loop of calls).</summary>
    public AmplifiedOperation? Before { get; }

    /// <summary>Calls on the worst path.</summary>
    public int Length { get; }

    /// <summary>The edges of the worst path, from the workflow entry down to the operation, walked when asked.</summary>
    public ImmutableArray<CallEdge> Path => _held.IsDefault ? Walk(this, Length) : _held;

    /// <summary>
    /// "edge-lb.shorten -> api.create (x3) -> db.insert (x3) = 9x"; past 2 x <see cref="DescribedAtEachEnd"/> calls, the
    /// first and last ones with "... (N more calls)" between them.
    /// </summary>
    public string Describe(CallGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (Length == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{graph.Operations[Operation].RefText} = {Factor:0.##}x");
        }

        var skipped = Length > 2 * DescribedAtEachEnd ? Length - (2 * DescribedAtEachEnd) : 0;
        ImmutableArray<CallEdge> first;
        ImmutableArray<CallEdge> last;
        if (skipped == 0 || _head is null)
        {
            var path = Path;
            first = skipped == 0 ? path : path[..DescribedAtEachEnd];
            last = skipped == 0 ? [] : path[^DescribedAtEachEnd..];
        }
        else
        {
            first = Walk(_head, DescribedAtEachEnd);
            last = Walk(this, DescribedAtEachEnd);
        }

        var parts = new List<string> { graph.Operations[first[0].From].RefText };
        foreach (var edge in first)
        {
            parts.Add(Call(graph, edge));
        }

        if (skipped > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"... ({skipped} more calls)"));
            foreach (var edge in last)
            {
                parts.Add(Call(graph, edge));
            }
        }

        return string.Join(" -> ", parts) + string.Create(CultureInfo.InvariantCulture, $" = {Factor:0.##}x");
    }

    private static string Call(CallGraph graph, CallEdge edge)
    {
        var attempts = edge.Call is { } call ? Attempts.Max(call) : 1;
        return attempts > 1
            ? string.Create(CultureInfo.InvariantCulture, $"{graph.Operations[edge.To].RefText} (x{attempts})")
            : graph.Operations[edge.To].RefText;
    }

    /// <summary>The last <paramref name="count"/> calls of <paramref name="from"/>'s path (all when it has fewer), in order.</summary>
    private static ImmutableArray<CallEdge> Walk(AmplifiedOperation from, int count)
    {
        var take = Math.Min(count, from.Length);
        var edges = new CallEdge[take];
        var at = from;
        for (var i = take - 1; i >= 0; i--)
        {
            if (at.Before is null)
            {
                // The rest of the path is a loop's, held whole.
                at._held.AsSpan(at._held.Length - (i + 1), i + 1).CopyTo(edges);
                break;
            }

            edges[i] = at.Last!;
            at = at.Before;
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(edges);
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

        // Each operation's chain is its caller's (the operation its worst call comes from) and that call: made callers first,
        // climbing from each operation to the first one already made. On a loop of calls the worst chains go round, so an
        // operation met twice in one climb is on a loop, and each of the loop's operations has its path walked whole.
        var made = new AmplifiedOperation?[n];
        var climbed = new int[n];
        var climb = new List<int>();
        for (var op = 0; op < n; op++)
        {
            if (!reached[op] || made[op] is not null)
            {
                continue;
            }

            climb.Clear();
            for (var x = op; made[x] is null;)
            {
                if (climbed[x] == op + 1)
                {
                    foreach (var member in Loop(x))
                    {
                        made[member] = AmplifiedOperation.Held(member, amp[member], Walked(member));
                    }

                    break;
                }

                climbed[x] = op + 1;
                climb.Add(x);
                if (via[x] < 0)
                {
                    made[x] = AmplifiedOperation.Start(x, amp[x]);
                    break;
                }

                x = graph.Edges[via[x]].From;
            }

            for (var i = climb.Count - 1; i >= 0; i--)
            {
                var y = climb[i];
                if (made[y] is null)
                {
                    var edge = graph.Edges[via[y]];
                    made[y] = AmplifiedOperation.After(made[edge.From]!, edge, amp[y]);
                }
            }
        }

        var result = ImmutableArray.CreateBuilder<AmplifiedOperation>();
        for (var op = 0; op < n; op++)
        {
            if (reached[op])
            {
                result.Add(made[op]!);
            }
        }

        return result.ToImmutable();

        // The operations of the loop through x, following each one's worst call back to its caller.
        List<int> Loop(int x)
        {
            var members = new List<int> { x };
            for (var y = graph.Edges[via[x]].From; y != x; y = graph.Edges[via[y]].From)
            {
                members.Add(y);
            }

            return members;
        }

        // Walked back from the operation until a call repeats, then reversed: the path of an operation on a loop.
        ImmutableArray<CallEdge> Walked(int op)
        {
            var path = new List<CallEdge>();
            var seen = new HashSet<int>();
            for (var e = via[op]; e >= 0 && seen.Add(e); e = via[graph.Edges[e].From])
            {
                path.Add(graph.Edges[e]);
            }

            path.Reverse();
            return [.. path];
        }
    }
}
