using Plumbline.Analysis.Estimates;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>
/// Where an overflowing load is explained on a short chain (each call a fan-out of 1e28, the most a design states), and
/// the growth explanation's arithmetic and wording, each worked by hand. A month is 30.4375 days.
/// </summary>
public sealed class OverflowGrowthTests
{
    /// <summary>
    /// s0 takes 1,000/s (3,000/s at peak) and calls s1 (x1,000), x and y; s1 calls both operations of s2 (x1,000 each); y calls
    /// each of them with probability 1%; s2.a calls x. The loads are set by hand (a design reaches 1.8e308 only over some fifty hops
    /// of the largest count, 1e6): s1 at 1e306/s and y at 1e302/s, so s2.a, s2.b and x are past any number.
    /// </summary>
    private const string Graph = """
        plumbline: 1
        system: { name: chain }
        requirements: { peak_to_average: 3 }
        workflows:
          go: { entry: s0.op, rate: 1000/s }
        components:
          s0: { kind: service, operations: { op: { calls: [{ to: s1.op, count: 1000 }, { to: x.op }, { to: y.op }] } } }
          s1: { kind: service, operations: { op: { calls: [{ to: s2.a, count: 1000 }, { to: s2.b, count: 1000 }] } } }
          y: { kind: service, operations: { op: { calls: [{ to: s2.a, probability: 1% }, { to: s2.b, probability: 1% }] } } }
          s2: { kind: service, operations: { a: { calls: [{ to: x.op }] }, b: {} } }
          x: { kind: service, operations: { op: {} } }
        """;

    [Fact]
    public void An_overflow_is_explained_once_per_component_at_its_largest_incoming_load()
    {
        var model = LoadModel.Compile(TestDesigns.Load(Graph));
        var peak = model.Graph.Operations.Select(o => o.RefText switch
        {
            "s0.op" => 3000,
            "s1.op" => 1e306,
            "y.op" => 1e302,
            _ => double.PositiveInfinity,
        }).ToArray();
        var overflows = Overflow.Explain(model, new LoadVectors(peak, peak), [], []);

        // s2.a and s2.b both pass 1.8e308 from finite callers: one explanation for s2, at s2.a (first in the graph's order). x
        // has one infinite caller (s2.a) and one finite (s0): not where the overflow starts. Of s2.a's callers, s1's 1e306 x 1,000 is
        // larger than y's 1e302 x 0.01 (and would not be if the load were divided by the factor: 1e303 against 1e304).
        var overflow = Assert.Single(overflows);
        Assert.Equal("s2", overflow.Subject);
        Assert.Equal("/components/s1/operations/op/calls/0", overflow.Path);
        Assert.Equal(
            "the load on s2.a is beyond any number (past 1.8e308 a second): each call's count and retries multiply the load at every hop, "
            + "and the call from s1.op (x1000) takes 1e306/s past it; every figure that depends on it is infinite",
            overflow.Message);
    }

    [Fact]
    public void Null_inputs_are_refused()
    {
        var model = LoadModel.Compile(TestDesigns.Load(Feed("100%/day", "rate: 1000/s")));
        Assert.Throws<ArgumentNullException>(() => Overflow.Explain(null!, model.Propagate(model.BaselineValues()), [], []));
        Assert.Throws<ArgumentNullException>(() => Overflow.Explain(model, null!, [], []));
    }

    private static string Feed(string growth, string rate, string tagSize = "record_size: 1KB, ", string count = "2", string peak = "3") => $$"""
        plumbline: 1
        system: { name: feed }
        requirements: { growth: {{growth}}, peak_to_average: {{peak}} }
        workflows:
          post: { entry: api.post, {{rate}}, type: write }
        data:
          - { entity: Post, owner: db, record_size: 1KB, new_records: 1000/s }
          - { entity: Tag, owner: db, {{tagSize}}new_records: 10/s }
        components:
          api: { kind: service, operations: { post: { calls: [{ to: db.insert, count: {{count}} }] } } }
          db: { kind: database, operations: { insert: { type: write } } }
        """;

    private static OverflowExplanation Growth(string yaml, params double[] horizons) =>
        Assert.Single(Estimator.Estimate(TestDesigns.Load(yaml), new EstimateOptions(HorizonsMonths: [.. horizons])).Overflows);

    [Fact]
    public void Growth_names_the_busiest_peak_and_only_the_horizons_past_any_number()
    {
        // 100%/day: 2 a day, 2^30.4375 = 1,454,120,821 a month. api peaks at 1,000/s x 3 = 3,000/s, db at twice that: 6,000/s,
        // the busiest. log2(1e15 / 6,000) = 37.28: 38 days. Post's records at 12 months are about 1e118 (finite); at 40 and 60
        // months 1.45e9^40 alone is past 1.8e308.
        var overflow = Growth(Feed("100%/day", "rate: 1000/s"), 12, 40, 60);
        Assert.Equal(
            "growth of 100%/day multiplies the load by 2 a day (1,454,120,821 a month): today's busiest peak of 6,000/s would pass 1e15/s, "
            + "more than any system serves, within 38 days; storage at the 40 months, 5y horizons is beyond any number and prints as infinite",
            overflow.Message);
    }

    [Fact]
    public void Growth_is_explained_when_any_entity_overflows_even_one_with_no_size()
    {
        // Tag states no record_size, so its storage is unknown, not infinite: Post's alone is enough. 3y and 5y overflow.
        var overflow = Growth(Feed("100%/day", "rate: 1000/s", tagSize: string.Empty), 12, 36, 60);
        Assert.EndsWith("within 38 days; storage at the 3y, 5y horizons is beyond any number and prints as infinite", overflow.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Slow_growth_over_a_long_horizon_prints_its_fractions()
    {
        // 50% a month: 1.5^(1 / 30.4375) = 1.01341 a day. Peak 0.5/s x 3 = 1.5/s at api and db. ln(1e15 / 1.5) / ln 1.01341 =
        // 2,562.3: 2,563 days. Over 1,800 months 1.5^1800 = 1e317, past any number; one horizon, 150 years.
        var overflow = Growth(Feed("50%/month", "rate: 0.5/s", count: "1"), 1800);
        Assert.Equal(
            "growth of 50%/month multiplies the load by 1.013 a day (1.5 a month): today's busiest peak of 1.5/s would pass 1e15/s, "
            + "more than any system serves, within 2,563 days; storage at the 150y horizon is beyond any number and prints as infinite",
            overflow.Message);
    }

    [Fact]
    public void Growth_without_load_or_already_past_any_system_says_no_days()
    {
        // A per-user rate with no users gives no load: nothing to count days from.
        var idle = Growth(Feed("100%/day", "per_user: 10/month"), 12, 36, 60);
        Assert.Equal(
            "growth of 100%/day multiplies the load by 2 a day (1,454,120,821 a month); storage at the 3y, 5y horizons is beyond any number and prints as infinite",
            idle.Message);

        // 5e14/s x 2 = 1e15/s at peak: already at what no system serves, so no days either.
        var busy = Growth(Feed("100%/day", "rate: 500000000000000/s", count: "1", peak: "2"), 60);
        Assert.Equal(
            "growth of 100%/day multiplies the load by 2 a day (1,454,120,821 a month); storage at the 5y horizon is beyond any number and prints as infinite",
            busy.Message);
    }
}
