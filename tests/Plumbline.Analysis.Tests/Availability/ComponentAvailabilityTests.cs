using Plumbline.Analysis.Availability;
using Plumbline.Design.Text;
using Xunit;
using static Plumbline.Analysis.Tests.Availability.AvailabilityModelTests;
using static Plumbline.Tests.Shared.DesignBuilder;

namespace Plumbline.Analysis.Tests.Availability;

/// <summary>
/// One component's availability, its units and the domains they sit in, and the arithmetic written out, by hand: what each
/// kind counts, a quorum, cells, regions active-active and failing over, zones holding unequal shares, and the failure
/// domains' own figures and sources.
/// </summary>
public sealed class ComponentAvailabilityTests
{
    private const double Precision = 1e-12;

    [Fact]
    public void A_single_unit_is_written_without_a_formula_and_an_assumed_store_copy_says_so()
    {
        var model = Model(Api("99%", Call("db.get")), Component("db", "database").Op("get"));

        Assert.Equal("api: 1 instance at 99% = 99%", model.Of("api").Arithmetic);
        Assert.Equal("api: 1 instance at 99%", model.Of("api").How);
        Assert.Equal("db: 1 copy of its shard at 99.9% assumed = 99.9%", model.Of("db").Arithmetic);
        Assert.Equal(["db 99.9% per copy (no availability stated)"], model.Of("db").Assumptions);
        Assert.True(model.Of("db").PerInstanceIsDefault);
        Assert.False(model.Of("api").PerInstanceIsDefault);
    }

    [Fact]
    public void How_is_the_arithmetic_without_its_result()
    {
        var api = Model(Service("api", "99%").Instances(2).Op("op")).Of("api");

        Assert.Equal("api: any of 2 instances at 99% each (1 - (1 - 99%)^2) = 99.99%", api.Arithmetic);
        Assert.Equal("api: any of 2 instances at 99% each (1 - (1 - 99%)^2)", api.How);
    }

    [Fact]
    public void An_assumed_instance_figure_is_written_as_assumed()
    {
        var api = Model(Service("api").Instances(2).Op("op")).Of("api");

        // 1 - 0.001^2 = 0.999999.
        Assert.Equal("api: any of 2 instances at 99.9% assumed each (1 - (1 - 99.9%)^2) = 99.9999%", api.Arithmetic);
        Assert.Equal(["api 99.9% per instance (no availability stated)"], api.Assumptions);
    }

    [Fact]
    public void A_quorum_the_same_for_reads_and_writes_is_written_once()
    {
        // 3 copies at 99%, 2 needed: 0.99^3 + 3 x 0.99^2 x 0.01 = 0.970299 + 0.029403 = 0.999702 for both.
        var db = Model(Api("100%", Call("db.get")), Quorum("2 of 3", "2 of 3").Op("get", "type: read")).Of("db");

        Assert.Equal(0.999702, db.Value, Precision);
        Assert.Equal(0.999702, db.WriteValue, Precision);
        Assert.Equal("db: 2 of 3 copies of a shard at 99% each = 99.9702%", db.Arithmetic);
    }

    [Fact]
    public void Three_of_four_and_none_needed_by_hand()
    {
        // At least 3 of 4 at 99%: 0.99^4 + 4 x 0.99^3 x 0.01 = 0.96059601 + 0.03881196 = 0.99940797.
        Assert.Equal(0.99940797, AvailabilityModel.AtLeast(3, 4, 0.99), Precision);
        // At least 2 of 5 at 50%: 1 - (1 + 5) / 32 = 0.8125.
        Assert.Equal(0.8125, AvailabilityModel.AtLeast(2, 5, 0.5), Precision);
        Assert.Equal(1, AvailabilityModel.AtLeast(0, 3, 0.5));
        // Units certain to be up or down: 2 of 3 always up is certain; 2 of 3 never up is impossible.
        Assert.Equal(1, ComponentUnits.AtLeast(2, [(1.0, 1), (1.0, 1), (1.0, 1)], 1.0), Precision);
        Assert.Equal(0, ComponentUnits.AtLeast(2, [(1.0, 1), (1.0, 1), (1.0, 1)], 0.0), Precision);
        Assert.Equal(1, ComponentUnits.AtLeast(2, [(1.0, 3)], 1.0), Precision);
        // 3 of 2 units always up cannot be; 3 of 3 single units each usable 0.9 and up 0.9: 0.81^3 = 0.531441.
        Assert.Equal(0, ComponentUnits.AtLeast(3, [(1.0, 1), (1.0, 1)], 1.0), Precision);
        Assert.Equal(0.531441, ComponentUnits.AtLeast(3, [(0.9, 1), (0.9, 1), (0.9, 1)], 0.9), Precision);
    }

    [Fact]
    public void A_quorum_over_zones_counts_each_zone_s_copies()
    {
        // 3 copies, one in each of zones a, b, c (99.9% each), each copy 99%: each is up with 0.999 x 0.99 = 0.98901, on
        // its own. Writes need 2: p^3 + 3 p^2 (1 - p) = 0.966745... + 0.032234... = 0.998979...; reads need 1: 1 - (1 - p)^3.
        var db = Model(DesignOf(Api("100%", Call("db.insert")), Quorum("1 of 3", "2 of 3").Zones("a", "b", "c").Op("insert", "type: write"))
            .With(OneRegion("[a, b, c]", "99.9%"))).Of("db");
        const double p = 0.999 * 0.99;

        Assert.Equal((p * p * p) + (3 * p * p * (1 - p)), db.WriteValue, Precision);
        Assert.Equal(1 - Math.Pow(1 - p, 3), db.Value, Precision);
    }

    [Fact]
    public void A_quorum_over_two_zones_with_two_copies_in_one()
    {
        // 4 copies round-robin over zones a and b (2 each, zones 90%), each copy 90%; 3 needed. Both zones up (0.81): at
        // least 3 of 4, 0.9^4 + 4 x 0.9^3 x 0.1 = 0.9477; one zone down (2 x 0.09 = 0.18): 2 copies left, never 3.
        // = 0.81 x 0.9477 = 0.767637.
        var db = Model(DesignOf(
                Api("100%", Call("db.insert")),
                Component("db", "database", "90%").Instances(1).With("replicas: 3").Zones("a", "b")
                    .With("quorum: { reads: 3 of 4, writes: 3 of 4 }").Op("insert", "type: write"))
            .With(OneRegion("[a, b]", "90%"))).Of("db");

        Assert.Equal(0.767637, db.Value, Precision);
    }

    [Fact]
    public void Cells_split_a_service_s_instances_and_a_stateless_service_s_replicas_do_not_count()
    {
        // 4 instances in 2 cells: a request is served by its own cell's 2, 1 - 0.01^2 = 0.9999.
        var celled = Model(
            Service("api", "99%").Instances(4).With("cells: { count: 2, key: shop_id, router: edge }").Op("op"),
            Component("edge", "load_balancer").Op("route", Call("api.op"))).Of("api");
        Assert.Equal(2, celled.Parallel);
        Assert.Equal(0.9999, celled.Value, Precision);

        // A stateless service's replicas are not units: 2 instances, 0.9999.
        var stateless = Model(Service("api", "99%").Instances(2).With("replicas: 1").Op("op")).Of("api");
        Assert.Equal(2, stateless.Parallel);
        Assert.Equal(0.9999, stateless.Value, Precision);
    }

    [Fact]
    public void A_client_and_an_sla_are_stated_not_assumed()
    {
        var model = Model(DesignOf(
                Component("browser", "client").Op("open", Call("api.op", "5s")),
                Service("api").With("sla: 99.95%").Op("op", Call("vendor.lookup")),
                Component("vendor", "external").Op("lookup"))
            .With(VendorSla));

        Assert.False(model.Of("browser").PerInstanceIsDefault);
        Assert.False(model.Of("api").PerInstanceIsDefault);
        Assert.Equal("vendor: its dependency's sla 99.5%, one provider-managed whole = 99.5%", model.Of("vendor").Arithmetic);
        Assert.Equal("browser: clients are outside the system = 100%", model.Of("browser").Arithmetic);
    }

    [Fact]
    public void An_external_system_at_its_stated_figure_or_assumed()
    {
        var model = Model(
            Api("100%", Call("stated.lookup"), Call("unstated.lookup")),
            Component("stated", "external", "99%").Op("lookup"),
            Component("unstated", "external").Op("lookup"));

        Assert.Equal(0.99, model.Of("stated").Value, Precision);
        // Written without a result, so how it is figured is the whole of it.
        Assert.Equal("stated: stated availability 99%", model.Of("stated").Arithmetic);
        Assert.Equal("stated: stated availability 99%", model.Of("stated").How);
        Assert.Empty(model.Of("stated").Assumptions);
        Assert.False(model.Of("stated").PerInstanceIsDefault);
        Assert.Equal("unstated: no sla or availability stated, assumed 99.9%", model.Of("unstated").Arithmetic);
        Assert.Equal(["unstated 99.9% (external, no sla stated)"], model.Of("unstated").Assumptions);
        // 0.99 x 0.999 = 0.98901.
        Assert.Equal(0.98901, model.OfWorkflow("w")!.Value, Precision);
    }

    /// <summary>api: <paramref name="instances"/> at 99% over these zones, with this multi_region line or none, under these regions.</summary>
    private static AvailabilityModel Across(string? mode, string? regions = EastAndWest, int instances = 2, params string[] zones)
    {
        var api = Service("api", "99%").Instances(instances).Zones(zones.Length == 0 ? ["e1", "w1"] : zones);
        var design = DesignOf((mode is null ? api : api.With(mode)).Op("op"));
        return Model(regions is null ? design : design.With(regions));
    }

    [Fact]
    public void Two_regions_are_written_with_their_mode_and_an_unstated_mode_is_assumed_active_active()
    {
        // 1 - (1 - 0.999 x 0.99)^2 = 0.9998792199.
        var unstated = Across(null).Of("api");
        Assert.Equal(0.9998792199, unstated.Value, Precision);
        Assert.Equal(
            $"api: any of 2 instances at 99% each, placed round-robin over zones e1, w1 (100% each), in regions east, west (99.9% each), active-active = {Quantities.Availability(0.9998792199)}",
            unstated.Arithmetic);
        Assert.Equal(["api serves active-active across its regions (no multi_region stated)"], unstated.Assumptions);

        var stated = Across("multi_region: active_active").Of("api");
        Assert.Empty(stated.Assumptions);

        // Failover, east first: 0.999 x 0.99 + 0.001 x 0.999 x 0.99 = 0.98999901.
        var failover = Across("multi_region: failover").Of("api");
        Assert.Equal(0.98999901, failover.Value, Precision);
        Assert.EndsWith($", in regions east, west (99.9% each), failing over in that order = {Quantities.Availability(0.98999901)}", failover.Arithmetic, StringComparison.Ordinal);
    }

    [Fact]
    public void Failover_serves_from_the_first_region_up_in_the_order_listed()
    {
        // 3 instances round-robin over e1, w1, e1: 2 in east, 1 in west. East first: east up (0.999) serves with 2,
        // 1 - 0.01^2; east down and west up (0.001 x 0.999) serves with 1, 0.99.
        // = 0.999 x 0.9999 + 0.000999 x 0.99 = 0.9989001 + 0.00098901 = 0.99988911.
        var api = Across("multi_region: failover", instances: 3).Of("api");

        Assert.Equal((0.999 * 0.9999) + (0.000999 * 0.99), api.Value, Precision);
        Assert.Equal(0.99988911, api.Value, Precision);
    }

    [Fact]
    public void One_region_is_named_without_a_mode()
    {
        // Zones a and b of one region (100%), zones 99.9%: 1 - (1 - 0.999 x 0.99)^2 = 0.9998792199.
        var api = Across(null, OneRegion("[a, b]", "99.9%"), 2, "a", "b").Of("api");

        Assert.Equal(
            $"api: any of 2 instances at 99% each, placed round-robin over zones a, b (99.9% each), in region main (100%) = {Quantities.Availability(0.9998792199)}",
            api.Arithmetic);
        Assert.Empty(api.Assumptions);
    }

    [Fact]
    public void Domains_with_different_figures_are_each_written_with_their_own()
    {
        // east states both of its figures; west states neither, so its region and zone are assumed at 99.99%.
        // Active-active: 1 - (1 - 0.999 x 0.999 x 0.99)(1 - 0.9999 x 0.9999 x 0.99).
        var model = Across("multi_region: active_active", """
            regions:
              east: { zones: [e1], availability: 99.9%, zone_availability: 99.9% }
              west: { zones: [w1] }
            """);
        var api = model.Of("api");

        Assert.Equal(1 - ((1 - (0.999 * 0.999 * 0.99)) * (1 - (0.9999 * 0.9999 * 0.99))), api.Value, Precision);
        Assert.Contains("placed round-robin over zones e1 (99.9%), w1 (99.99%, assumed), in regions east (99.9%), west (99.99%, assumed), active-active = ", api.Arithmetic, StringComparison.Ordinal);
        Assert.Equal(["region west 99.99% (no availability stated)", "zone w1 99.99% (no zone_availability stated)"], model.OfWorkflow("w")!.Assumptions);
    }

    [Fact]
    public void Zones_at_one_figure_but_not_both_stated_are_each_written_with_their_own()
    {
        // e1's 99.99% is stated, w1's assumed: the same figure, still written zone by zone.
        var api = Across("multi_region: active_active", """
            regions:
              east: { zones: [e1], availability: 100%, zone_availability: 99.99% }
              west: { zones: [w1], availability: 100% }
            """).Of("api");

        Assert.Contains("placed round-robin over zones e1 (99.99%), w1 (99.99%, assumed), in regions east, west (100% each), active-active", api.Arithmetic, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_assumed_zone_is_written_as_assumed()
    {
        var api = Across(null, null, 1, "a").Of("api");

        // 0.9999 x 0.99 = 0.989901.
        Assert.Equal(0.989901, api.Value, Precision);
        Assert.Equal($"api: 1 instance at 99%, placed round-robin over zone a (99.99%, assumed) = {Quantities.Availability(0.989901)}", api.Arithmetic);
    }

    [Fact]
    public void Failure_domains_know_their_region_figure_and_source()
    {
        var design = TestDesigns.Load(DesignOf(
                Service("api").Instances(2).Zones("e1", "w1").Op("op", Call("db.get")),
                Component("db", "database").Zones("e1").Op("get"))
            .With("""
                regions:
                  east: { zones: [e1], availability: 99.9%, zone_availability: 99.95% }
                  west: { zones: [w1] }
                """));
        var domains = FailureDomains.Of(design);

        // Regions first, then zones as first listed, each zone once however many components list it.
        Assert.Equal(["east", "west", "e1", "w1"], domains.All.Select(d => d.Name));
        Assert.Equal([-1, -1, 0, 1], domains.All.Select(d => d.Region));
        Assert.Equal([0, 1, 2, 3], domains.All.Select(d => d.Index));
        Assert.Equal(2, domains.ZoneIndex("e1"));
        Assert.Equal(-1, domains.ZoneIndex("nowhere"));
        Assert.Equal("/regions/east/availability", domains.All[0].Source);
        Assert.Equal(Explain.FigureSources.Default, domains.All[1].Source);
        Assert.Equal("/regions/east/zone_availability", domains.All[2].Source);
        Assert.Equal(Explain.FigureSources.Default, domains.All[3].Source);
        Assert.Equal("region east 99.9%", domains.All[0].Describe());
        Assert.Equal("region west 99.99% (assumed)", domains.All[1].Describe());
        Assert.Equal("zone e1 99.95%", domains.All[2].Describe());

        // Without regions, a zone belongs to none and its figure is assumed.
        var alone = FailureDomains.Of(TestDesigns.Load(DesignOf(Service("api").Zones("x").Op("op")))).All.Single();
        Assert.Equal(-1, alone.Region);
        Assert.Equal(Explain.FigureSources.Default, alone.Source);
        Assert.Equal("zone x 99.99% (assumed)", alone.Describe());
    }
}
