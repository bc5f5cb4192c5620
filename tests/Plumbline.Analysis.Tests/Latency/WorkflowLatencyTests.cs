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
    public void A_design_with_more_operations_on_paths_than_the_full_grid_says_how_coarse_its_latency_is()
    {
        // One operation calling 599 others in turn, each call one attempt: 600 operations and 599 attempts are 1,199 steps,
        // so 4,096 x 1,024 / 1,199 = 3,498 cells, down to 2,048.
        var yaml = new System.Text.StringBuilder("plumbline: 1\nsystem: { name: fan }\nworkflows:\n  go: { entry: hub.op, rate: 1/s }\ncomponents:\n");
        yaml.Append("  hub:\n    kind: service\n    operations:\n      op:\n        latency: { p50: 1ms, p99: 5ms }\n        calls:\n");
        for (var i = 1; i < 600; i++)
        {
            yaml.Append($"          - {{ to: be.op{i}, timeout: 10s }}\n");
        }

        yaml.Append("  be:\n    kind: service\n    operations:\n");
        for (var i = 1; i < 600; i++)
        {
            yaml.Append($"      op{i}: {{ latency: {{ p50: 1ms, p99: 5ms }} }}\n");
        }

        var report = Estimator.Estimate(TestDesigns.Load(yaml.ToString()));

        Assert.Contains(report.Notes, n => n.StartsWith("Latency: the synchronous paths compose 1,199 steps (600 operations and the attempts of their calls), more than 1,024, so each distribution is held on 2,048 cells instead of 4,096", StringComparison.Ordinal));
        // The path's p50 is still the sum's: a log-normal of median 1 ms and p99 5 ms has sigma = ln 5 / 2.3263
        // = 0.6918 and mean exp(sigma^2 / 2) = 1.2704 ms; 600 of them sum to a mean of 0.7622 s with a standard
        // deviation of sqrt(600) x 1.0164 ms = 0.0244 s, near normal, so the p50 is within a few ms of the mean.
        var p50 = Assert.Single(report.Latency).P50.Value!.Value;
        Assert.InRange(p50, 0.755, 0.765);
    }

    [Fact]
    public void Each_attempt_of_each_call_counts_as_a_step_so_a_wide_retried_fan_out_coarsens_the_grid()
    {
        // One operation making 300 calls, each with retries: 2 (3 attempts): 301 operations and 300 x 3 = 900 attempts
        // are 1,201 steps, so 4,096 x 1,024 / 1,201 = 3,492 cells, down to 2,048. Counted by operations alone (301) the
        // full grid would compose 900 attempts at 4,096 cells each.
        var yaml = new System.Text.StringBuilder("plumbline: 1\nsystem: { name: fan }\nworkflows:\n  go: { entry: hub.op, rate: 1/s }\ncomponents:\n");
        yaml.Append("  hub:\n    kind: service\n    operations:\n      op:\n        latency: { p50: 1ms, p99: 5ms }\n        calls:\n");
        for (var i = 1; i <= 300; i++)
        {
            yaml.Append($"          - {{ to: be.op{i}, timeout: 1s, retries: 2 }}\n");
        }

        yaml.Append("  be:\n    kind: service\n    operations:\n");
        for (var i = 1; i <= 300; i++)
        {
            yaml.Append($"      op{i}: {{ latency: {{ p50: 1ms, p99: 5ms }} }}\n");
        }

        var report = Estimator.Estimate(TestDesigns.Load(yaml.ToString()));

        Assert.Contains(report.Notes, n => n.StartsWith("Latency: the synchronous paths compose 1,201 steps (301 operations and the attempts of their calls), more than 1,024, so each distribution is held on 2,048 cells instead of 4,096", StringComparison.Ordinal));
    }
}
