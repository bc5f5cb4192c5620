using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;
using Plumbline.Design.Text;
using Xunit;
using static Plumbline.Analysis.Tests.Availability.AvailabilityModelTests;
using static Plumbline.Tests.Shared.DesignBuilder;

namespace Plumbline.Analysis.Tests.Availability;

/// <summary>
/// A workflow's path composed by hand where the order of the walk, a fallback, a repeated component or the bound on joint
/// states decides the figure: each value worked out in the comment, each design a few components (these tests run against
/// every mutant of the availability model).
/// </summary>
public sealed class AvailabilityPathTests
{
    private const double Precision = 1e-12;

    /// <summary>api calls each of <paramref name="n"/> services twice at once (a fan-out, so each is a component reached more than once).</summary>
    internal static DesignBuilder FanOutDesign(int n, string availability) =>
        DesignOf(CallingEach(Numbered(n), Service("api", "100%"), to => Call(to, count: 2), name => Service(name, availability)));

    internal static AvailabilityModel FanOuts(int n, string availability) => Model(FanOutDesign(n, availability));

    [Fact]
    public void Past_1024_joint_states_the_unlikely_ones_are_left_out_and_bounded()
    {
        // 14 components reached twice each: 2^14 = 16,384 joint states, past 1,024, so a state under 1e-14 is left out.
        // Each is down with 0.001: four down is 1e-12 x 0.999^10 (kept), a fifth takes it to 1e-15 (left out), so the
        // states kept are those with at most four down: 1 + 14 + 91 + 364 + 1,001 = 1,471. The request needs all 14 up:
        // 0.999^14. What is left out is P(5 or more down) = sum over k >= 5 of C(14, k) 0.001^k 0.999^(14 - k) = 2.0e-12.
        var w = FanOuts(14, "99.9%").OfWorkflow("w")!;

        Assert.Equal(1471, w.States);
        Assert.Equal(Math.Pow(0.999, 14), w.Value, Precision);
        var left = Enumerable.Range(5, 10).Sum(k => Choose(14, k) * Math.Pow(0.001, k) * Math.Pow(0.999, 14 - k));
        // The bound is 1 minus the sum of the 1,471 states kept, so it carries that sum's rounding (about 1e-13).
        Assert.Equal(left, w.Uncertainty, 1e-13);
        Assert.InRange(w.Uncertainty, 1.9e-12, 2.1e-12);
        Assert.EndsWith(
            $"so composed over 1471 joint states = {Quantities.Availability(Math.Pow(0.999, 14))} (too many states to enumerate: at most {Quantities.Availability(Math.Pow(0.999, 14) + left)})",
            w.Arithmetic,
            StringComparison.Ordinal);
        // Each fan-out counts its component once in the composition, twice in the formula's independent product.
        Assert.Equal(Math.Pow(0.999, 28), w.Independent, Precision);
        Assert.StartsWith("api.op 100% x (c0.get 99.9%)^2 x (c1.get 99.9%)^2 x ", w.Expression, StringComparison.Ordinal);
    }

    [Fact]
    public void A_few_repeated_components_are_summed_over_exactly()
    {
        // Three components reached twice: 2^3 = 8 joint states, all walked, nothing left out; 0.99^3 = 0.970299.
        var w = FanOuts(3, "99%").OfWorkflow("w")!;

        Assert.Equal(8, w.States);
        Assert.Equal(0.970299, w.Value, Precision);
        Assert.Equal(0, w.Uncertainty);
        Assert.Empty(w.SharedDomains);
    }

    [Fact]
    public void A_component_that_cannot_fail_adds_no_state()
    {
        // A fan-out to a 100% component: its down state has probability 0 and is not walked, so 1 state, not 2.
        var w = FanOuts(1, "100%").OfWorkflow("w")!;

        Assert.Equal(1, w.States);
        Assert.Equal(1, w.Value, Precision);
        Assert.Equal("api.op 100% x (c0.get 100%)^2", w.Expression);
    }

    [Fact]
    public void A_fan_out_is_one_event_in_the_figure_and_a_power_in_the_formula()
    {
        // Three calls at once to a 99% component: up once, 0.99; as if independent, 0.99^3 = 0.970299.
        var model = Model(Api("100%", Call("search.query", count: 3)), Service("search", "99%").Op("query"));
        var w = model.OfWorkflow("w")!;

        Assert.Equal(0.99, w.Value, Precision);
        Assert.Equal(0.970299, w.Independent, Precision);
        Assert.Equal("api.op 100% x (search.query 99%)^3", w.Expression);
        Assert.Equal(2, w.States);
        Assert.Equal(
            $"api.op 100% x (search.query 99%)^3 = {Quantities.Availability(0.970299)} with independent failures; components reached more than once shared along the path, so composed over 2 joint states = 99%",
            w.Arithmetic);
    }

    [Fact]
    public void A_fallback_reached_first_is_still_the_fallback()
    {
        // b.get calls c.get, and api's call to b.get falls back to c.get: c is placed first on the path. c (90%) is reached
        // twice, so the figure conditions on it: c up, the request succeeds (b up, or else c); c down, both ways fail.
        // = 0.9. As if independent: b's own 0.99 x 0.9 = 0.891, else c: 0.891 + 0.109 x 0.9 = 0.9891.
        var model = Model(FallbackReachedFirst);
        var w = model.OfWorkflow("w")!;

        Assert.Equal(0.9, w.Value, Precision);
        Assert.Equal(0.9891, w.Independent, Precision);
        Assert.Equal("api.op 100% x (b.get 99% x c.get 90%, else c.get 90%)", w.Expression);
        Assert.Equal(2, w.States);
        Assert.Empty(w.SharedDomains);
        Assert.Equal(
            "api.op 100% x (b.get 99% x c.get 90%, else c.get 90%) = 98.91% with independent failures; components reached more than once shared along the path, so composed over 2 joint states = 90%",
            w.Arithmetic);
    }

    [Fact]
    public void A_fallback_reached_once_is_not_summed_over()
    {
        // db (99%) else spool (95%), each reached once: 0.99 + 0.01 x 0.95 = 0.9995, one state.
        var w = Model(Api("100%", Call("db.insert", "100ms", fallback: "spool.publish")), DbInsert, SpoolPublish).OfWorkflow("w")!;

        Assert.Equal(0.9995, w.Value, Precision);
        Assert.Equal(1, w.States);
        Assert.Equal("api.op 100% x (db.insert 99%, else spool.publish 95%) = 99.95%", w.Arithmetic);
    }

    [Fact]
    public void The_first_operation_of_the_design_can_be_a_callee_or_a_fallback()
    {
        // db and spool come first in the design, so their operations are the graph's first; the figure is the same:
        // 0.99 + 0.01 x 0.95 = 0.9995.
        var model = Model(DesignOf(
                SpoolPublish,
                DbInsert,
                Service("api", "100%")
                    .Op("op", Call("db.insert", "100ms", fallback: "spool.publish"))
                    .Op("one", Call("spool.publish", "100ms")))
            .Workflows(DefaultWorkflow, "o: { entry: api.one, rate: 10/s }"));

        Assert.Equal(0.9995, model.OfWorkflow("w")!.Value, Precision);
        Assert.Equal("api.op 100% x (db.insert 99%, else spool.publish 95%)", model.OfWorkflow("w")!.Expression);
        Assert.Equal(0.95, model.OfWorkflow("o")!.Value, Precision);
        Assert.Equal("api.one 100% x spool.publish 95%", model.OfWorkflow("o")!.Expression);
    }

    [Fact]
    public void A_call_after_a_cache_listed_first_is_made_on_its_misses()
    {
        // The cache is the design's first component: 0.9 + 0.1 x 0.99 = 0.999.
        var model = Model(CacheWithHits, Api("100%", CacheCall, Call("db.get", "100ms")), DatabaseAt99);

        Assert.Equal(0.999, model.OfWorkflow("w")!.Value, Precision);
        Assert.Equal(0.1, model.OfWorkflow("w")!.Factors.Single(f => f.Component == "db").Share, Precision);
    }

    [Fact]
    public void A_share_is_summed_over_every_path_before_the_operation_passes_it_on()
    {
        // api calls b on half its requests and a on every one; a calls b; b calls c. b is reached on every request
        // (1 - 0.5 x 0), and so is c: the walk must finish b's callers (a) before passing b's share on.
        var model = Model(
            Api("100%", Call("b.get", probability: 0.5), Call("a.get")),
            Service("a", "100%").Op("get", Call("b.get")),
            Service("b", "100%").Op("get", Call("c.get")),
            Service("c", "99%").Op("get"));
        var c = model.OfWorkflow("w")!.Factors.Single(f => f.Component == "c");

        Assert.Equal(1, c.Share, Precision);
        Assert.Equal(0.99, c.Factor, Precision);
    }

    [Fact]
    public void Two_partial_paths_to_one_operation_combine_as_independent_events()
    {
        // api calls c on half its requests and b on half; b always calls c: c's share is 1 - 0.5 x 0.5 = 0.75, and its
        // factor 1 - 0.75 x 0.01 = 0.9925. It gets 0.5 + 0.5 = 1 call per request, 1 / 0.75 = 1.33 per request that reaches it.
        var model = Model(
            Api("100%", Call("c.get", probability: 0.5), Call("b.get", probability: 0.5)),
            Service("b", "100%").Op("get", Call("c.get")),
            Service("c", "99%").Op("get"));
        var c = model.OfWorkflow("w")!.Factors.Single(f => f.Component == "c");

        Assert.Equal(0.75, c.Share, Precision);
        Assert.Equal(0.9925, c.Factor, Precision);
        Assert.Equal(1 / 0.75, c.Calls, Precision);
        Assert.Equal("c.get (75% of requests, x1.33 calls)", c.Description);
    }

    [Fact]
    public void A_diamond_lists_each_operation_once_and_writes_a_shared_callee_s_calls_once()
    {
        // api calls b and c, both call d (99%), d calls e. d is reached twice: up once, 0.99.
        var model = Model(
            Api("100%", Call("b.get"), Call("c.get")),
            Service("b", "100%").Op("get", Call("d.get")),
            Service("c", "100%").Op("get", Call("d.get")),
            Service("d", "99%").Op("get", Call("e.get")),
            Service("e", "100%").Op("get"));
        var w = model.OfWorkflow("w")!;

        Assert.Equal(["api.op", "b.get", "c.get", "d.get", "e.get"], w.Factors.Select(f => f.Operation));
        Assert.Equal("api.op 100% x b.get 100% x d.get 99% x e.get 100% x c.get 100% x d.get 99%", w.Expression);
        Assert.Equal(0.99, w.Value, Precision);
        Assert.Equal(0.9801, w.Independent, Precision);
    }

    [Fact]
    public void A_fallback_to_the_calling_operation_itself_is_ignored()
    {
        // Falling back to itself cannot help: db.get alone, 0.99.
        var w = Model(Api("100%", Call("db.get", fallback: "api.op")), DatabaseAt99).OfWorkflow("w")!;

        Assert.Equal(0.99, w.Value, Precision);
        Assert.Equal("api.op 100% x db.get 99%", w.Expression);
    }

    [Fact]
    public void A_call_never_made_is_no_factor()
    {
        // probability 0: db is reached by no request, so the path's factors are api's alone, and its figure is api's.
        var w = Model(Api("99%", Call("db.get", probability: 0)), Component("db", "database", "50%").Op("get")).OfWorkflow("w")!;

        Assert.Equal(["api.op"], w.Factors.Select(f => f.Operation));
        Assert.Equal(0.99, w.Value, Precision);
    }

    [Fact]
    public void Each_workflow_s_shares_start_from_nothing()
    {
        // w calls db on every request, h on half of them: h's share of db is 0.5, whatever w left behind.
        var model = Model(DesignOf(
                Api("100%", Call("db.get")).Op("half", Call("db.get", probability: 0.5)),
                DatabaseAt99)
            .Workflows(DefaultWorkflow, "h: { entry: api.half, rate: 10/s }"));

        Assert.Equal(1, model.OfWorkflow("w")!.Factors.Single(f => f.Component == "db").Share, Precision);
        Assert.Equal(0.5, model.OfWorkflow("h")!.Factors.Single(f => f.Component == "db").Share, Precision);
        Assert.Equal(0.995, model.OfWorkflow("h")!.Value, Precision);
    }

    [Fact]
    public void A_fractional_count_is_a_share_of_calls_and_counts_as_one_call_in_the_figure()
    {
        // count 0.5: half a call per request, so db's share of requests is 0.5 (factor 1 - 0.5 x 0.01 = 0.995) at 1 call
        // each; the exact figure takes the call as made, 0.99 (the cautious side).
        var w = Model(Api("100%", Call("db.get", count: 0.5)), DatabaseAt99).OfWorkflow("w")!;
        var db = w.Factors.Single(f => f.Component == "db");

        Assert.Equal(0.5, db.Share, Precision);
        Assert.Equal(1, db.Calls, Precision);
        Assert.Equal(0.995, db.Factor, Precision);
        Assert.Equal(0.99, w.Value, Precision);
        Assert.Equal(0.99, w.Independent, Precision);
        Assert.Equal("api.op 100% x db.get 99%", w.Expression);
    }

    [Fact]
    public void A_write_is_figured_at_the_write_quorum_in_the_formula_and_its_factor()
    {
        // 3 copies at 99%, writes need 2: 0.999702; reads need 1: 0.999999. The write path's formula and factor use the first.
        var model = Model(Api("100%", Call("db.insert", "100ms")), Quorum("1 of 3", "2 of 3").Op("insert", "type: write"));
        var w = model.OfWorkflow("w")!;

        Assert.Equal(0.999702, w.Independent, Precision);
        Assert.Equal(0.999702, w.Factors.Single(f => f.Component == "db").ComponentValue, Precision);
        Assert.Equal("api.op 100% x db.insert 99.9702%", w.Expression);
    }

    [Fact]
    public void A_read_and_a_write_with_a_fallback_sum_over_the_copies_up()
    {
        // db: 3 copies at 99%, reads need 1 (0.999999), writes 2 (0.999702); the write falls back to spool (90%).
        // Two or more up (0.999702): both succeed. Exactly one up (0.999999 - 0.999702 = 0.000297): the read succeeds and
        // the write falls back, 0.9. None up: the read fails. = 0.999702 + 0.000297 x 0.9 = 0.9999693.
        var w = Model(
            Api("100%", Call("db.get", "100ms"), Call("db.insert", "100ms", fallback: "spool.publish")),
            Quorum("1 of 3", "2 of 3").Op("get", "type: read").Op("insert", "type: write"),
            Component("spool", "queue", "90%").Op("publish", "type: write")).OfWorkflow("w")!;

        Assert.Equal(0.9999693, w.Value, Precision);
        Assert.Equal(3, w.States);
    }

    [Fact]
    public void Zones_a_component_does_not_share_are_not_summed_over()
    {
        // One component in zones a and b: nothing shared, one state.
        var w = Model(Service("api", "99%").Instances(2).Zones("a", "b").Op("op")).OfWorkflow("w")!;

        Assert.Empty(w.SharedDomains);
        Assert.Equal(1, w.States);
        Assert.Equal(["zone a", "zone b"], w.Domains.Select(d => $"zone {d.Name}"));
    }

    [Fact]
    public void Regions_two_components_share_are_named_as_regions()
    {
        var model = Model(DesignOf(Api("100%", Call("a.get"), Call("b.get")), ActiveActive("a").Op("get"), ActiveActive("b").Op("get"))
            .With(EastAndWest));

        Assert.Equal(["region east", "region west"], model.OfWorkflow("w")!.SharedDomains);
        Assert.Contains("with independent failures; region east, region west shared along the path, so composed over 4 joint states = ", model.OfWorkflow("w")!.Arithmetic, StringComparison.Ordinal);
    }

    [Fact]
    public void Zones_holding_unequal_shares_of_instances_are_told_apart()
    {
        // a and b each run 3 instances at 99% round-robin over za and zb (2 in za, 1 in zb); zones 99.9%, shared.
        // Both zones up (0.998001): each 1 - 0.01^3. Only za down (0.000999): each has 1 left, 0.99. Only zb down
        // (0.000999): each has 2 left, 1 - 0.01^2. Both down: 0.
        // = 0.998001 x (1 - 1e-6)^2 + 0.000999 x 0.99^2 + 0.000999 x 0.9999^2.
        var model = Model(DesignOf(
                Api("100%", Call("a.get"), Call("b.get")),
                Service("a", "99%").Instances(3).Zones("za", "zb").Op("get"),
                Service("b", "99%").Instances(3).Zones("za", "zb").Op("get"))
            .With(OneRegion("[za, zb]", "99.9%")));
        var expected = (0.998001 * Math.Pow(1 - 1e-6, 2)) + (0.000999 * 0.9801) + (0.000999 * 0.9999 * 0.9999);

        Assert.Equal(expected, model.OfWorkflow("w")!.Value, Precision);
        Assert.Equal(4, model.OfWorkflow("w")!.States);
    }

    [Fact]
    public void A_formula_past_2000_characters_ends_in_an_ellipsis()
    {
        // 100 calls of about 27 characters each: the formula stops once past 2,000 characters. The figure is whole:
        // 0.999^100.
        var names = Enumerable.Range(0, 100).Select(i => $"component{i:000}");
        var w = Model(DesignOf(CallingEach(names, Service("api", "100%"), to => Call(to), name => Service(name, "99.9%")))).OfWorkflow("w")!;

        Assert.EndsWith(" x ...", w.Expression, StringComparison.Ordinal);
        Assert.InRange(w.Expression.Length, 2001, 2040);
        Assert.Equal(Math.Pow(0.999, 100), w.Value, Precision);
        Assert.Equal(Math.Pow(0.999, 100), w.Independent, Precision);
    }

    [Fact]
    public void The_spread_follows_the_edges_it_is_given()
    {
        // api calls db on 10% of requests, 3 times each: db's share 0.1, its calls 0.3 per request.
        var design = TestDesigns.Load(DesignOf(Api(null, Call("db.get", probability: 0.1, count: 3)), Component("db", "database").Op("get")));
        var graph = CallGraph.Build(design);
        var db = graph.IndexOf(new OperationRef("db", "get"));

        var (share, calls) = AvailabilityModel.Spread(graph, graph.IndexOf(new OperationRef("api", "op")), AvailabilityModel.IsHardDependency);
        Assert.Equal(0.1, share[db], Precision);
        Assert.Equal(0.3, calls[db], Precision);
        var (none, _) = AvailabilityModel.Spread(graph, graph.IndexOf(new OperationRef("api", "op")), _ => false);
        Assert.Equal(0, none[db]);
    }

    [Fact]
    public void Arguments_are_checked()
    {
        var design = TestDesigns.Load(DesignOf(Service("api").Op("op")));

        Assert.Throws<ArgumentNullException>("graph", () => new AvailabilityModel(design, null!));
        Assert.Throws<ArgumentNullException>("edge", () => AvailabilityModel.IsHardDependency(null!));
        Assert.Throws<ArgumentNullException>("availabilities", () => AvailabilityModel.Series(null!));
        Assert.Throws<ArgumentNullException>("design", () => FailureDomains.Of(null!));
        // In series: 0.9 x 0.99 = 0.891.
        Assert.Equal(0.891, AvailabilityModel.Series([0.9, 0.99]), Precision);
    }

    [Fact]
    public void A_path_with_nothing_on_it_or_bounded_without_shared_states_says_so()
    {
        Assert.Equal("no synchronous path = 100%", new WorkflowAvailability("w", 1, []).Arithmetic);

        // Bounded though nothing is shared: 90%, and at most 90% + 1% = 91%.
        var bounded = new WorkflowAvailability("w", 0.9, [new PathFactor("a.op", 0.9)]) { Expression = "a.op 90%", Independent = 0.9, Uncertainty = 0.01 };
        Assert.Equal("a.op 90% = 90% (too many states to enumerate: at most 91%)", bounded.Arithmetic);
        Assert.Equal("a.op 90% = 90%", (bounded with { Uncertainty = 0 }).Arithmetic);
        Assert.Equal("a.op", bounded.Weakest!.Description);
    }

    /// <summary>b.get calls c.get, and api's call to b.get falls back to c.get; c at 90%, b at 99%.</summary>
    internal static readonly DesignComponent[] FallbackReachedFirst =
    [
        Api("100%", Call("b.get", fallback: "c.get")),
        Service("b", "99%").Op("get", Call("c.get")),
        Service("c", "90%").Op("get"),
    ];

    private static readonly DesignComponent DbInsert = Component("db", "database", "99%").Op("insert", "type: write");

    private static readonly DesignComponent SpoolPublish = Component("spool", "queue", "95%").Op("publish", "type: write");

    private static double Choose(int n, int k) => Enumerable.Range(1, k).Aggregate(1.0, (c, i) => c * (n - k + i) / i);
}
