using CsCheck;
using Plumbline.Analysis.Latency;
using Plumbline.Design.Model;
using Plumbline.Design.Units;
using Xunit;

namespace Plumbline.Analysis.Tests.Latency;

public sealed class ServiceTimeTests
{
    private const double Ms = 1e-3;

    [Fact]
    public void A_log_normal_fitted_to_p50_and_p99_returns_them()
    {
        var time = ServiceTime.LogNormalThrough(0.5, 10 * Ms, 0.99, 60 * Ms);
        Assert.Equal(10 * Ms, time.Quantile(0.5), 1e-9 * 10 * Ms);
        Assert.Equal(60 * Ms, time.Quantile(0.99), 1e-9 * 60 * Ms);
        Assert.Equal(0.5, time.Cdf(10 * Ms), 1e-12);
        Assert.Equal(0.99, time.Cdf(60 * Ms), 1e-12);

        // By hand: sigma = ln 6 / z(0.99) = 1.7917595 / 2.3263479 = 0.7702027; the mean is 10ms e^(sigma^2 / 2) = 13.45285ms.
        Assert.Equal(13.45285 * Ms, time.Mean, 1e-8);
    }

    [Fact]
    public void A_fitted_profile_uses_p50_and_p999_or_the_mean_when_that_is_what_is_given()
    {
        var withP999 = ServiceTimeFit.Fit(Profile(p50: 4, p999: 80));
        Assert.Equal(4 * Ms, withP999.Time.Quantile(0.5), 1e-12);
        Assert.Equal(80 * Ms, withP999.Time.Quantile(0.999), 1e-12);
        Assert.False(withP999.ShapeAssumed);
        Assert.Equal("log-normal through p50 4ms and p999 80ms", withP999.Description);

        var withMean = ServiceTimeFit.Fit(Profile(p50: 10, mean: 15));
        Assert.Equal(10 * Ms, withMean.Time.Quantile(0.5), 1e-12);
        Assert.Equal(15 * Ms, withMean.Time.Mean, 1e-12);
        Assert.Equal("log-normal with p50 10ms and mean 15ms", withMean.Description);

        // One percentile and the mean: p99 60ms and mean 12ms. By hand: sigma^2 - 2 z sigma - 2 ln(12/60) = 0,
        // z = 2.3263479, so sigma = z - sqrt(z^2 + 2 ln 0.2) = 2.3263479 - 1.4808844 = 0.8454635, mu = ln 60ms - sigma z.
        var p99AndMean = ServiceTimeFit.Fit(Profile(p99: 60, mean: 12));
        Assert.Equal(60 * Ms, p99AndMean.Time.Quantile(0.99), 1e-12);
        Assert.Equal(12 * Ms, p99AndMean.Time.Mean, 1e-12);
        Assert.Equal(Math.Exp(Math.Log(60 * Ms) - (0.8454635 * 2.3263479)), p99AndMean.Time.Quantile(0.5), 1e-9);
    }

    [Fact]
    public void Every_stated_percentile_holds_when_more_than_two_are_given()
    {
        var fit = ServiceTimeFit.Fit(Profile(p50: 10, p90: 25, p99: 60, p999: 400));
        Assert.Equal(3, fit.Time.Pieces);
        Assert.Equal("log-normal spliced through p50 10ms, p90 25ms, p99 60ms and p999 400ms", fit.Description);
        foreach (var (p, ms) in new[] { (0.5, 10.0), (0.9, 25.0), (0.99, 60.0), (0.999, 400.0) })
        {
            Assert.Equal(ms * Ms, fit.Time.Quantile(p), 1e-12);
            Assert.Equal(p, fit.Time.Cdf(ms * Ms), 1e-12);
        }

        // The mean of the spliced pieces against the integral of the quantile function (midpoint rule).
        var n = 2_000_000;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += fit.Time.Quantile((i + 0.5) / n);
        }

        Assert.Equal(sum / n, fit.Time.Mean, 1e-3 * fit.Time.Mean);
    }

    [Fact]
    public void Thin_profiles_assume_an_exponential_and_say_so()
    {
        var p50Only = ServiceTimeFit.Fit(Profile(p50: 10));
        Assert.Equal(ServiceTimeKind.Exponential, p50Only.Time.Kind);
        Assert.True(p50Only.ShapeAssumed);
        Assert.Equal(10 * Ms, p50Only.Time.Quantile(0.5), 1e-12);
        Assert.Equal(10 * Ms / Math.Log(2), p50Only.Time.Mean, 1e-12);

        var meanOnly = ServiceTimeFit.Fit(Profile(mean: 8));
        Assert.Equal(8 * Ms, meanOnly.Time.Mean, 1e-12);
        Assert.Equal("exponential with mean 8ms (shape assumed)", meanOnly.Description);

        var none = ServiceTimeFit.Fit(null);
        Assert.False(none.Stated);
        Assert.Equal(0, none.Time.Quantile(0.99));
    }

    [Fact]
    public void Percentiles_that_do_not_increase_are_ignored_with_the_reason()
    {
        var fit = ServiceTimeFit.Fit(Profile(p50: 20, p90: 15, p99: 60));
        Assert.Equal("log-normal through p50 20ms and p99 60ms", fit.Description);
        Assert.Equal(["p90 15ms: not above p50 20ms"], fit.Ignored);
    }

    [Fact]
    public void Closed_forms_of_the_simple_shapes()
    {
        var exponential = ServiceTime.Exponential(20 * Ms);
        Assert.Equal(20 * Ms * Math.Log(2), exponential.Quantile(0.5), 1e-15);
        Assert.Equal(1 - Math.Exp(-1), exponential.Cdf(20 * Ms), 1e-15);
        Assert.Equal(Math.Exp(-3), exponential.Survival(60 * Ms), 1e-15);

        var uniform = ServiceTime.Uniform(2 * Ms, 6 * Ms);
        Assert.Equal(4 * Ms, uniform.Mean, 1e-15);
        Assert.Equal(5 * Ms, uniform.Quantile(0.75), 1e-15);
        Assert.Equal(0.25, uniform.Cdf(3 * Ms), 1e-12);

        var constant = ServiceTime.Constant(7 * Ms);
        Assert.Equal(7 * Ms, constant.Quantile(0.01));
        Assert.Equal(7 * Ms, constant.Mean);
        Assert.Equal(0, constant.Cdf(6.9 * Ms));
    }

    [Fact]
    public void Sampling_is_the_inverse_transform_and_allocates_nothing()
    {
        var time = ServiceTime.LogNormalThrough(0.5, 10 * Ms, 0.99, 60 * Ms);
        Assert.Equal(time.Quantile(0.99), time.Sample(0.99));

        // The loop is compiled fully optimised and run once before measuring, so no JIT work (tiering, on-stack
        // replacement) on this thread is counted as the sampler's allocation.
        var warm = new SplitMix64(1);
        _ = SumOfSamples(time, ref warm, 1_000);
        var random = new SplitMix64(42);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = SumOfSamples(time, ref random, 100_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);

        // Seed 42: the sample mean of 100,000 draws is within 1% of the mean (its standard error is 0.3%).
        Assert.Equal(time.Mean, sum / 100_000, 0.01 * time.Mean);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static double SumOfSamples(ServiceTime time, ref SplitMix64 random, int count)
    {
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += time.Sample(ref random);
        }

        return sum;
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

    private static LatencyProfile Profile(double? p50 = null, double? p90 = null, double? p99 = null, double? p999 = null, double? mean = null) =>
        new(Ms_(p50), Ms_(p90), Ms_(p99), Ms_(p999), Ms_(mean));

    private static Duration? Ms_(double? ms) => ms is { } v ? Duration.FromMilliseconds(v) : null;
}
