using Plumbline.Analysis.Latency;
using Xunit;

namespace Plumbline.Analysis.Tests.Latency;

/// <summary>
/// Each shape's CDF, survival, quantile, mean and draw at and either side of its edges, worked from its formula; the spliced
/// log-normal's pieces from the standard normal's quantiles: z(0.9) = 1.2815516, z(0.99) = 2.3263479, z(0.999) = 3.0902323.
/// </summary>
public sealed class ServiceTimeShapeTests
{
    private const double Ms = 1e-3;

    /// <summary>A uniform source that always draws the same number.</summary>
    private struct Fixed(double u) : IUniformSource
    {
        public readonly double NextDouble() => u;
    }

    [Fact]
    public void A_constant_is_reached_at_its_value()
    {
        var c = ServiceTime.Constant(7 * Ms);
        Assert.Equal(ServiceTimeKind.Constant, c.Kind);
        Assert.Equal(1, c.Pieces);
        Assert.Equal(1, c.Cdf(7 * Ms));
        Assert.Equal(0, c.Cdf(6.99 * Ms));
        Assert.Equal(0, c.Survival(7 * Ms));
        Assert.Equal(1, c.Survival(6.99 * Ms));
        Assert.Equal(7 * Ms, c.Quantile(0));
        Assert.Equal(7 * Ms, c.Quantile(1));
        Assert.Equal(7 * Ms, c.Sample(0.3));
        Assert.Equal(0, ServiceTime.Constant(0).Mean);
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTime.Constant(-1 * Ms));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTime.Constant(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTime.Constant(double.PositiveInfinity));
    }

    [Fact]
    public void An_exponential_starts_at_zero_and_has_no_end()
    {
        // Mean 20ms: F(t) = 1 - e^(-t / 20ms); the median 20ms ln 2 = 13.8629ms; a draw of u = 0.75 is -20ms ln 0.25 = 27.7259ms.
        var e = ServiceTime.Exponential(20 * Ms);
        Assert.Equal(0, e.Cdf(0));
        Assert.Equal(0, e.Cdf(-1 * Ms));
        Assert.Equal(1, e.Survival(0));
        Assert.Equal(1, e.Survival(-1 * Ms));
        Assert.Equal(Math.Exp(-1), e.Survival(20 * Ms), 1e-15);
        Assert.Equal(0, e.Quantile(0));
        Assert.Equal(double.PositiveInfinity, e.Quantile(1));
        Assert.Equal(20 * Ms * Math.Log(2), e.Quantile(0.5), 1e-15);
        Assert.Equal(-20 * Ms * Math.Log(0.25), e.Sample(0.75), 1e-15);
        var source = new Fixed(0.75);
        Assert.Equal(27.725887 * Ms, e.Sample(ref source), 1e-9);
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTime.Exponential(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTime.Exponential(double.PositiveInfinity));
    }

    [Fact]
    public void A_uniform_rises_in_a_line_between_its_ends()
    {
        // [2ms, 6ms]: F(t) = (t - 2) / 4; a draw of u = 0.25 is 3ms.
        var u = ServiceTime.Uniform(2 * Ms, 6 * Ms);
        Assert.Equal(0, u.Cdf(2 * Ms));
        Assert.Equal(0, u.Cdf(1 * Ms));
        Assert.Equal(1, u.Cdf(6 * Ms));
        Assert.Equal(1, u.Cdf(7 * Ms));
        Assert.Equal(0.75, u.Survival(3 * Ms), 1e-12);
        Assert.Equal(2 * Ms, u.Quantile(0));
        Assert.Equal(6 * Ms, u.Quantile(1));
        Assert.Equal(3 * Ms, u.Sample(0.25), 1e-15);
        var source = new Fixed(0.25);
        Assert.Equal(3 * Ms, u.Sample(ref source), 1e-15);
        Assert.Equal(2 * Ms, ServiceTime.Uniform(0, 4 * Ms).Mean, 1e-15);
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTime.Uniform(3 * Ms, 3 * Ms));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTime.Uniform(4 * Ms, 3 * Ms));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTime.Uniform(-1 * Ms, 3 * Ms));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTime.Uniform(0, 0));
    }

    [Fact]
    public void A_log_normal_has_its_median_at_e_to_the_mu()
    {
        // mu = ln 10ms, sigma 0.5: median 10ms, mean 10ms e^(0.5^2 / 2) = 10ms e^0.125 = 11.331485ms.
        var l = ServiceTime.LogNormal(Math.Log(10 * Ms), 0.5);
        Assert.Equal(1, l.Pieces);
        Assert.Equal(10 * Ms, l.Quantile(0.5), 1e-15);
        Assert.Equal(11.331485 * Ms, l.Mean, 1e-9);
        Assert.Equal(0.5, l.Cdf(10 * Ms), 1e-15);
        Assert.Equal(0.5, l.Survival(10 * Ms), 1e-15);
        Assert.Equal(0, l.Cdf(0));
        Assert.Equal(1, l.Survival(0));
        Assert.Equal(1, l.Survival(-1));
        Assert.Equal(10 * Ms, l.Sample(0.5), 1e-15);

        // Median 10ms and mean 12ms: sigma = sqrt(2 ln 1.2) = 0.6038569.
        var fromMean = ServiceTime.LogNormalFromMedianAndMean(10 * Ms, 12 * Ms);
        Assert.Equal(10 * Ms, fromMean.Quantile(0.5), 1e-15);
        Assert.Equal(12 * Ms, fromMean.Mean, 1e-15);
        Assert.Equal(fromMean, ServiceTime.LogNormal(Math.Log(10 * Ms), 0.6038568651492746));

        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTime.LogNormal(double.NaN, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTime.LogNormal(double.PositiveInfinity, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTime.LogNormal(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTime.LogNormalFromMedianAndMean(10 * Ms, 10 * Ms));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTime.LogNormalFromMedianAndMean(0, 10 * Ms));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTime.LogNormalFromMedianAndMean(10 * Ms, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => l.Quantile(-0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => l.Quantile(1.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => l.Quantile(double.NaN));
    }

    [Fact]
    public void Two_pieces_meet_at_the_middle_percentile_and_each_holds_on_its_side()
    {
        // Through p50 10ms, p99 60ms, p999 80ms. Piece 0: sigma0 = ln 6 / 2.3263479 = 0.7702027, mu0 = ln 10 (ms). Piece 1:
        // sigma1 = ln(80/60) / (3.0902323 - 2.3263479) = 0.2876821 / 0.7638844 = 0.3766042, mu1 = ln 60 - 0.3766042 x
        // 2.3263479 = 3.2182322. p99.5 lies in piece 1: e^(3.2182322 + 0.3766042 x 2.5758293) = 65.910668ms; 70ms has
        // F = Phi((ln 70 - 3.2182322) / 0.3766042) = 0.9968873. p90 lies in piece 0: 10 e^(0.7702027 x 1.2815516) = 26.833191ms.
        // Mean: the partial expectations e^(mu + sigma^2 / 2) (Phi((ln hi - mu) / sigma - sigma) - Phi((ln lo - mu) / sigma -
        // sigma)): piece 0 below 60ms 12.647878ms, piece 1 above it 0.686681ms, 13.334559ms in all (one log-normal
        // through p50 and p99 has 13.452853ms).
        var t = ServiceTime.LogNormalThrough([0.5, 0.99, 0.999], [10 * Ms, 60 * Ms, 80 * Ms]);
        Assert.Equal(2, t.Pieces);
        Assert.Equal(ServiceTimeKind.LogNormal, t.Kind);
        Assert.Equal(65.910668 * Ms, t.Quantile(0.995), 1e-9);
        Assert.Equal(26.833191 * Ms, t.Quantile(0.9), 1e-9);
        Assert.Equal(60 * Ms, t.Quantile(0.99), 1e-12);
        Assert.Equal(0.9968873, t.Cdf(70 * Ms), 1e-7);
        Assert.Equal(0.0031127, t.Survival(70 * Ms), 1e-7);
        Assert.Equal(0.99, t.Cdf(60 * Ms), 1e-12);
        Assert.Equal(13.334559 * Ms, t.Mean, 1e-9);
        Assert.Equal(65.910668 * Ms, t.Sample(0.995), 1e-9);
    }

    [Fact]
    public void Three_pieces_meet_at_the_two_middle_percentiles()
    {
        // Through p50 10ms, p90 20ms, p99 60ms, p999 80ms. Pieces: (mu, sigma) = (2.3025851, 0.5408656) below 20ms,
        // (1.6481698, 1.0515086) from 20ms to 60ms, (3.2182322, 0.3766042) above (each from its two percentiles as above).
        // p70 in piece 0: e^(2.3025851 + 0.5408656 x 0.5244005) = 13.279418ms; p95 in piece 1: e^(1.6481698 + 1.0515086 x
        // 1.6448536) = 29.304688ms; p99.95 in piece 2: e^(3.2182322 + 0.3766042 x 3.2905267) = 86.267968ms. F(15ms) =
        // 0.7732701, F(40ms) = 0.9738554, F(70ms) = 0.9968873. Mean: 8.919257 + 2.781109 + 0.686681 = 12.387047ms.
        var t = ServiceTime.LogNormalThrough([0.5, 0.9, 0.99, 0.999], [10 * Ms, 20 * Ms, 60 * Ms, 80 * Ms]);
        Assert.Equal(3, t.Pieces);
        Assert.Equal(13.279418 * Ms, t.Quantile(0.7), 1e-9);
        Assert.Equal(29.304688 * Ms, t.Quantile(0.95), 1e-9);
        Assert.Equal(86.267968 * Ms, t.Quantile(0.9995), 1e-9);
        Assert.Equal(20 * Ms, t.Quantile(0.9), 1e-12);
        Assert.Equal(0.7732701, t.Cdf(15 * Ms), 1e-7);
        Assert.Equal(0.9738554, t.Cdf(40 * Ms), 1e-7);
        Assert.Equal(0.9968873, t.Cdf(70 * Ms), 1e-7);
        Assert.Equal(1 - 0.9738554, t.Survival(40 * Ms), 1e-7);
        Assert.Equal(12.387047 * Ms, t.Mean, 1e-9);

        Assert.Throws<ArgumentException>(() => ServiceTime.LogNormalThrough([0.5], [10 * Ms]));
        Assert.Throws<ArgumentException>(() => ServiceTime.LogNormalThrough([0.5, 0.9], [10 * Ms]));
        Assert.Throws<ArgumentException>(() => ServiceTime.LogNormalThrough([0.1, 0.5, 0.9, 0.99, 0.999], [1 * Ms, 2 * Ms, 3 * Ms, 4 * Ms, 5 * Ms]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTime.LogNormalThrough(0.5, 10 * Ms, 0.5, 20 * Ms));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTime.LogNormalThrough(0, 10 * Ms, 0.5, 20 * Ms));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTime.LogNormalThrough(0.5, 10 * Ms, 1, 20 * Ms));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTime.LogNormalThrough(0.5, 20 * Ms, 0.9, 10 * Ms));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTime.LogNormalThrough(0.5, 10 * Ms, 0.9, 10 * Ms));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTime.LogNormalThrough(0.5, 0, 0.9, 10 * Ms));
    }

    [Fact]
    public void Shapes_are_equal_only_when_every_parameter_is()
    {
        Assert.Equal(ServiceTime.Constant(1 * Ms), ServiceTime.Constant(1 * Ms));
        Assert.True(ServiceTime.Constant(1 * Ms) == ServiceTime.Constant(1 * Ms));
        Assert.False(ServiceTime.Constant(1 * Ms) != ServiceTime.Constant(1 * Ms));
        Assert.Equal(ServiceTime.Constant(1 * Ms).GetHashCode(), ServiceTime.Constant(1 * Ms).GetHashCode());
        Assert.NotEqual(ServiceTime.Constant(1 * Ms), ServiceTime.Exponential(1 * Ms));
        Assert.True(ServiceTime.Constant(1 * Ms) != ServiceTime.Constant(2 * Ms));
        Assert.NotEqual(ServiceTime.Uniform(1 * Ms, 2 * Ms), ServiceTime.Uniform(1 * Ms, 3 * Ms));
        Assert.NotEqual(ServiceTime.Uniform(1 * Ms, 3 * Ms), ServiceTime.Uniform(2 * Ms, 3 * Ms));
        Assert.False(ServiceTime.Constant(1 * Ms).Equals((object)1e-3));
        Assert.True(ServiceTime.Constant(1 * Ms).Equals((object)ServiceTime.Constant(1 * Ms)));

        // Spliced shapes that share their first piece and breakpoints and differ in the second (p99 50ms or 60ms), or share
        // the first two and differ in the third (p999 80ms or 90ms).
        ServiceTime Spliced(params double[] ms) =>
            ServiceTime.LogNormalThrough(new[] { 0.5, 0.9, 0.99, 0.999 }.AsSpan(0, ms.Length), [.. ms.Select(x => x * Ms)]);
        Assert.Equal(Spliced(10, 20, 50), Spliced(10, 20, 50));
        Assert.NotEqual(Spliced(10, 20, 50), Spliced(10, 20, 60));
        Assert.NotEqual(Spliced(10, 20, 60, 80), Spliced(10, 20, 60, 90));
        Assert.NotEqual(Spliced(10, 20, 60), Spliced(10, 20, 60, 80));
    }

    [Fact]
    public void Each_bad_parameter_is_refused_by_its_own_name()
    {
        string? Name(Action act) => Assert.Throws<ArgumentOutOfRangeException>(act).ParamName;
        Assert.Equal("max", Name(() => ServiceTime.Uniform(0, double.NaN)));
        Assert.Equal("median", Name(() => ServiceTime.LogNormalFromMedianAndMean(0, 10 * Ms)));
        Assert.Equal("mean", Name(() => ServiceTime.LogNormalFromMedianAndMean(10 * Ms, double.NaN)));
        Assert.Equal("mean", Name(() => ServiceTime.LogNormalFromMedianAndMean(10 * Ms, 10 * Ms)));

        // Two percentiles: 0 < p1 < p2 < 1 is checked first, then each time, then their order.
        Assert.Equal("p1", Name(() => ServiceTime.LogNormalThrough(0, 10 * Ms, 0.5, 20 * Ms)));
        Assert.Equal("p1", Name(() => ServiceTime.LogNormalThrough(0.5, 10 * Ms, 0.5, 20 * Ms)));
        Assert.Equal("p1", Name(() => ServiceTime.LogNormalThrough(0.6, 10 * Ms, 0.5, 20 * Ms)));
        Assert.Equal("p1", Name(() => ServiceTime.LogNormalThrough(0.5, 10 * Ms, 1, 20 * Ms)));
        Assert.Equal("p1", Name(() => ServiceTime.LogNormalThrough(-0.5, 10 * Ms, 0.5, 20 * Ms)));
        Assert.Equal("x1", Name(() => ServiceTime.LogNormalThrough(0.5, 0, 0.9, 20 * Ms)));
        Assert.Equal("x2", Name(() => ServiceTime.LogNormalThrough(0.5, 10 * Ms, 0.9, double.NaN)));
        Assert.Equal("x2", Name(() => ServiceTime.LogNormalThrough(0.5, 10 * Ms, 0.9, 10 * Ms)));
    }
}
