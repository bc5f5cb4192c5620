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
}
