using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Latency;

/// <summary>
/// How long each operation takes to answer, callees included, as a distribution: its component's
/// queueing wait, then its own service time, then its synchronous calls in order (consecutive
/// <c>parallel</c> calls together, the slowest deciding), each call made with its probability and
/// count, through its timeout and retries. Async calls and queue deliveries are not waited on.
/// </summary>
/// <remarks>
/// Computed for the operations reachable by synchronous calls from the given entries only, callees
/// first (reverse call-graph order, no recursion), each once: the cost is one composition per
/// operation and call, whatever the number of workflows sharing them.
/// </remarks>
public sealed class PathLatency
{
    private readonly LatencyDistribution?[] _latency;
    private readonly bool[] _unbounded;
    private readonly bool[] _reached;

    private PathLatency(LatencyDistribution?[] latency, bool[] unbounded, bool[] reached, ImmutableArray<int> cycles)
    {
        _latency = latency;
        _unbounded = unbounded;
        _reached = reached;
        Cycles = cycles;
    }

    /// <summary>Operations whose synchronous calls loop back (their callee's time is counted as 0).</summary>
    public ImmutableArray<int> Cycles { get; }

    /// <summary>The latency of an entry given to <see cref="Compose"/>; null when unbounded (other operations' are let go once composed into their callers).</summary>
    public LatencyDistribution? Of(int operation) => _latency[operation];

    /// <summary>True when the operation is reached from the entries by synchronous calls.</summary>
    public bool IsReached(int operation) => _reached[operation];

    /// <summary>True when the operation waits, with no timeout, on a queue that grows without bound.</summary>
    public bool IsUnbounded(int operation) => _unbounded[operation];

    /// <summary>
    /// Composes every operation reached from <paramref name="entries"/>.
    /// </summary>
    /// <param name="graph">The design's call graph.</param>
    /// <param name="own">Each operation's own service time on the grid, asked once for each operation reached.</param>
    /// <param name="entries">Operations to start from (workflow entries).</param>
    /// <param name="probability">The probability a call edge is made (a cache's miss ratio where the load model derives one).</param>
    /// <param name="queueWait">Each component's queueing wait: <see cref="LatencyDistribution.Zero"/> for none, null when unbounded.</param>
    /// <param name="grid">The grid; default <see cref="LatencyGrid.Default"/>.</param>
    public static PathLatency Compose(
        CallGraph graph,
        Func<int, LatencyDistribution> own,
        IEnumerable<int> entries,
        Func<CallEdge, double> probability,
        Func<int, LatencyDistribution?> queueWait,
        LatencyGrid? grid = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(probability);
        ArgumentNullException.ThrowIfNull(queueWait);
        grid ??= LatencyGrid.Default;
        var n = graph.Operations.Length;
        var reached = Reached(graph, entries);
        var latency = new LatencyDistribution?[n];
        var unbounded = new bool[n];
        var done = new bool[n];
        var cycles = ImmutableArray.CreateBuilder<int>();
        var waits = new Dictionary<int, LatencyDistribution?>();
        var keep = entries.Where(e => e >= 0 && e < n).ToHashSet();

        // Operations whose inputs are the same distributions (the same wait, own time and callees, called the same way)
        // compose to the same distribution: it is composed once and shared. Repeated structure (the same chain of
        // services behind many entries) then costs one composition per distinct step, not one per operation.
        var shared = new Dictionary<Composition, LatencyDistribution>();
        var recent = new Queue<Composition>();

        // Callers still to compose for each operation: once none is left, its distribution is let go
        // (entries excepted), so memory follows the widest layer of the graph, not its size.
        var pending = new int[n];
        for (var op = 0; op < n; op++)
        {
            if (!reached[op])
            {
                continue;
            }

            foreach (var e in graph.Outgoing[op])
            {
                if (graph.Edges[e].Kind == EdgeKind.Sync)
                {
                    pending[graph.Edges[e].To]++;
                }
            }
        }
        for (var i = graph.Order.Length - 1; i >= 0; i--)
        {
            var op = graph.Order[i];
            if (!reached[op])
            {
                continue;
            }

            var component = graph.ComponentOf[op];
            if (!waits.TryGetValue(component, out var wait))
            {
                wait = queueWait(component);
                waits[component] = wait;
            }

            done[op] = true;
            if (wait is null)
            {
                unbounded[op] = true;
                continue;
            }

            var mine = own(op);
            var outgoing = graph.Outgoing[op];
            var key = Composition.Of(graph, op, wait, mine, latency, done, unbounded, probability);
            if (key is not null && shared.TryGetValue(key, out var same))
            {
                latency[op] = same;
                Release(op);
                continue;
            }

            var total = LatencyDistribution.Series(wait, mine, grid);
            var failed = false;
            for (var k = 0; k < outgoing.Length && !failed; k++)
            {
                var edge = graph.Edges[outgoing[k]];
                if (edge.Kind != EdgeKind.Sync || edge.Call is null)
                {
                    continue;
                }

                LatencyDistribution? step;
                if (edge.Call.Parallel)
                {
                    step = null;
                    for (; k < outgoing.Length; k++)
                    {
                        var member = graph.Edges[outgoing[k]];
                        if (member.Kind != EdgeKind.Sync || member.Call is not { Parallel: true })
                        {
                            k--;
                            break;
                        }

                        var one = CallLatency(member);
                        if (one is null)
                        {
                            failed = true;
                            break;
                        }

                        step = step is null ? one : LatencyDistribution.Max(step, one, grid);
                    }
                }
                else
                {
                    step = CallLatency(edge);
                    failed = step is null;
                }

                if (step is not null)
                {
                    total = LatencyDistribution.Series(total, step, grid);
                }
            }

            if (failed)
            {
                unbounded[op] = true;
            }
            else
            {
                latency[op] = total;
                if (key is not null)
                {
                    Remember(key, total);
                }
            }

            Release(op);
        }

        return new PathLatency(latency, unbounded, reached, cycles.ToImmutable());

        // Each callee's distribution is let go once its last caller is composed.
        void Release(int op)
        {
            foreach (var e in graph.Outgoing[op])
            {
                var to = graph.Edges[e].To;
                if (graph.Edges[e].Kind == EdgeKind.Sync && --pending[to] == 0 && !keep.Contains(to))
                {
                    latency[to] = null;
                }
            }
        }

        // The most recent compositions only, so what is kept for sharing stays a bounded number of grids.
        void Remember(Composition key, LatencyDistribution total)
        {
            if (recent.Count == SharedCompositions)
            {
                shared.Remove(recent.Dequeue());
            }

            shared[key] = total;
            recent.Enqueue(key);
        }

        // One call's latency as the caller sees it; null when it waits forever.
        LatencyDistribution? CallLatency(CallEdge edge)
        {
            var call = edge.Call!;
            var shape = RetryShape.Of(call);
            LatencyDistribution attempt;
            if (!done[edge.To])
            {
                // A synchronous loop: the validator reports it; its callee counts as 0 here.
                cycles.Add(edge.From);
                attempt = LatencyDistribution.Zero;
            }
            else if (unbounded[edge.To])
            {
                if (shape.Timeout is not { } timeout)
                {
                    return null;
                }

                // Every attempt times out: the caller gives up after all of them and their delays.
                var giveUp = shape.Attempts * timeout;
                for (var r = 1; r < shape.Attempts; r++)
                {
                    giveUp += shape.DelayBefore(r);
                }

                return LatencyDistribution.Maybe(Math.Clamp(probability(edge), 0, 1), LatencyDistribution.Point(giveUp), grid);
            }
            else
            {
                attempt = latency[edge.To]!;
            }

            var once = LatencyDistribution.WithRetries(attempt, shape, grid);
            var count = call.Count;
            var whole = (int)Math.Floor(count);
            var fraction = count - whole;
            LatencyDistribution Copies(int copies) =>
                copies == 0 ? LatencyDistribution.Zero
                : call.Parallel ? LatencyDistribution.MaxOf(once, copies, grid)
                : LatencyDistribution.Repeat(once, copies, grid);
            var made = fraction > 1e-12
                ? LatencyDistribution.Mixture([(1 - fraction, Copies(whole)), (fraction, Copies(whole + 1))], grid)
                : Copies(whole);
            return LatencyDistribution.Maybe(Math.Clamp(probability(edge), 0, 1), made, grid);
        }
    }

    /// <summary>Compositions remembered for sharing: enough for the operations of one layer of repeated structure to meet.</summary>
    private const int SharedCompositions = 256;

    /// <summary>
    /// What an operation's latency is composed from: its wait, its own time and, in order, each outgoing edge (a
    /// synchronous call's callee distribution, retry shape, probability, count and whether parallel; any other edge
    /// as a separator, since it ends a run of parallel calls). Distributions compare by reference: equal keys are
    /// equal inputs, so they compose to equal distributions.
    /// </summary>
    private sealed class Composition : IEquatable<Composition>
    {
        private readonly LatencyDistribution _wait;
        private readonly LatencyDistribution _own;
        private readonly Step[] _steps;
        private readonly int _hash;

        private Composition(LatencyDistribution wait, LatencyDistribution own, Step[] steps)
        {
            _wait = wait;
            _own = own;
            _steps = steps;
            var hash = new HashCode();
            hash.Add(RuntimeHelpers.GetHashCode(wait));
            hash.Add(RuntimeHelpers.GetHashCode(own));
            foreach (var step in steps)
            {
                hash.Add(step.Callee is null ? 0 : RuntimeHelpers.GetHashCode(step.Callee));
                hash.Add(step.Probability);
                hash.Add(step.Count);
            }

            _hash = hash.ToHashCode();
        }

        /// <summary>The key of an operation whose every synchronous callee is composed and bounded; null otherwise (a loop or an unbounded callee is composed alone).</summary>
        public static Composition? Of(
            CallGraph graph, int op, LatencyDistribution wait, LatencyDistribution own,
            LatencyDistribution?[] latency, bool[] done, bool[] unbounded, Func<CallEdge, double> probability)
        {
            var outgoing = graph.Outgoing[op];
            var steps = new Step[outgoing.Length];
            for (var k = 0; k < outgoing.Length; k++)
            {
                // No pattern variable assigned beside || and read after it: Stryker could not place its mutants there
                // (docs/mutation.md, "Code Stryker can measure").
                var edge = graph.Edges[outgoing[k]];
                var call = edge.Kind == EdgeKind.Sync ? edge.Call : null;
                if (call is null)
                {
                    steps[k] = default;
                    continue;
                }

                var callee = done[edge.To] && !unbounded[edge.To] ? latency[edge.To] : null;
                if (callee is null)
                {
                    return null;
                }

                steps[k] = new Step(callee, call, probability(edge));
            }

            return new Composition(wait, own, steps);
        }

        public bool Equals(Composition? other)
        {
            if (other is null || other._hash != _hash || !ReferenceEquals(other._wait, _wait) || !ReferenceEquals(other._own, _own)
                || other._steps.Length != _steps.Length)
            {
                return false;
            }

            for (var k = 0; k < _steps.Length; k++)
            {
                if (!_steps[k].SameAs(other._steps[k]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as Composition);

        public override int GetHashCode() => _hash;

        /// <summary>One outgoing edge as the composition reads it; a default step is an edge that is not a synchronous call.</summary>
        private readonly record struct Step(LatencyDistribution? Callee, Call? Call, double Probability)
        {
            public double Count => Call?.Count ?? 0;

            public bool SameAs(Step other)
            {
                if (!ReferenceEquals(Callee, other.Callee) || Probability.CompareTo(other.Probability) != 0)
                {
                    return false;
                }

                if (Call is null || other.Call is null)
                {
                    return Call is null && other.Call is null;
                }

                if (ReferenceEquals(Call, other.Call))
                {
                    return true;
                }

                // What RetryShape.Of and the composition read of a call: its count, parallelism, timeout and retries.
                return Call.Count.CompareTo(other.Call.Count) == 0 && Call.Parallel == other.Call.Parallel
                    && Call.Timeout == other.Call.Timeout && Equals(Call.Retries, other.Call.Retries);
            }
        }
    }

    /// <summary>The operations reached from the entries by synchronous calls, entries included.</summary>
    public static bool[] Reached(CallGraph graph, IEnumerable<int> entries)
    {
        var reached = new bool[graph.Operations.Length];
        var stack = new Stack<int>();
        foreach (var entry in entries)
        {
            if (entry >= 0 && entry < reached.Length && !reached[entry])
            {
                reached[entry] = true;
                stack.Push(entry);
            }
        }

        while (stack.Count > 0)
        {
            var op = stack.Pop();
            foreach (var e in graph.Outgoing[op])
            {
                var edge = graph.Edges[e];
                if (edge.Kind == EdgeKind.Sync && !reached[edge.To])
                {
                    reached[edge.To] = true;
                    stack.Push(edge.To);
                }
            }
        }

        return reached;
    }
}
