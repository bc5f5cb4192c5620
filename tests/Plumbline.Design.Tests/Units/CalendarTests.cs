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
