using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Graph;
using Xunit;
using Plumbline.Design.Text;
using static Plumbline.Tests.Shared.DesignBuilder;

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

    /// <summary>Regions east (zone e1) and west (zone w1), each 99.9% with its zone 100%.</summary>
    internal const string EastAndWest = """
        regions:
          east: { zones: [e1], availability: 99.9%, zone_availability: 100% }
          west: { zones: [w1], availability: 99.9%, zone_availability: 100% }
        """;

    /// <summary>One region, main, of these zones at 100% with each zone at <paramref name="zoneAvailability"/>.</summary>
    internal static string OneRegion(string zones, string zoneAvailability) => $$"""
        regions:
          main: { zones: {{zones}}, availability: 100%, zone_availability: {{zoneAvailability}} }
        """;

    internal static AvailabilityModel Model(DesignBuilder yaml)
    {
        var design = TestDesigns.Load(yaml.Text);
        return new AvailabilityModel(design, CallGraph.Build(design));
    }

    internal static AvailabilityModel Model(params DesignComponent[] components) => Model(DesignOf(components));

    [Fact]
    public void Two_99_9_percent_services_in_series_give_99_8001_percent()
    {
        // 0.999 x 0.999 = 0.998001: no zone term is assumed when no zones are listed.
        var model = Model(Api("99.9%", Call("db.get")), Component("db", "database", "99.9%").Op("get"));
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
        var model = Model(Service("api", "99.9%").Instances(3).Op("op"));

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
        var model = Model(
            Api("100%", Call("db.insert", "100ms", fallback: "spool.publish")),
            Component("db", "database", "99%").Op("insert", "type: write"),
            Component("spool", "queue", "95%").Op("publish", "type: write"));
        var w = model.OfWorkflow("w")!;

        Assert.Equal(0.9995, w.Value, Precision);
        Assert.Equal("api.op 100% x (db.insert 99%, else spool.publish 95%)", w.Expression);
        Assert.Equal(["api.op"], w.Factors.Select(f => f.Operation)); // neither alone fails the request
    }

    [Fact]
    public void A_free_text_fallback_degrades_the_answer_and_leaves_the_call_out()
    {
        var model = Model(
            Api("99%", Call("recs.get", "50ms", degrade: "no recommendations"), Call("events.publish", timeout: null, async: true)),
            Service("recs", "90%").Op("get"),
            Component("events", "queue", "90%").With("consumers: [recs.get]").Op("publish"));
        var w = model.OfWorkflow("w")!;

        Assert.Equal(["api.op"], w.Factors.Select(f => f.Operation));
        Assert.Equal(0.99, w.Value, Precision);
    }

    [Fact]
    public void A_two_of_three_write_quorum_and_a_one_of_three_read()
    {
        // Each copy 99%. Writes: P(at least 2 of 3) = a^3 + 3a^2(1 - a) = 0.970299 + 0.029403 = 0.999702.
        // Reads: 1 - 0.01^3 = 0.999999.
        var model = Model(DesignOf(
                Service("api", "100%")
                    .Op("op", Call("db.insert", "100ms"))
                    .Op("read", Call("db.get", "100ms"))
                    .Op("both", Call("db.get", "100ms"), Call("db.insert", "100ms")),
                Quorum("1 of 3", "2 of 3").Op("get", "type: read").Op("insert", "type: write"))
            .Workflows(DefaultWorkflow, "r: { entry: api.read, rate: 10/s }", "b: { entry: api.both, rate: 10/s }"));

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
        static DesignComponent[] Store(string? replication, string kind = "queue", int instances = 3, int replicas = 0) =>
        [
            Api("100%", Call("store.put", "100ms")),
            Component("store", kind, "99%").Instances(instances).With($"replicas: {replicas}")
                .With(replication is null ? [] : [replication]).Op("put", "type: write"),
        ];

        Assert.Equal(0.999999, Model(Store("replication: { copies: 3 }")).OfWorkflow("w")!.Value, Precision);
        Assert.Equal("store: any of 3 copies of a shard at 99% each (1 - (1 - 99%)^3) = 99.9999%", Model(Store("replication: { copies: 3 }")).Of("store").Arithmetic);
        Assert.Equal(0.99, Model(Store(null)).OfWorkflow("w")!.Value, Precision);
        Assert.Equal(0.9999, Model(Store("replication: { copies: 2 }", "database", 1, 2)).OfWorkflow("w")!.Value, Precision);
        Assert.Equal(0.999999, Model(Store(null, "database", 1, 2)).OfWorkflow("w")!.Value, Precision);
    }

    [Fact]
    public void Zones_shared_by_two_components_are_one_event()
    {
        // a and b each run 2 instances at 99%, one in zone a, one in zone b; each zone 99.9%.
        // Condition on the zones: both up (0.999^2): each service 1 - 0.01^2, both (0.9999)^2;
        // one down (2 x 0.999 x 0.001): each has one instance left, 0.99^2; both down: 0.
        // = 0.998001 x 0.99980001 + 0.001998 x 0.9801 = 0.99975964958001.
        var model = Model(DesignOf(
                Api("100%", Call("a.get"), Call("b.get")),
                Service("a", "99%").Instances(2).Zones("za", "zb").Op("get"),
                Service("b", "99%").Instances(2).Zones("za", "zb").Op("get"))
            .With(OneRegion("[za, zb]", "99.9%")));
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
        var model = Model(DesignOf(
                Service("api", "99%").Zones("za").Op("op", Call("db.get")),
                Component("db", "database", "99%").Zones("za").Op("get"))
            .With(OneRegion("[za]", "99.9%")));

        Assert.Equal(0.999 * 0.99 * 0.99, model.OfWorkflow("w")!.Value, Precision);
    }

    [Fact]
    public void Zones_listed_without_a_stated_availability_are_assumed_and_said_so()
    {
        var model = Model(Service("api", "99%").Instances(2).Zones("a", "b").Op("op"));
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
        static DesignBuilder Across(string mode) =>
            DesignOf(Service("api", "99%").Instances(2).Zones("e1", "w1").With($"multi_region: {mode}").Op("op")).With(EastAndWest);

        Assert.Equal(0.9998792199, Model(Across("active_active")).OfWorkflow("w")!.Value, Precision);
        Assert.Equal(0.98999901, Model(Across("failover")).OfWorkflow("w")!.Value, Precision);
    }

    [Fact]
    public void Two_components_in_the_same_two_regions_condition_on_the_regions()
    {
        // Same numbers as the shared zones: each region 99.9%, each component one 99% instance per region.
        var model = Model(DesignOf(
                Api("100%", Call("a.get"), Call("b.get")),
                ActiveActive("a").Op("get"),
                ActiveActive("b").Op("get"))
            .With(EastAndWest));

        Assert.Equal((0.998001 * 0.99980001) + (0.001998 * 0.9801), model.OfWorkflow("w")!.Value, Precision);
    }

    [Fact]
    public void A_call_made_on_a_share_of_requests_costs_only_that_share()
    {
        // 0.9 + 0.1 x 0.99 = 0.999.
        var model = Model(Api("100%", Call("db.get", probability: 0.1)), Component("db", "database", "99%").Op("get"));
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
        var model = Model(Api("100%", Call("search.query", count: 3)), Service("search", "99%").Op("query"));
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
        var model = Model(
            Api("100%", Call("b.get", probability: 0.5)),
            Service("b", "100%").Op("get", Call("c.get", probability: 0.5, count: 2)),
            Service("c", "99%").Op("get"));
        var w = model.OfWorkflow("w")!;

        Assert.Equal(0.9975, w.Value, Precision);
        Assert.Equal(0.25, w.Factors.Single(f => f.Component == "c").Share, Precision);
    }

    [Fact]
    public void A_call_after_a_cache_is_made_on_its_misses()
    {
        // 0.9 + 0.1 x 0.99 = 0.999 (the cache call itself has a fallback).
        var model = Model(Api("100%", CacheCall, Call("db.get", "100ms")), CacheWithHits, DatabaseAt99);

        Assert.Equal(0.999, model.OfWorkflow("w")!.Value, Precision);
    }

    [Fact]
    public void A_stated_sla_is_honoured_for_every_kind()
    {
        // A load balancer with an SLA counts at its SLA, not at an instance default.
        var model = Model(DesignOf(
                Component("api", "load_balancer").Zones("a", "b", "c").With("sla: 99.99%").Op("op", Call("vendor.lookup")),
                Component("vendor", "external").Op("lookup"))
            .With(VendorSla));

        Assert.Equal(0.9999, model.Of("api").Value, Precision);
        Assert.Equal("api: sla 99.99%, one provider-managed whole = 99.99%", model.Of("api").Arithmetic);
        Assert.Equal(0.995, model.Of("vendor").Value, Precision);
        Assert.Equal(0.9999 * 0.995, model.OfWorkflow("w")!.Value, Precision);
        Assert.Empty(model.OfWorkflow("w")!.Assumptions);
    }

    [Fact]
    public void An_unstated_availability_is_assumed_and_listed()
    {
        var model = Model(Api(null, Call("vendor.lookup")), Component("vendor", "external").Op("lookup"));
        var w = model.OfWorkflow("w")!;

        Assert.Equal(0.999 * 0.999, w.Value, Precision);
        Assert.Equal(["api 99.9% per instance (no availability stated)", "vendor 99.9% (external, no sla stated)"], w.Assumptions);
    }

    [Fact]
    public void A_client_is_outside_the_system()
    {
        var model = Model(DesignOf(Component("browser", "client").Op("open", Call("api.op", "5s")), Service("api", "99.5%").Op("op"))
            .Workflows("v: { entry: browser.open, rate: 1/s }"));

        Assert.Equal(1, model.Of("browser").Value);
        Assert.Equal(0.995, model.OfWorkflow("v")!.Value, Precision);
    }

    [Fact]
    public void A_store_counts_the_copies_of_one_shard_not_every_node()
    {
        // 2 shards, 4 replicas: 3 copies per shard, 1 - 0.01^3.
        var model = Model(Api("100%", Call("db.get")), Component("db", "database", "99%").Instances(2).With("replicas: 4").Op("get"));

        Assert.Equal(3, model.Of("db").Parallel);
        Assert.Equal(1 - 1e-6, model.OfWorkflow("w")!.Value, Precision);
    }

    /// <summary>A database of 1 instance and 2 replicas at 99% each (3 copies of its shard), with this quorum.</summary>
    internal static DesignComponent Quorum(string reads, string writes, string availability = "99%") =>
        Component("db", "database", availability).Instances(1).With("replicas: 2", $"quorum: {{ reads: {reads}, writes: {writes} }}");

    /// <summary>A service of 2 instances at 99%, one in each of zones e1 and w1, serving active-active across their regions.</summary>
    internal static DesignComponent ActiveActive(string name) =>
        Service(name, "99%").Instances(2).Zones("e1", "w1").With("multi_region: active_active");

    /// <summary>The call to a cache that, when it fails, reads the database instead.</summary>
    internal static readonly DesignCall CacheCall = Call("cache.get", "10ms", degrade: "read the database");

    internal static readonly DesignComponent CacheWithHits = Component("cache", "cache").With("hit_ratio: 0.9").Op("get");

    internal static readonly DesignComponent DatabaseAt99 = Component("db", "database", "99%").Op("get");

    /// <summary>The external vendor's SLA of 99.5%, stated as a dependency in the requirements.</summary>
    internal const string VendorSla = """
        requirements:
          dependencies:
            - { name: vendor, component: vendor, sla: 99.5% }
        """;

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
        var model = Model(Service("api", "99.9%").Op("op"));
        var w = model.OfWorkflow("w")!;

        Assert.Equal(0.001 * 30 * 86_400, w.DowntimePer30Days, 1e-6);   // 43.2 minutes
        Assert.Equal(0.001 * 31_557_600, w.DowntimePerYear, 1e-6);      // 8.77 hours
        Assert.Equal("43.2m", Quantities.Duration(w.DowntimePer30Days));
    }
}
