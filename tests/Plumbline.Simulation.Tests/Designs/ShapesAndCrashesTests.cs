using Plumbline.Design.Model;
using Plumbline.Simulation.Designs;
using Xunit;

namespace Plumbline.Simulation.Tests.Designs;

/// <summary>A daily traffic cycle, an instance that crashes and restarts, and the per-component figures over time, against hand arithmetic.</summary>
public sealed class ShapesAndCrashesTests
{
    [Fact]
    public void A_diurnal_shape_follows_its_cosine_from_the_trough_to_the_peak_and_back()
    {
        // diurnal: 0.5x to 2.5x over 100s, held 100s: the multiple is 0.5 + 2 x (1 - cos(2 pi t / 100)) / 2, so 0.5x at
        // 0s, 1.5x at 25s, 2.5x at 50s, 1.5x at 75s. At an average of 200/s, requests per second: 100 at the start,
        // 300 at a quarter, 500 at the half. Over the whole cycle the mean multiple is 1.5: 300/s, 30,000 requests.
        const string yaml = """
            plumbline: 1
            system: { name: daily }
            workflows:
              read: { entry: svc.get, rate: 200/s }
            components:
              svc:
                kind: service
                operations:
                  get: { latency: { p50: 1ms, p99: 2ms } }
            validation:
              load:
                - name: day
                  shape: { diurnal: 0.5x to 2.5x, over: 100s, hold: 100s }
            """;
        var design = DesignSimulationTests.Load(yaml);
        var shape = design.Validation.Load[0].Shape;
        Assert.True(shape.Diurnal);
        var scenario = SimulationScenario.FromLoad(design.Validation.Load[0]);
        Assert.Equal(100, scenario.Duration);
        Assert.Equal(0.5, scenario.Multiple(0), 1e-12);
        Assert.Equal(1.5, scenario.Multiple(25), 1e-12);
        Assert.Equal(2.5, scenario.Multiple(50), 1e-12);
        Assert.Equal(1.5, scenario.Multiple(75), 1e-12);
        Assert.Equal(2.5, scenario.MaxMultiple);

        var options = new SimulationOptions(Duration: 100, WarmUp: 0);
        var result = DesignSimulation.Run(DesignModel.Compile(design, options), scenario, options, cancellation: TestContext.Current.CancellationToken);
        var series = result.Runs[0].Series;
        double Around(int second) => series.Skip(second - 2).Take(5).Average(w => w.Workflows[0].Completed);
        Assert.InRange(Around(2), 100 - 25, 100 + 25);     // 0.5x..0.54x over the first seconds: about 100/s
        Assert.InRange(Around(25), 300 - 40, 300 + 40);
        Assert.InRange(Around(50), 500 - 50, 500 + 50);
        Assert.InRange(result.Workflows[0].Requests, 30_000 - 700, 30_000 + 700);
    }

    [Fact]
    public void A_crashed_instance_loses_what_it_was_working_on_and_restarts_at_the_faults_end()
    {
        // One instance, each request takes 1s of its own work (p50 = p99 = 1s), 100/s. It crashes at 20s and restarts
        // at 25s. Requests that arrived in the second before the crash are lost with it: those finishing in the window
        // from 20s to 21s all fail (about 100), where a graceful stop would have let them finish. Arrivals from 20s to
        // 25s find no instance (unavailable, about 500). Requests arriving after 25s succeed a second later.
        const string yaml = """
            plumbline: 1
            system: { name: crash }
            workflows:
              read: { entry: svc.get, rate: 100/s }
            components:
              svc:
                kind: service
                operations:
                  get: { latency: { p50: 1s, p99: 1s } }
            """;
        var options = new SimulationOptions(Duration: 40, WarmUp: 0);
        var scenario = new SimulationScenario("crash", null, [], [new SimulatedFault(FaultKind.InstanceDown, "svc", 20, 25, null, 0, 0)], null, null);
        var result = DesignSimulation.Run(DesignModel.Compile(DesignSimulationTests.Load(yaml), options), scenario, options, cancellation: TestContext.Current.CancellationToken);
        var series = result.Runs[0].Series;

        Assert.Equal(0, series[19].Workflows[0].Failed);
        Assert.True(series[20].Workflows[0].Completed > 60, $"{series[20].Workflows[0].Completed} finished from 20s to 21s");
        Assert.Equal(series[20].Workflows[0].Completed, series[20].Workflows[0].Failed);
        Assert.All(series.Skip(27).Take(12), w => Assert.Equal(0, w.Workflows[0].Failed));
        var failed = result.Workflows[0].Unavailable;
        Assert.Equal(result.Workflows[0].Failed, failed);
        Assert.InRange(failed, 600 - 100, 600 + 100);
    }

    [Fact]
    public void Queue_length_and_retry_amplification_are_kept_per_component_and_per_window()
    {
        // The database fails half its operations from 10s to 20s; each call is retried up to twice at once (no delay).
        // Attempts per call: 1 + 0.5 + 0.25 = 1.75 during the fault, 1 outside it; over the 30s run (no warm-up) the
        // component's figure is (10 x 1.75 + 20 x 1) / 30 = 1.25. Its queue stays empty at 2% busy.
        const string yaml = """
            plumbline: 1
            system: { name: amplified }
            workflows:
              read: { entry: api.get, rate: 200/s }
            components:
              api:
                kind: service
                operations:
                  get:
                    latency: { p50: 1ms, p99: 2ms }
                    calls:
                      - { to: db.get, timeout: 1s, retries: { max: 2 } }
              db:
                kind: database
                capacity: 10000/s
                operations:
                  get: { latency: { p50: 1ms, p99: 2ms } }
            """;
        var options = new SimulationOptions(Duration: 30, WarmUp: 0);
        var scenario = new SimulationScenario("fail", null, [], [new SimulatedFault(FaultKind.Fail, "db", 10, 20, null, 0, 0.5)], null, null);
        var result = DesignSimulation.Run(DesignModel.Compile(DesignSimulationTests.Load(yaml), options), scenario, options, cancellation: TestContext.Current.CancellationToken);
        var db = result.Runs[0].Components[1];
        var series = result.Runs[0].Series;

        Assert.InRange(db.Amplification, 1.25 - 0.02, 1.25 + 0.02);
        Assert.Equal(db.AttemptsIn, result.Runs[0].Calls[0].Attempts);
        Assert.InRange(series.Skip(11).Take(8).Average(w => w.Amplification[1]), 1.75 - 0.05, 1.75 + 0.05);
        Assert.All(series.Take(9), w => Assert.Equal(1, w.Amplification[1]));
        Assert.True(double.IsNaN(series[5].Amplification[0]), "nothing calls the api synchronously");
        Assert.All(series, w => Assert.InRange(w.QueueLength[1], 0, 0.01));
        Assert.True(double.IsNaN(series[5].QueueLength[0]), "the api has no capacity, so no queue");
    }
}
