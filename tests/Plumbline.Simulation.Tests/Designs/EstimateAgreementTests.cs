using Plumbline.Analysis.Estimates;
using Plumbline.Simulation.Designs;
using Xunit;

namespace Plumbline.Simulation.Tests.Designs;

/// <summary>
/// The simulation and the estimate agree where they should: at low load, every component's simulated utilisation
/// within 2% of the estimate's (and of load / capacity by hand), and each workflow's simulated p50 and p99 within 5%
/// of the latency the estimate composes (no queueing to speak of, no retries, no timeouts cutting in).
/// </summary>
public sealed class EstimateAgreementTests
{
    private const string Design = """
        plumbline: 1
        system: { name: shop }
        workflows:
          browse: { entry: api.list, rate: 200/s }
          buy: { entry: api.order, rate: 20/s }
        components:
          api:
            kind: service
            instances: 2
            capacity: 2000/s
            load_balancing: least_outstanding
            operations:
              list:
                latency: { p50: 2ms, p99: 10ms }
                calls:
                  - { to: cache.get, timeout: 100ms }
                  - { to: db.read, timeout: 300ms }
              order:
                latency: { p50: 5ms, p99: 30ms }
                calls:
                  - { to: db.write, timeout: 500ms }
                  - { to: pay.charge, timeout: 2s, parallel: true }
                  - { to: stock.reserve, timeout: 2s, parallel: true }
          cache:
            kind: cache
            hit_ratio: 0.75
            capacity: 20000/s
            operations:
              get: { latency: { p50: 0.5ms, p99: 2ms } }
          db:
            kind: database
            capacity: 3000/s
            operations:
              read: { latency: { p50: 3ms, p99: 20ms } }
              write: { latency: { p50: 6ms, p99: 40ms } }
          pay:
            kind: external
            operations:
              charge: { latency: { p50: 80ms, p99: 400ms } }
          stock:
            kind: service
            capacity: 500/s
            operations:
              reserve: { latency: { p50: 4ms, p99: 25ms } }
        """;

    [Fact]
    public void At_low_load_utilisation_and_latency_agree_with_the_estimate()
    {
        var design = DesignSimulationTests.Load(Design);
        var report = DesignSimulation.Simulate(design, new SimulationRequest(new SimulationOptions(Duration: 1205, WarmUp: 5, Seed: 11), Replications: 2),
            cancellation: TestContext.Current.CancellationToken);
        var estimate = Estimator.Estimate(design);

        // Utilisation by hand, load / capacity: api (200 + 20) / (2 x 2000) = 5.5%; cache 200 / 20000 = 1%;
        // db (200 x 0.25 + 20) / 3000 = 2.33%; stock 20 / 500 = 4%. The estimate says the same.
        var utilisation = report.Comparisons.Where(c => c.Quantity == "utilisation").ToDictionary(c => c.Subject);
        Assert.Equal(0.055, utilisation["api"].Estimate!.Value, 12);
        Assert.Equal(0.01, utilisation["cache"].Estimate!.Value, 12);
        Assert.Equal(70.0 / 3000, utilisation["db"].Estimate!.Value, 12);
        Assert.Equal(0.04, utilisation["stock"].Estimate!.Value, 12);
        Assert.Equal(4, utilisation.Count);

        var latency = report.Comparisons.Where(c => c.Quantity != "utilisation").ToList();
        Assert.Equal(4, latency.Count);
        Assert.Equal(estimate.Latency.Single(l => l.Workflow == "buy").P99.Value, latency.Single(c => c.Subject == "buy" && c.Quantity == "p99").Estimate);
        Assert.All(report.Comparisons, c => Assert.True(c.Agrees, $"{c.Subject} {c.Quantity}: estimate {c.Estimate:G5}, simulated {c.Simulated:G5} ({c.RelativeDifference:P2}): {c.Reason}"));
        Assert.All(report.Comparisons, c => Assert.Null(c.Reason));
        Assert.Equal(0.05, DesignSimulation.LatencyTolerance);
        Assert.Equal(0.02, DesignSimulation.UtilisationTolerance);
    }

    [Fact]
    public void Near_saturation_the_simulation_parts_from_the_estimate_and_says_why()
    {
        // One instance with capacity 100/s and an own time of 9ms (log-normal through p50 and p99): E[S] x capacity < 1,
        // so one slot, held for 1 / capacity on average; at 90/s it is 90% busy. The estimate's Erlang C takes
        // exponential holds; the simulation's are log-normal, stretched: the p99 must differ, and the reason must say queueing.
        const string busy = """
            plumbline: 1
            system: { name: busy }
            workflows:
              read: { entry: svc.get, rate: 90/s }
            components:
              svc:
                kind: service
                capacity: 100/s
                operations:
                  get: { latency: { p50: 6ms, p99: 30ms } }
            """;
        var report = DesignSimulation.Simulate(DesignSimulationTests.Load(busy), new SimulationRequest(new SimulationOptions(Duration: 605, WarmUp: 5), Replications: 2),
            cancellation: TestContext.Current.CancellationToken);
        var utilisation = report.Comparisons.Single(c => c.Quantity == "utilisation");
        var p99 = report.Comparisons.Single(c => c.Quantity == "p99");

        Assert.Equal(0.9, utilisation.Estimate!.Value, 12);
        Assert.InRange(utilisation.Simulated, 0.9 * 0.97, 0.9 * 1.03);
        Assert.False(p99.Agrees);
        Assert.Contains("queueing: svc is 9", p99.Reason, StringComparison.Ordinal);
    }
}
