using Plumbline.Analysis.Graph;
using Plumbline.Analysis.Latency;
using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Analysis.Tests.Latency;

/// <summary>
/// A path's latency composed over the call graph, on constant service times, so every figure is worked out by hand: a sum
/// of constants is a constant, the slowest of constants is the largest, and a call made with a probability is two points.
/// </summary>
public sealed class PathLatencyTests
{
    private const double Ms = 1e-3;

    /// <summary>Each operation's own time, a constant: a 10ms, b 5ms, c 3ms, d 7ms, e 2ms, anything else 1ms.</summary>
    private static readonly Dictionary<string, double> OwnMs = new() { ["a"] = 10, ["b"] = 5, ["c"] = 3, ["d"] = 7, ["e"] = 2 };

    private static Func<int, LatencyDistribution> Own(CallGraph graph) =>
        op => LatencyDistribution.Point(OwnMs.GetValueOrDefault(graph.Operations[op].Component, 1) * Ms);

    private static int Op(CallGraph graph, string component, string operation = "run") =>
        graph.IndexOf(new OperationRef(component, operation));

    private static CallGraph Graph(string components) => CallGraph.Build(DesignKit.Load($"""
        plumbline: 1
        system: {"{ name: path }"}
        components:
        {components}
        """));

    private static PathLatency Compose(CallGraph graph, IEnumerable<int> entries, Func<CallEdge, double>? probability = null,
        Func<int, LatencyDistribution?>? wait = null) =>
        PathLatency.Compose(graph, Own(graph), entries, probability ?? (_ => 1), wait ?? (_ => LatencyDistribution.Zero), new LatencyGrid(64));

    [Fact]
    public void Calls_add_up_in_order_and_a_run_of_parallel_calls_takes_its_slowest()
    {
        // a's own 10ms, then b (5ms), then c and two of d at once (max(3, 7, 7) = 7ms), then e three times in a row (3 x 2 = 6ms):
        // 10 + 5 + 7 + 6 = 28ms. Parallel calls added instead would be 31ms; the run's end missed (e dropped), 22ms.
        var graph = Graph("""
              a:
                kind: service
                operations:
                  run:
                    calls:
                      - { to: b.run }
                      - { to: c.run, parallel: true }
                      - { to: d.run, parallel: true, count: 2 }
                      - { to: e.run, count: 3 }
              b: { kind: service, operations: { run: {} } }
              c: { kind: service, operations: { run: {} } }
              d: { kind: service, operations: { run: {} } }
              e: { kind: service, operations: { run: {} } }
            """);
        var path = Compose(graph, [Op(graph, "a")]);

        var a = path.Of(Op(graph, "a"))!;
        Assert.True(a.IsPoint);
        Assert.Equal(28 * Ms, a.Origin, 1e-15);
        Assert.Empty(path.Cycles);
        Assert.False(path.IsUnbounded(Op(graph, "a")));
    }

    [Fact]
    public void A_parallel_run_ends_at_the_first_call_that_is_not_parallel_and_starts_again_after_it()
    {
        // c (3ms) and d (7ms) at once, then b (5ms), then d and e at once (max(7, 2) = 7ms): 10 + 7 + 5 + 7 = 29ms.
        // One run of all four parallel calls would be 10 + 7 + 5 = 22ms.
        var graph = Graph("""
              a:
                kind: service
                operations:
                  run:
                    calls:
                      - { to: c.run, parallel: true }
                      - { to: d.run, parallel: true }
                      - { to: b.run }
                      - { to: d.run, parallel: true }
                      - { to: e.run, parallel: true }
              b: { kind: service, operations: { run: {} } }
              c: { kind: service, operations: { run: {} } }
              d: { kind: service, operations: { run: {} } }
              e: { kind: service, operations: { run: {} } }
            """);

        Assert.Equal(29 * Ms, Compose(graph, [Op(graph, "a")]).Of(Op(graph, "a"))!.Origin, 1e-15);
    }

    [Fact]
    public void A_call_made_with_a_probability_mixes_its_latency_with_zero_and_the_probability_is_clamped()
    {
        // b (5ms) on 25% of a's requests: a is 10ms with probability 0.75 and 15ms with 0.25, mean 10 + 0.25 x 5 = 11.25ms,
        // and 75% of requests take 10ms at most: Cdf(12.5ms) = 0.75 (no mass between the two points).
        var graph = Graph("""
              a: { kind: service, operations: { run: { calls: [ { to: b.run } ] } } }
              b: { kind: service, operations: { run: {} } }
            """);
        var a = Op(graph, "a");

        var quarter = Compose(graph, [a], _ => 0.25).Of(a)!;
        Assert.Equal(11.25 * Ms, quarter.Mean, 1e-12);
        Assert.Equal(0.75, quarter.Cdf(12.5 * Ms), 1e-12);

        // A probability above 1 counts as 1 (15ms every time), below 0 as 0 (a alone, 10ms).
        Assert.Equal(15 * Ms, Compose(graph, [a], _ => 1.5).Of(a)!.Origin, 1e-15);
        Assert.Equal(10 * Ms, Compose(graph, [a], _ => -0.5).Of(a)!.Origin, 1e-15);
    }

    [Fact]
    public void A_fractional_count_mixes_the_whole_counts_either_side()
    {
        // e (2ms) 1.5 times in a row: once on half the requests, twice on the other half. a is 10 + 2 = 12ms or 10 + 4 = 14ms,
        // mean 13ms, and half the requests take 12ms at most (Cdf(13ms) = 0.5). In parallel, 1.5 copies of 2ms take 2ms either
        // way: p is its own 1ms + 2ms = 3ms exactly. And h makes 0.5 of a call: none on half the requests, one on the other:
        // 1 or 3ms, mean 2ms.
        var graph = Graph("""
              a: { kind: service, operations: { run: { calls: [ { to: e.run, count: 1.5 } ] } } }
              p: { kind: service, operations: { run: { calls: [ { to: e.run, count: 1.5, parallel: true } ] } } }
              h: { kind: service, operations: { run: { calls: [ { to: e.run, count: 0.5 } ] } } }
              e: { kind: service, operations: { run: {} } }
            """);
        var a = Op(graph, "a");
        var p = Op(graph, "p");
        var h = Op(graph, "h");
        var path = Compose(graph, [a, p, h]);

        Assert.Equal(13 * Ms, path.Of(a)!.Mean, 1e-12);
        Assert.Equal(0.5, path.Of(a)!.Cdf(13 * Ms), 1e-12);
        Assert.True(path.Of(p)!.IsPoint);
        Assert.Equal(3 * Ms, path.Of(p)!.Origin, 1e-15);
        Assert.Equal(2 * Ms, path.Of(h)!.Mean, 1e-12);
    }

    [Fact]
    public void The_components_wait_comes_first_and_is_asked_once_per_component()
    {
        // a's component waits 4ms, b's 6ms: a = 4 + 10 + (6 + 5) = 25ms. a calls b twice, and b's component has a second
        // operation a also calls: the wait of each component is asked once, the own time of each operation once.
        var graph = Graph("""
              a: { kind: service, operations: { run: { calls: [ { to: b.run }, { to: b.other } ] } } }
              b: { kind: service, operations: { run: {}, other: {} } }
            """);
        var asked = new List<int>();
        var owned = new List<int>();
        var own = Own(graph);
        var b = graph.ComponentOf[Op(graph, "b")];
        var path = PathLatency.Compose(graph, op => { owned.Add(op); return own(op); }, [Op(graph, "a")], _ => 1,
            component => { asked.Add(component); return LatencyDistribution.Point((component == b ? 6 : 4) * Ms); }, new LatencyGrid(64));

        // b.other's own time is 5ms too (component b): 4 + 10 + (6 + 5) + (6 + 5) = 36ms.
        Assert.Equal(36 * Ms, path.Of(Op(graph, "a"))!.Origin, 1e-15);
        Assert.Equal(2, asked.Count);
        Assert.Equal(asked.Distinct().Count(), asked.Count);
        Assert.Equal(3, owned.Count);
    }

    [Fact]
    public void A_callee_behind_an_unbounded_queue_makes_its_callers_unbounded_unless_a_timeout_gives_up()
    {
        // b's queue grows without bound. a waits on it with no timeout: a is unbounded too. t calls b with a timeout of 100ms
        // and two retries, delays of 10ms and 20ms (linear from 10ms): every attempt times out, and t gives up after
        // 3 x 100 + 10 + 20 = 330ms, plus its own 1ms: 331ms. x calls t: 1 + 331 = 332ms.
        var graph = Graph("""
              a: { kind: service, operations: { run: { calls: [ { to: b.run } ] } } }
              t: { kind: service, operations: { run: { calls: [ { to: b.run, timeout: 100ms, retries: { max: 2, backoff: linear, base: 10ms } } ] } } }
              x: { kind: service, operations: { run: { calls: [ { to: t.run } ] } } }
              b: { kind: service, operations: { run: {} } }
            """);
        var b = Op(graph, "b");
        var queue = graph.ComponentOf[b];
        var path = Compose(graph, [Op(graph, "a"), Op(graph, "x")], wait: c => c == queue ? null : LatencyDistribution.Zero);

        Assert.True(path.IsUnbounded(b));
        Assert.Null(path.Of(b));
        Assert.True(path.IsUnbounded(Op(graph, "a")));
        Assert.Null(path.Of(Op(graph, "a")));
        Assert.False(path.IsUnbounded(Op(graph, "t")));
        Assert.Equal(332 * Ms, path.Of(Op(graph, "x"))!.Origin, 1e-12);

        // Made on 40% of requests, the give-up is mixed with zero: x is 1 + 1 + 330 on 40%, mean 2 + 0.4 x 330 = 134ms.
        var sometimes = Compose(graph, [Op(graph, "x")], e => graph.Operations[e.To].Component == "b" ? 0.4 : 1,
            c => c == queue ? null : LatencyDistribution.Zero);
        Assert.Equal(134 * Ms, sometimes.Of(Op(graph, "x"))!.Mean, 1e-9);
    }

    [Fact]
    public void A_parallel_call_to_an_unbounded_callee_makes_the_caller_unbounded()
    {
        // c (3ms) and b (unbounded, no timeout) at once: the run waits forever, and so does a.
        var graph = Graph("""
              a: { kind: service, operations: { run: { calls: [ { to: c.run, parallel: true }, { to: b.run, parallel: true } ] } } }
              b: { kind: service, operations: { run: {} } }
              c: { kind: service, operations: { run: {} } }
            """);
        var queue = graph.ComponentOf[Op(graph, "b")];
        var path = Compose(graph, [Op(graph, "a")], wait: c => c == queue ? null : LatencyDistribution.Zero);

        Assert.True(path.IsUnbounded(Op(graph, "a")));
        Assert.Null(path.Of(Op(graph, "a")));
    }

    [Fact]
    public void Only_what_the_entries_reach_by_synchronous_calls_is_composed_and_only_the_entries_are_kept()
    {
        // a calls b and hands off to q asynchronously; z is reached by nothing. b is composed into a, then let go (not an
        // entry); q and z are not reached. a = 10 + 5 = 15ms.
        var graph = Graph("""
              a: { kind: service, operations: { run: { calls: [ { to: b.run }, { to: q.put, async: true } ] } } }
              b: { kind: service, operations: { run: {} } }
              q: { kind: queue, dead_letter: true, operations: { put: { type: write, idempotent: true } } }
              z: { kind: service, operations: { run: {} } }
            """);
        var a = Op(graph, "a");
        var b = Op(graph, "b");
        var path = Compose(graph, [a]);

        Assert.Equal(15 * Ms, path.Of(a)!.Origin, 1e-15);
        Assert.Empty(path.Cycles);
        Assert.True(path.IsReached(a));
        Assert.True(path.IsReached(b));
        Assert.Null(path.Of(b));
        Assert.False(path.IsReached(Op(graph, "q", "put")));
        Assert.False(path.IsReached(Op(graph, "z")));
        Assert.Null(path.Of(Op(graph, "z")));

        // b as an entry too is kept, 5ms.
        Assert.Equal(5 * Ms, Compose(graph, [a, b]).Of(b)!.Origin, 1e-15);
    }

    [Fact]
    public void Entries_outside_the_graph_are_ignored()
    {
        var graph = Graph("""
              a: { kind: service, operations: { run: { calls: [ { to: b.run } ] } } }
              b: { kind: service, operations: { run: {} } }
            """);
        var n = graph.Operations.Length;

        var reached = PathLatency.Reached(graph, [-1, n, Op(graph, "b")]);
        Assert.Equal([false, true], [reached[Op(graph, "a")], reached[Op(graph, "b")]]);
        var path = Compose(graph, [-1, n, Op(graph, "b")]);
        Assert.Equal(5 * Ms, path.Of(Op(graph, "b"))!.Origin, 1e-15);
        Assert.False(path.IsReached(Op(graph, "a")));
    }

    [Fact]
    public void A_synchronous_loop_counts_the_callee_it_comes_back_to_as_zero()
    {
        // a -> b -> a, which the validator reports (PL3003) and the graph still holds: the call that closes the loop counts
        // as 0. Whichever of the two is composed first, its call back is the zero and the other is the sum: 10 + 5 = 15ms for
        // the one composed last, its own time alone for the other, and the loop is reported once, from the caller of the zero.
        var design = DesignLoader.LoadText("loop.yaml", """
            plumbline: 1
            system: { name: loop }
            components:
              a: { kind: service, operations: { run: { calls: [ { to: b.run } ] } } }
              b: { kind: service, operations: { run: { calls: [ { to: a.run } ] } } }
            """).Design;
        Assert.NotNull(design);
        var graph = CallGraph.Build(design);
        var a = Op(graph, "a");
        var b = Op(graph, "b");
        var path = Compose(graph, [a, b]);

        var cycle = Assert.Single(path.Cycles);
        var other = cycle == a ? b : a;
        Assert.Equal(OwnMs[graph.Operations[cycle].Component] * Ms, path.Of(cycle)!.Origin, 1e-15);
        Assert.Equal(15 * Ms, path.Of(other)!.Origin, 1e-15);
    }

    [Fact]
    public void Operations_composed_from_the_same_inputs_share_one_distribution_and_any_difference_keeps_them_apart()
    {
        // Each sN calls the leaf l once through a timeout of 20ms and one retry, unless said otherwise. s1 and s2 are twins
        // (one distribution, shared); each other differs from s1 in one thing the composition reads, and must keep its own
        // figures: those of it composed alone. A leaf of 64 cells from 2 to 15ms (log-normal through p50 2ms, p99 15ms).
        var graph = Graph("""
              s1: { kind: service, operations: { run: { calls: [ { to: l.run, timeout: 20ms, retries: 1 } ] } } }
              s2: { kind: service, operations: { run: { calls: [ { to: l.run, timeout: 20ms, retries: 1 } ] } } }
              s3: { kind: service, operations: { run: { calls: [ { to: l.run, timeout: 10ms, retries: 1 } ] } } }
              s4: { kind: service, operations: { run: { calls: [ { to: l.run, timeout: 20ms, retries: 2 } ] } } }
              s5: { kind: service, operations: { run: { calls: [ { to: l.run, timeout: 20ms, retries: 1, count: 2 } ] } } }
              s6: { kind: service, operations: { run: { calls: [ { to: l.run, timeout: 20ms, retries: 1, count: 2, parallel: true } ] } } }
              s7: { kind: service, operations: { run: { calls: [ { to: l.run, timeout: 20ms, retries: 1 } ] } } }
              s8: { kind: service, operations: { run: { calls: [ { to: l.run, timeout: 20ms, retries: 1 }, { to: q.put, async: true } ] } } }
              l: { kind: service, operations: { run: {} } }
              q: { kind: queue, dead_letter: true, operations: { put: { type: write, idempotent: true } } }
            """);
        var grid = new LatencyGrid(64);
        var leaf = LatencyDistribution.Of(ServiceTime.LogNormalThrough(0.5, 2 * Ms, 0.99, 15 * Ms), grid);
        var zero = LatencyDistribution.Zero;
        var s7 = Op(graph, "s7");
        int S(int k) => Op(graph, $"s{k}");

        // s7's call is made on half the requests.
        PathLatency Compose(params int[] entries) => PathLatency.Compose(graph, _ => leaf, entries.Select(S), e => e.From == s7 ? 0.5 : 1,
            _ => zero, grid);

        var all = Compose(1, 2, 3, 4, 5, 6, 7, 8);
        Assert.Same(all.Of(S(1)), all.Of(S(2)));
        foreach (var k in new[] { 3, 4, 5, 6, 7 })
        {
            Assert.NotSame(all.Of(S(1)), all.Of(S(k)));
            var alone = Compose(k).Of(S(k))!;
            Assert.Equal(alone.Mean, all.Of(S(k))!.Mean);
            Assert.Equal(alone.Quantile(0.99), all.Of(S(k))!.Quantile(0.99));
        }

        // An asynchronous hand-off is a step of its own in the key, but adds no time: s8's figures are s1's.
        Assert.Equal(all.Of(S(1))!.Mean, all.Of(S(8))!.Mean);
    }

    [Fact]
    public void A_different_wait_or_own_time_keeps_operations_apart()
    {
        // Two twins in different components: with the same wait and own time they share one distribution; with another wait
        // (4ms for u's component), u is 4ms slower; with another own time (3ms for v), v is 3ms - 1ms = 2ms slower.
        var graph = Graph("""
              t: { kind: service, operations: { run: { calls: [ { to: l.run } ] } } }
              u: { kind: service, operations: { run: { calls: [ { to: l.run } ] } } }
              v: { kind: service, operations: { run: { calls: [ { to: l.run } ] } } }
              l: { kind: service, operations: { run: {} } }
            """);
        int O(string c) => Op(graph, c);
        var one = LatencyDistribution.Point(1 * Ms);
        var three = LatencyDistribution.Point(3 * Ms);
        var wait = LatencyDistribution.Point(4 * Ms);
        var uComponent = graph.ComponentOf[O("u")];
        var path = PathLatency.Compose(graph, op => op == O("v") ? three : one, [O("t"), O("u"), O("v")], _ => 1,
            c => c == uComponent ? wait : LatencyDistribution.Zero, new LatencyGrid(64));

        Assert.Equal(2 * Ms, path.Of(O("t"))!.Origin, 1e-15);
        Assert.Equal(6 * Ms, path.Of(O("u"))!.Origin, 1e-15);
        Assert.Equal(4 * Ms, path.Of(O("v"))!.Origin, 1e-15);
    }

    [Fact]
    public void Missing_inputs_are_refused_by_name()
    {
        var graph = Graph("""
              a: { kind: service, operations: { run: { calls: [ { to: b.run } ] } } }
              b: { kind: service, operations: { run: {} } }
            """);
        var own = Own(graph);
        int[] entries = [Op(graph, "a")];
        Func<CallEdge, double> one = _ => 1;
        Func<int, LatencyDistribution?> none = _ => LatencyDistribution.Zero;
        Assert.Equal("graph", Assert.Throws<ArgumentNullException>(() => PathLatency.Compose(null!, own, entries, one, none)).ParamName);
        Assert.Equal("own", Assert.Throws<ArgumentNullException>(() => PathLatency.Compose(graph, null!, entries, one, none)).ParamName);
        Assert.Equal("entries", Assert.Throws<ArgumentNullException>(() => PathLatency.Compose(graph, own, null!, one, none)).ParamName);
        Assert.Equal("probability", Assert.Throws<ArgumentNullException>(() => PathLatency.Compose(graph, own, entries, null!, none)).ParamName);
        Assert.Equal("queueWait", Assert.Throws<ArgumentNullException>(() => PathLatency.Compose(graph, own, entries, one, null!)).ParamName);
    }

    [Fact]
    public void The_grid_given_is_the_grid_used_and_the_default_holds_1024_cells()
    {
        // a's own time is a uniform from 2 to 6ms on 256 cells (step 4/256ms), b's from 1 to 9ms (step 8/256ms). a's time is
        // moved onto b's step: 255 x 0.5 = 127.5 steps, 129 cells; the sum holds 129 + 256 - 1 = 384 cells, mean 4 + 5 = 9ms.
        // The default grid of 1,024 cells keeps them; a grid of 64 re-spaces them onto 64.
        var graph = Graph("""
              a: { kind: service, operations: { run: { calls: [ { to: b.run } ] } } }
              b: { kind: service, operations: { run: {} } }
            """);
        var a = Op(graph, "a");
        var wide = LatencyDistribution.Of(ServiceTime.Uniform(2 * Ms, 6 * Ms), new LatencyGrid(256));
        var b = LatencyDistribution.Of(ServiceTime.Uniform(1 * Ms, 9 * Ms), new LatencyGrid(256));
        Func<int, LatencyDistribution> own = op => op == a ? wide : b;

        var coarse = PathLatency.Compose(graph, own, [a], _ => 1, _ => LatencyDistribution.Zero, new LatencyGrid(64)).Of(a)!;
        Assert.Equal(64, coarse.Cells);
        var fine = PathLatency.Compose(graph, own, [a], _ => 1, _ => LatencyDistribution.Zero).Of(a)!;
        Assert.Equal(384, fine.Cells);
        Assert.Equal(9 * Ms, fine.Mean, 1e-14);
    }

    [Fact]
    public void A_callee_that_is_also_an_entry_is_kept_whatever_its_place_in_the_graph()
    {
        // b is the first operation of the design (index 0) and is called by a: as an entry, it is kept, 5ms.
        var graph = Graph("""
              b: { kind: service, operations: { run: {} } }
              a: { kind: service, operations: { run: { calls: [ { to: b.run } ] } } }
            """);
        Assert.Equal(0, Op(graph, "b"));
        var path = Compose(graph, [Op(graph, "a"), Op(graph, "b")]);
        Assert.Equal(5 * Ms, path.Of(Op(graph, "b"))!.Origin, 1e-15);
        Assert.Equal(15 * Ms, path.Of(Op(graph, "a"))!.Origin, 1e-15);
    }
}
