using CsCheck;
using Plumbline.Design.Units;
using Xunit;

namespace Plumbline.Design.Tests.Units;

public class GrowthRateTests
{
    [Theory]
    [InlineData("50%/year", 0.5, RatePeriod.Year)]
    [InlineData("5%/month", 0.05, RatePeriod.Month)]
    [InlineData("-10%/year", -0.1, RatePeriod.Year)]
    [InlineData("1% / day", 0.01, RatePeriod.Day)]
    [InlineData("-100%/year", -1.0, RatePeriod.Year)]
    public void Parses_to_percent_and_period(string text, double fraction, RatePeriod period)
    {
        var growth = UnitAssert.Parses(GrowthRate.Parse, text);
        Assert.Equal(fraction, growth.Percent.Fraction);
        Assert.Equal(period, growth.Period);
    }

    [Theory]
    [InlineData("50%", nameof(UnitErrors.GrowthRateWithoutPeriod))]
    [InlineData("50/year", nameof(UnitErrors.NotAGrowthRate))]
    [InlineData("fast/year", nameof(UnitErrors.NotAGrowthRate))]
    [InlineData("", nameof(UnitErrors.NotAGrowthRate))]
    [InlineData("-150%/year", nameof(UnitErrors.GrowthBelowMinusHundred))]
    [InlineData("50%/decade", nameof(UnitErrors.UnknownGrowthPeriod), "decade")]
    [InlineData("50%/yr", nameof(UnitErrors.UnknownGrowthPeriod), "yr")]
    public void Fails_with(string text, string error, string? period = null) =>
        UnitAssert.Fails(GrowthRate.Parse, text, error, period is null ? [] : [period]);

    [Theory]
    [InlineData("50%/year", "50%/year")]
    [InlineData("5% / month", "5%/month")]
    [InlineData("10%/minute", "10%/min")]
    [InlineData("-10%/year", "-10%/year")]
    public void Round_trips(string text, string printed) => UnitAssert.RoundTrips(GrowthRate.Parse, text, printed);

    [Fact]
    public void Factors_compound_over_calendar_lengths()
    {
        var yearly = GrowthRate.Parse("50%/year").Value;
        Assert.Equal(1.5, yearly.AnnualFactor);
        Assert.Equal(Math.Pow(1.5, 1.0 / 12), yearly.MonthlyCompoundFactor);
        Assert.Equal(1.5 * 1.5, yearly.FactorOver(Duration.Parse("2y").Value), 12);

        var monthly = GrowthRate.Parse("5%/month").Value;
        Assert.Equal(1.05, monthly.MonthlyCompoundFactor);
        Assert.Equal(Math.Pow(1.05, 12), monthly.AnnualFactor);

        Assert.Equal(1, default(GrowthRate).AnnualFactor);
    }

    [Fact]
    public void Parsed_text_round_trips() =>
        UnitAssert.RoundTripProperty(
            Gen.Select(Gen.OneOf("", "-"), UnitGen.Number(maxMantissa: 100_000_000), Gen.OneOf("s", "min", "minute", "h", "day", "month", "year"), (sign, n, period) => sign + n + "%/" + period)
                .Where(text => GrowthRate.Parse(text).Success),
            GrowthRate.Parse);
}
