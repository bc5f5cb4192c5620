using Plumbline.Analysis.Availability;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Resilience;

/// <summary>The availability model against hand-computed values: series, parallel copies, zones, shares, fan-out, and what is left out.</summary>
public sealed class AvailabilityArithmeticTests
{
    private const double Zone = 0.9999;
    private const double Precision = 1e-12;

    private static AvailabilityModel Model(string components, string workflows = "") =>
        ResilienceRules.Context($"""
            plumbline: 1
            system: {"{"} name: t {"}"}
            workflows:
              w: {"{"} entry: api.op, rate: 10/s {"}"}
            {workflows}
            components:
            {components}
            """).Availability;

    [Fact]
    public void Two_instances_at_99_percent_are_99_99_percent_times_the_zone_layer()
    {
        Assert.Equal(0.9999, AvailabilityModel.Parallel(0.99, 2), Precision);
        var model = Model("""
              api:
                kind: service
                instances: 2
                availability: 99%
                operations: { op: {} }
            """);
        var api = model.Of("api");
        Assert.Equal(2, api.Parallel);
        Assert.Equal(1, api.Zones);
        Assert.Equal(0.9999 * Zone, api.Value, Precision);
        Assert.Equal(0.9999 * Zone, model.OfWorkflow("w")!.Value, Precision);
    }

    [Fact]
    public void Zones_are_a_parallel_layer_of_their_own()
    {
        var model = Model("""
              api:
                kind: service
                instances: 2
                zones: [a, b]
                availability: 99%
                operations: { op: {} }
            """);

        // (1 - 0.01^2) x (1 - 0.0001^2)
        Assert.Equal(0.9999 * 0.99999999, model.Of("api").Value, Precision);
        Assert.Equal(0.9999 * 0.99999999, AvailabilityModel.Compose(0.99, 2, 2), Precision);
    }

    [Fact]
    public void Three_components_in_series_multiply()
    {
        var model = Model("""
              api:
                kind: service
                availability: 99%
                operations:
                  op:
                    calls:
                      - { to: orders.get, timeout: 1s }
              orders:
                kind: service
                availability: 99.5%
                operations:
                  get:
                    calls:
                      - { to: db.get, timeout: 1s }
              db:
                kind: database
                availability: 99.9%
                operations: { get: {} }
            """);
        var w = model.OfWorkflow("w")!;
        Assert.Equal(0.99 * 0.995 * 0.999 * Zone * Zone * Zone, w.Value, Precision);
        Assert.Equal(["api.op", "orders.get", "db.get"], w.Factors.Select(f => f.Operation));
        Assert.Equal("api", w.Weakest!.Component);
        Assert.Equal("api.op 98.99% x orders.get 99.49% x db.get 99.89% = 98.38%", w.Arithmetic);
    }

    [Fact]
    public void A_store_counts_the_copies_of_one_shard_not_every_node()
    {
        var model = Model("""
              api:
                kind: service
                operations: { op: {} }
              db:
                kind: database
                instances: 2         # shards
                replicas: 4          # two per shard: three copies
                zones: [a, b, c]
                availability: 99%
                operations: { get: {} }
            """);
        var db = model.Of("db");
        Assert.Equal(3, db.Parallel);
        Assert.Equal((1 - 1e-6) * (1 - 1e-12), db.Value, Precision);
        Assert.Contains("^3 copies per shard", db.Arithmetic, StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_made_on_a_share_of_requests_costs_only_that_share()
    {
        var model = Model("""
              api:
                kind: service
                availability: 100%
                zones: [a, b, c]
                operations:
                  op:
                    calls:
                      - { to: db.get, probability: 0.1, timeout: 1s }
              db:
                kind: database
                availability: 99%
                operations: { get: {} }
            """);
        var w = model.OfWorkflow("w")!;
        var db = 0.99 * Zone;
        Assert.Equal(1 - (0.1 * (1 - db)), w.Factors[1].Factor, Precision);
        Assert.Equal(0.1, w.Factors[1].Share, Precision);
        Assert.Equal("db.get (10% of requests)", w.Factors[1].Description);
    }

    [Fact]
    public void A_fan_out_needs_every_call_to_succeed()
    {
        var model = Model("""
              api:
                kind: service
                availability: 100%
                zones: [a, b, c]
                operations:
                  op:
                    calls:
                      - { to: search.query, count: 3, timeout: 1s }
              search:
                kind: service
                availability: 99%
                operations: { query: {} }
            """);
        var factor = model.OfWorkflow("w")!.Factors[1];
        Assert.Equal(Math.Pow(0.99 * Zone, 3), factor.Factor, Precision);
        Assert.Equal(3, factor.Calls, Precision);
        Assert.Equal("search.query (x3 calls)", factor.Description);
    }

    [Fact]
    public void Shares_multiply_down_a_path()
    {
        var model = Model("""
              api:
                kind: service
                availability: 100%
                zones: [a, b, c]
                operations:
                  op:
                    calls:
                      - { to: b.get, probability: 0.5, timeout: 1s }
              b:
                kind: service
                availability: 100%
                zones: [a, b, c]
                operations:
                  get:
                    calls:
                      - { to: c.get, probability: 0.5, count: 2, timeout: 1s }
              c:
                kind: service
                availability: 99%
                operations: { get: {} }
            """);
        var c = model.OfWorkflow("w")!.Factors.Single(f => f.Component == "c");
        Assert.Equal(0.25, c.Share, Precision);
        Assert.Equal(2, c.Calls, Precision);
        Assert.Equal(1 - (0.25 * (1 - Math.Pow(0.99 * Zone, 2))), c.Factor, Precision);
    }

    [Fact]
    public void Calls_with_a_fallback_and_async_calls_are_left_out()
    {
        var model = Model("""
              api:
                kind: service
                availability: 99%
                operations:
                  op:
                    calls:
                      - { to: recs.get, timeout: 50ms, fallback: no recommendations }
                      - { to: events.publish, async: true }
              recs:
                kind: service
                availability: 90%
                operations: { get: {} }
              events:
                kind: queue
                availability: 90%
                consumers: [recs.get]
                operations: { publish: {} }
            """);
        var w = model.OfWorkflow("w")!;
        Assert.Equal(["api.op"], w.Factors.Select(f => f.Operation));
        Assert.Equal(0.99 * Zone, w.Value, Precision);
    }

    [Fact]
    public void A_call_after_a_cache_is_made_on_its_misses()
    {
        var model = Model("""
              api:
                kind: service
                availability: 100%
                zones: [a, b, c]
                operations:
                  op:
                    calls:
                      - { to: cache.get, timeout: 10ms, fallback: read the database }
                      - { to: db.get, timeout: 100ms }
              cache:
                kind: cache
                hit_ratio: 0.9
                operations: { get: {} }
              db:
                kind: database
                availability: 99%
                operations: { get: {} }
            """);
        var db = model.OfWorkflow("w")!.Factors.Single(f => f.Component == "db");
        Assert.Equal(0.1, db.Share, 1e-9);
        Assert.Equal(1 - (0.1 * (1 - (0.99 * Zone))), db.Factor, 1e-9);
    }

    [Fact]
    public void An_external_counts_at_its_sla_and_a_client_at_100_percent()
    {
        var model = Model("""
              browser:
                kind: client
                operations:
                  open:
                    calls:
                      - { to: api.op, timeout: 5s }
              api:
                kind: service
                availability: 100%
                zones: [a, b, c]
                operations:
                  op:
                    calls:
                      - { to: vendor.lookup, timeout: 1s }
              vendor:
                kind: external
                sla: 99.5%
                operations: { lookup: {} }
            """, "  v: { entry: browser.open, rate: 1/s }");
        Assert.Equal(1, model.Of("browser").Value);
        Assert.Equal(0.995, model.Of("vendor").Value, Precision);
        Assert.Equal("vendor: SLA 99.5%", model.Of("vendor").Arithmetic);
        Assert.Equal(0.995 * (1 - 1e-12), model.OfWorkflow("v")!.Value, Precision);
    }

    [Theory]
    [InlineData(0.9995, "99.95%")]
    [InlineData(0.999899, "99.9899%")]
    [InlineData(0.99, "99%")]
    [InlineData(0.5, "50%")]
    [InlineData(1.0, "100%")]
    public void Percentages_show_enough_nines_to_compare(double value, string text) =>
        Assert.Equal(text, AvailabilityModel.Percent(value));

    [Fact]
    public void An_unreachable_slo_is_high_and_shows_the_arithmetic()
    {
        var findings = ResilienceRules.Review("""
            plumbline: 1
            system: { name: shop }
            workflows:
              checkout: { entry: api.checkout, rate: 20/s }
            components:
              api:
                kind: service
                instances: 2
                availability: 99%
                operations:
                  checkout:
                    calls:
                      - { to: db.insert, timeout: 200ms }
              db:
                kind: database
                availability: 99.9%
                operations:
                  insert: { type: write, idempotent: true }
            slos:
              - { name: checkout-ok, workflow: checkout, sli: availability, objective: 99.9% }
            """).Of("slo-unreachable-availability");

        // api: (1 - 0.01^2) x 99.99% = 99.980001%; db: 99.9% x 99.99% = 99.890011%; together 99.870033%.
        var finding = Assert.Single(findings);
        Assert.Equal(Plumbline.Analysis.Review.Severity.High, finding.Severity);
        Assert.Equal("slo-unreachable-availability@checkout-ok", finding.Key);
        Assert.Equal(
            "checkout-ok asks 99.9% of checkout, but its synchronous path reaches only api.checkout 99.98% x db.insert 99.89% = 99.87%; "
            + "the weakest link is db: 1 - (1 - 99.9%)^1 copy per shard x 1 - (1 - 99.99%)^1 zone = 99.89%",
            finding.Message);
    }
}
