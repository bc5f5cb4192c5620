using Plumbline.Simulation.Designs;
using Xunit;

namespace Plumbline.Simulation.Tests.Designs;

/// <summary>
/// Autoscaling as Kubernetes' horizontal pod autoscaler does it (every 15s: wanted = ceil(serving x utilisation / target),
/// nothing within 10% of the target; a scale-up serves after its delay, a scale-down waits out the cooldown), against hand
/// arithmetic. Loads are chosen away from the rounding edges, so the sampling noise of a 15s measure (a few percent) cannot
/// move the instances wanted.
/// </summary>
public sealed class AutoscalingTests
{
    private static string Design(double rate, int instances, string autoscaling) => $$"""
        plumbline: 1
        system: { name: scaled }
        workflows:
          read: { entry: svc.get, rate: {{rate}}/s }
        components:
          svc:
            kind: service
            instances: {{instances}}
            capacity: 100/s
            autoscaling: {{autoscaling}}
            operations:
              get: { latency: { p50: 1ms, p99: 2ms } }
        """;

    private static ScenarioResult Run(string yaml, double duration)
    {
        var options = new SimulationOptions(Duration: duration, WarmUp: 0);
        return DesignSimulation.Run(DesignModel.Compile(DesignSimulationTests.Load(yaml), options), SimulationScenario.Steady, options);
    }

    [Fact]
    public void A_busy_service_scales_out_after_its_delay_and_settles_at_its_target()
    {
        // 4 instances of 100/s carry 270/s: 67.5% busy against a 50% target. At the first decision (15s): 4 x 67.5 / 50 =
        // 5.4, so 6 wanted; they serve after the 30s delay, at 45s. Then 270 / 600 = 45%: within 10% of the target, no
        // change. Utilisation after the scale-out: 45%.
        var result = Run(Design(270, 4, "{ min: 2, max: 10, target_utilisation: 50%, delay: 30s, cooldown: 60s }"), 150);
        var svc = result.Runs[0].Components[0];
        var series = result.Runs[0].Series;

        Assert.Equal((4, 6, 1, 0), (svc.FewestInstances, svc.MostInstances, svc.ScaleUps, svc.ScaleDowns));
        Assert.Equal(4, series[43].Instances[0]);
        Assert.Equal(6, series[46].Instances[0]);
        Assert.Equal(6, series[^1].Instances[0]);
        Assert.InRange(series.Skip(60).Average(w => w.Utilisation[0]), 0.45 - 0.02, 0.45 + 0.02);
        Assert.InRange(series.Take(40).Average(w => w.Utilisation[0]), 0.675 - 0.03, 0.675 + 0.03);
        Assert.DoesNotContain(DesignModel.Compile(DesignSimulationTests.Load(Design(270, 4, "{ min: 2, max: 10, target_utilisation: 50%, delay: 30s, cooldown: 60s }"))).Assumptions,
            a => a.Contains("autoscales", StringComparison.Ordinal));
    }

    [Fact]
    public void An_idle_service_scales_in_once_the_cooldown_has_seen_only_low_wishes()
    {
        // 6 instances carry 90/s: 15% busy against 50%, so 6 x 15 / 50 = 1.8, 2 wanted from the first decision on. With a
        // 60s cooldown the first scale-in is at the decision at 60s: to 2 instances, then 45% busy, within tolerance.
        var result = Run(Design(90, 6, "{ min: 2, max: 10, target_utilisation: 50%, delay: 30s, cooldown: 60s }"), 150);
        var svc = result.Runs[0].Components[0];
        var series = result.Runs[0].Series;

        Assert.Equal((2, 6, 0, 1), (svc.FewestInstances, svc.MostInstances, svc.ScaleUps, svc.ScaleDowns));
        Assert.Equal(6, series[58].Instances[0]);
        Assert.Equal(2, series[61].Instances[0]);
        Assert.InRange(series.Skip(70).Average(w => w.Utilisation[0]), 0.45 - 0.03, 0.45 + 0.03);
    }

    [Fact]
    public void Scaling_stops_at_the_maximum_and_unstated_settings_are_assumed_and_said()
    {
        // 2 instances carry 350/s: saturated (100% busy) against the assumed 70% target: 2 x 1 / 0.7 = 2.9, 3 wanted, more
        // as the backlog keeps them busy, but never more than the maximum of 4. The policy states only min and max: the
        // target (70%, the estimate's), the delay (1m) and the cooldown (5m) are assumed and said so.
        var yaml = Design(350, 2, "{ min: 2, max: 4 }");
        var model = DesignModel.Compile(DesignSimulationTests.Load(yaml));
        Assert.Contains(model.Assumptions, a => a.StartsWith("svc autoscales with target 70%", StringComparison.Ordinal));
        var policy = model.Components[0].Autoscale!;
        Assert.Equal((2, 4, 0.7, 60.0, 300.0), (policy.Min, policy.Max, policy.Target, policy.Delay, policy.Cooldown));

        var result = Run(yaml, 200);
        var svc = result.Runs[0].Components[0];
        Assert.Equal(4, svc.MostInstances);
        Assert.All(result.Runs[0].Series, w => Assert.InRange(w.Instances[0], 2, 4));
        Assert.Equal(2, result.Runs[0].Series[70].Instances[0]);
        Assert.Equal(4, result.Runs[0].Series[^1].Instances[0]);
    }
}
