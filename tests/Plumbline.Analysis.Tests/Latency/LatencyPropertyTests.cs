using CsCheck;
using Plumbline.Analysis.Latency;
using Xunit;

namespace Plumbline.Analysis.Tests.Latency;

/// <summary>
/// Properties of the latency code on drawn cases. Not in the mutation set (scripts/mutation latency): each run draws fresh
/// cases, so a verdict on a mutant would change from run to run, and thousands of cases take seconds against each mutant;
/// the hand-computed tests of the same classes pin each figure.
/// </summary>
public sealed class LatencyPropertyTests
{
    private const double Ms = 1e-3;
    private static readonly double[] Levels = [0.5, 0.9, 0.99, 0.999];

    [Fact]
    public void Waiting_grows_with_load_and_shrinks_with_servers_even_for_thousands_of_servers()
    {
        Gen.Select(Gen.Int[1, 5_000], Gen.Double[0.01, 0.99], Gen.Double[0.001, 0.05]).SampleReplayable(
            (servers, utilisation, more) =>
            {
                var load = servers * utilisation;
                var c = ErlangC.ProbabilityOfWaiting(servers, load);
                var higher = ErlangC.ProbabilityOfWaiting(servers, Math.Min(servers * 0.999, load * (1 + more)));
                var wider = ErlangC.ProbabilityOfWaiting(servers + 1, load);
                return c is >= 0 and <= 1 && higher >= c - 1e-12 && wider <= c + 1e-12;
            },
            iter: 2_000);
    }

    [Fact]
    public void Quantile_inverts_the_cdf()
    {
        Gen.Double[1e-12, 1 - 1e-12].SampleReplayable(
            p =>
            {
                var back = StandardNormal.Cdf(StandardNormal.Quantile(p));
                return Math.Abs(back - p) <= 1e-13 + (1e-11 * Math.Min(p, 1 - p));
            },
            iter: 20_000);
    }

    [Fact]
    public void Compositions_keep_order_and_the_mean_for_any_shapes()
    {
        var shapes =
            from kind in Gen.Int[0, 3]
            from a in Gen.Double[0.1, 20]
            from b in Gen.Double[1.2, 8]
            select kind switch
            {
                0 => ServiceTime.Exponential(a * Ms),
                1 => ServiceTime.Uniform(a * Ms, a * b * Ms),
                2 => ServiceTime.Constant(a * Ms),
                _ => ServiceTime.LogNormalThrough(0.5, a * Ms, 0.99, a * b * Ms),
            };
        Gen.Select(shapes, shapes, Gen.Double[0.01, 0.99]).SampleReplayable(
            (x, y, p) =>
            {
                var dx = LatencyDistribution.Of(x);
                var dy = LatencyDistribution.Of(y);
                var sum = LatencyDistribution.Series(dx, dy);
                var max = LatencyDistribution.Max(dx, dy);
                var maybe = LatencyDistribution.Maybe(p, dy);
                var scale = x.Mean + y.Mean;
                Assert.Equal(x.Mean + y.Mean, sum.Mean, 1e-4 * scale);
                Assert.Equal(p * y.Mean, maybe.Mean, 1e-4 * scale);
                foreach (var q in Levels)
                {
                    var larger = Math.Max(dx.Quantile(q), dy.Quantile(q));
                    Assert.True(sum.Quantile(q) >= larger - (1e-3 * scale), $"sum p{q} {sum.Quantile(q)} < {larger}");
                    Assert.True(max.Quantile(q) >= larger - (1e-3 * scale), $"max p{q} {max.Quantile(q)} < {larger}");
                    Assert.True(max.Quantile(q) <= sum.Quantile(q) + (1e-3 * scale), $"max p{q} {max.Quantile(q)} > sum {sum.Quantile(q)}");
                }
            },
            iter: 300);
    }

    [Fact]
    public void The_cdf_rises_and_the_quantile_inverts_it_for_any_fitted_shape()
    {
        var shapes =
            from p50 in Gen.Double[0.1, 50]
            from ratio90 in Gen.Double[1.01, 4]
            from ratio99 in Gen.Double[1.01, 4]
            from ratio999 in Gen.Double[1.01, 6]
            select ServiceTime.LogNormalThrough(
                [0.5, 0.9, 0.99, 0.999],
                [p50 * Ms, p50 * ratio90 * Ms, p50 * ratio90 * ratio99 * Ms, p50 * ratio90 * ratio99 * ratio999 * Ms]);
        shapes.Select(Gen.Double[0.0005, 0.9995], Gen.Double[0.0005, 0.9995]).SampleReplayable(
            (time, u, v) =>
            {
                var (lo, hi) = u < v ? (u, v) : (v, u);
                var a = time.Quantile(lo);
                var b = time.Quantile(hi);
                return a <= b && Math.Abs(time.Cdf(a) - lo) < 1e-9 && Math.Abs(time.Cdf(b) - hi) < 1e-9;
            },
            iter: 5_000);
    }
}
