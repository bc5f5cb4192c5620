using System.Globalization;
using System.Text;
using CsCheck;
using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Graph;
using Xunit;

namespace Plumbline.Analysis.Tests.Availability;

/// <summary>
/// The one pass over what each workflow reaches gives what the whole-graph walk per workflow gave: over random designs
/// (calls sync and async, with probabilities and fallbacks, queues delivering to consumers, workflows sharing entries,
/// from a logged seed), every workflow's reach, synchronous reach and hard operations, and every component's shares,
/// compared with <see cref="AvailabilityModel.Spread(CallGraph, int, Func{CallEdge, bool})"/> over the whole order.
/// </summary>
public sealed class WorkflowSpreadsPropertyTests
{
    private sealed record Edge(int To, bool Async, string Probability, bool Fallback);

    private sealed record Node(int Component, bool Queue, Edge[] Calls);

    private sealed record Shape(Node[] Nodes, int[] Entries);

    private static readonly Gen<Shape> Shapes =
        from n in Gen.Int[2, 12]
        from components in Gen.Int[0, 5].Array[n]
        from queues in Gen.Bool.Array[n]
        from calls in Gen.Select(Gen.Int[0, 11], Gen.Bool, Gen.OneOf("1", "0.5", "0", "0.25"), Gen.Bool).Array[0, 3].Array[n]
        from entries in Gen.Int[0, 11].Array[1, 5]
        select new Shape(
            [.. Enumerable.Range(0, n).Select(i => new Node(components[i], queues[i] && i > 0,
                [.. calls[i].Where(c => c.Item1 > i && c.Item1 < n).DistinctBy(c => c.Item1).Select(c => new Edge(c.Item1, c.Item2, c.Item3, c.Item4))]))],
            [.. entries.Select(e => e % n)]);

    [Fact]
    public void One_pass_over_each_workflows_reach_matches_the_whole_graph_walk()
    {
        Shapes.SampleReplayable(
            shape =>
            {
                var design = TestDesigns.Load(Yaml(shape));
                var graph = CallGraph.Build(design);
                var spreads = WorkflowSpreads.For(design, graph);
                var expected = new List<ComponentTouch>[graph.Components.Length];
                for (var c = 0; c < expected.Length; c++)
                {
                    expected[c] = [];
                }

                for (var w = 0; w < design.Workflows.Length; w++)
                {
                    var entry = graph.IndexOf(design.Workflows[w].Entry);
                    var hard = AvailabilityModel.Spread(graph, entry, AvailabilityModel.IsHardDependency).Share;
                    var any = AvailabilityModel.Spread(graph, entry, _ => true).Share;
                    var reached = Reach(graph, entry, _ => true);
                    var sync = Reach(graph, entry, e => e.Kind == EdgeKind.Sync);
                    for (var op = 0; op < graph.Operations.Length; op++)
                    {
                        Assert.Equal(reached[op], spreads.Reaches(w, op));
                        Assert.Equal(sync[op], spreads.WaitsOn(w, op));
                        Assert.Equal(hard[op] > 0, spreads.FailsWithout(w, op));
                    }

                    Assert.Equal(Enumerable.Range(0, graph.Operations.Length).Where(op => sync[op]), spreads.WaitedOn(w));
                    Assert.Equal(Enumerable.Range(0, graph.Operations.Length).Where(op => hard[op] > 0), spreads.FailingOperations(w));
                    for (var c = 0; c < graph.Components.Length; c++)
                    {
                        var ops = graph.OperationsOf[c];
                        if (!ops.Any(op => reached[op]))
                        {
                            continue;
                        }

                        double noneHard = 1, noneAny = 1;
                        foreach (var op in ops)
                        {
                            noneHard *= 1 - hard[op];
                            noneAny *= 1 - any[op];
                        }

                        expected[c].Add(new ComponentTouch(w, 1 - noneHard, 1 - noneAny, ops.Any(op => hard[op] > 0)));
                    }
                }

                for (var c = 0; c < graph.Components.Length; c++)
                {
                    Assert.Equal(expected[c], spreads.Touches(c));
                }
            },
            iter: 300);
    }

    private static bool[] Reach(CallGraph graph, int entry, Func<CallEdge, bool> follow)
    {
        var seen = new bool[graph.Operations.Length];
        var queue = new Queue<int>();
        seen[entry] = true;
        queue.Enqueue(entry);
        while (queue.Count > 0)
        {
            foreach (var e in graph.Outgoing[queue.Dequeue()])
            {
                if (follow(graph.Edges[e]) && !seen[graph.Edges[e].To])
                {
                    seen[graph.Edges[e].To] = true;
                    queue.Enqueue(graph.Edges[e].To);
                }
            }
        }

        return seen;
    }

    /// <summary>Operation i is <c>k{component}.o{i}</c>; a queue's operations deliver to the operations its calls name, as consumers.</summary>
    private static string Yaml(Shape shape)
    {
        string Ref(int i) => string.Create(CultureInfo.InvariantCulture, $"k{shape.Nodes[i].Component}{(shape.Nodes[i].Queue ? "q" : string.Empty)}.o{i}");
        var sb = new StringBuilder("plumbline: 1\nsystem: { name: spreads }\nworkflows:\n");
        for (var w = 0; w < shape.Entries.Length; w++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  w{w}: {{ entry: {Ref(shape.Entries[w])}, rate: 1/s }}\n");
        }

        sb.Append("components:\n");
        foreach (var group in Enumerable.Range(0, shape.Nodes.Length).GroupBy(i => (shape.Nodes[i].Component, shape.Nodes[i].Queue)))
        {
            var (component, queue) = group.Key;
            sb.Append(CultureInfo.InvariantCulture, $"  k{component}{(queue ? "q" : string.Empty)}:\n    kind: {(queue ? "queue" : "service")}\n");
            if (queue)
            {
                var consumers = group.SelectMany(i => shape.Nodes[i].Calls).Select(c => c.To).Distinct().Where(to => !shape.Nodes[to].Queue).Select(Ref).ToList();
                sb.Append("    consumers: [").AppendJoin(", ", consumers).Append("]\n");
            }

            sb.Append("    operations:\n");
            foreach (var i in group)
            {
                sb.Append(CultureInfo.InvariantCulture, $"      o{i}:\n");
                if (queue || shape.Nodes[i].Calls.Length == 0)
                {
                    sb.Append("        calls: []\n");
                    continue;
                }

                sb.Append("        calls:\n");
                foreach (var call in shape.Nodes[i].Calls)
                {
                    var fallback = call.Fallback ? ", fallback: a default" : string.Empty;
                    var mode = call.Async ? "async: true" : "timeout: 1s";
                    sb.Append(CultureInfo.InvariantCulture, $"          - {{ to: {Ref(call.To)}, {mode}, probability: {call.Probability}{fallback} }}\n");
                }
            }
        }

        return sb.ToString();
    }
}
