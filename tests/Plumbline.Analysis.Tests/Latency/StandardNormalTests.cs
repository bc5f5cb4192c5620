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
    public void Ends_and_nonsense_are_handled()
    {
        Assert.Equal(double.NegativeInfinity, StandardNormal.Quantile(0));
        Assert.Equal(double.PositiveInfinity, StandardNormal.Quantile(1));
        Assert.True(double.IsNaN(StandardNormal.Quantile(1.5)));
        Assert.Equal(1, StandardNormal.Cdf(40));
        Assert.Equal(0, StandardNormal.Cdf(-40));
    }

    // Phi(x) = erfc(-x / sqrt 2) / 2 to 15 significant digits, one value in each of the ranges of the CDF (below 7.07, from 7.07
    // to 37) and either side of 0, each within 2e-8 of itself: the approximation is good to 1e-15 absolute, so its
    // relative error grows in the far tail (9e-9 at -8), and a changed coefficient moves it far more.
    [Theory]
    [InlineData(-1.5, 0.0668072012688581)]
    [InlineData(0.5, 0.691462461274013)]
    [InlineData(3.5, 0.999767370920964)]
    [InlineData(-6.0, 9.86587645037701e-10)]
    [InlineData(-7.5, 3.19089167291092e-14)]
    [InlineData(-8.0, 6.22096057427178e-16)]
    [InlineData(-36.9, 2.31052448114071e-298)]
    [InlineData(-37.0, 5.72557122252514e-300)]
    public void Cdf_holds_its_relative_precision_in_each_range(double x, double expected) =>
        Assert.Equal(1, StandardNormal.Cdf(x) / expected, 2e-8);

    // The quantile in each of Wichura's three ranges (|p - 0.5| up to 0.425; beyond, sqrt(-ln p) up to 5; beyond that),
    // below and above the median: Phi^-1 from the tables, to 13 significant digits.
    [Theory]
    [InlineData(0.3, -0.524400512708041)]
    [InlineData(0.95, 1.64485362695147)]
    [InlineData(0.075, -1.43953147093846)]
    [InlineData(0.925, 1.43953147093846)]
    [InlineData(0.02, -2.05374891063182)]
    [InlineData(0.999999, 4.75342430881709)]
    [InlineData(1e-12, -7.03448382530113)]
    [InlineData(1e-300, -37.0470962993612)]
    public void Quantile_holds_in_each_range(double p, double expected) =>
        Assert.Equal(1, StandardNormal.Quantile(p) / expected, 1e-13);

    [Fact]
    public void Past_37_the_lower_tail_is_zero_and_nan_stays_nan()
    {
        Assert.Equal(0, StandardNormal.Cdf(-37.0001));
        Assert.Equal(1, StandardNormal.Cdf(37.0001));
        Assert.True(double.IsNaN(StandardNormal.Cdf(double.NaN)));
        Assert.True(double.IsNaN(StandardNormal.Quantile(double.NaN)));
        Assert.True(double.IsNaN(StandardNormal.Quantile(-0.5)));
    }
}
