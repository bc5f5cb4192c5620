using System.Collections.Immutable;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Graph;

/// <summary>How load moves along an edge of the call graph.</summary>
public enum EdgeKind
{
    /// <summary>A synchronous call: the caller waits.</summary>
    Sync,

    /// <summary>An async call: the caller hands work off and does not wait.</summary>
    Async,

    /// <summary>A queue delivering each message to one of its consumers.</summary>
    Delivery,
}

/// <summary>
/// One edge: a call, or a queue's delivery to a consumer. <see cref="BacksCache"/> is the index of
/// the cache whose misses this call serves (-1 if none); <see cref="MissOfCache"/> is the same
/// cache when the call's probability is left to the cache's hit ratio, else -1.
/// </summary>
public sealed record CallEdge(int Index, int From, int To, EdgeKind Kind, Call? Call, int MissOfCache, int BacksCache = -1)
{
    /// <summary>For a queue's delivery, the share of its messages this consumer takes (its topics or filter); 1 otherwise.</summary>
    public double Share { get; init; } = 1;
}

/// <summary>
/// The operations of a design as numbered nodes with their calls and queue deliveries as edges,
/// in an order where every caller comes before its callees. Built once per design so estimates
/// and sensitivity runs only do arithmetic over arrays.
/// </summary>
public sealed class CallGraph
{
    private ImmutableArray<ImmutableArray<int>> _operationsOf;
    private readonly int[] _position;

    private CallGraph(
        ImmutableArray<Component> components,
        ImmutableArray<Operation> operations,
        ImmutableArray<AccessType> operationTypes,
        ImmutableArray<int> componentOf,
        ImmutableArray<CallEdge> edges,
        ImmutableArray<ImmutableArray<int>> outgoing,
        ImmutableArray<ImmutableArray<int>> incoming,
        ImmutableArray<int> order,
        int[] position,
        bool hasCycle,
        Dictionary<OperationRef, int> operationIndex,
        Dictionary<string, int> componentIndex)
    {
        Components = components;
        Operations = operations;
        OperationTypes = operationTypes;
        ComponentOf = componentOf;
        Edges = edges;
        Outgoing = outgoing;
        Incoming = incoming;
        Order = order;
        _position = position;
        HasCycle = hasCycle;
        OperationIndex = operationIndex;
        ComponentIndex = componentIndex;
    }

    public ImmutableArray<Component> Components { get; }

    public ImmutableArray<Operation> Operations { get; }

    /// <summary>For each operation, whether it reads or writes (stated, or inferred from its name).</summary>
    public ImmutableArray<AccessType> OperationTypes { get; }

    /// <summary>For each operation, the index of its component.</summary>
    public ImmutableArray<int> ComponentOf { get; }

    public ImmutableArray<CallEdge> Edges { get; }

    /// <summary>For each operation, the indexes of its outgoing edges.</summary>
    public ImmutableArray<ImmutableArray<int>> Outgoing { get; }

    /// <summary>For each operation, the indexes of its incoming edges.</summary>
    public ImmutableArray<ImmutableArray<int>> Incoming { get; }

    /// <summary>Operations with every caller before its callees.</summary>
    public ImmutableArray<int> Order { get; }

    /// <summary>True when async hand-offs loop back; loads along the loop are counted once.</summary>
    public bool HasCycle { get; }

    public IReadOnlyDictionary<OperationRef, int> OperationIndex { get; }

    public IReadOnlyDictionary<string, int> ComponentIndex { get; }

    public int IndexOf(OperationRef reference) => OperationIndex.TryGetValue(reference, out var i) ? i : -1;

    /// <summary>For each component, the indexes of its operations, in file order.</summary>
    /// <remarks>Built on first use; a race builds it twice, harmlessly, since the result is the same.</remarks>
    public ImmutableArray<ImmutableArray<int>> OperationsOf =>
        _operationsOf.IsDefault ? _operationsOf = BuildOperationsOf() : _operationsOf;

    /// <summary>
    /// The operations reachable from <paramref name="entry"/> along edges of any kind, the entry included, in
    /// <see cref="Order"/>: what one request can touch, found without walking the rest of the design.
    /// </summary>
    public int[] ReachedInOrder(int entry)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entry);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(entry, Operations.Length);
        var seen = new HashSet<int> { entry };
        var stack = new Stack<int>();
        stack.Push(entry);
        while (stack.Count > 0)
        {
            foreach (var e in Outgoing[stack.Pop()])
            {
                var to = Edges[e].To;
                if (seen.Add(to))
                {
                    stack.Push(to);
                }
            }
        }

        var position = _position;
        var reached = seen.ToArray();
        Array.Sort(reached, (a, b) => position[a].CompareTo(position[b]));
        return reached;
    }

    private ImmutableArray<ImmutableArray<int>> BuildOperationsOf()
    {
        var lists = new List<int>[Components.Length];
        for (var c = 0; c < lists.Length; c++)
        {
            lists[c] = [];
        }

        for (var op = 0; op < Operations.Length; op++)
        {
            lists[ComponentOf[op]].Add(op);
        }

        return [.. lists.Select(l => l.ToImmutableArray())];
    }

    public static CallGraph Build(SystemDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        var components = design.Components;
        var componentIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var operations = ImmutableArray.CreateBuilder<Operation>();
        var componentOf = ImmutableArray.CreateBuilder<int>();
        var operationIndex = new Dictionary<OperationRef, int>();
        for (var c = 0; c < components.Length; c++)
        {
            componentIndex[components[c].Name] = c;
            foreach (var op in components[c].Operations)
            {
                operationIndex[op.Ref] = operations.Count;
                operations.Add(op);
                componentOf.Add(c);
            }
        }

        ImmutableArray<AccessType> operationTypes = [.. operations.Select(AccessInference.Infer)];
        var edges = ImmutableArray.CreateBuilder<CallEdge>();
        for (var from = 0; from < operations.Count; from++)
        {
            var op = operations[from];
            // A cache or CDN with a hit ratio calls what is behind it only on its misses.
            var ownCache = components[componentOf[from]] is { Kind: ComponentKind.Cache or ComponentKind.Cdn, HitRatio: not null } ? componentOf[from] : -1;
            var previousCache = -1;
            foreach (var call in op.Calls)
            {
                if (!operationIndex.TryGetValue(call.To, out var to))
                {
                    continue;
                }

                var calleeComponent = componentOf[to];

                // A read-through cache (or a CDN) calls its origin only on a miss; so does a caller
                // whose call follows straight after a lookup in a cache. A write to a cache (filling it, say) misses
                // nothing, so the call after it runs on every execution that reaches it.
                var backs = ownCache >= 0 ? ownCache : previousCache;
                var missOf = call.Probability is null ? backs : -1;
                edges.Add(new CallEdge(edges.Count, from, to, call.Async ? EdgeKind.Async : EdgeKind.Sync, call, missOf, backs));
                previousCache = components[calleeComponent] is { Kind: ComponentKind.Cache, HitRatio: not null } && !call.Async
                    && operationTypes[to] == AccessType.Read
                    ? calleeComponent
                    : -1;
            }
        }

        for (var c = 0; c < components.Length; c++)
        {
            if (components[c].Kind != ComponentKind.Queue)
            {
                continue;
            }

            foreach (var consumer in components[c].Consumers)
            {
                if (!operationIndex.TryGetValue(consumer, out var to))
                {
                    continue;
                }

                foreach (var queueOp in components[c].Operations)
                {
                    edges.Add(new CallEdge(edges.Count, operationIndex[queueOp.Ref], to, EdgeKind.Delivery, null, -1) { Share = components[c].ShareOf(consumer) });
                }
            }
        }

        var n = operations.Count;
        var outgoing = new List<int>[n];
        var incoming = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            outgoing[i] = [];
            incoming[i] = [];
        }

        foreach (var edge in edges)
        {
            outgoing[edge.From].Add(edge.Index);
            incoming[edge.To].Add(edge.Index);
        }

        var (order, position, hasCycle) = TopologicalOrder(n, edges, outgoing, incoming);
        return new CallGraph(
            components,
            operations.ToImmutable(),
            operationTypes,
            componentOf.ToImmutable(),
            edges.ToImmutable(),
            [.. outgoing.Select(l => l.ToImmutableArray())],
            [.. incoming.Select(l => l.ToImmutableArray())],
            order,
            position,
            hasCycle,
            operationIndex,
            componentIndex);
    }

    private static (ImmutableArray<int> Order, int[] Position, bool HasCycle) TopologicalOrder(
        int n, ImmutableArray<CallEdge>.Builder edges, List<int>[] outgoing, List<int>[] incoming)
    {
        var indegree = new int[n];
        for (var i = 0; i < n; i++)
        {
            indegree[i] = incoming[i].Count;
        }

        var queue = new Queue<int>();
        for (var i = 0; i < n; i++)
        {
            if (indegree[i] == 0)
            {
                queue.Enqueue(i);
            }
        }

        var order = ImmutableArray.CreateBuilder<int>(n);
        var placed = new bool[n];
        var lowestUnplaced = 0;
        while (order.Count < n)
        {
            if (queue.Count == 0)
            {
                // An async loop: start from the lowest unplaced node and count its loop once. Nodes are only ever
                // placed, so the lowest unplaced one moves forward: one pass over them for every loop in the design.
                while (placed[lowestUnplaced])
                {
                    lowestUnplaced++;
                }

                indegree[lowestUnplaced] = 0;
                queue.Enqueue(lowestUnplaced);
            }

            var node = queue.Dequeue();
            if (placed[node])
            {
                continue;
            }

            placed[node] = true;
            order.Add(node);
            foreach (var e in outgoing[node])
            {
                var to = edges[e].To;
                if (!placed[to] && --indegree[to] == 0)
                {
                    queue.Enqueue(to);
                }
            }
        }

        var position = new int[n];
        for (var i = 0; i < n; i++)
        {
            position[order[i]] = i;
        }

        var hasCycle = edges.Any(e => position[e.From] >= position[e.To]);
        return (order.ToImmutable(), position, hasCycle);
    }
}
