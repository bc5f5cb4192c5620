using CsCheck;
using Plumbline.Analysis.Latency;
using Xunit;

namespace Plumbline.Analysis.Tests.Latency;

public sealed class StandardNormalTests
{
    // Reference values of Phi and its inverse to 15 significant digits: Abramowitz and Stegun,
    // Handbook of Mathematical Functions, tables 26.1 and 26.5, agreeing with erfc to the last digit.
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.841344746068543)]
    [InlineData(2.0, 0.977249868051821)]
    [InlineData(-3.0, 0.00134989803163009)]
    [InlineData(-5.0, 2.86651571879194e-7)]
    public void Cdf_matches_the_tables(double x, double expected) =>
        Assert.Equal(expected, StandardNormal.Cdf(x), 1e-15);

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.9, 1.2815515655446008)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.99, 2.3263478740408408)]
    [InlineData(0.999, 3.090232306167813)]
    [InlineData(1e-10, -6.361340902404056)]
    public void Quantile_matches_the_tables(double p, double expected) =>
        Assert.Equal(expected, StandardNormal.Quantile(p), 1e-12);

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
    public void Ends_and_nonsense_are_handled()
    {
        Assert.Equal(double.NegativeInfinity, StandardNormal.Quantile(0));
        Assert.Equal(double.PositiveInfinity, StandardNormal.Quantile(1));
        Assert.True(double.IsNaN(StandardNormal.Quantile(1.5)));
        Assert.Equal(1, StandardNormal.Cdf(40));
        Assert.Equal(0, StandardNormal.Cdf(-40));
    }
}
