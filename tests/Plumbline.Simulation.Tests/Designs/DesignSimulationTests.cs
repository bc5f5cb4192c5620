using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Plumbline.Simulation.Designs;
using Plumbline.Simulation.Statistics;
using Xunit;

namespace Plumbline.Simulation.Tests.Designs;

/// <summary>
/// A design simulated, against queueing theory and hand arithmetic. Statistical checks run independent replications
/// and require the theoretical value inside a 99% confidence interval that is also narrow; the rest are counted by hand.
/// </summary>
public sealed class DesignSimulationTests
{
    private const double Ms = 1e-3;

    internal static SystemDesign Load(string yaml)
    {
        var result = DesignLoader.LoadText("design.yaml", yaml);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Design!;
    }

    private static ScenarioResult Simulate(string yaml, SimulationOptions options, int replications = 1, SimulationScenario? scenario = null) =>
        DesignSimulation.Run(DesignModel.Compile(Load(yaml), options), scenario ?? SimulationScenario.Steady, options, replications);

    private static void AssertWithin(double theory, ScenarioResult result, Func<SimulationRun, double> measure, double maxRelativeHalfWidth, string what)
    {
        var ci = ConfidenceInterval.ForMean([.. result.Runs.Select(measure)], 0.99);
        Assert.True(ci.Contains(theory), $"{what}: theory {theory:G6} is outside the simulated {ci}");
        Assert.True(ci.HalfWidth <= maxRelativeHalfWidth * theory, $"{what}: {ci} is wider than {maxRelativeHalfWidth:P0} of {theory:G6}; run longer");
    }

    [Fact]
    public void One_service_with_one_slot_is_an_MM1_queue()
    {
        // capacity 1000/s, own time exponential with mean 1ms: mu E[S] = 1, so one slot held for the own time.
        // lambda 700/s: rho 0.7, W = 1 / (mu - lambda) = 1/300 s; utilisation 0.7.
        const string yaml = """
            plumbline: 1
            system: { name: mm1 }
            workflows:
              read: { entry: svc.get, rate: 700/s }
            components:
              svc:
                kind: service
                capacity: 1000/s
                operations:
                  get: { latency: { mean: 1ms } }
            """;
        var result = Simulate(yaml, new SimulationOptions(Duration: 210, WarmUp: 10), replications: 10);

        var component = result.Runs[0].Components[0];
        Assert.Equal((1, 1), (component.Instances, component.Slots));
        AssertWithin(1.0 / 300, result, r => r.Workflows[0].Latency.Mean, 0.03, "W");
        AssertWithin(0.7, result, r => r.Components[0].Utilisation, 0.01, "utilisation");
        Assert.Equal(0, result.Workflows[0].Failed);
    }

    [Fact]
    public void Capacity_over_own_time_gives_the_slots_of_an_MMc_queue()
    {
        // capacity 3000/s with a mean own time of 1ms: ceil(3000 x 0.001) = 3 slots, each held for the own time (M/M/3).
        // lambda 2000/s: a = 2, Erlang C(3, 2) = 4/9, Wq = C / (c mu - lambda) = (4/9) / 1000 s; W = 1ms + Wq.
        const string yaml = """
            plumbline: 1
            system: { name: mmc }
            workflows:
              read: { entry: svc.get, rate: 2000/s }
            components:
              svc:
                kind: service
                capacity: 3000/s
                operations:
                  get: { latency: { mean: 1ms } }
            """;
        var result = Simulate(yaml, new SimulationOptions(Duration: 105, WarmUp: 5), replications: 10);

        Assert.Equal(3, result.Runs[0].Components[0].Slots);
        AssertWithin((1 + (4.0 / 9)) * Ms, result, r => r.Workflows[0].Latency.Mean, 0.02, "W");
        AssertWithin(2.0 / 3, result, r => r.Components[0].Utilisation, 0.01, "utilisation");
    }

    [Fact]
    public void A_capacity_below_the_own_time_stretches_the_slot_not_the_request()
    {
        // capacity 100/s but own time 1ms: mu E[S] = 0.1, so one slot held 10 x the own time (exponential, mean 10ms),
        // while the request moves on after its own 1ms. lambda 50/s: the queue in front is M/M/1 with mu 100,
        // Wq = rho / (mu - lambda) = 0.5 / 50 = 10ms, so W = 10ms + 1ms; utilisation lambda / mu = 0.5 (the estimate's).
        const string yaml = """
            plumbline: 1
            system: { name: stretched }
            workflows:
              read: { entry: svc.get, rate: 50/s }
            components:
              svc:
                kind: service
                capacity: 100/s
                operations:
                  get: { latency: { mean: 1ms } }
            """;
        var result = Simulate(yaml, new SimulationOptions(Duration: 4010, WarmUp: 10), replications: 10);

        var component = result.Runs[0].Components[0];
        Assert.Equal(1, component.Slots);
        Assert.Equal(10, DesignModel.Compile(Load(yaml)).Components[0].Hold, 9);
        AssertWithin(11 * Ms, result, r => r.Workflows[0].Latency.Mean, 0.04, "W");
        AssertWithin(0.5, result, r => r.Components[0].Utilisation, 0.02, "utilisation");
    }

    [Fact]
    public void A_cache_sends_its_misses_to_the_database_at_its_hit_ratio()
    {
        // hit_ratio 0.8: the database read follows the cache on 20% of requests. 100/s for 200s after warm-up:
        // 20,000 requests, about 4,000 reads (binomial sd = sqrt(20000 x 0.2 x 0.8) = 57).
        const string yaml = """
            plumbline: 1
            system: { name: cached }
            workflows:
              read: { entry: api.get, rate: 100/s }
            components:
              api:
                kind: service
                operations:
                  get:
                    latency: { p50: 1ms, p99: 5ms }
                    calls:
                      - { to: cache.get, timeout: 50ms }
                      - { to: db.get, timeout: 100ms }
              cache:
                kind: cache
                hit_ratio: 0.8
                operations:
                  get: { latency: { p50: 0.3ms, p99: 1ms } }
              db:
                kind: database
                operations:
                  get: { latency: { p50: 2ms, p99: 10ms } }
            """;
        var result = Simulate(yaml, new SimulationOptions(Duration: 205, WarmUp: 5));
        var run = result.Runs[0];
        var requests = run.Workflows[0].Requests;
        var reads = run.Components[2].Operations;

        Assert.InRange(requests, 20_000 - (5 * 141), 20_000 + (5 * 141));
        Assert.InRange(reads / (double)requests, 0.2 - 0.02, 0.2 + 0.02);
        Assert.Equal(requests, run.Components[1].Operations);
    }

    [Fact]
    public void Retries_multiply_the_load_on_a_failing_callee_as_the_arithmetic_says()
    {
        // The callee fails half its calls (a fault's error rate); with two retries each call makes
        // 1 + 0.5 + 0.25 = 1.75 attempts on average and fails after all three with probability 0.125.
        const string yaml = """
            plumbline: 1
            system: { name: retries }
            workflows:
              read: { entry: api.get, rate: 200/s }
            components:
              api:
                kind: service
                operations:
                  get:
                    latency: { p50: 1ms, p99: 2ms }
                    calls:
                      - { to: db.get, timeout: 100ms, retries: { max: 2 } }
              db:
                kind: database
                operations:
                  get: { latency: { p50: 1ms, p99: 2ms } }
            """;
        var scenario = new SimulationScenario("half-failing", null, [], [new SimulatedFault(FaultKind.Fail, "db", 0, double.PositiveInfinity, null, 0, 0.5)], null, null);
        var result = Simulate(yaml, new SimulationOptions(Duration: 105, WarmUp: 5), scenario: scenario);
        var call = Assert.Single(result.Runs[0].Calls);
        var workflow = result.Workflows[0];

        // 20,000 calls: the amplification's sd is about 0.83 / sqrt(20000) = 0.006.
        Assert.InRange(call.Amplification, 1.75 - 0.03, 1.75 + 0.03);
        Assert.InRange(workflow.Errors / (double)workflow.Requests, 0.125 - 0.012, 0.125 + 0.012);
        Assert.Equal(workflow.Failed, workflow.Errors);
    }

    [Fact]
    public void A_circuit_breaker_opens_on_a_dead_callee_and_sheds_its_load()
    {
        // Every call fails, about 1ms after it is made (10 calls a second, so they do not overlap). The breaker needs 20
        // calls in its 10s window at a 50% failure ratio: it opens on the 20th failure (near 2s), stays open 30s, lets one
        // trial through near 32s (which fails, so it opens again), another near 62s: over 70s the callee sees about 22 calls, not 700.
        const string yaml = """
            plumbline: 1
            system: { name: breaker }
            workflows:
              read: { entry: api.get, rate: 10/s }
            components:
              api:
                kind: service
                operations:
                  get:
                    latency: { p50: 1ms, p99: 2ms }
                    calls:
                      - to: dep.get
                        timeout: 100ms
                        circuit_breaker: { failure_rate: 50%, window: 10s, min_calls: 20, open_for: 30s }
              dep:
                kind: external
                operations:
                  get: { latency: { p50: 1ms, p99: 1.01ms } }
            """;
        var scenario = new SimulationScenario("dead", null, [], [new SimulatedFault(FaultKind.Fail, "dep", 0, double.PositiveInfinity, null, 0, 1)], null, null);
        var result = Simulate(yaml, new SimulationOptions(Duration: 70, WarmUp: 0), scenario: scenario);
        var run = result.Runs[0];
        var call = Assert.Single(run.Calls);

        // 20 to open it, plus any call already on its way when it opened (Poisson arrivals can come within the 1ms a call
        // takes), plus one trial per break: 22, or a little more.
        var admitted = run.Components[1].Operations;
        Assert.InRange(admitted, 22, 24);
        Assert.Equal(admitted, run.Workflows[0].Errors);
        Assert.Equal(3, call.BreakerOpened);
        Assert.Equal(call.Calls - admitted, call.BreakerRefused);
        Assert.Equal(run.Workflows[0].Requests - admitted, run.Workflows[0].CircuitOpen);
    }

    [Fact]
    public void A_timed_out_call_still_occupies_its_callee()
    {
        // The callee takes 100ms (p50 100ms, p99 101ms: all but constant); the caller waits 50ms. Every request fails at
        // 50ms, yet the callee is as busy as if it had answered: utilisation lambda / capacity = 10 / 20 = 0.5.
        const string yaml = """
            plumbline: 1
            system: { name: timeouts }
            workflows:
              read: { entry: api.get, rate: 10/s }
            components:
              api:
                kind: service
                operations:
                  get:
                    calls:
                      - { to: slow.get, timeout: 50ms }
              slow:
                kind: service
                capacity: 20/s
                operations:
                  get: { latency: { p50: 100ms, p99: 101ms } }
            """;
        var result = Simulate(yaml, new SimulationOptions(Duration: 2010, WarmUp: 10), replications: 10);
        var workflow = result.Workflows[0];

        Assert.Equal(workflow.Requests, workflow.Timeouts);
        Assert.Equal(0, workflow.Succeeded);
        AssertWithin(0.5, result, r => r.Components[1].Utilisation, 0.03, "utilisation");
    }

    [Fact]
    public void A_zone_lost_takes_its_instances_and_only_them()
    {
        // Three instances in zones a, b, c; zone a is lost from 20s to 40s. Round robin skips the lost instance, so no
        // request fails. A component with its one instance in zone a fails every call meanwhile: a third of the run.
        const string yaml = """
            plumbline: 1
            system: { name: zones }
            workflows:
              spread: { entry: web.get, rate: 50/s }
              single: { entry: solo.get, rate: 50/s }
            components:
              web:
                kind: service
                instances: 3
                zones: [a, b, c]
                operations:
                  get: { latency: { p50: 1ms, p99: 2ms } }
              solo:
                kind: service
                zones: [a]
                operations:
                  get: { latency: { p50: 1ms, p99: 2ms } }
            """;
        var scenario = new SimulationScenario("zone", null, [], [new SimulatedFault(FaultKind.ZoneDown, "a", 20, 40, null, 0, 0)], null, null);
        var result = Simulate(yaml, new SimulationOptions(Duration: 60, WarmUp: 0), scenario: scenario);

        Assert.Equal(0, result.Workflows[0].Failed);
        var single = result.Workflows[1];
        Assert.Equal(single.Failed, single.Unavailable);
        Assert.InRange(single.Unavailable / (double)single.Requests, 1.0 / 3 - 0.03, 1.0 / 3 + 0.03);
        var windows = result.Runs[0].Series;
        Assert.Equal(60, windows.Length);
        Assert.All(windows.Skip(21).Take(19), w => Assert.Equal(w.Workflows[1].Completed, w.Workflows[1].Failed));
        Assert.All(windows.Skip(41), w => Assert.Equal(0, w.Workflows[1].Failed));
        Assert.True(windows[25].Faulted);
        Assert.False(windows[45].Faulted);
    }

    [Fact]
    public void The_same_seed_gives_the_same_run_and_another_seed_another()
    {
        const string yaml = """
            plumbline: 1
            system: { name: seeded }
            workflows:
              read: { entry: svc.get, rate: 300/s }
            components:
              svc:
                kind: service
                instances: 2
                capacity: 200/s
                load_balancing: two_choices
                operations:
                  get: { latency: { p50: 2ms, p99: 9ms } }
            """;
        var options = new SimulationOptions(Duration: 20, WarmUp: 2, Seed: 42);
        var a = Simulate(yaml, options, replications: 3);
        var b = Simulate(yaml, options, replications: 3);
        var c = Simulate(yaml, options with { Seed = 43 }, replications: 3);

        Assert.Equal(a.Workflows, b.Workflows);
        Assert.Equal(a.Runs.SelectMany(r => r.Components), b.Runs.SelectMany(r => r.Components));
        Assert.Equal(a.Runs.SelectMany(r => r.Calls), b.Runs.SelectMany(r => r.Calls));
        Assert.NotEqual(a.Workflows[0], c.Workflows[0]);
    }

    [Fact]
    public void An_SLO_is_judged_over_the_run_and_where_it_broke()
    {
        // An availability SLO of 99% on a workflow whose only component is down from 30s to 40s of a 60s run (10s warm-up):
        // 10 of the 50 measured seconds fail, so 80% achieved, broken from 30s to 40s, recovered as the fault ended.
        const string yaml = """
            plumbline: 1
            system: { name: judged }
            workflows:
              read: { entry: svc.get, rate: 200/s }
            components:
              svc:
                kind: service
                operations:
                  get: { latency: { p50: 1ms, p99: 2ms } }
            slos:
              - { name: read-availability, workflow: read, sli: availability, objective: 99% }
            """;
        var scenario = new SimulationScenario("down", null, [], [new SimulatedFault(FaultKind.InstanceDown, "svc", 30, 40, null, 0, 0)], null, null);
        var result = Simulate(yaml, new SimulationOptions(Duration: 60, WarmUp: 10), scenario: scenario);
        var slo = Assert.Single(result.Slos);

        Assert.False(slo.Met);
        Assert.InRange(slo.Achieved, 0.8 - 0.01, 0.8 + 0.01);
        Assert.InRange(slo.BudgetBurned, 19, 21);
        Assert.Equal(30, slo.BrokenFrom);
        Assert.Equal(40, slo.BrokenUntil);
        Assert.Equal(0, slo.Recovered);
    }
}
