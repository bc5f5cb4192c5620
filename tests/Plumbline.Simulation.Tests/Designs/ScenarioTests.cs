using Plumbline.Simulation.Designs;
using Xunit;

namespace Plumbline.Simulation.Tests.Designs;

/// <summary>The design's load and chaos scenarios, run and judged: counts by hand, and what must break, broken.</summary>
public sealed class ScenarioTests
{
    [Fact]
    public void A_ramp_sends_the_integral_of_its_rate()
    {
        // A ramp from 1x to 3x of 100/s over 100s, then 3x held for 50s: 100 x (1 + 3) / 2 x 100 + 300 x 50 = 35,000
        // requests expected (Poisson: sd 187). The shape applies to 'shaped' alone; 'other' keeps 50/s: 7,500.
        const string yaml = """
            plumbline: 1
            system: { name: ramp }
            workflows:
              shaped: { entry: svc.a, rate: 100/s }
              other: { entry: svc.b, rate: 50/s }
            components:
              svc:
                kind: service
                operations:
                  a: { latency: { p50: 1ms, p99: 2ms } }
                  b: { latency: { p50: 1ms, p99: 2ms } }
            validation:
              load:
                - name: ramp
                  shape: { ramp: 1x to 3x, over: 100s, hold: 50s }
                  workflows: [shaped]
            """;
        var design = DesignSimulationTests.Load(yaml);
        var scenario = SimulationScenario.FromLoad(design.Validation.Load[0]);
        var options = new SimulationOptions(WarmUp: 0);
        var result = DesignSimulation.Run(DesignModel.Compile(design, options), scenario, options, cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(150, result.Runs[0].Duration);
        Assert.InRange(result.Workflows[0].Requests, 35_000 - (4 * 187), 35_000 + (4 * 187));
        Assert.InRange(result.Workflows[1].Requests, 7_500 - (4 * 87), 7_500 + (4 * 87));

        // Window by window the rate climbs: the first ten seconds average 1.1x (110/s), the last ten 3x (300/s).
        var series = result.Runs[0].Series;
        Assert.InRange(series.Take(10).Sum(w => w.Workflows[0].Completed) / 10.0, 110 - 15, 110 + 15);
        Assert.InRange(series.TakeLast(10).Sum(w => w.Workflows[0].Completed) / 10.0, 300 - 25, 300 + 25);
    }

    [Fact]
    public void A_zone_lost_with_too_few_instances_left_breaks_the_SLO()
    {
        // Two instances of 100/s each, in zones a and b, carry 150/s (75% busy). Zone a lost from 60s to 120s: the one
        // left is offered 150/s against 100/s, its queue fills (1,000 waiting) and a third of the offered requests are
        // rejected, and those admitted wait some 10s, past their 2s timeout. Availability 99.9% breaks, from the fault on;
        // a design of three instances in three zones, at the same load, rides it out (two carry 150/s at 75%).
        const string yaml = """
            plumbline: 1
            system: { name: zones }
            workflows:
              read: { entry: edge.get, rate: 150/s }
            components:
              edge:
                kind: service
                operations:
                  get:
                    latency: { p50: 1ms, p99: 2ms }
                    calls:
                      - { to: svc.get, timeout: 2s }
              svc:
                kind: service
                instances: 2
                zones: [a, b]
                capacity: 100/s
                operations:
                  get: { latency: { p50: 5ms, p99: 20ms } }
            slos:
              - { name: read-availability, workflow: read, sli: availability, objective: 99.9% }
            validation:
              chaos:
                - name: lose-a
                  at: 60s
                  fault: { zone_down: a, for: 60s }
                  expect: { slos: met }
            """;
        var thin = Judge(yaml);
        var slo = Assert.Single(thin.Slos);
        Assert.False(slo.Met);
        Assert.Equal(["read-availability"], thin.Broken.Select(b => b.Slo));
        Assert.InRange(slo.BrokenFrom!.Value, 55, 65);
        Assert.True(slo.BrokenUntil >= 120, $"broken until {slo.BrokenUntil}");
        Assert.True(thin.Workflows[0].Timeouts > 0);

        var wide = Judge(yaml.Replace("instances: 2", "instances: 3", StringComparison.Ordinal).Replace("zones: [a, b]", "zones: [a, b, c]", StringComparison.Ordinal));
        Assert.True(Assert.Single(wide.Slos).Met);
        Assert.Empty(wide.Broken);
        Assert.Equal(0, wide.Workflows[0].Failed);
    }

    [Fact]
    public void A_slow_database_backs_up_its_callers_and_retries_add_to_the_load()
    {
        // The database answers in about 2.4ms (mean) at 200/s on 3 slots (capacity 1000/s: 20% busy). Made 100ms slower for a
        // minute, each read holds a slot 50x longer: 200/s x 0.1s = 20 in progress against 3 slots, so it saturates,
        // its queue grows, calls time out at 50ms and are retried (max 2), which adds to the load: attempts per call
        // rise above 1 and requests fail with timeouts during the fault, none before it.
        const string yaml = """
            plumbline: 1
            system: { name: slow }
            workflows:
              read: { entry: api.get, rate: 200/s }
            components:
              api:
                kind: service
                operations:
                  get:
                    latency: { p50: 1ms, p99: 3ms }
                    calls:
                      - { to: db.get, timeout: 50ms, retries: { max: 2, backoff: exponential, base: 10ms } }
              db:
                kind: database
                capacity: 1000/s
                operations:
                  get: { latency: { p50: 2ms, p99: 8ms } }
            slos:
              - { name: read-availability, workflow: read, sli: availability, objective: 99% }
            validation:
              chaos:
                - name: slow-db
                  at: 30s
                  fault: { slow: db, add: 100ms, for: 60s }
                  expect: { slos: [read-availability] }
            """;
        var result = Judge(yaml);
        var run = result.Runs[0];
        var call = Assert.Single(run.Calls);

        Assert.True(call.Amplification > 1.5, $"attempts per call {call.Amplification}");
        Assert.True(result.Workflows[0].Timeouts > 0);
        Assert.All(run.Series.Take(29), w => Assert.Equal(0, w.Workflows[0].Failed));
        Assert.False(Assert.Single(result.Slos).Met);
        Assert.Single(result.Broken);
    }

    [Fact]
    public void A_latency_multiplier_scales_every_percentile_and_the_time_a_slot_is_held()
    {
        // svc.get's own time is the log-normal through p50 10ms and p99 40ms, and svc has no capacity, so a request takes
        // its own time and nothing else: multiplying every draw by 3 multiplies every percentile by 3 (p50 30ms, p99 120ms),
        // and adding 5ms after it moves them to 35ms and 125ms. db.get (p50 2ms, p99 8ms: sigma = ln 4 / 2.326 = 0.596,
        // mean 2ms x e^(sigma^2 / 2) = 2.39ms) has 100/s on one slot, offered 30/s: 30% busy; three times as long, each
        // read holds its slot three times as long: 90%. The faults last the whole run.
        const string yaml = """
            plumbline: 1
            system: { name: times }
            workflows:
              page: { entry: svc.get, rate: 400/s }
              read: { entry: db.get, rate: 30/s }
            components:
              svc:
                kind: service
                operations:
                  get: { latency: { p50: 10ms, p99: 40ms } }
              db:
                kind: database
                capacity: 100/s
                operations:
                  get: { latency: { p50: 2ms, p99: 8ms } }
            validation:
              chaos:
                - { name: none, fault: { slow: svc, add: 0ms } , at: 0s }
                - { name: times, fault: { slow: svc, times: 3 }, at: 0s }
                - { name: both, fault: { slow: svc, times: 3, add: 5ms }, at: 0s }
                - { name: db, fault: { slow: db, times: 3 }, at: 0s }
            """;
        const double Ms = 1e-3;
        var none = Judge(yaml, 0);
        Assert.InRange(none.Workflows[0].Latency.P50, 10 * Ms * 0.98, 10 * Ms * 1.02);
        Assert.InRange(none.Workflows[0].Latency.P99, 40 * Ms * 0.95, 40 * Ms * 1.05);
        Assert.InRange(none.Runs[0].Components[1].Utilisation, 0.3 - 0.02, 0.3 + 0.02);

        var times = Judge(yaml, 1);
        Assert.Equal(3, Assert.Single(times.Faults).Times);
        Assert.InRange(times.Workflows[0].Latency.P50, 30 * Ms * 0.98, 30 * Ms * 1.02);
        Assert.InRange(times.Workflows[0].Latency.P99, 120 * Ms * 0.95, 120 * Ms * 1.05);

        var both = Judge(yaml, 2);
        Assert.InRange(both.Workflows[0].Latency.P50, 35 * Ms * 0.98, 35 * Ms * 1.02);
        Assert.InRange(both.Workflows[0].Latency.P99, 125 * Ms * 0.95, 125 * Ms * 1.05);

        var db = Judge(yaml, 3);
        Assert.InRange(db.Runs[0].Components[1].Utilisation, 0.9 - 0.04, 0.9 + 0.04);
        Assert.InRange(db.Workflows[0].Latency.P50, 10 * Ms * 0.98, 10 * Ms * 1.02);
    }

    [Fact]
    public void A_slow_fault_needs_add_or_times_and_times_more_than_1()
    {
        static string Design(string fault) => $$"""
            plumbline: 1
            system: { name: times }
            components:
              svc:
                kind: service
                operations:
                  get: { latency: { p50: 10ms } }
            validation:
              chaos:
                - { name: slow, fault: {{fault}} }
            """;
        Assert.Equal(3, DesignSimulationTests.Load(Design("{ slow: svc, times: 3 }")).Validation.Chaos[0].Fault.Times);
        Assert.Equal(2.5, DesignSimulationTests.Load(Design("{ slow: svc, times: 2.5, add: 1ms }")).Validation.Chaos[0].Fault.Times);

        var missing = Plumbline.Design.Loading.DesignLoader.LoadText("design.yaml", Design("{ slow: svc }"));
        Assert.False(missing.Success);
        Assert.Contains(missing.Diagnostics, d => d.ToString().Contains("times, a multiple", StringComparison.Ordinal));

        var one = Plumbline.Design.Loading.DesignLoader.LoadText("design.yaml", Design("{ slow: svc, times: 1 }"));
        Assert.False(one.Success);
        Assert.Contains(one.Diagnostics, d => d.ToString().StartsWith("design.yaml:10:", StringComparison.Ordinal) && d.Message.Contains("more than 1", StringComparison.Ordinal));
    }

    private static ScenarioResult Judge(string yaml, int chaos = 0)
    {
        var design = DesignSimulationTests.Load(yaml);
        var options = new SimulationOptions();
        var scenario = SimulationScenario.FromChaos(design.Validation.Chaos[chaos], options.Duration);
        return DesignSimulation.Run(DesignModel.Compile(design, options), scenario, options, cancellation: TestContext.Current.CancellationToken);
    }
}
