using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Estimates.Figures;
using Plumbline.Analysis.Latency;
using Xunit;

namespace Plumbline.Analysis.Tests.Latency;

/// <summary>The estimate's per-workflow latency: the path read from the design and composed as the library composes it by hand.</summary>
public sealed class WorkflowLatencyTests
{
    private const double Ms = 1e-3;

    private const string Design = """
        plumbline: 1
        system: { name: shop }
        workflows:
          checkout: { entry: api.checkout, rate: 20/s }
        components:
          api:
            kind: service
            operations:
              checkout:
                latency: { p50: 10ms, p99: 60ms }
                calls:
                  - { to: fraud.score, probability: 30%, timeout: 100ms }
                  - { to: stock.reserve, timeout: 100ms, parallel: true }
                  - { to: prices.quote, timeout: 100ms, parallel: true, count: 2 }
          fraud:
            kind: service
            operations:
              score: { latency: { p50: 5ms, p99: 20ms } }
          stock:
            kind: service
            operations:
              reserve: { latency: { p50: 2ms, p99: 15ms } }
          prices:
            kind: service
            operations:
              quote: { latency: { p50: 1ms, p99: 8ms } }
        slos:
          - { name: checkout-latency, workflow: checkout, sli: latency, objective: 99%, threshold: 50ms }
        """;

    [Fact]
    public void A_workflow_path_is_composed_in_series_with_its_probable_and_parallel_calls()
    {
        var report = Estimator.Estimate(TestDesigns.Load(Design));
        var latency = Assert.Single(report.Latency);

        // By hand with the library: api's own time, then fraud on 30% of requests, then stock and two
        // price quotes at once (three calls in parallel, the slowest deciding). Timeouts of 100ms cut
        // nothing that matters here (each callee's p99 is far below).
        var grid = LatencyFigures.Grid;
        LatencyDistribution Fit(double p50, double p99) => LatencyDistribution.Of(ServiceTime.LogNormalThrough(0.5, p50 * Ms, 0.99, p99 * Ms), grid);
        var timeout = new RetryShape(1, 100 * Ms, []);
        var expected = LatencyDistribution.Series(
        [
            Fit(10, 60),
            LatencyDistribution.Maybe(0.3, LatencyDistribution.WithRetries(Fit(5, 20), timeout, grid), grid),
            LatencyDistribution.Max(
                LatencyDistribution.WithRetries(Fit(2, 15), timeout, grid),
                LatencyDistribution.MaxOf(LatencyDistribution.WithRetries(Fit(1, 8), timeout, grid), 2, grid),
                grid),
        ], grid);

        Assert.Equal(expected.Quantile(0.5), latency.P50.Value!.Value, 1e-9);
        Assert.Equal(expected.Quantile(0.99), latency.P99.Value!.Value, 1e-9);
        Assert.False(latency.P999.IsKnown);

        // The objective: p99 against 50ms; with no capacity stated there is no queueing.
        var objective = Assert.Single(latency.Objectives);
        Assert.Equal(latency.P99.Value, objective.Average.Value);
        Assert.False(objective.Meets);
        Assert.Equal(0, latency.QueueingAverage.Value);
        Assert.Contains(latency.P99.Inputs, i => i.Name == "api.checkout own p99" && i.Value == 60 * Ms && i.Line > 0);
    }

    [Fact]
    public void Queueing_follows_erlang_c_at_the_stated_capacity_and_instances()
    {
        // 4 instances of 100/s at 300/s average: A = 3 erlangs, C(4, 3) = 0.5094 (27/53), mean wait C / (400 - 300).
        var report = Estimator.Estimate(TestDesigns.Load("""
            plumbline: 1
            system: { name: q }
            requirements: { peak_to_average: 1.2 }
            workflows:
              read: { entry: api.get, rate: 300/s }
            components:
              api:
                kind: service
                instances: 4
                capacity: 100/s
                operations:
                  get: { latency: { p50: 5ms, p99: 20ms } }
            """));
        var queue = Assert.Single(report.Queueing);
        Assert.Equal(27.0 / 53, queue.AverageWaitProbability.Value!.Value, 1e-12);
        Assert.Equal(27.0 / 53 / 100, queue.AverageWait.Value!.Value, 1e-12);
        var latency = Assert.Single(report.Latency);
        Assert.Equal(27.0 / 53 / 100, latency.QueueingAverage.Value!.Value, 1e-4);
        Assert.True(latency.PeakP99.Value > latency.P99.Value);
    }

    [Theory]
    [InlineData(512)]
    [InlineData(1024)]
    public void The_estimate_grid_stays_within_a_fraction_of_a_percent_of_closed_forms(int cells)
    {
        var grid = new LatencyGrid(cells);
        double l1 = 1 / (10 * Ms), l2 = 1 / (30 * Ms);
        var sum = LatencyDistribution.Series(LatencyDistribution.Of(ServiceTime.Exponential(10 * Ms), grid), LatencyDistribution.Of(ServiceTime.Exponential(30 * Ms), grid), grid);
        var logNormal = ServiceTime.LogNormalThrough(0.5, 10 * Ms, 0.99, 60 * Ms);
        var shifted = LatencyDistribution.Series(LatencyDistribution.Point(5 * Ms), LatencyDistribution.Of(logNormal, grid), grid);
        foreach (var p in new[] { 0.5, 0.99, 0.999 })
        {
            var hypo = Bisect(t => 1 - (((l2 * Math.Exp(-l1 * t)) - (l1 * Math.Exp(-l2 * t))) / (l2 - l1)), p);
            Assert.True(Math.Abs(sum.Quantile(p) - hypo) <= 0.002 * hypo, $"hypoexponential p{p}: {sum.Quantile(p)} vs {hypo}");
            var expected = (5 * Ms) + logNormal.Quantile(p);
            Assert.True(Math.Abs(shifted.Quantile(p) - expected) <= 0.002 * expected, $"shifted log-normal p{p}: {shifted.Quantile(p)} vs {expected}");
        }
    }

    private static double Bisect(Func<double, double> cdf, double p)
    {
        double lo = 0, hi = 10;
        for (var i = 0; i < 200; i++)
        {
            var mid = (lo + hi) / 2;
            (lo, hi) = cdf(mid) < p ? (mid, hi) : (lo, mid);
        }

        return (lo + hi) / 2;
    }

    [Theory]
    [InlineData(1, 4096)]
    [InlineData(1024, 4096)]
    [InlineData(1025, 2048)]   // 4,096 x 1,024 / 1,025 = 4,092: the power of two below is 2,048
    [InlineData(2048, 2048)]
    [InlineData(2049, 1024)]
    [InlineData(8192, 512)]
    [InlineData(16384, 256)]
    [InlineData(40000, 256)]  // 104.9, held at the coarsest grid
    public void The_grid_coarsens_past_1024_steps_to_keep_the_work_in_proportion(int steps, int cells)
    {
        Assert.Equal(cells, LatencyFigures.GridFor(steps).Cells);
    }

    [Fact]
    public void A_grid_holds_16_to_65536_cells_and_refuses_more_at_once()
    {
        // A grid sized by a slip (4,096 x 1,024 / 1 step, 4.2 million cells) would cost minutes per composition: it throws.
        Assert.Equal(65_536, new LatencyGrid(LatencyGrid.MaxCells).Cells);
        Assert.Equal(16, new LatencyGrid(16).Cells);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyGrid(65_537));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyGrid(4096 * 1024));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyGrid(15));
    }

    [Fact]
    public void A_step_is_each_operation_reached_and_each_attempt_of_each_synchronous_call_out_of_it()
    {
        // a (reached) calls b with retries: 2 (3 attempts) and c once (1 attempt), and hands off to q (async, not a step):
        // a is 1 + 3 + 1 = 5 steps; b and c are 1 each; q and its consumer w are not on a synchronous path from a; z is
        // not reached. 5 + 1 + 1 = 7.
        var design = TestDesigns.Load("""
            plumbline: 1
            system: { name: steps }
            workflows:
              go: { entry: a.run, rate: 1/s }
            components:
              a:
                kind: service
                operations:
                  run:
                    calls:
                      - { to: b.get, timeout: 1s, retries: 2 }
                      - { to: c.get, timeout: 1s }
                      - { to: q.put, async: true }
              b: { kind: service, operations: { get: {} } }
              c: { kind: service, operations: { get: {} } }
              q: { kind: queue, dead_letter: true, consumers: [w.take], operations: { put: { type: write, idempotent: true } } }
              w: { kind: worker, operations: { take: { calls: [ { to: z.get, timeout: 1s, retries: 3 } ] } } }
              z: { kind: service, operations: { get: {} } }
            """);
        var graph = Plumbline.Analysis.Graph.CallGraph.Build(design);
        var reached = PathLatency.Reached(graph, [graph.IndexOf(design.Workflows[0].Entry)]);

        Assert.Equal(7, LatencyFigures.StepsOf(graph, reached));
        Assert.Equal(3, reached.Count(r => r));
    }

    [Fact]
    public void Operations_composed_from_the_same_inputs_share_one_distribution_with_the_figures_of_each_composed_alone()
    {
        // Three chains a1 -> a2 -> a3: b is a's twin, c differs only in its second call's timeout (10ms against 20ms).
        const string yaml = """
            plumbline: 1
            system: { name: twins }
            workflows:
              a: { entry: a1.op, rate: 1/s }
              b: { entry: b1.op, rate: 1/s }
              c: { entry: c1.op, rate: 1/s }
            components:
              a1: { kind: service, operations: { op: { calls: [{ to: a2.op, timeout: 50ms, retries: 1 }] } } }
              a2: { kind: service, operations: { op: { calls: [{ to: a3.op, timeout: 20ms, retries: 1 }] } } }
              a3: { kind: service, operations: { op: {} } }
              b1: { kind: service, operations: { op: { calls: [{ to: b2.op, timeout: 50ms, retries: 1 }] } } }
              b2: { kind: service, operations: { op: { calls: [{ to: b3.op, timeout: 20ms, retries: 1 }] } } }
              b3: { kind: service, operations: { op: {} } }
              c1: { kind: service, operations: { op: { calls: [{ to: c2.op, timeout: 50ms, retries: 1 }] } } }
              c2: { kind: service, operations: { op: { calls: [{ to: c3.op, timeout: 10ms, retries: 1 }] } } }
              c3: { kind: service, operations: { op: {} } }
            """;
        var graph = Plumbline.Analysis.Graph.CallGraph.Build(TestDesigns.Load(yaml));
        var grid = new LatencyGrid(256);
        var own = LatencyDistribution.Of(ServiceTime.LogNormalThrough(0.5, 2 * Ms, 0.99, 15 * Ms), grid);
        int Op(string component) => graph.IndexOf(new Plumbline.Design.Model.OperationRef(component, "op"));
        PathLatency Compose(params string[] entries) =>
            PathLatency.Compose(graph, _ => own, entries.Select(Op), _ => 1, _ => LatencyDistribution.Zero, grid);

        var all = Compose("a1", "b1", "c1");
        var aAlone = Compose("a1");
        var cAlone = Compose("c1");

        Assert.Same(all.Of(Op("a1")), all.Of(Op("b1")));
        Assert.NotSame(all.Of(Op("a1")), all.Of(Op("c1")));
        foreach (var level in new[] { 0.5, 0.99, 0.999 })
        {
            Assert.Equal(aAlone.Of(Op("a1"))!.Quantile(level), all.Of(Op("a1"))!.Quantile(level));
            Assert.Equal(cAlone.Of(Op("c1"))!.Quantile(level), all.Of(Op("c1"))!.Quantile(level));
        }

        // c2's shorter timeout (3% of attempts cut, against 0.4%) shows at p99: c is not a's distribution under another name.
        Assert.NotEqual(all.Of(Op("a1"))!.Quantile(0.99), all.Of(Op("c1"))!.Quantile(0.99));
    }
}
