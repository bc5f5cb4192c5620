using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;
using Xunit;
using static Plumbline.Tests.Shared.DesignBuilder;

namespace Plumbline.Analysis.Tests.Availability;

/// <summary>Redundancy a stateful service's replicas add, and worst-case times long enough to print in minutes and hours, by hand.</summary>
public sealed class RedundancyAndBudgetTests
{
    [Fact]
    public void A_stateful_service_s_replicas_are_units_beside_its_instances()
    {
        // 2 instances + 1 replica, each up 99%: 1 - 0.01^3 = 0.999999.
        var model = AvailabilityModelTests.Model(Service("api", "99%").With("stateless: false").Instances(2).With("replicas: 1").Op("op"));

        Assert.Equal(0.999999, model.Of("api").Value, 1e-12);
        Assert.Equal(0.999999, model.OfWorkflow("w")!.Value, 1e-12);
    }

    [Fact]
    public void A_stateless_service_counts_its_instances_only()
    {
        // 2 instances each up 99%: 1 - 0.01^2 = 0.9999.
        var model = AvailabilityModelTests.Model(Service("api", "99%").Instances(2).Op("op"));

        Assert.Equal(0.9999, model.Of("api").Value, 1e-12);
        Assert.Null(model.OfWorkflow("missing"));
    }

    /// <summary>
    /// The worst-case time of api.op, with <paramref name="latency"/> of its own when given, making this one call to db.get
    /// (whose own latency is a p99 of 90s unless <paramref name="dbLatency"/> says otherwise).
    /// </summary>
    internal static WorstCaseTime Worst(DesignCall call, string? latency = null, string? dbLatency = "latency: { p99: 90s }")
    {
        var design = TestDesigns.Load(DesignOf(Service("api").Op("op", latency, call), Component("db", "database").Op("get", dbLatency))
            .Workflows("w: { entry: api.op, rate: 1/s }"));
        var graph = CallGraph.Build(design);
        return TimeoutBudget.Of(graph, graph.IndexOf(new OperationRef("api", "op")));
    }

    [Fact]
    public void A_worst_case_of_two_minutes_or_more_prints_in_minutes()
    {
        // 3 attempts x 60s + (1s + 1s) constant backoff = 182s = 3.03 minutes.
        var worst = Worst(Call("db.get", "60s", more: "retries: { max: 2, backoff: constant, base: 1s }"));

        Assert.Equal(182, worst.Seconds, 9);
        Assert.Equal("latency 0s + db.get 3 x 60s + 2s backoff = 3.03m", worst.Arithmetic);
    }

    [Fact]
    public void A_worst_case_of_two_hours_or_more_prints_in_hours()
    {
        // p99 10s of its own + 1 attempt x 2h = 7,210s = 2 hours.
        var worst = Worst(Call("db.get", "2h"), "latency: { p99: 10s }");

        Assert.Equal(7210, worst.Seconds, 9);
        Assert.Equal("p99 10s + db.get 2h = 2h", worst.Arithmetic);
    }

    [Fact]
    public void An_attempt_without_a_timeout_waits_for_the_callee_s_own_worst_case()
    {
        // 2 attempts x db.get's 90s = 180s = 3 minutes.
        var worst = Worst(Call("db.get", timeout: null, more: "retries: 1"));

        Assert.Equal(180, worst.Seconds, 9);
        Assert.Equal("latency 0s + db.get 2 x 90s (no timeout: its own worst case) = 3m", worst.Arithmetic);
    }

    private static (int Copies, CopiesBasis Basis) Copies(string component)
    {
        var design = TestDesigns.Load($$"""
            plumbline: 1
            system: { name: t }
            workflows:
              w: { entry: s.get, rate: 1/s }
            components:
              s: {{component}}
            """);
        return StoreCopies.Of(design.FindComponent("s")!);
    }

    [Fact]
    public void A_store_s_copies_of_one_shard_are_its_replicas_over_its_primaries_plus_one()
    {
        // 2 primaries and 4 replicas: each shard has 1 + 4 / 2 = 3 copies.
        Assert.Equal((3, CopiesBasis.Replicas), Copies("{ kind: database, instances: 2, replicas: 4, operations: { get: {} } }"));

        // 3 primaries and 2 replicas: not every shard has a replica, so one copy is all that is sure.
        Assert.Equal((1, CopiesBasis.Replicas), Copies("{ kind: database, instances: 3, replicas: 2, operations: { get: {} } }"));
    }

    [Fact]
    public void Stated_copies_win_and_an_object_store_keeps_one_per_zone()
    {
        Assert.Equal((5, CopiesBasis.Stated), Copies("{ kind: database, replicas: 1, replication: { copies: 5 }, operations: { get: {} } }"));
        Assert.Equal((3, CopiesBasis.OnePerZone), Copies("{ kind: object_store, zones: [a, b, c], operations: { get: {} } }"));
        Assert.Equal((1, CopiesBasis.Replicas), Copies("{ kind: object_store, zones: [a], operations: { get: {} } }"));
        Assert.Equal((2, CopiesBasis.Replicas), Copies("{ kind: object_store, replicas: 1, zones: [a, b, c], operations: { get: {} } }"));
        Assert.Equal((3, CopiesBasis.Replicas), Copies("{ kind: database, replicas: 2, zones: [a, b, c], operations: { get: {} } }"));
    }

    [Fact]
    public void Downtime_is_the_unavailable_share_of_the_period_and_never_negative()
    {
        // 0.1% of 30 days (2,592,000 s) = 2,592 s.
        Assert.Equal(2_592_000, Nines.SecondsPer30Days);
        Assert.Equal(2_592, Nines.Downtime(0.999, Nines.SecondsPer30Days), 6);
        Assert.Equal(0, Nines.Downtime(1.0001, 100));
    }
}
