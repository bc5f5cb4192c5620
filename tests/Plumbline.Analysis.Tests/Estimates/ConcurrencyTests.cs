using Plumbline.Analysis.Estimates;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>Little's law and the typical time an execution holds a slot, worked by hand.</summary>
public sealed class ConcurrencyTests
{
    private static LoadModel Model(string components) => LoadModel.Compile(TestDesigns.Load($$"""
        plumbline: 1
        system: { name: t }
        workflows:
          go: { entry: api.go, rate: 1/s }
        components:
        {{components}}
        """));

    [Fact]
    public void The_typical_time_adds_sequential_calls_by_count_and_a_parallel_run_as_its_slowest()
    {
        // own mean 2 ms + 3 x a 10 ms call (sequential, count 3) + max(0.5 x 20 ms, 4 ms) for the parallel pair = 42 ms;
        // the async publish does not hold the caller.
        var model = Model("""
              api:
                kind: service
                operations:
                  go:
                    latency: { mean: 2ms, p50: 1ms }
                    calls:
                      - { to: a.x, timeout: 1s, count: 3 }
                      - { to: b.x, timeout: 1s, probability: 0.5, parallel: true }
                      - { to: c.x, timeout: 1s, parallel: true }
                      - { to: q.publish, async: true }
              a: { kind: service, operations: { x: { latency: { p50: 10ms } } } }
              b: { kind: service, operations: { x: { latency: { mean: 20ms } } } }
              c: { kind: service, operations: { x: { latency: { p50: 4ms } } } }
              q: { kind: queue, operations: { publish: { latency: { p50: 1s } } } }
            """);
        var times = Concurrency.TypicalSeconds(model, model.BaselineValues());
        Assert.Equal(0.042, times[model.Graph.IndexOf(new("api", "go"))], 12);
        Assert.Equal(0.010, times[model.Graph.IndexOf(new("a", "x"))], 12);
        Assert.Equal(0.020, times[model.Graph.IndexOf(new("b", "x"))], 12);
        Assert.Equal(1.0, times[model.Graph.IndexOf(new("q", "publish"))], 12);
    }

    [Fact]
    public void A_parallel_run_ends_at_the_next_sequential_call_and_a_chain_adds_up()
    {
        // go: 1 ms + max(5, 3) ms for the first parallel pair + a 7 ms call (which itself calls d: 7 = 4 + 3) + the last
        // parallel run of one 6 ms call = 1 + 5 + 7 + 6 = 19 ms.
        var model = Model("""
              api:
                kind: service
                operations:
                  go:
                    latency: { p50: 1ms }
                    calls:
                      - { to: a.x, timeout: 1s, parallel: true }
                      - { to: b.x, timeout: 1s, parallel: true }
                      - { to: c.x, timeout: 1s }
                      - { to: e.x, timeout: 1s, parallel: true }
              a: { kind: service, operations: { x: { latency: { p50: 5ms } } } }
              b: { kind: service, operations: { x: { latency: { p50: 3ms } } } }
              c: { kind: service, operations: { x: { latency: { p50: 4ms }, calls: [ { to: d.x, timeout: 1s } ] } } }
              d: { kind: service, operations: { x: { latency: { mean: 3ms } } } }
              e: { kind: service, operations: { x: { latency: { p50: 6ms } } } }
            """);
        var times = Concurrency.TypicalSeconds(model, model.BaselineValues());
        Assert.Equal(0.007, times[model.Graph.IndexOf(new("c", "x"))], 12);
        Assert.Equal(0.019, times[model.Graph.IndexOf(new("api", "go"))], 12);
    }

    [Fact]
    public void An_operation_with_no_stated_time_takes_none_of_its_own()
    {
        var model = Model("""
              api: { kind: service, operations: { go: { calls: [ { to: a.x, timeout: 1s, count: 2 } ] } } }
              a: { kind: service, operations: { x: { latency: { p50: 5ms } } } }
            """);
        var go = model.Graph.Operations[model.Graph.IndexOf(new("api", "go"))];
        Assert.Equal(0, Concurrency.OwnTypical(go));
        Assert.Equal(0.010, Concurrency.TypicalSeconds(model, model.BaselineValues())[model.Graph.IndexOf(new("api", "go"))], 12);
    }

    [Fact]
    public void Littles_law_and_what_slots_admit()
    {
        // 500/s x 50 ms = 25 in flight; 10 slots at 50 ms admit 200/s; at 0 s they admit anything.
        Assert.Equal(25, Concurrency.InFlight(500, 0.05), 12);
        Assert.Equal(0, Concurrency.InFlight(500, 0));
        Assert.Equal(200, Concurrency.Admits(10, 0.05), 12);
        Assert.Equal(2400, Concurrency.Admits(3 * 4, 0.005), 9);
        Assert.Equal(double.PositiveInfinity, Concurrency.Admits(10, 0));
        Assert.Equal(double.PositiveInfinity, Concurrency.Admits(10, -1));
    }

    [Fact]
    public void The_instances_at_peak_are_the_autoscalers_most_else_the_stated_count()
    {
        var design = TestDesigns.Load("""
            plumbline: 1
            system: { name: t }
            workflows:
              go: { entry: fixed.go, rate: 1/s }
            components:
              fixed: { kind: service, instances: 4, operations: { go: { calls: [ { to: scaled.x, timeout: 1s } ] } } }
              scaled: { kind: service, instances: 2, autoscaling: { min: 2, max: 9, target_utilisation: 60% }, operations: { x: {} } }
            """);
        Assert.Equal(4, Concurrency.PeakInstances(design.Components.Single(c => c.Name == "fixed")));
        Assert.Equal(9, Concurrency.PeakInstances(design.Components.Single(c => c.Name == "scaled")));
    }
}
