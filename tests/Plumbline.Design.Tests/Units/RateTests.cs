using CsCheck;
using Plumbline.Design.Units;
using Xunit;

namespace Plumbline.Design.Tests.Units;

public class RateTests
{
    [Theory]
    [InlineData("200/s", 200.0)]
    [InlineData("1/second", 1.0)]
    [InlineData("100/min", 100.0 / 60)]
    [InlineData("1/minute", 1.0 / 60)]
    [InlineData("5/h", 5.0 / 3_600)]
    [InlineData("1/hour", 1.0 / 3_600)]
    [InlineData("3/day", 3.0 / 86_400)]
    [InlineData("1B/month", 1e9 / 2_629_800)]
    [InlineData("10M/month", 1e7 / 2_629_800)]
    [InlineData("2/year", 2.0 / 31_557_600)]
    [InlineData("1.5K / s", 1_500.0)]
    [InlineData("0/s", 0.0)]
    public void Parses_to_per_second(string text, double perSecond) =>
        Assert.Equal(perSecond, UnitAssert.Parses(Rate.Parse, text).PerSecond);

    [Fact]
    public void Keeps_the_written_amount_and_period()
    {
        var rate = Rate.Parse("1B/month").Value;
        Assert.Equal(1e9, rate.Amount);
        Assert.Equal(RatePeriod.Month, rate.Period);
        Assert.Equal(1e9, rate.PerMonth);
        Assert.Equal(3, Rate.Parse("3/day").Value.PerDay);
    }

    [Theory]
    [InlineData("5 per sec", nameof(UnitErrors.NotARate))]
    [InlineData("", nameof(UnitErrors.NotARate))]
    [InlineData("/s", nameof(UnitErrors.NotARate))]
    [InlineData("10m/s", nameof(UnitErrors.NotARate))]
    [InlineData("5", nameof(UnitErrors.RateWithoutPeriod))]
    [InlineData("1.5K", nameof(UnitErrors.RateWithoutPeriod))]
    [InlineData("-5/s", nameof(UnitErrors.NegativeRate))]
    [InlineData("99999999999999999999999999999T/s", nameof(UnitErrors.RateTooLarge))]
    [InlineData("5/sec", nameof(UnitErrors.UnknownRatePeriod), "sec")]
    [InlineData("5/mo", nameof(UnitErrors.UnknownRatePeriod), "mo")]
    [InlineData("5/Day", nameof(UnitErrors.UnknownRatePeriod), "Day")]
    [InlineData("5/", nameof(UnitErrors.UnknownRatePeriod), "")]
    [InlineData("5/s/s", nameof(UnitErrors.UnknownRatePeriod), "s/s")]
    public void Fails_with(string text, string error, string? period = null) =>
        UnitAssert.Fails(Rate.Parse, text, error, period is null ? [] : [period]);

    [Theory]
    [InlineData("1B/month", "1B/month")]
    [InlineData("200/s", "200/s")]
    [InlineData("1500/min", "1.5K/min")]
    [InlineData("1/second", "1/s")]
    [InlineData("1/minute", "1/min")]
    [InlineData("1/hour", "1/h")]
    [InlineData("5 / h", "5/h")]
    [InlineData("3/day", "3/day")]
    [InlineData("2/year", "2/year")]
    public void Round_trips(string text, string printed) => UnitAssert.RoundTrips(Rate.Parse, text, printed);

    [Theory]
    [InlineData("60/min", "1/s")]
    [InlineData("3600/h", "1/s")]
    [InlineData("12B/year", "1B/month")]
    [InlineData("86400/day", "1/s")]
    public void Equality_is_per_second_whatever_the_period(string left, string right)
    {
        Assert.Equal(Rate.Parse(left).Value, Rate.Parse(right).Value);
        Assert.Equal(Rate.Parse(left).Value.GetHashCode(), Rate.Parse(right).Value.GetHashCode());
    }

    [Fact]
    public void Helpers_and_arithmetic()
    {
        var rate = Rate.FromPerSecond(2);
        Assert.Equal(120, rate.PerMinute);
        Assert.Equal(172_800, rate.PerDay);
        Assert.Equal(2 * 2_629_800.0, rate.PerMonth);
        Assert.Equal("2/s", rate.ToString());
        Assert.Equal(Rate.Parse("3B/month").Value, Rate.Parse("1B/month").Value * 3);
        Assert.Equal("3B/month", (Rate.Parse("1B/month").Value * 3).ToString());
        Assert.Equal(Rate.Of(1, RatePeriod.Month), Rate.Parse("1/month").Value);
        Assert.Equal(Rate.FromPerSecond(3), Rate.FromPerSecond(1) + Rate.Parse("120/min").Value);
        Assert.True(Rate.Parse("1/s").Value > Rate.Parse("59/min").Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => Rate.FromPerSecond(-1));
    }

    [Fact]
    public void Rate_times_duration_is_the_number_in_flight() =>
        Assert.Equal(25, Rate.Parse("100/s").Value * Duration.Parse("250ms").Value);

    [Fact]
    public void Parsed_text_round_trips() =>
        UnitAssert.RoundTripProperty(
            Gen.Select(
                UnitGen.Number(),
                Gen.OneOf("", "K", "M", "B", "T"),
                Gen.OneOf("s", "second", "min", "minute", "h", "hour", "day", "month", "year"),
                (n, suffix, period) => n + suffix + "/" + period),
            Rate.Parse);
}
