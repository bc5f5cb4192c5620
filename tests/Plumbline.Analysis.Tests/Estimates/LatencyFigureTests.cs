using Plumbline.Analysis.Estimates;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>
/// What a workflow's latency figure is worked from (each operation's own percentile and their plain sum, which percentiles
/// do not obey) and the notes on latencies the design leaves unstated.
/// </summary>
public sealed class LatencyFigureTests
{
    private static EstimateReport Estimate(string components) => Estimator.Estimate(TestDesigns.Load($"""
        plumbline: 1
        system: {"{"} name: t {"}"}
        requirements: {"{"} peak_to_average: 2 {"}"}
        workflows:
          read: {"{"} entry: api.get, rate: 10/s {"}"}
        components:
        {components}
        """));

    [Fact]
    public void A_path_s_percentile_lists_each_own_percentile_and_their_sum()
    {
        var report = Estimate("""
              api: { kind: service, operations: { get: { latency: { p50: 10ms, p99: 60ms }, calls: [ { to: db.get, timeout: 1s } ] } } }
              db: { kind: database, operations: { get: { latency: { p50: 2ms, p99: 15ms } } } }
            """);
        var read = report.Latency.Single();

        // Own p50s 10 ms and 2 ms, 12 ms added; own p99s 60 ms and 15 ms, 75 ms added.
        Assert.Equal([0.010, 0.002, 0.012], read.P50.Inputs.Select(i => Math.Round(i.Value, 9)));
        Assert.Equal("sum of the own p50s above (percentiles do not add)", read.P50.Inputs[2].Name);
        Assert.Equal([0.060, 0.015, 0.075], read.P99.Inputs.Select(i => Math.Round(i.Value, 9)));
        Assert.Equal("/components/api/operations/get/latency/p50", read.P50.Inputs[0].Source);
        Assert.False(read.P999.IsKnown);
        Assert.DoesNotContain(report.Notes, n => n.StartsWith("Latency:", StringComparison.Ordinal));
    }

    [Fact]
    public void Unstated_and_single_figure_latencies_are_noted()
    {
        var report = Estimate("""
              api: { kind: service, operations: { get: { latency: { p50: 10ms }, calls: [ { to: db.get, timeout: 1s }, { to: cache.get, timeout: 1s } ] } } }
              db: { kind: database, operations: { get: {} } }
              cache: { kind: cache, operations: { get: {} } }
            """);

        Assert.Contains("Latency: 2 operation(s) on synchronous paths state no latency, so their own time counts as 0: db.get, cache.get.", report.Notes);
        Assert.Contains(report.Notes, n => n.StartsWith("Latency: 1 operation(s) state one figure, so an exponential shape is assumed: api.get (", StringComparison.Ordinal));
        var read = report.Latency.Single();
        Assert.Equal(0, read.P50.Inputs[1].Value);
        Assert.Equal("db.get own time (none stated: 0)", read.P50.Inputs[1].Name);
    }

    [Fact]
    public void A_single_operation_path_has_no_sum_input_and_p999_appears_when_stated()
    {
        var read = Estimate("""
              api: { kind: service, operations: { get: { latency: { p50: 10ms, p99: 60ms, p999: 200ms } } } }
            """).Latency.Single();

        Assert.Single(read.P50.Inputs);
        Assert.Equal(0.010, read.P50.Inputs[0].Value, 9);
        Assert.True(read.P999.IsKnown);
        Assert.Equal(0.200, read.P999.Inputs.Single().Value, 9);
        Assert.True(read.PeakP999.IsKnown);
    }
}
