using Plumbline.Design.Units;
using Xunit;

namespace Plumbline.Design.Tests.Units;

public class CalendarTests
{
    [Fact]
    public void A_month_is_a_twelfth_of_a_365_and_a_quarter_day_year()
    {
        Assert.Equal(86_400, Calendar.SecondsPerDay);
        Assert.Equal(31_557_600, Calendar.SecondsPerYear);
        Assert.Equal(2_629_800, Calendar.SecondsPerMonth);
        Assert.Equal(Calendar.SecondsPerYear, 12 * Calendar.SecondsPerMonth);
        Assert.Equal(Calendar.DaysPerYear * Calendar.SecondsPerDay, Calendar.SecondsPerYear);
        Assert.Equal(Calendar.DaysPerMonth * Calendar.SecondsPerDay, Calendar.SecondsPerMonth);
    }

    [Theory]
    [InlineData(RatePeriod.Second, 1)]
    [InlineData(RatePeriod.Minute, 60)]
    [InlineData(RatePeriod.Hour, 3_600)]
    [InlineData(RatePeriod.Day, 86_400)]
    [InlineData(RatePeriod.Month, 2_629_800)]
    [InlineData(RatePeriod.Year, 31_557_600)]
    public void Seconds_in_each_period(RatePeriod period, long seconds) =>
        Assert.Equal(seconds, Calendar.SecondsIn(period));

    [Fact]
    public void Durations_use_the_same_year_and_week()
    {
        Assert.Equal(Calendar.SecondsPerYear, Duration.Parse("1y").Value.Seconds);
        Assert.Equal(Duration.Parse("365.25d").Value, Duration.Parse("1y").Value);
        Assert.Equal(Duration.Parse("7d").Value, Duration.Parse("1w").Value);
        Assert.Equal(Calendar.SecondsPerMonth, Duration.Parse("30.4375d").Value.Seconds);
    }

    [Theory]
    [InlineData("average", 2_629_800)]
    [InlineData("30d", 2_592_000)]
    [InlineData("2.5M", 2_500_000)]
    public void The_month_is_a_convention_and_a_year_of_rates_is_twelve_of_them(string text, long month)
    {
        Assert.True(Calendar.TryParseMonth(text, out var convention));
        Assert.Equal(text, Calendar.Text(convention));
        Assert.Equal(month, Calendar.SecondsPerMonthIn(convention));
        Assert.Equal(month, Calendar.SecondsIn(RatePeriod.Month, convention));
        Assert.Equal(12 * month, Calendar.SecondsIn(RatePeriod.Year, convention));
        Assert.Equal(86_400, Calendar.SecondsIn(RatePeriod.Day, convention));

        // 10M/month: 3.80/s, 3.86/s or exactly 4/s.
        Assert.Equal(10e6 / month, Rate.Parse("10M/month").Value.PerSecondIn(convention), 12);
        Assert.Equal(200, Rate.Parse("200/s").Value.PerSecondIn(convention));

        // 12%/year compounds to 1.12^(1/12) a month in every convention; 1%/day over the month's days.
        Assert.Equal(Math.Pow(1.12, 1.0 / 12), GrowthRate.Parse("12%/year").Value.MonthlyCompoundFactorIn(convention), 12);
        Assert.Equal(Math.Pow(1.01, month / 86_400.0), GrowthRate.Parse("1%/day").Value.MonthlyCompoundFactorIn(convention), 12);
    }

    [Theory]
    [InlineData("month")]
    [InlineData("2.5Ms")]
    [InlineData("30 days")]
    [InlineData("")]
    public void Anything_else_is_not_a_month_convention(string text) =>
        Assert.False(Calendar.TryParseMonth(text, out _));

    [Fact]
    public void An_undefined_period_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.SecondsIn((RatePeriod)99));
}

public class UnitParseResultTests
{
    [Fact]
    public void A_failure_carries_its_message_and_no_value()
    {
        var result = Duration.Parse("soon");
        Assert.False(result.Success);
        Assert.False(result.TryGetValue(out var value));
        Assert.Equal(Duration.Zero, value);
        var thrown = Assert.Throws<FormatException>(() => result.GetValueOrThrow());
        Assert.Equal(result.Error, thrown.Message);
    }

    [Fact]
    public void A_success_has_no_error()
    {
        var result = Duration.Parse("2s");
        Assert.True(result.Success);
        Assert.Null(result.Error);
        Assert.True(result.TryGetValue(out var value));
        Assert.Equal(2, value.Seconds);
        Assert.Equal(value, result.GetValueOrThrow());
    }

    [Fact]
    public void Long_text_is_cut_short_in_messages() =>
        Assert.StartsWith("\"" + new string('x', 40) + "...\" is not", Duration.Parse(new string('x', 500)).Error, StringComparison.Ordinal);
}
