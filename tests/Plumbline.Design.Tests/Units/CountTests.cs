using CsCheck;
using Plumbline.Design.Units;
using Xunit;

namespace Plumbline.Design.Tests.Units;

public class CountTests
{
    [Theory]
    [InlineData("250", 250.0)]
    [InlineData("1.5K", 1_500.0)]
    [InlineData("10M", 10_000_000.0)]
    [InlineData("1B", 1e9)]
    [InlineData("2T", 2e12)]
    [InlineData("1_000_000", 1e6)]
    [InlineData("10 M", 1e7)]
    [InlineData("2.5", 2.5)]
    [InlineData("0", 0.0)]
    public void Parses_to_value(string text, double value) =>
        Assert.Equal(value, UnitAssert.Parses(Count.Parse, text).Value);

    [Theory]
    [InlineData("ten", nameof(UnitErrors.NotACount))]
    [InlineData("", nameof(UnitErrors.NotACount))]
    [InlineData("1,000", nameof(UnitErrors.NotACount))]
    [InlineData("1KB", nameof(UnitErrors.NotACount))]
    [InlineData("1__000", nameof(UnitErrors.NotACount))]
    [InlineData("_1000", nameof(UnitErrors.NotACount))]
    [InlineData("1e6", nameof(UnitErrors.NotACount))]
    [InlineData("-5", nameof(UnitErrors.NegativeCount))]
    [InlineData("99999999999999999999999999999T", nameof(UnitErrors.CountTooLarge))]
    [InlineData("10m", nameof(UnitErrors.CountSuffixCase), "10M")]
    [InlineData("1.5k", nameof(UnitErrors.CountSuffixCase), "1.5K")]
    public void Fails_with(string text, string error, string? suggestion = null) =>
        UnitAssert.Fails(Count.Parse, text, error, suggestion is null ? [] : [suggestion]);

    [Theory]
    [InlineData("1500", "1.5K")]
    [InlineData("10000000", "10M")]
    [InlineData("250", "250")]
    [InlineData("12345", "12345")]
    [InlineData("1000", "1K")]
    [InlineData("1200K", "1.2M")]
    [InlineData("1_000_000", "1M")]
    [InlineData("0.5", "0.5")]
    [InlineData("0", "0")]
    [InlineData("1000T", "1000T")]
    public void Round_trips(string text, string printed) => UnitAssert.RoundTrips(Count.Parse, text, printed);

    [Fact]
    public void Factories_and_arithmetic()
    {
        Assert.Equal(Count.Parse("1.5K").Value, Count.Of(1_500));
        Assert.Equal(Count.Of(3_000), Count.Of(1_500) * 2);
        Assert.Equal(Count.Of(2_500), Count.Of(1_500) + Count.Of(1_000));
        Assert.True(Count.Parse("1M").Value > Count.Parse("999K").Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => Count.Of(-1));
    }

    [Fact]
    public void Parsed_text_round_trips() =>
        UnitAssert.RoundTripProperty(
            Gen.Select(UnitGen.Number(), Gen.OneOf("", "K", "M", "B", "T", " K"), (n, suffix) => n + suffix),
            Count.Parse);

    [Fact]
    public void Any_value_in_range_round_trips() =>
        Gen.Double[1e-9, 1e20].SampleReplayable(
            value => Assert.Equal(Count.Of(value), UnitAssert.Parses(Count.Parse, Count.Of(value).ToString())),
            iter: 2_000);
}
