using Plumbline.Analysis.Estimates;
using Xunit;
using static Plumbline.Tests.Shared.DesignBuilder;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>Figures past the largest double are explained where they start, worked by hand.</summary>
public sealed class OverflowTests
{
    // The hops are asynchronous: a hand-off's count multiplies the load as a synchronous call's does, but no request waits
    // on it, so the estimate composes no latency or availability along the chain. A synchronous chain of 60 fan-outs is
    // 59 components reached more than once, 2^59 joint states to bound, and each of these tests runs against every mutant
    // of the estimate (docs/mutation.md).
    private static DesignBuilder HandOffs(int length, double count) =>
        ChainOfServices(length, to => Call(to, timeout: null, count: count, async: true));

    [Fact]
    public void A_load_past_any_number_is_explained_once_at_the_first_component_it_reaches()
    {
        // Peak at s0 is 3,000/s; each hop multiplies by 1e6, so s50 carries 3e303/s and s51 would carry 3e309, past 1.8e308:
        // s51 is explained, at the call into it, and none of the components after it.
        var report = Estimator.Estimate(TestDesigns.Load(HandOffs(60, 1_000_000)));
        var overflow = Assert.Single(report.Overflows);
        Assert.Equal("s51", overflow.Subject);
        Assert.Equal("/components/s50/operations/op/calls/0", overflow.Path);
        Assert.Equal(
            "the load on s51.op is beyond any number (past 1.8e308 a second): each call's count and retries multiply the load at every hop, "
            + "and the call from s50.op (x1000000) takes 3e303/s past it; every figure that depends on it is infinite",
            overflow.Message);
        Assert.Contains(report.Notes, n => n.StartsWith("The load on s51.op is beyond any number", StringComparison.Ordinal));
    }

    [Fact]
    public void A_finite_chain_has_nothing_to_explain()
    {
        // 3,000/s x 1e6 per hop over 50 hops is 3e303/s: large, but a number.
        Assert.Empty(Estimator.Estimate(TestDesigns.Load(HandOffs(51, 1_000_000))).Overflows);
        Assert.Empty(Estimator.Estimate(TestDesigns.Load(HandOffs(60, 2))).Overflows);
    }

    [Fact]
    public void Growth_that_overflows_storage_says_in_how_many_days_the_load_passes_any_system()
    {
        // 100%/day doubles the load daily; today's busiest peak is 3,000/s (1,000/s x 3): ln(1e15 / 3000) / ln 2 = 38.3, so
        // 39 days; a month of 30.4375 days doubles it 2^30.4375 = 1.45e9 times.
        var report = Estimator.Estimate(TestDesigns.Load(SharedFile("growth-100-percent-a-day.yaml")));
        var overflow = Assert.Single(report.Overflows);
        Assert.Equal("growth", overflow.Subject);
        Assert.Equal("/requirements/growth", overflow.Path);
        Assert.StartsWith("growth of 100%/day multiplies the load by 2 a day (", overflow.Message, StringComparison.Ordinal);
        Assert.Contains("today's busiest peak of 3,000/s would pass 1e15/s, more than any system serves, within 39 days", overflow.Message, StringComparison.Ordinal);
        Assert.Contains("horizon", overflow.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Growth_that_stays_finite_has_nothing_to_explain()
    {
        var report = Estimator.Estimate(TestDesigns.Load("""
            plumbline: 1
            system: { name: feed }
            requirements: { growth: 50%/year }
            workflows:
              post: { entry: api.post, rate: 10/s, type: write }
            data:
              - { entity: Post, owner: db, record_size: 1KB, new_records: 10/s }
            components:
              api: { kind: service, operations: { post: { calls: [{ to: db.insert, timeout: 1s }] } } }
              db: { kind: database, model: oltp, operations: { insert: { type: write } } }
            """));
        Assert.Empty(report.Overflows);
    }
}
