using CsCheck;
using Plumbline.Design.Units;
using Xunit;

namespace Plumbline.Design.Tests.Units;

public class PercentTests
{
    [Theory]
    [InlineData("99.95%", 0.9995)]
    [InlineData("50%", 0.5)]
    [InlineData("0.1%", 0.001)]
    [InlineData("99.999%", 0.99999)]
    [InlineData("150%", 1.5)]
    [InlineData("-10%", -0.1)]
    [InlineData("100 %", 1.0)]
    [InlineData("0%", 0.0)]
    public void Parses_to_fraction(string text, double fraction) =>
        Assert.Equal(fraction, UnitAssert.Parses(Percent.Parse, text).Fraction);

    [Theory]
    [InlineData("99.95", nameof(UnitErrors.PercentWithoutSign))]
    [InlineData("0.5", nameof(UnitErrors.PercentWithoutSign))]
    [InlineData("abc%", nameof(UnitErrors.NotAPercent))]
    [InlineData("50%%", nameof(UnitErrors.NotAPercent))]
    [InlineData("5 percent", nameof(UnitErrors.NotAPercent))]
    [InlineData("%", nameof(UnitErrors.NotAPercent))]
    [InlineData("", nameof(UnitErrors.NotAPercent))]
    [InlineData("--5%", nameof(UnitErrors.NotAPercent))]
    [InlineData("99999999999999999999999999999%", nameof(UnitErrors.PercentTooLarge))]
    public void Fails_with(string text, string error) => UnitAssert.Fails(Percent.Parse, text, error);

    [Theory]
    [InlineData("99.95%", "99.95%")]
    [InlineData("50%", "50%")]
    [InlineData("0.1%", "0.1%")]
    [InlineData("50.0%", "50%")]
    [InlineData("-10%", "-10%")]
    [InlineData("0.001%", "0.001%")]
    [InlineData("-0%", "0%")]
    [InlineData("250 %", "250%")]
    public void Round_trips(string text, string printed) => UnitAssert.RoundTrips(Percent.Parse, text, printed);

    [Fact]
    public void Factories_agree_with_parse()
    {
        Assert.Equal(Percent.Parse("99.95%").Value, Percent.FromPercentage(99.95));
        Assert.Equal(Percent.Parse("99.95%").Value, Percent.FromFraction(0.9995));
        Assert.Equal(99.95, Percent.FromFraction(0.9995).Percentage, 12);
        Assert.True(Percent.FromFraction(0.999) < Percent.FromFraction(0.9995));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percent.FromFraction(double.NaN));
    }

    [Fact]
    public void Parsed_text_round_trips() =>
        UnitAssert.RoundTripProperty(
            Gen.Select(Gen.OneOf("", "-"), UnitGen.Number(), Gen.OneOf("%", " %"), (sign, n, percent) => sign + n + percent),
            Percent.Parse);

    [Fact]
    public void Any_fraction_in_range_round_trips() =>
        Gen.Double[1e-9, 1e6].SampleReplayable(
            fraction => Assert.Equal(Percent.FromFraction(fraction), UnitAssert.Parses(Percent.Parse, Percent.FromFraction(fraction).ToString())),
            iter: 2_000);
}

public class RatioTests
{
    [Theory]
    [InlineData("0.9", 0.9)]
    [InlineData("90%", 0.9)]
    [InlineData("0", 0.0)]
    [InlineData("1", 1.0)]
    [InlineData("100%", 1.0)]
    [InlineData("0.05%", 0.0005)]
    [InlineData(" 0.25 ", 0.25)]
    public void Parses_to_fraction(string text, double fraction) =>
        Assert.Equal(fraction, UnitAssert.Parses(Ratio.Parse, text));

    [Theory]
    [InlineData("1.5", nameof(UnitErrors.RatioOutOfRange))]
    [InlineData("150%", nameof(UnitErrors.RatioOutOfRange))]
    [InlineData("-0.1", nameof(UnitErrors.RatioOutOfRange))]
    [InlineData("-5%", nameof(UnitErrors.RatioOutOfRange))]
    [InlineData("abc", nameof(UnitErrors.NotARatio))]
    [InlineData("0.9x", nameof(UnitErrors.NotARatio))]
    [InlineData("x%", nameof(UnitErrors.NotARatio))]
    [InlineData("", nameof(UnitErrors.NotARatio))]
    public void Fails_with(string text, string error) => UnitAssert.Fails(Ratio.Parse, text, error);

    [Fact]
    public void A_percentage_means_the_same_as_in_Percent() =>
        Gen.Select(Gen.Long[0, 100_000_000], Gen.Int[0, 6], (m, places) => (m / (decimal)Math.Pow(10, places)).ToString(System.Globalization.CultureInfo.InvariantCulture) + "%")
            .Where(text => Percent.Parse(text).Value.Fraction <= 1)
            .SampleReplayable(text => Assert.Equal(Percent.Parse(text).Value.Fraction, UnitAssert.Parses(Ratio.Parse, text)), iter: 2_000);
}
