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
    }

    [Fact]
    public void One_percentile_and_the_mean_fit_a_log_normal_only_where_one_exists()
    {
        // p50 10ms and mean 12ms: z = 0, sigma = sqrt(2 ln 1.2) = 0.6038569 (the positive root), mu = ln 10ms.
        var median = ServiceTimeFit.LogNormalFromPercentileAndMean(0.5, 10 * Ms, 12 * Ms);
        Assert.NotNull(median);
        Assert.Equal(ServiceTime.LogNormal(Math.Log(10 * Ms), 0.6038568651492746), median.Value);

        // p99 60ms and mean 20ms: z = 2.32634787, z^2 + 2 ln(20/60) = 5.41189443 - 2.19722458 = 3.21466985, root 1.79295004;
        // both z - root = 0.53339783 and z + root are positive: the smaller is taken. The median e^mu = 60ms e^(-sigma z) =
        // 60ms e^-1.24086891 = 17.347973ms.
        var p99 = ServiceTimeFit.LogNormalFromPercentileAndMean(0.99, 60 * Ms, 20 * Ms);
        Assert.NotNull(p99);
        Assert.Equal(17.347973 * Ms, p99.Value.Quantile(0.5), 1e-9);
        Assert.Equal(20 * Ms, p99.Value.Mean, 1e-12);

        // p99 60ms and mean 1ms: 5.4118945 + 2 ln(1/60) = 5.4118945 - 8.1887281 < 0, no log-normal. p50 with the mean equal
        // to it: sigma 0, no log-normal either; nor with the mean below the median (2 ln(9/10) < 0).
        Assert.Null(ServiceTimeFit.LogNormalFromPercentileAndMean(0.99, 60 * Ms, 1 * Ms));
        Assert.Null(ServiceTimeFit.LogNormalFromPercentileAndMean(0.5, 10 * Ms, 10 * Ms));
        Assert.Null(ServiceTimeFit.LogNormalFromPercentileAndMean(0.5, 10 * Ms, 9 * Ms));
        Assert.Null(ServiceTimeFit.LogNormalFromPercentileAndMean(0, 10 * Ms, 12 * Ms));
        Assert.Null(ServiceTimeFit.LogNormalFromPercentileAndMean(1, 10 * Ms, 12 * Ms));
        Assert.Null(ServiceTimeFit.LogNormalFromPercentileAndMean(0.5, 0, 12 * Ms));
        Assert.Null(ServiceTimeFit.LogNormalFromPercentileAndMean(0.5, 10 * Ms, 0));

        // In a profile, a mean no log-normal has with the percentile is ignored, and the percentile alone fixes an
        // exponential: p99 60ms is the mean 60ms / ln 100 = 13.029ms.
        var fallback = ServiceTimeFit.Fit(Profile(p99: 60, mean: 1));
        Assert.Equal(ServiceTimeKind.Exponential, fallback.Time.Kind);
        Assert.Equal(60 * Ms / Math.Log(100), fallback.Time.Mean, 1e-15);
        Assert.True(fallback.ShapeAssumed);
        Assert.Equal(["mean 1ms: no log-normal has it with p99 60ms"], fallback.Ignored);
        Assert.Equal("exponential through p99 60ms (shape assumed)", fallback.Description);
    }

    [Fact]
    public void A_profile_says_what_it_used_and_what_it_ignored()
    {
        // Two percentiles and a mean: the mean is not used, and says so.
        var two = ServiceTimeFit.Fit(Profile(p50: 10, p99: 60, mean: 15));
        Assert.Equal(1, two.Time.Pieces);
        Assert.Equal(["mean: the percentiles fix the shape"], two.Ignored);
        Assert.False(two.ShapeAssumed);
        Assert.True(two.Stated);

        // Three: spliced, two pieces.
        var three = ServiceTimeFit.Fit(Profile(p50: 10, p90: 25, p99: 60));
        Assert.Equal(2, three.Time.Pieces);
        Assert.Equal("log-normal spliced through p50 10ms, p90 25ms and p99 60ms", three.Description);
        Assert.Empty(three.Ignored);

        // A percentile of zero is ignored; what remains (p99 alone) is an exponential through it.
        var zero = ServiceTimeFit.Fit(Profile(p50: 0, p99: 60));
        Assert.Equal(["p50 0s: a percentile of zero fits no distribution here"], zero.Ignored);
        Assert.Equal(ServiceTimeKind.Exponential, zero.Time.Kind);

        // A percentile equal to the one before is not above it.
        Assert.Equal(["p99 10ms: not above p50 10ms"], ServiceTimeFit.Fit(Profile(p50: 10, p99: 10)).Ignored);

        // A stated mean of 0: a constant 0, stated, its shape not assumed. Nothing stated: 0, not stated, shape assumed.
        var constant = ServiceTimeFit.Fit(Profile(mean: 0));
        Assert.Equal(ServiceTimeKind.Constant, constant.Time.Kind);
        Assert.True(constant.Stated);
        Assert.False(constant.ShapeAssumed);
        Assert.Equal("constant 0 (stated)", constant.Description);
        var empty = ServiceTimeFit.Fit(Profile());
        Assert.False(empty.Stated);
        Assert.True(empty.ShapeAssumed);
        Assert.Equal("no latency stated (counted as 0)", empty.Description);
        Assert.Equal(ServiceTimeKind.Constant, empty.Time.Kind);

        // The description is written when first read, once.
        var calls = 0;
        var fitted = new FittedServiceTime(ServiceTime.Constant(0), () => $"read {++calls}", false, true, []);
        Assert.Equal("read 1", fitted.Description);
        Assert.Equal("read 1", fitted.Description);
    }

    [Fact]
    public void What_each_fit_says_of_its_shape()
    {
        // p50 and the mean fix a log-normal: stated, not assumed. One percentile alone, or the mean alone: an exponential,
        // stated, assumed. A mean of 0 beside a percentile is no mean to fit: the percentile's exponential, nothing ignored.
        var withMean = ServiceTimeFit.Fit(Profile(p50: 10, mean: 15));
        Assert.False(withMean.ShapeAssumed);
        Assert.True(withMean.Stated);
        var p99Only = ServiceTimeFit.Fit(Profile(p99: 60));
        Assert.True(p99Only.ShapeAssumed);
        Assert.True(p99Only.Stated);
        var meanOnly = ServiceTimeFit.Fit(Profile(mean: 8));
        Assert.True(meanOnly.ShapeAssumed);
        Assert.True(meanOnly.Stated);
        var zeroMean = ServiceTimeFit.Fit(Profile(p50: 10, mean: 0));
        Assert.Equal(ServiceTimeKind.Exponential, zeroMean.Time.Kind);
        Assert.Empty(zeroMean.Ignored);
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

    private static LatencyProfile Profile(double? p50 = null, double? p90 = null, double? p99 = null, double? p999 = null, double? mean = null) =>
        new(Ms_(p50), Ms_(p90), Ms_(p99), Ms_(p999), Ms_(mean));

    private static Duration? Ms_(double? ms) => ms is { } v ? Duration.FromMilliseconds(v) : null;
}
