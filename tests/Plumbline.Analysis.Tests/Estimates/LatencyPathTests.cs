using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Estimates.Figures;
using Plumbline.Analysis.Graph;
using Xunit;
using static Plumbline.Tests.Shared.DesignBuilder;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>
/// Which queues a workflow's latency waits on and how that is listed, the path it walks, the SLOs it is held to, and the
/// grid's size, on small designs worked by hand (Erlang C with one server: the wait probability is the utilisation, the
/// mean wait that over capacity minus load).
/// </summary>
public sealed class LatencyPathTests
{
    /// <summary>The design estimated with peaks twice the average.</summary>
    private static EstimateReport Estimate(DesignBuilder design) =>
        Estimator.Estimate(TestDesigns.Load(design.With("requirements: { peak_to_average: 2 }")));

    private const string ReadWorkflow = "read: { entry: api.get, rate: 10/s }";

    /// <summary>The read workflow's latency objective: 99% under 100ms, unless another objective is given.</summary>
    private static string ReadLatency(string objective = "99%") =>
        $"slos:\n  - {{ name: read-latency, workflow: read, sli: latency, threshold: 100ms, objective: {objective}, window: 30d }}";

    /// <summary>
    /// 80/s into api (no capacity, so no queue) and one db instance serving 200/s; 160/s at peak: or as given, the db's
    /// capacity, the call's timeout, the workflow's rate and a capacity for api.
    /// </summary>
    private static DesignBuilder Queued(string capacity = "200/s", string? timeout = "1s", string rate = "rate: 80/s", string? apiCapacity = null)
    {
        var api = apiCapacity is null ? Service("api") : Service("api").With($"capacity: {apiCapacity}");
        return DesignOf(
                api.Op("get", "latency: { p50: 10ms, p99: 60ms }", Call("db.get", timeout)),
                Component("db", "database").Instances(1).With($"capacity: {capacity}").Op("get", "latency: { p50: 2ms, p99: 15ms }"))
            .Workflows($"read: {{ entry: api.get, {rate} }}")
            .With(ReadLatency());
    }

    [Fact]
    public void A_single_instance_queue_waits_as_erlang_c_says_and_its_wait_is_listed_at_its_load()
    {
        var report = Estimate(Queued());

        // db: one server at 80 / 200 = 40%: waits with probability 0.4, on average 0.4 / (200 - 80) = 1/300 s; at peak
        // 160 / 200 = 80%: 0.8 / (200 - 160) = 0.02 s.
        var db = Assert.Single(report.Queueing);
        Assert.Equal("db", db.Component);
        Assert.Equal(1, db.Servers);
        Assert.Equal(0.4, db.AverageWaitProbability.Value!.Value, 9);
        Assert.Equal(1.0 / 300, db.AverageWait.Value!.Value, 9);
        Assert.Equal(0.8, db.PeakWaitProbability.Value!.Value, 9);
        Assert.Equal(0.02, db.PeakWait.Value!.Value, 9);
        Assert.Equal([1, 200, 80], db.AverageWaitProbability.Inputs.Select(i => i.Value));
        Assert.Equal(["/components/db/instances", "/components/db/capacity", "derived"], db.AverageWaitProbability.Inputs.Select(i => i.Source));
        Assert.Equal([0.8, 1, 200, 160], db.PeakWait.Inputs.Select(i => i.Value));

        // The path's p50 lists each own p50, their sum and db's mean wait at the load of the figure.
        var read = report.Latency.Single();
        Assert.Equal([0.010, 0.002, 0.012, Math.Round(1.0 / 300, 9)], read.P50.Inputs.Select(i => Math.Round(i.Value, 9)));
        Assert.Equal("db queueing wait (mean)", read.P50.Inputs[3].Name);
        Assert.Equal([0.010, 0.002, 0.012, 0.02], read.PeakP50.Inputs.Select(i => Math.Round(i.Value, 9)));

        // What queueing adds to the mean: the path's mean with db's wait less the same without it, listed with that wait.
        var queueing = read.QueueingAverage;
        Assert.Equal(["mean latency with queueing", "mean latency without queueing", "db queueing wait (mean)"], queueing.Inputs.Select(i => i.Name));
        Assert.Equal(queueing.Inputs[0].Value - queueing.Inputs[1].Value, queueing.Value!.Value, 9);
        Assert.InRange(queueing.Value!.Value, 0.002, 1.0 / 300 + 1e-4);
        Assert.Equal(0.02, read.QueueingPeak.Inputs[2].Value, 9);

        // The SLO's figure at 99% lists its objective and threshold before the path's own p99s.
        var slo = read.Objectives.Single();
        Assert.Equal(["objective", "threshold"], slo.Average.Inputs.Take(2).Select(i => i.Name));
        Assert.Equal([0.99, 0.1], slo.Average.Inputs.Take(2).Select(i => i.Value));
        Assert.Equal("latency p99 (read-latency)", slo.Average.Name);
        Assert.Equal(read.P99.Value, slo.Average.Value);
        Assert.False(read.PeakP999.IsKnown);
    }

    [Fact]
    public void A_queue_at_capacity_leaves_the_peak_unbounded()
    {
        // 80/s average over 100/s is 80%; 160/s at peak is past it: no wait figures at peak, and the path's peak latency and the
        // SLO's figure at peak are unknown, with no inputs.
        var report = Estimate(Queued("100/s", timeout: null));
        var db = Assert.Single(report.Queueing);
        Assert.True(db.AverageWaitProbability.IsKnown);
        Assert.False(db.PeakWaitProbability.IsKnown);
        Assert.False(db.PeakWait.IsKnown);
        Assert.Equal("unbounded: peak load at or over capacity", db.PeakWait.Formula);

        var read = report.Latency.Single();
        Assert.True(read.P50.IsKnown);
        Assert.False(read.PeakP50.IsKnown);
        Assert.Equal("unbounded: db at or over capacity, waited on with no timeout", read.PeakP50.Formula);
        Assert.Equal("unbounded: db at or over capacity, waited on with no timeout", read.QueueingPeak.Formula);
        var slo = read.Objectives.Single();
        Assert.True(slo.Average.IsKnown);
        Assert.False(slo.Peak.IsKnown);
        Assert.Empty(slo.Peak.Inputs);
    }

    [Fact]
    public void A_component_with_no_load_or_many_instances_has_no_queue_entry_or_one_with_its_servers()
    {
        // idle states a capacity but nothing reaches it; db serves with 3 instances.
        var report = Estimate(DesignOf(
                Service("api").Op("get", Call("db.get")),
                Component("db", "database").Instances(3).With("capacity: 200/s").Op("get").Op("put", "type: write"),
                Service("idle").With("capacity: 10/s").Op("run"))
            .Workflows("read: { entry: api.get, rate: 80/s }", "write: { entry: db.put, rate: 10/s, type: write }"));
        var db = Assert.Single(report.Queueing);
        Assert.Equal(3, db.Servers);

        // Two workflows: each has its latency, the second entering at db.put.
        Assert.Equal(["read", "write"], report.Latency.Select(l => l.Workflow));
    }

    [Fact]
    public void A_peak_rate_with_no_average_load_queues_only_at_peak()
    {
        // No load on average (rate 0), 160/s at peak over one db instance of 200/s: the wait is only at peak.
        foreach (var (api, capacity) in new[] { ("api without a capacity", (string?)null), ("api serving 1000/s", "1000/s") })
        {
            var report = Estimate(Queued(rate: "rate: 0/s, peak_rate: 160/s", apiCapacity: capacity));
            var read = report.Latency.Single();
            Assert.Equal(0, read.QueueingAverage.Value!.Value, 12);
            Assert.True(read.QueueingPeak.Value > 0.001, api);
            Assert.True(read.PeakP50.Value > read.P50.Value, api);
        }
    }

    [Fact]
    public void Only_the_workflow_s_own_latency_slos_are_held_against_it()
    {
        var report = Estimate(DesignOf(
                Service("api").Op("get", "latency: { p50: 10ms, p99: 60ms }").Op("put", "type: write, latency: { p50: 10ms, p99: 60ms }"))
            .Workflows(ReadWorkflow, "write: { entry: api.put, rate: 1/s, type: write }")
            .With(ReadLatency("99.9%") + "\n  - { name: write-availability, workflow: write, sli: availability, objective: 99%, window: 30d }"));
        var read = report.Latency.Single(l => l.Workflow == "read");
        var write = report.Latency.Single(l => l.Workflow == "write");
        Assert.Equal("read-latency", read.Objectives.Single().Slo);
        Assert.Empty(write.Objectives);

        // An objective of exactly 99.9% asks for p99.9 though no operation states it.
        Assert.True(read.P999.IsKnown);
        Assert.True(read.PeakP999.IsKnown);
        Assert.False(write.P999.IsKnown);
    }

    [Fact]
    public void Stated_percentiles_are_inputs_at_their_own_paths_and_fitted_ones_at_the_latency()
    {
        var report = Estimate(DesignOf(
                Service("api").Op("get", "latency: { p50: 10ms }", Call("db.get"), Call("log.put", timeout: null, async: true)),
                Component("db", "database").Op("get", "latency: { p50: 2ms, p90: 5ms, p99: 15ms, p999: 40ms }"),
                Service("log").Op("put", "type: write, latency: { p50: 1ms }"))
            .Workflows(ReadWorkflow)
            .With(ReadLatency("90%")));
        var read = report.Latency.Single();

        // One operation on the path states p999, so p99.9 is shown; db's own p99.9 is read where it is written, api's is
        // fitted from its single p50 (an exponential). The async call to log is not on the path.
        Assert.True(read.P999.IsKnown);
        Assert.Equal(["api.get", "db.get"], read.P999.Inputs.Take(2).Select(i => i.Name.Split(' ')[0]));
        Assert.Equal("/components/api/operations/get/latency", read.P999.Inputs[0].Source);
        Assert.Equal("/components/db/operations/get/latency/p999", read.P999.Inputs[1].Source);
        Assert.Equal(0.040, read.P999.Inputs[1].Value, 9);
        Assert.Equal(3, read.P999.Inputs.Length);
        Assert.Equal("/components/api/operations/get/latency/p50", read.P50.Inputs[0].Source);
        Assert.Equal("/components/db/operations/get/latency/p99", read.P99.Inputs[1].Source);

        // The SLO at 90%: db's p90 as written; api's p90 of an exponential with a 10 ms median: 10 ms x ln 10 / ln 2 = 33.2 ms.
        var slo = read.Objectives.Single();
        Assert.Equal("/components/db/operations/get/latency/p90", slo.Average.Inputs[3].Source);
        Assert.Equal(0.005, slo.Average.Inputs[3].Value, 9);
        Assert.Equal(0.010 * Math.Log(10) / Math.Log(2), slo.Average.Inputs[2].Value, 6);
    }

    private static DesignBuilder Chain(int length) => DesignOf(DesignBuilder.Chain(length, to => Call(to))).Workflows("go: { entry: s0.op, rate: 1/s }");

    [Fact]
    public void A_path_lists_24_operations_and_counts_the_rest()
    {
        // 24 operations: each listed and their sum; 25: 24 listed and one input counting the one left out.
        var listed = Estimate(Chain(24)).Latency.Single().P50;
        Assert.Equal(25, listed.Inputs.Length);
        Assert.StartsWith("sum of the own p50s", listed.Inputs[24].Name, StringComparison.Ordinal);

        var counted = Estimate(Chain(25)).Latency.Single().P50;
        Assert.Equal(25, counted.Inputs.Length);
        Assert.Equal("operations on the path not listed", counted.Inputs[24].Name);
        Assert.Equal(1, counted.Inputs[24].Value);
    }

    [Fact]
    public void The_note_on_unstated_latencies_lists_eight_operations()
    {
        // 8 operations state no latency: all 8 named; 9: the first 8 and "...".
        var eight = Estimate(Chain(8)).Notes.Single(n => n.StartsWith("Latency: 8 ", StringComparison.Ordinal));
        Assert.EndsWith(": s0.op, s1.op, s2.op, s3.op, s4.op, s5.op, s6.op, s7.op.", eight, StringComparison.Ordinal);
        var nine = Estimate(Chain(9)).Notes.Single(n => n.StartsWith("Latency: 9 ", StringComparison.Ordinal));
        Assert.EndsWith(": s0.op, s1.op, s2.op, s3.op, s4.op, s5.op, s6.op, s7.op, ....", nine, StringComparison.Ordinal);
    }

    [Fact]
    public void The_grid_is_full_up_to_1024_steps_and_steps_count_reached_operations_and_attempts()
    {
        Assert.Same(LatencyFigures.Grid, LatencyFigures.GridFor(1024));
        Assert.Equal(2048, LatencyFigures.GridFor(1025).Cells);

        // api.get (1) calls db.get with 2 retries (3 attempts) and db.get (1): 5 steps. The unreached job.run and its call do not count.
        var graph = CallGraph.Build(TestDesigns.Load(DesignOf(
                Service("api").Op("get", Call("db.get", more: "retries: { max: 2, backoff: exponential }")),
                Component("db", "database").Op("get"),
                Component("job", "worker").Op("run", Call("db.get")))
            .Workflows("read: { entry: api.get, rate: 1/s }")));
        var reached = graph.Operations.Select(o => o.RefText != "job.run").ToArray();
        Assert.Equal(5, LatencyFigures.StepsOf(graph, reached));
        Assert.Throws<ArgumentNullException>(() => LatencyFigures.StepsOf(null!, reached));
        Assert.Throws<ArgumentNullException>(() => LatencyFigures.StepsOf(graph, null!));
    }
}
