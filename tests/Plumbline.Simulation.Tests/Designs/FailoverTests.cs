using Plumbline.Analysis.Recovery;
using Plumbline.Design.Model;
using Plumbline.Simulation.Designs;
using Xunit;

namespace Plumbline.Simulation.Tests.Designs;

/// <summary>
/// A fault that takes a store's primary, simulated with the recovery analysis's RPO and RTO for that failure: writes
/// are refused until the failover completes, and the writes acknowledged within the RPO before the fault are counted
/// as lost. Expected figures are computed by hand from the design's rates and times; counts are Poisson, so each is
/// held within four standard deviations.
/// </summary>
public sealed class FailoverTests
{
    private static string Design(string replication, string failover) => $$"""
        plumbline: 1
        system: { name: failover }
        workflows:
          write: { entry: api.put, rate: 100/s, type: write }
          read: { entry: api.get, rate: 100/s, type: read }
        components:
          api:
            kind: service
            instances: 2
            zones: [a, b]
            operations:
              put:
                type: write
                latency: { p50: 1ms, p99: 2ms }
                calls:
                  - { to: db.insert, timeout: 1s }
              get:
                type: read
                latency: { p50: 1ms, p99: 2ms }
                calls:
                  - { to: db.select, timeout: 1s }
          db:
            kind: database
            instances: 1
            replicas: 1
            zones: [a, b]
            {{replication}}
            {{failover}}
            operations:
              insert: { type: write, latency: { p50: 2ms, p99: 5ms } }
              select: { type: read, latency: { p50: 2ms, p99: 5ms } }
        """;

    private static ScenarioResult Run(string yaml, SimulatedFault fault, int replications = 1)
    {
        var options = new SimulationOptions(Duration: 120, WarmUp: 5);
        var model = DesignModel.Compile(DesignSimulationTests.Load(yaml), options);
        return DesignSimulation.Run(model, new SimulationScenario("lose-a", null, [], [fault], null, null), options, replications);
    }

    private static void AssertPoisson(double expected, double observed, string what) =>
        Assert.True(Math.Abs(observed - expected) <= 4 * Math.Sqrt(expected), $"{what}: {observed} is not within 4 sd of {expected}");

    [Fact]
    public void A_zone_lost_refuses_writes_for_the_failover_and_loses_the_asynchronous_lag()
    {
        // The primary is in zone a, its one replica in b. Zone a is lost at 30s for 60s. The recovery analysis: a zone
        // failure, failover (detection 10s + promotion 5s = RTO 15s), asynchronous with a 2s lag (RPO 2s).
        // Writes refused: 100/s x 15s = 1,500, all failing as unavailable; writes lost: 100/s x 2s = 200.
        // Reads carry on from the replica in b throughout (nothing refused), and writes after 45s succeed.
        var yaml = Design("replication: { mode: asynchronous, lag: 2s }", "failover: { mode: automatic, detection: 10s, promotion: 5s }");
        var result = Run(yaml, new SimulatedFault(FaultKind.ZoneDown, "a", 30, 90, null, 0, 0));

        var failover = Assert.Single(result.Failovers);
        Assert.Equal(("db", FailureScope.Zone, RecoveryPath.Failover), (failover.Store, failover.Scope, failover.Path));
        Assert.Equal(15, failover.Rto, 1e-9);
        Assert.Equal(2, failover.Rpo, 1e-9);
        Assert.Equal(15, failover.WritesDownFor, 1e-9);
        Assert.True(failover.Recovered);
        AssertPoisson(1500, failover.WritesRefused, "writes refused");
        AssertPoisson(200, failover.WritesLost, "writes lost");
        Assert.False(failover.LostSinceStart);

        var write = result.Workflows[0];
        Assert.Equal(failover.WritesRefused, write.Unavailable);
        Assert.Equal(write.Failed, write.Unavailable);
        Assert.Equal(0, result.Workflows[1].Failed);
        var windows = result.Runs[0].Series;
        Assert.All(windows.Skip(46).Take(40), w => Assert.Equal(0, w.Workflows[0].Failed));
        Assert.All(windows.Skip(31).Take(13), w => Assert.Equal(w.Workflows[0].Completed, w.Workflows[0].Failed));
    }

    [Fact]
    public void Synchronous_replication_loses_nothing_and_a_manual_failover_takes_its_stated_time()
    {
        // Synchronous: a write is acknowledged by the primary and its standby, so the zone's loss loses none (RPO 0).
        // A manual failover of 40s: writes refused 100/s x 40s = 4,000.
        var yaml = Design("replication: { mode: synchronous }", "failover: { mode: manual, time: 40s }");
        var result = Run(yaml, new SimulatedFault(FaultKind.ZoneDown, "a", 30, 90, null, 0, 0));

        var failover = Assert.Single(result.Failovers);
        Assert.Equal((40.0, 0.0), (failover.Rto, failover.Rpo));
        Assert.Equal(0, failover.WritesLost);
        AssertPoisson(4000, failover.WritesRefused, "writes refused");
    }

    [Fact]
    public void A_fault_shorter_than_the_failover_refuses_writes_until_it_ends()
    {
        // The instance comes back after 8s, before the 15s failover would complete: writes are down 8s, 800 refused,
        // and the store is not failed over (the lost primary returns).
        var yaml = Design("replication: { mode: asynchronous, lag: 2s }", "failover: { mode: automatic, detection: 10s, promotion: 5s }");
        var result = Run(yaml, new SimulatedFault(FaultKind.InstanceDown, "db", 30, 38, 1, 0, 0));

        var failover = Assert.Single(result.Failovers);
        Assert.Equal(FailureScope.Instance, failover.Scope);
        Assert.Equal(8, failover.WritesDownFor, 1e-9);
        Assert.False(failover.Recovered);
        AssertPoisson(800, failover.WritesRefused, "writes refused");
    }

    [Fact]
    public void Writes_lost_are_averaged_over_replications_and_a_fault_that_spares_the_primary_is_no_failover()
    {
        var yaml = Design("replication: { mode: asynchronous, lag: 2s }", "failover: { mode: automatic, detection: 10s, promotion: 5s }");
        var result = Run(yaml, new SimulatedFault(FaultKind.ZoneDown, "a", 30, 90, null, 0, 0), replications: 4);
        var failover = Assert.Single(result.Failovers);
        Assert.Equal(result.Runs.Average(r => r.Failovers[0].WritesLost), failover.WritesLost, 1e-9);
        Assert.Equal(result.Runs.Average(r => r.Failovers[0].WritesRefused), failover.WritesRefused, 1e-9);

        // Zone b holds only the replica: the primary carries on, nothing to fail over.
        Assert.Empty(Run(yaml, new SimulatedFault(FaultKind.ZoneDown, "b", 30, 90, null, 0, 0)).Failovers);
    }
}
