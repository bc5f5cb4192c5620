using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Graph;
using Xunit;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Tests.Availability;

/// <summary>
/// The availability model against the textbook arithmetic, computed by hand in each test's comment:
/// series, parallel instances, a fallback to another operation, k of n, shared zones, regions
/// active-active and failover, shares, fan-out, SLAs and what is left out. Every figure to 1e-9 or
/// better; docs/availability.md works the same examples.
/// </summary>
public sealed class AvailabilityModelTests
{
    private const double Precision = 1e-12;

    internal static AvailabilityModel Model(string components, string workflows = "  w: { entry: api.op, rate: 10/s }", string extra = "")
    {
        var design = TestDesigns.Load($"""
            plumbline: 1
            system: {"{"} name: t {"}"}
            workflows:
            {workflows}
            {extra}
            components:
            {components}
            """);
        return new AvailabilityModel(design, CallGraph.Build(design));
    }

    [Fact]
    public void Two_99_9_percent_services_in_series_give_99_8001_percent()
    {
        // 0.999 x 0.999 = 0.998001: no zone term is assumed when no zones are listed.
        var model = Model("""
              api:
                kind: service
                availability: 99.9%
                operations:
                  op:
                    calls:
                      - { to: db.get, timeout: 1s }
              db:
                kind: database
                availability: 99.9%
                operations: { get: {} }
            """);
        var w = model.OfWorkflow("w")!;

        Assert.Equal(0.998001, w.Value, Precision);
        Assert.Equal("99.8001%", Quantities.Availability(w.Value));
        Assert.Equal(["api.op", "db.get"], w.Factors.Select(f => f.Operation));
        Assert.Equal("api.op 99.9% x db.get 99.9% = 99.8001%", w.Arithmetic);
        Assert.Equal(0, w.Uncertainty);
        Assert.Empty(w.SharedDomains);
    }

    [Fact]
    public void Three_99_9_percent_instances_in_parallel_give_nine_nines()
    {
        // 1 - (1 - 0.999)^3 = 1 - 1e-9.
        var model = Model("""
              api:
                kind: service
                instances: 3
                availability: 99.9%
                operations: { op: {} }
            """);

        Assert.Equal(1 - 1e-9, model.Of("api").Value, 1e-15);
        Assert.Equal(1 - 1e-9, model.OfWorkflow("w")!.Value, 1e-15);
        Assert.Equal("99.9999999%", Quantities.Availability(model.Of("api").Value));
        Assert.Equal("api: any of 3 instances at 99.9% each (1 - (1 - 99.9%)^3) = 99.9999999%", model.Of("api").Arithmetic);
        Assert.Equal(1 - 1e-9, AvailabilityModel.Parallel(0.999, 3), 1e-15);
    }

    [Fact]
    public void A_fallback_to_another_operation_succeeds_when_either_does()
    {
        // The insert or, when it fails, the queue: 0.99 + (1 - 0.99) x 0.95 = 0.9995.
        var model = Model("""
              api:
                kind: service
                availability: 100%
                operations:
                  op:
                    calls:
                      - { to: db.insert, timeout: 100ms, fallback: { to: spool.publish } }
              db:
                kind: database
                availability: 99%
                operations: { insert: { type: write } }
              spool:
                kind: queue
                availability: 95%
                operations: { publish: { type: write } }
            """);
        var w = model.OfWorkflow("w")!;

        Assert.Equal(0.9995, w.Value, Precision);
        Assert.Equal("api.op 100% x (db.insert 99%, else spool.publish 95%)", w.Expression);
        Assert.Equal(["api.op"], w.Factors.Select(f => f.Operation)); // neither alone fails the request
    }

    [Fact]
    public void A_free_text_fallback_degrades_the_answer_and_leaves_the_call_out()
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
        Assert.Equal(0.99, w.Value, Precision);
    }

    [Fact]
    public void A_two_of_three_write_quorum_and_a_one_of_three_read()
    {
        // Each copy 99%. Writes: P(at least 2 of 3) = a^3 + 3a^2(1 - a) = 0.970299 + 0.029403 = 0.999702.
        // Reads: 1 - 0.01^3 = 0.999999.
        var components = """
              api:
                kind: service
                availability: 100%
                operations:
                  op:
                    calls:
                      - { to: db.insert, timeout: 100ms }
                  read:
                    calls:
                      - { to: db.get, timeout: 100ms }
                  both:
                    calls:
                      - { to: db.get, timeout: 100ms }
                      - { to: db.insert, timeout: 100ms }
              db:
                kind: database
                instances: 1
                replicas: 2
                quorum: { reads: 1 of 3, writes: 2 of 3 }
                availability: 99%
                operations:
                  get: { type: read }
                  insert: { type: write }
            """;
        var model = Model(components, """
              w: { entry: api.op, rate: 10/s }
              r: { entry: api.read, rate: 10/s }
              b: { entry: api.both, rate: 10/s }
            """);

        Assert.Equal(0.999702, model.OfWorkflow("w")!.Value, Precision);
        Assert.Equal(0.999999, model.OfWorkflow("r")!.Value, Precision);
        Assert.Equal(0.999702, AvailabilityModel.AtLeast(2, 3, 0.99), Precision);

        // Reading and writing the same copies: the write quorum implies the read one, so 0.999702,
        // not 0.999999 x 0.999702 as if they were independent.
        var both = model.OfWorkflow("b")!;
        Assert.Equal(0.999702, both.Value, Precision);
        Assert.Equal(0.999999 * 0.999702, both.Independent, Precision);
        Assert.Equal("db: 1 of 3 for reads, 2 of 3 for writes copies of a shard at 99% each = 99.9999% for reads, 99.9702% for writes", model.Of("db").Arithmetic);
    }

    [Fact]
    public void A_store_counts_the_copies_its_replication_states()
    {
        // A queue of 3 brokers keeping 3 copies of each partition (replication.copies: 3), each copy 99%:
        // any of the 3 copies serves, 1 - 0.01^3 = 0.999999. Without replication.copies the brokers share
        // the partitions, 1 + replicas / instances = 1 copy: 0.99. A database of 1 primary and 2 replicas
        // that states 2 copies: 1 - 0.01^2 = 0.9999, not the 3 copies its replicas would suggest.
        static string Store(string replication, string kind = "queue", int instances = 3, int replicas = 0) => $$"""
              api:
                kind: service
                availability: 100%
                operations:
                  op:
                    calls:
                      - { to: store.put, timeout: 100ms }
              store:
                kind: {{kind}}
                instances: {{instances}}
                replicas: {{replicas}}
                availability: 99%
                {{replication}}
                operations:
                  put: { type: write }
            """;

        Assert.Equal(0.999999, Model(Store("replication: { copies: 3 }")).OfWorkflow("w")!.Value, Precision);
        Assert.Equal("store: any of 3 copies of a shard at 99% each (1 - (1 - 99%)^3) = 99.9999%", Model(Store("replication: { copies: 3 }")).Of("store").Arithmetic);
        Assert.Equal(0.99, Model(Store(string.Empty)).OfWorkflow("w")!.Value, Precision);
        Assert.Equal(0.9999, Model(Store("replication: { copies: 2 }", "database", 1, 2)).OfWorkflow("w")!.Value, Precision);
        Assert.Equal(0.999999, Model(Store(string.Empty, "database", 1, 2)).OfWorkflow("w")!.Value, Precision);
    }

    [Fact]
    public void Zones_shared_by_two_components_are_one_event()
    {
        // a and b each run 2 instances at 99%, one in zone a, one in zone b; each zone 99.9%.
        // Condition on the zones: both up (0.999^2): each service 1 - 0.01^2, both (0.9999)^2;
        // one down (2 x 0.999 x 0.001): each has one instance left, 0.99^2; both down: 0.
        // = 0.998001 x 0.99980001 + 0.001998 x 0.9801 = 0.99975964958001.
        var model = Model("""
              api:
                kind: service
                availability: 100%
                operations:
                  op:
                    calls:
                      - { to: a.get, timeout: 1s }
                      - { to: b.get, timeout: 1s }
              a:
                kind: service
                instances: 2
                zones: [za, zb]
                availability: 99%
                operations: { get: {} }
              b:
                kind: service
                instances: 2
                zones: [za, zb]
                availability: 99%
                operations: { get: {} }
            """, extra: """
            regions:
              main: { zones: [za, zb], availability: 100%, zone_availability: 99.9% }
            """);
        var w = model.OfWorkflow("w")!;

        Assert.Equal((0.998001 * 0.99980001) + (0.001998 * 0.9801), w.Value, Precision);
        Assert.Equal(["zone za", "zone zb"], w.SharedDomains);
        Assert.Equal(4, w.States);

        // Multiplying the two components' own figures counts the zones twice and overstates it.
        var own = model.Of("a").Value;
        Assert.Equal((0.998001 * 0.9999) + (0.001998 * 0.99), own, Precision);
        Assert.True(own * own < w.Value);
    }

    [Fact]
    public void One_instance_per_zone_in_the_same_zone_counts_the_zone_once()
    {
        // Both in zone za (99.9%), each instance 99%: 0.999 x 0.99 x 0.99, not 0.999^2 x 0.99^2.
        var model = Model("""
              api:
                kind: service
                zones: [za]
                availability: 99%
                operations:
                  op:
                    calls:
                      - { to: db.get, timeout: 1s }
              db:
                kind: database
                zones: [za]
                availability: 99%
                operations: { get: {} }
            """, extra: """
            regions:
              main: { zones: [za], availability: 100%, zone_availability: 99.9% }
            """);

        Assert.Equal(0.999 * 0.99 * 0.99, model.OfWorkflow("w")!.Value, Precision);
    }

    [Fact]
    public void Zones_listed_without_a_stated_availability_are_assumed_and_said_so()
    {
        var model = Model("""
              api:
                kind: service
                instances: 2
                zones: [a, b]
                availability: 99%
                operations: { op: {} }
            """);
        var w = model.OfWorkflow("w")!;

        // 1 - (1 - 0.9999 x 0.99)^2 with the zones independent here (one component).
        Assert.Equal(1 - Math.Pow(1 - (0.9999 * 0.99), 2), w.Value, Precision);
        Assert.Contains("zone a 99.99% (no zone_availability stated)", w.Assumptions);
        Assert.Contains("zones a, b (99.99% each, assumed)", model.Of("api").Arithmetic, StringComparison.Ordinal);
    }

    [Fact]
    public void Regions_active_active_and_failover()
    {
        // One instance at 99% in each of two regions (99.9% each; zones 100%).
        // Active-active: 1 - (1 - 0.999 x 0.99)^2 = 0.9998792199.
        // Failover, east first: east up and its instance up, or east down and west up and its instance up:
        // 0.999 x 0.99 + 0.001 x 0.999 x 0.99 = 0.98999901.
        const string regions = """
            regions:
              east: { zones: [e1], availability: 99.9%, zone_availability: 100% }
              west: { zones: [w1], availability: 99.9%, zone_availability: 100% }
            """;
        static string Service(string mode) => $"""
              api:
                kind: service
                instances: 2
                zones: [e1, w1]
                multi_region: {mode}
                availability: 99%
                operations: {"{"} op: {"{}"} {"}"}
            """;

        Assert.Equal(0.9998792199, Model(Service("active_active"), extra: regions).OfWorkflow("w")!.Value, Precision);
        Assert.Equal(0.98999901, Model(Service("failover"), extra: regions).OfWorkflow("w")!.Value, Precision);
    }

    [Fact]
    public void Two_components_in_the_same_two_regions_condition_on_the_regions()
    {
        // Same numbers as the shared zones: each region 99.9%, each component one 99% instance per region.
        var model = Model("""
              api:
                kind: service
                availability: 100%
                operations:
                  op:
                    calls:
                      - { to: a.get, timeout: 1s }
                      - { to: b.get, timeout: 1s }
              a:
                kind: service
                instances: 2
                zones: [e1, w1]
                multi_region: active_active
                availability: 99%
                operations: { get: {} }
              b:
                kind: service
                instances: 2
                zones: [e1, w1]
                multi_region: active_active
                availability: 99%
                operations: { get: {} }
            """, extra: """
            regions:
              east: { zones: [e1], availability: 99.9%, zone_availability: 100% }
              west: { zones: [w1], availability: 99.9%, zone_availability: 100% }
            """);

        Assert.Equal((0.998001 * 0.99980001) + (0.001998 * 0.9801), model.OfWorkflow("w")!.Value, Precision);
    }

    [Fact]
    public void A_call_made_on_a_share_of_requests_costs_only_that_share()
    {
        // 0.9 + 0.1 x 0.99 = 0.999.
        var model = Model("""
              api:
                kind: service
                availability: 100%
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

        Assert.Equal(0.999, w.Value, Precision);
        Assert.Equal(0.1, w.Factors[1].Share, Precision);
        Assert.Equal("db.get (10% of requests)", w.Factors[1].Description);
        Assert.Equal("api.op 100% x (90% + 10% x db.get 99%)", w.Expression);
    }

    [Fact]
    public void A_fan_out_needs_the_component_up_once_not_once_per_call()
    {
        // Three calls at the same moment see the same component: 0.99, not 0.99^3.
        var model = Model("""
              api:
                kind: service
                availability: 100%
                operations:
                  op:
                    calls:
                      - { to: search.query, count: 3, timeout: 1s }
              search:
                kind: service
                availability: 99%
                operations: { query: {} }
            """);
        var w = model.OfWorkflow("w")!;

        Assert.Equal(0.99, w.Value, Precision);
        Assert.Equal(3, w.Factors[1].Calls, Precision);
        Assert.Equal("search.query (x3 calls)", w.Factors[1].Description);
    }

    [Fact]
    public void Shares_and_fan_out_below_a_share_compose_exactly()
    {
        // api -> b (p 0.5) -> c (p 0.5, count 2); c at 99%, the rest 100%. Given c up every request
        // succeeds; given c down one succeeds unless it reaches c: 1 - 0.5 x 0.5 = 0.75.
        // = 0.99 + 0.01 x 0.75 = 0.9975.
        var model = Model("""
              api:
                kind: service
                availability: 100%
                operations:
                  op:
                    calls:
                      - { to: b.get, probability: 0.5, timeout: 1s }
              b:
                kind: service
                availability: 100%
                operations:
                  get:
                    calls:
                      - { to: c.get, probability: 0.5, count: 2, timeout: 1s }
              c:
                kind: service
                availability: 99%
                operations: { get: {} }
            """);
        var w = model.OfWorkflow("w")!;

        Assert.Equal(0.9975, w.Value, Precision);
        Assert.Equal(0.25, w.Factors.Single(f => f.Component == "c").Share, Precision);
    }

    [Fact]
    public void A_call_after_a_cache_is_made_on_its_misses()
    {
        // 0.9 + 0.1 x 0.99 = 0.999 (the cache call itself has a fallback).
        var model = Model("""
              api:
                kind: service
                availability: 100%
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

        Assert.Equal(0.999, model.OfWorkflow("w")!.Value, Precision);
    }

    [Fact]
    public void A_stated_sla_is_honoured_for_every_kind()
    {
        // A load balancer with an SLA counts at its SLA, not at an instance default.
        var model = Model("""
              api:
                kind: load_balancer
                zones: [a, b, c]
                sla: 99.99%
                operations:
                  op:
                    calls:
                      - { to: vendor.lookup, timeout: 1s }
              vendor:
                kind: external
                operations: { lookup: {} }
            """, extra: """
            requirements:
              dependencies:
                - { name: vendor, component: vendor, sla: 99.5% }
            """);

        Assert.Equal(0.9999, model.Of("api").Value, Precision);
        Assert.Equal("api: sla 99.99%, one provider-managed whole = 99.99%", model.Of("api").Arithmetic);
        Assert.Equal(0.995, model.Of("vendor").Value, Precision);
        Assert.Equal(0.9999 * 0.995, model.OfWorkflow("w")!.Value, Precision);
        Assert.Empty(model.OfWorkflow("w")!.Assumptions);
    }

    [Fact]
    public void An_unstated_availability_is_assumed_and_listed()
    {
        var model = Model("""
              api:
                kind: service
                operations:
                  op:
                    calls:
                      - { to: vendor.lookup, timeout: 1s }
              vendor:
                kind: external
                operations: { lookup: {} }
            """);
        var w = model.OfWorkflow("w")!;

        Assert.Equal(0.999 * 0.999, w.Value, Precision);
        Assert.Equal(["api 99.9% per instance (no availability stated)", "vendor 99.9% (external, no sla stated)"], w.Assumptions);
    }

    [Fact]
    public void A_client_is_outside_the_system()
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
                availability: 99.5%
                operations: { op: {} }
            """, "  v: { entry: browser.open, rate: 1/s }");

        Assert.Equal(1, model.Of("browser").Value);
        Assert.Equal(0.995, model.OfWorkflow("v")!.Value, Precision);
    }

    [Fact]
    public void A_store_counts_the_copies_of_one_shard_not_every_node()
    {
        // 2 shards, 4 replicas: 3 copies per shard, 1 - 0.01^3.
        var model = Model("""
              api:
                kind: service
                availability: 100%
                operations:
                  op:
                    calls:
                      - { to: db.get, timeout: 1s }
              db:
                kind: database
                instances: 2
                replicas: 4
                availability: 99%
                operations: { get: {} }
            """);

        Assert.Equal(3, model.Of("db").Parallel);
        Assert.Equal(1 - 1e-6, model.OfWorkflow("w")!.Value, Precision);
    }

    [Theory]
    [InlineData(0.998001, "99.8001%")]
    [InlineData(0.999999999, "99.9999999%")]
    [InlineData(0.9995, "99.95%")]
    [InlineData(0.999899, "99.9899%")]
    [InlineData(0.99, "99%")]
    [InlineData(0.5, "50%")]
    [InlineData(1.0, "100%")]
    public void Percentages_keep_four_significant_digits_of_the_unavailability(double value, string text) =>
        Assert.Equal(text, Quantities.Availability(value));

    [Fact]
    public void Compared_figures_print_with_enough_digits_to_differ()
    {
        Assert.Equal(("99.98999%", "99.99%", false), Quantities.CompareAvailability(0.99989999, 0.9999));
        Assert.Equal("98.999%", Quantities.Availability(0.98999901));
        Assert.True(Quantities.CompareAvailability(0.9999, 0.9999).Equal);
    }

    [Fact]
    public void Downtime_is_the_unavailability_times_the_period()
    {
        var model = Model("""
              api:
                kind: service
                availability: 99.9%
                operations: { op: {} }
            """);
        var w = model.OfWorkflow("w")!;

        Assert.Equal(0.001 * 30 * 86_400, w.DowntimePer30Days, 1e-6);   // 43.2 minutes
        Assert.Equal(0.001 * 31_557_600, w.DowntimePerYear, 1e-6);      // 8.77 hours
        Assert.Equal("43.2m", Quantities.Duration(w.DowntimePer30Days));
    }
}
