using System.Numerics;
using System.Runtime.CompilerServices;
using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Availability;

/// <summary>What one workflow's requests do to one component: the share that waits on it with no fallback, and the share that reaches it at all.</summary>
/// <param name="Workflow">Index of the workflow in the design.</param>
/// <param name="Hard">Share of the workflow's requests exposed to one of the component's operations through synchronous calls without a fallback, 0..1 (<see cref="AvailabilityModel.Exposure"/>).</param>
/// <param name="Any">Share exposed to one of its operations through any call, hand-off or delivery, 0..1 (0 when only calls made on no execution reach it).</param>
/// <param name="Fails">Whether the failure of one of its operations fails some of the workflow's requests (an operation's hard share above 0).</param>
internal readonly record struct ComponentTouch(int Workflow, double Hard, double Any, bool Fails);

/// <summary>
/// For every workflow, which operations its requests reach (through synchronous calls, through any edge, and
/// without a fallback) and what share of them reaches each component, computed once per call graph.
/// </summary>
/// <remarks>
/// The cost grows with the design, not with its products. Workflows that enter at the same operation share one
/// computation. Each entry's spread walks only the operations it reaches, in topological order, over scratch
/// arrays reused from one entry to the next, so the time is the sum of what each workflow reaches. What is kept
/// is one bit per entry and operation for each of the three reaches (20,000 operations x 1,000 workflows, the
/// design limits, is 2.5 MB a reach) and, per component, one <see cref="ComponentTouch"/> per workflow reaching it.
/// </remarks>
internal sealed class WorkflowSpreads
{
    private static readonly ConditionalWeakTable<CallGraph, WorkflowSpreads> Cache = [];

    private readonly int _words;
    private readonly ulong[] _sync;
    private readonly ulong[] _any;
    private readonly ulong[] _hard;
    private readonly int[] _entryRow;
    private readonly List<ComponentTouch>[] _touches;

    private WorkflowSpreads(SystemDesign design, CallGraph graph)
    {
        var n = graph.Operations.Length;
        var workflows = design.Workflows;
        _words = (n + 63) / 64;
        _entryRow = new int[workflows.Length];
        var rowOfEntry = new Dictionary<int, int>();
        var workflowsOfRow = new List<List<int>>();
        for (var w = 0; w < workflows.Length; w++)
        {
            var entry = graph.IndexOf(workflows[w].Entry);
            if (entry < 0)
            {
                _entryRow[w] = -1;
                continue;
            }

            if (!rowOfEntry.TryGetValue(entry, out var row))
            {
                row = rowOfEntry[entry] = workflowsOfRow.Count;
                workflowsOfRow.Add([]);
            }

            _entryRow[w] = row;
            workflowsOfRow[row].Add(w);
        }

        var rows = workflowsOfRow.Count;
        _sync = new ulong[(long)rows * _words];
        _any = new ulong[(long)rows * _words];
        _hard = new ulong[(long)rows * _words];
        _touches = new List<ComponentTouch>[graph.Components.Length];
        for (var c = 0; c < _touches.Length; c++)
        {
            _touches[c] = [];
        }

        var position = new int[n];
        for (var i = 0; i < n; i++)
        {
            position[graph.Order[i]] = i;
        }

        var scratch = new Scratch(n, graph.Components.Length);
        foreach (var (entry, row) in rowOfEntry)
        {
            Spread(graph, entry, row, position, scratch, workflowsOfRow[row]);
        }

        foreach (var list in _touches)
        {
            list.Sort((a, b) => a.Workflow.CompareTo(b.Workflow));
        }
    }

    /// <summary>The spreads of a design's graph; a graph belongs to one design, so the graph is the key.</summary>
    public static WorkflowSpreads For(SystemDesign design, CallGraph graph) => Cache.GetValue(graph, g => new WorkflowSpreads(design, g));

    /// <summary>Whether workflow <paramref name="w"/> waits on operation <paramref name="op"/> (synchronous calls, with or without fallback).</summary>
    public bool WaitsOn(int w, int op) => Test(_sync, w, op);

    /// <summary>Whether workflow <paramref name="w"/> reaches operation <paramref name="op"/> at all.</summary>
    public bool Reaches(int w, int op) => Test(_any, w, op);

    /// <summary>Whether some of workflow <paramref name="w"/>'s requests fail when operation <paramref name="op"/> fails (synchronous calls without a fallback).</summary>
    public bool FailsWithout(int w, int op) => Test(_hard, w, op);

    /// <summary>The operations workflow <paramref name="w"/> waits on, in operation order.</summary>
    public IEnumerable<int> WaitedOn(int w) => Set(_sync, w);

    /// <summary>The operations whose failure fails some of workflow <paramref name="w"/>'s requests, in operation order.</summary>
    public IEnumerable<int> FailingOperations(int w) => Set(_hard, w);

    /// <summary>The workflows reaching component <paramref name="component"/>, in design order, with their shares.</summary>
    public IReadOnlyList<ComponentTouch> Touches(int component) => _touches[component];

    private bool Test(ulong[] bits, int w, int op)
    {
        var row = _entryRow[w];
        return row >= 0 && (bits[((long)row * _words) + (op >> 6)] & (1UL << (op & 63))) != 0;
    }

    private IEnumerable<int> Set(ulong[] bits, int w)
    {
        var row = _entryRow[w];
        if (row < 0)
        {
            yield break;
        }

        var start = (long)row * _words;
        for (var i = 0; i < _words; i++)
        {
            // At most 64 bits a word: the bound holds even when a mutation test stops the word from emptying.
            var word = bits[start + i];
            for (var bit = 0; bit < 64 && word != 0; bit++)
            {
                yield return (i * 64) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
    }

    private void Spread(CallGraph graph, int entry, int row, int[] position, Scratch s, List<int> workflows)
    {
        var start = (long)row * _words;

        // Reached through any edge, then through synchronous calls only.
        var reached = Reach(graph, entry, _ => true, s.Reached, s.Mark, ++s.Generation);
        var sync = Reach(graph, entry, e => e.Kind == EdgeKind.Sync, s.SyncReached, s.Mark, ++s.Generation);
        foreach (var op in reached)
        {
            _any[start + (op >> 6)] |= 1UL << (op & 63);
        }

        foreach (var op in sync)
        {
            _sync[start + (op >> 6)] |= 1UL << (op & 63);
        }

        // The reached operations in topological order: sorted when few, else filtered from the whole order.
        var ordered = s.Ordered;
        ordered.Clear();
        if ((long)reached.Count * (BitOperations.Log2((uint)reached.Count) + 1) < graph.Operations.Length)
        {
            ordered.AddRange(reached);
            ordered.Sort((a, b) => position[a].CompareTo(position[b]));
        }
        else
        {
            var generation = ++s.Generation;
            foreach (var op in reached)
            {
                s.Mark[op] = generation;
            }

            foreach (var op in graph.Order)
            {
                if (s.Mark[op] == generation)
                {
                    ordered.Add(op);
                }
            }
        }

        // Shares as the composition counts them, so a failure takes what it costs the workflow's availability.
        AvailabilityModel.Spread(graph, entry, ordered, AvailabilityModel.IsHardDependency, s.Hard, null, exposed: true);
        AvailabilityModel.Spread(graph, entry, ordered, _ => true, s.Any, null, exposed: true);

        // Per component: 1 - product of (1 - share) over its operations the workflow runs, in operation order.
        var touched = s.Touched;
        touched.Clear();
        reached.Sort();
        foreach (var op in reached)
        {
            var c = graph.ComponentOf[op];
            if (s.ComponentGeneration[c] != s.Generation)
            {
                s.ComponentGeneration[c] = s.Generation;
                s.NoneHard[c] = 1;
                s.NoneAny[c] = 1;
                s.Fails[c] = false;
                touched.Add(c);
            }

            if (s.Hard[op] > 0)
            {
                _hard[start + (op >> 6)] |= 1UL << (op & 63);
                s.Fails[c] = true;
            }

            s.NoneHard[c] *= 1 - s.Hard[op];
            s.NoneAny[c] *= 1 - s.Any[op];
        }

        foreach (var c in touched)
        {
            foreach (var w in workflows)
            {
                _touches[c].Add(new ComponentTouch(w, 1 - s.NoneHard[c], 1 - s.NoneAny[c], s.Fails[c]));
            }
        }

        foreach (var op in reached)
        {
            s.Hard[op] = 0;
            s.Any[op] = 0;
        }
    }

    private static List<int> Reach(CallGraph graph, int entry, Func<CallEdge, bool> follow, List<int> result, int[] mark, int generation)
    {
        result.Clear();
        mark[entry] = generation;
        result.Add(entry);
        for (var i = 0; i < result.Count; i++)
        {
            foreach (var e in graph.Outgoing[result[i]])
            {
                var edge = graph.Edges[e];
                if (mark[edge.To] != generation && follow(edge))
                {
                    mark[edge.To] = generation;
                    result.Add(edge.To);
                }
            }
        }

        return result;
    }

    /// <summary>Arrays one entry's spread works in, cleared for the next by the generation stamp or by hand.</summary>
    private sealed class Scratch(int operations, int components)
    {
        public int[] Mark { get; } = new int[operations];

        public int Generation { get; set; }

        public List<int> Reached { get; } = [];

        public List<int> SyncReached { get; } = [];

        public List<int> Ordered { get; } = [];

        public double[] Hard { get; } = new double[operations];

        public double[] Any { get; } = new double[operations];

        public int[] ComponentGeneration { get; } = new int[components];

        public double[] NoneHard { get; } = new double[components];

        public double[] NoneAny { get; } = new double[components];

        public bool[] Fails { get; } = new bool[components];

        public List<int> Touched { get; } = [];
    }
}
