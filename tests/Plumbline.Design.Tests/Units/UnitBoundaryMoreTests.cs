using Plumbline.Design.Units;
using Xunit;

namespace Plumbline.Design.Tests.Units;

/// <summary>Duration, money, growth and parse-result boundaries, with values worked by hand.</summary>
public class UnitBoundaryMoreTests
{
    [Fact]
    public void Duration_factories_and_accessors()
    {
        // 90 minutes: 5,400 s, 1.5 h, 0.0625 day, 5,400,000 ms, 5.4e9 µs.
        var d = Duration.FromMinutes(90);
        Assert.Equal(5_400, d.Seconds);
        Assert.Equal(90, d.TotalMinutes);
        Assert.Equal(1.5, d.TotalHours);
        Assert.Equal(0.0625, d.TotalDays);
        Assert.Equal(5_400_000, d.TotalMilliseconds);
        Assert.Equal(5.4e9, d.TotalMicroseconds);
        Assert.Equal(7_200, Duration.FromHours(2).Seconds);
        Assert.Equal(172_800, Duration.FromDays(2).Seconds);
        Assert.Equal(0.25, Duration.FromMilliseconds(250).Seconds);
        Assert.Equal(0.000_5, Duration.FromMicroseconds(500).Seconds);
        Assert.Equal(3, Duration.FromSeconds(3).Seconds);
        Assert.Equal(0, Duration.Zero.Seconds);
        Assert.Equal("0s", Duration.FromSeconds(-0.0).ToString());
    }

    [Fact]
    public void Duration_arithmetic_guards_and_comparisons()
    {
        // 2 s - 500 ms = 1.5 s; 1.5 s × 2 = 3 s either way round; 3 s ÷ 4 = 750 ms; 3 s ÷ 750 ms = 4.
        var left = Duration.FromSeconds(2) - Duration.FromMilliseconds(500);
        Assert.Equal(1.5, left.Seconds);
        Assert.Equal(3, (left * 2).Seconds);
        Assert.Equal(3, (2 * left).Seconds);
        Assert.Equal(0.75, (Duration.FromSeconds(3) / 4).Seconds);
        Assert.Equal(4, Duration.FromSeconds(3) / Duration.FromMilliseconds(750));
        Assert.Equal(2.5, (Duration.FromSeconds(2) + Duration.FromMilliseconds(500)).Seconds);
        Assert.Equal(0, (Duration.FromSeconds(1) - Duration.FromSeconds(1)).Seconds);

        var second = Duration.FromSeconds(1);
        var thousand = Duration.FromMilliseconds(1_000);
        var minute = Duration.FromMinutes(1);
        Assert.True(second <= thousand);
        Assert.True(second >= thousand);
        Assert.False(second < thousand);
        Assert.False(second > thousand);
        Assert.True(second < minute);
        Assert.False(minute < second);
        Assert.False(minute <= second);
        Assert.False(second >= minute);
        Assert.True(minute > second);
        Assert.Equal(0, second.CompareTo(thousand));
        Assert.Equal(-1, second.CompareTo(minute));
        Assert.Equal(1, minute.CompareTo(second));

        Assert.Throws<ArgumentOutOfRangeException>(() => Duration.FromSeconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Duration.FromHours(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Duration.FromDays(double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => Duration.FromSeconds(1) - Duration.FromSeconds(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Duration.FromSeconds(1) * -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Duration.FromSeconds(1) / -1);
    }

    [Fact]
    public void Money_per_month_and_guards()
    {
        // 36,000 USD/year is 3,000 a month; 100 USD/day is 100 × 30.4375 = 3,043.75; 1 USD/h is 730.5.
        Assert.Equal(3_000m, Money.Of(36_000m, "USD", RatePeriod.Year).PerMonth());
        Assert.Equal(3_043.75m, Money.Of(100m, "USD", RatePeriod.Day).PerMonth());
        Assert.Equal(730.5m, Money.Of(1m, "USD", RatePeriod.Hour).PerMonth());
        Assert.Equal(43_830m, Money.Of(1m, "USD", RatePeriod.Minute).PerMonth());
        Assert.Equal(2_629_800m, Money.Of(1m, "USD", RatePeriod.Second).PerMonth());
        Assert.Equal(500m, Money.Of(500m, "EUR", RatePeriod.Month).PerMonth());
        Assert.True(Money.Of(1m, "USD", RatePeriod.Month).IsPeriodic);
        Assert.False(Money.Of(1m, "USD").IsPeriodic);
        Assert.Null(Money.Of(1m, "USD").Period);
        Assert.Equal("EUR", Money.Of(0m, "EUR").Currency);
        Assert.Equal(0m, Money.Of(0m, "EUR").Amount);

        // 1,200 EUR/year × 1.5 = 1,800 EUR/year, either way round.
        Assert.Equal(Money.Of(1_800m, "EUR", RatePeriod.Year), Money.Of(1_200m, "EUR", RatePeriod.Year) * 1.5m);
        Assert.Equal(Money.Of(1_800m, "EUR", RatePeriod.Year), 1.5m * Money.Of(1_200m, "EUR", RatePeriod.Year));

        Assert.Throws<InvalidOperationException>(() => Money.Of(1m, "USD").PerMonth());
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.Of(-0.01m, "USD"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.Of(1m, "USD", (RatePeriod)99));
        Assert.Throws<ArgumentException>(() => Money.Of(1m, "usd"));
        Assert.Throws<ArgumentException>(() => Money.Of(1m, "US"));
        Assert.Throws<ArgumentException>(() => Money.Of(1m, "uSD"));
        Assert.Throws<ArgumentException>(() => Money.Of(1m, "UsD"));
        Assert.Throws<ArgumentException>(() => Money.Of(1m, "USd"));
        Assert.Throws<ArgumentException>(() => Money.Of(1m, "USDX"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.Of(1m, "USD") * -1m);
    }

    [Fact]
    public void Growth_factors()
    {
        // 12%/year: 1.12 a year; over half a year 1.12^0.5; over a month 1.12^(1/12).
        var yearly = GrowthRate.Parse("12%/year").Value;
        Assert.Equal(1.12, yearly.AnnualFactor, 12);
        Assert.Equal(Math.Sqrt(1.12), yearly.FactorOver(Duration.FromSeconds(Calendar.SecondsPerYear / 2.0)), 12);
        Assert.Equal(Math.Pow(1.12, 1.0 / 12), yearly.MonthlyCompoundFactor, 12);
        Assert.Equal(1, yearly.FactorOver(Duration.Zero), 12);

        // 1%/day over a 2,629,800 s month: 1.01^30.4375; over a year 1.01^365.25.
        var daily = GrowthRate.Parse("1%/day").Value;
        Assert.Equal(Math.Pow(1.01, 30.4375), daily.MonthlyCompoundFactor, 12);
        Assert.Equal(Math.Pow(1.01, 365.25), daily.AnnualFactor, 9);
        Assert.Equal(0.01, daily.Percent.Fraction, 15);
        Assert.Equal(RatePeriod.Day, daily.Period);

        // Exactly -100% a year is allowed (everything gone: a factor of 0); -101% is not.
        Assert.Equal(0, UnitAssert.Parses(GrowthRate.Parse, "-100%/year").AnnualFactor);
        UnitAssert.Fails(GrowthRate.Parse, "-101%/year", nameof(UnitErrors.GrowthBelowMinusHundred));
    }

    [Theory]
    [InlineData("/s")]
    [InlineData("1GB/year")]
    [InlineData("1GB/")]
    [InlineData("1GB/fortnight")]
    [InlineData("1 GiB/h/s")]
    public void Not_a_throughput(string text) => UnitAssert.Fails(Throughput.Parse, text, nameof(UnitErrors.NotAThroughput));

    [Fact]
    public void Parse_result_accessors()
    {
        var ok = UnitParseResult.Ok(5);
        Assert.True(ok.Success);
        Assert.Null(ok.Error);
        Assert.True(ok.TryGetValue(out var five));
        Assert.Equal(5, five);
        Assert.Equal(5, ok.GetValueOrThrow());

        var failed = UnitParseResult.Fail<int>("bad");
        Assert.False(failed.Success);
        Assert.Equal("bad", failed.Error);
        Assert.False(failed.TryGetValue(out var none));
        Assert.Equal(0, none);
        Assert.Equal("bad", Assert.Throws<FormatException>(() => failed.GetValueOrThrow()).Message);
        Assert.Throws<ArgumentException>(() => UnitParseResult.Fail<int>(string.Empty));
        Assert.Throws<ArgumentNullException>(() => UnitParseResult.Fail<int>(null!));
    }
}
