using Plumbline.Simulation.Statistics;
using Xunit;

namespace Plumbline.Simulation.Tests.Statistics;

public sealed class StudentTTests
{
    [Theory]
    // Two-sided critical values from the published t table (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
    [InlineData(0.95, 1, 12.706)]
    [InlineData(0.95, 2, 4.303)]
    [InlineData(0.95, 3, 3.182)]
    [InlineData(0.95, 4, 2.776)]
    [InlineData(0.95, 7, 2.365)]
    [InlineData(0.95, 9, 2.262)]
    [InlineData(0.95, 19, 2.093)]
    [InlineData(0.95, 30, 2.042)]
    [InlineData(0.95, 100, 1.984)]
    [InlineData(0.99, 1, 63.657)]
    [InlineData(0.99, 4, 4.604)]
    [InlineData(0.99, 9, 3.250)]
    [InlineData(0.99, 19, 2.861)]
    [InlineData(0.90, 9, 1.833)]
    [InlineData(0.90, 60, 1.671)]
    public void Critical_values_match_the_table(double confidence, int df, double expected) =>
        Assert.Equal(expected, StudentT.TwoSidedCritical(confidence, df), 3);

    [Theory]
    // The quantiles to nine places (Student's t distribution function inverted, as in any statistics package): Hill's
    // algorithm is within 1e-4 of them, on both of its branches and with the correction it makes below 5 degrees of freedom.
    [InlineData(0.95, 3, 3.182446305)]
    [InlineData(0.95, 4, 2.776445105)]
    [InlineData(0.95, 5, 2.570581836)]
    [InlineData(0.95, 7, 2.364624252)]
    [InlineData(0.95, 10, 2.228138852)]
    [InlineData(0.95, 30, 2.042272456)]
    [InlineData(0.95, 100, 1.983971519)]
    [InlineData(0.99, 3, 5.840909310)]
    [InlineData(0.99, 4, 4.604094871)]
    [InlineData(0.99, 9, 3.249835542)]
    [InlineData(0.99, 19, 2.860934606)]
    [InlineData(0.90, 3, 2.353363435)]
    [InlineData(0.90, 4, 2.131846786)]
    [InlineData(0.90, 9, 1.833112933)]
    [InlineData(0.90, 60, 1.670648865)]
    public void Critical_values_are_within_a_ten_thousandth_of_the_quantiles(double confidence, int df, double expected) =>
        Assert.Equal(expected, StudentT.TwoSidedCritical(confidence, df), 1e-4);

    [Fact]
    public void An_interval_from_a_hand_computed_sample()
    {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sample variance 32/7, standard error sqrt(32/7/8) = 0.75593;
        // t(0.95, 7) = 2.36462, so the half-width is 1.78749.
        var ci = ConfidenceInterval.ForMean([2, 4, 4, 4, 5, 5, 7, 9], 0.95);
        Assert.Equal(5, ci.Mean, 12);
        Assert.Equal(1.78749, ci.HalfWidth, 0.0002);
        Assert.True(ci.Contains(3.3) && !ci.Contains(3.2));
    }

    [Fact]
    public void One_observation_is_not_an_interval() =>
        Assert.Throws<ArgumentException>(() => ConfidenceInterval.ForMean([1.0]));

    [Fact]
    public void An_interval_of_two_observations_and_its_ends()
    {
        // 1 and 3: mean 2, sample variance 2, standard error sqrt(2 / 2) = 1; t(0.95, 1) = cot(0.025 pi) = 12.7062047, so
        // the interval is 2 -/+ 12.7062047, ends included.
        var ci = ConfidenceInterval.ForMean([1, 3], 0.95);
        Assert.Equal((2.0, 0.95, 2), (ci.Mean, ci.Confidence, ci.Count));
        Assert.Equal(12.7062047, ci.HalfWidth, 6);
        Assert.Equal(2 - ci.HalfWidth, ci.Lower);
        Assert.Equal(2 + ci.HalfWidth, ci.Upper);
        Assert.True(ci.Contains(ci.Lower) && ci.Contains(ci.Upper));
        Assert.False(ci.Contains(Math.BitDecrement(ci.Lower)) || ci.Contains(Math.BitIncrement(ci.Upper)));
    }

    [Fact]
    public void A_confidence_outside_zero_to_one_or_no_degree_of_freedom_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.TwoSidedCritical(0, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.TwoSidedCritical(1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.TwoSidedCritical(double.NaN, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.TwoSidedCritical(0.95, 0));
    }
}
