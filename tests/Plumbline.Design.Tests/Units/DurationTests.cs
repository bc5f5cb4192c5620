using CsCheck;
using Plumbline.Design.Units;
using Xunit;

namespace Plumbline.Design.Tests.Units;

public class DurationTests
{
    [Theory]
    [InlineData("250ms", 0.25)]
    [InlineData("2s", 2.0)]
    [InlineData("5m", 300.0)]
    [InlineData("1h", 3_600.0)]
    [InlineData("30d", 2_592_000.0)]
    [InlineData("1w", 604_800.0)]
    [InlineData("1y", 31_557_600.0)]
    [InlineData("1.5y", 47_336_400.0)]
    [InlineData("1.5ms", 0.0015)]
    [InlineData("100us", 0.0001)]
    [InlineData("100\u00b5s", 0.0001)]
    [InlineData("100\u03bcs", 0.0001)]
    [InlineData("0.5us", 0.0000005)]
    [InlineData("5 ms", 0.005)]
    [InlineData("  2s  ", 2.0)]
    [InlineData("1_000ms", 1.0)]
    [InlineData("0", 0.0)]
    [InlineData("0s", 0.0)]
    [InlineData("0.1s", 0.1)]
    public void Parses_to_seconds(string text, double seconds) =>
        Assert.Equal(seconds, UnitAssert.Parses(Duration.Parse, text).Seconds);

    [Theory]
    [InlineData("5 parsecs", nameof(UnitErrors.NotADuration))]
    [InlineData("", nameof(UnitErrors.NotADuration))]
    [InlineData("ms", nameof(UnitErrors.NotADuration))]
    [InlineData("5S", nameof(UnitErrors.NotADuration))]
    [InlineData("1e3s", nameof(UnitErrors.NotADuration))]
    [InlineData(".5s", nameof(UnitErrors.NotADuration))]
    [InlineData("+5s", nameof(UnitErrors.NotADuration))]
    [InlineData("5s5", nameof(UnitErrors.NotADuration))]
    [InlineData("1_s", nameof(UnitErrors.NotADuration))]
    [InlineData("1,000ms", nameof(UnitErrors.NotADuration))]
    [InlineData("5", nameof(UnitErrors.DurationWithoutUnit))]
    [InlineData("0.0", nameof(UnitErrors.DurationWithoutUnit))]
    [InlineData("-5s", nameof(UnitErrors.NegativeDuration))]
    [InlineData("1mo", nameof(UnitErrors.DurationInMonths))]
    [InlineData("2 months", nameof(UnitErrors.DurationInMonths))]
    [InlineData("99999999999999999999999999999999s", nameof(UnitErrors.DurationTooLarge))]
    [InlineData("9999999999999999999999999y", nameof(UnitErrors.DurationTooLarge))]
    public void Fails_with(string text, string error) => UnitAssert.Fails(Duration.Parse, text, error);

    [Fact]
    public void The_message_says_what_was_expected_with_examples() =>
        Assert.Equal(
            "\"5 parsecs\" is not a duration; write a number and a unit: 250ms, 2s, 5m, 1h, 30d (units: us, ms, s, m, h, d, w, y)",
            Duration.Parse("5 parsecs").Error);

    [Fact]
    public void Null_fails_without_throwing() => Assert.False(Duration.Parse(null).Success);

    [Theory]
    [InlineData("90s", "90s")]
    [InlineData("120s", "2m")]
    [InlineData("1.5ms", "1.5ms")]
    [InlineData("1500us", "1.5ms")]
    [InlineData("0.0015s", "1.5ms")]
    [InlineData("1500ms", "1.5s")]
    [InlineData("250ms", "250ms")]
    [InlineData("100ms", "100ms")]
    [InlineData("30d", "30d")]
    [InlineData("7d", "1w")]
    [InlineData("365.25d", "1y")]
    [InlineData("24h", "1d")]
    [InlineData("36h", "36h")]
    [InlineData("5400s", "90m")]
    [InlineData("3601s", "3601s")]
    [InlineData("0.5us", "0.5us")]
    [InlineData("5 ms", "5ms")]
    [InlineData("0", "0s")]
    [InlineData("1000d", "1000d")]
    [InlineData("0.1s", "100ms")]
    public void Round_trips(string text, string printed) => UnitAssert.RoundTrips(Duration.Parse, text, printed);

    [Fact]
    public void Factories_agree_with_parse()
    {
        Assert.Equal(Duration.Parse("1.5ms").Value, Duration.FromMilliseconds(1.5));
        Assert.Equal(Duration.Parse("0.1s").Value, Duration.FromSeconds(0.1));
        Assert.Equal(Duration.Parse("100us").Value, Duration.FromMicroseconds(100));
        Assert.Equal(Duration.Parse("90m").Value, Duration.FromMinutes(90));
        Assert.Equal(Duration.Parse("1.5h").Value, Duration.FromHours(1.5));
        Assert.Equal(Duration.Parse("30d").Value, Duration.FromDays(30));
        Assert.Equal(Duration.Zero, default);
    }

    [Fact]
    public void Factories_reject_values_no_text_could_give()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Duration.FromSeconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Duration.FromSeconds(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Duration.FromSeconds(double.PositiveInfinity));
    }

    [Fact]
    public void Totals_and_arithmetic()
    {
        var d = Duration.FromSeconds(90);
        Assert.Equal(90_000, d.TotalMilliseconds);
        Assert.Equal(1.5, d.TotalMinutes);
        Assert.Equal(0.025, d.TotalHours);
        Assert.Equal(Duration.FromSeconds(120), d + Duration.FromSeconds(30));
        Assert.Equal(Duration.FromSeconds(60), d - Duration.FromSeconds(30));
        Assert.Equal(Duration.FromSeconds(180), d * 2);
        Assert.Equal(Duration.FromSeconds(45), d / 2);
        Assert.Equal(3, d / Duration.FromSeconds(30));
        Assert.True(Duration.Parse("1m").Value > Duration.Parse("59s").Value);
        Assert.True(Duration.Parse("60s").Value <= Duration.Parse("1m").Value);
        Assert.Equal(0, Duration.Parse("1w").Value.CompareTo(Duration.Parse("7d").Value));
        Assert.Throws<ArgumentOutOfRangeException>(() => Duration.FromSeconds(1) - Duration.FromSeconds(2));
    }

    [Fact]
    public void Parsed_text_round_trips() =>
        UnitAssert.RoundTripProperty(
            Gen.Select(UnitGen.Number(), Gen.OneOf("us", "\u00b5s", "ms", "s", "m", "h", "d", "w", "y"), Gen.OneOf("", " "), (n, unit, space) => n + space + unit),
            Duration.Parse);

    /// <summary>Below ~1e-10 s a double has more digits than decimal's 28 places can hold.</summary>
    [Fact]
    public void Any_seconds_value_in_range_round_trips() =>
        Gen.Double[1e-9, 1e12].SampleReplayable(
            seconds =>
            {
                var d = Duration.FromSeconds(seconds);
                Assert.Equal(d, UnitAssert.Parses(Duration.Parse, d.ToString()));
            },
            iter: 2_000);
}
