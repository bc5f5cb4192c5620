using Plumbline.Design.Text;
using Xunit;

namespace Plumbline.Design.Tests.Text;

/// <summary>The one formatter per quantity, against values worked by hand.</summary>
public sealed class QuantitiesTests
{
    [Theory]
    [InlineData(12.66, "12.7")]
    [InlineData(458.2, "458")]
    [InlineData(0.03124, "0.0312")]
    [InlineData(123_456, "123000")]
    [InlineData(0, "0")]
    [InlineData(double.NaN, "?")]
    public void Significant_keeps_three_figures(double value, string expected) =>
        Assert.Equal(expected, Quantities.Significant(value));

    [Theory]
    [InlineData(12.7, "12.7")]
    [InlineData(458, "458")]
    [InlineData(999_999, "1000000")]
    [InlineData(1_500_000, "1.5e6")]
    [InlineData(1.5e8, "1.5e8")]
    [InlineData(9.996e6, "1e7")]
    [InlineData(-2.25e10, "-2.25e10")]
    [InlineData(3e303, "3e303")]
    [InlineData(double.PositiveInfinity, "infinite")]
    [InlineData(double.NegativeInfinity, "-infinite")]
    [InlineData(double.NaN, "?")]
    public void Significant_switches_to_scientific_notation_from_a_million(double value, string shown) =>
        Assert.Equal(shown, Quantities.Significant(value));

    [Theory]
    [InlineData(250, "250")]
    [InlineData(3_800, "3800")]
    [InlineData(12_700, "12.7K")]
    [InlineData(360e6, "360M")]
    [InlineData(2.5e12, "2.5T")]
    public void Count_uses_suffixes_from_ten_thousand(double value, string expected) =>
        Assert.Equal(expected, Quantities.Count(value));

    [Theory]
    [InlineData(40, "40/s")]
    [InlineData(2.5 / 60, "2.5/min")]
    [InlineData(6.0 / 3_600, "6/h")]
    [InlineData(3.0 / 86_400, "3/day")]
    [InlineData(1.0 / (30 * 86_400), "0.0333/day")] // once in 30 days: no month length is assumed
    [InlineData(0, "0/s")]
    public void Rate_takes_the_largest_period_that_keeps_the_number_at_least_one(double perSecond, string expected) =>
        Assert.Equal(expected, Quantities.Rate(perSecond));

    [Theory]
    [InlineData(500, "500 B")]
    [InlineData(12.7e9, "12.7 GB")]
    [InlineData(3.2e12, "3.2 TB")]
    [InlineData(999_600, "1 MB")] // 999.6 KB rounds to 1000 KB, so the next unit
    public void Bytes_are_decimal_units(double bytes, string expected) =>
        Assert.Equal(expected, Quantities.Bytes(bytes));

    [Theory]
    [InlineData(1, false, "1 byte")]
    [InlineData(812, false, "812 bytes")]
    [InlineData(4 * 1024 * 1024, false, "4 MiB")]
    [InlineData(4 * 1024 * 1024 + 1, true, "4.1 MiB")]
    [InlineData(16_777_216 + 524_288, false, "16.5 MiB")]
    public void File_sizes_are_binary_units_and_round_up_against_a_limit(long bytes, bool roundUp, string expected) =>
        Assert.Equal(expected, Quantities.FileSize(bytes, roundUp));

    [Fact]
    public void Exact_counts_have_thousands_separators() => Assert.Equal("4,194,304", Quantities.Exact(4_194_304));

    [Theory]
    [InlineData(0.15, "15%")]
    [InlineData(0.005, "0.5%")]
    [InlineData(1.52, "152%")]
    public void Percent(double fraction, string expected) => Assert.Equal(expected, Quantities.Percent(fraction));

    [Theory]
    [InlineData(0.9995, "99.95%")]
    [InlineData(0.989999, "98.999%")] // rounded down: never claims 99%
    [InlineData(0.998001, "99.8001%")]
    [InlineData(0.5, "50%")]
    [InlineData(1, "100%")]
    public void Availability_keeps_four_digits_of_the_unavailability_rounded_down(double fraction, string expected) =>
        Assert.Equal(expected, Quantities.Availability(fraction));

    [Fact]
    public void An_availability_and_its_objective_print_with_the_digits_that_tell_them_apart()
    {
        var (value, objective, equal) = Quantities.CompareAvailability(0.999899, 0.9999);
        Assert.Equal(("99.9899%", "99.99%", false), (value, objective, equal));
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(80e-6, "80µs")]
    [InlineData(0.225, "225ms")]
    [InlineData(4.1, "4.1s")]
    [InlineData(120, "2m")]
    [InlineData(2_592, "43.2m")]
    [InlineData(31_572, "8.77h")]
    [InlineData(3.2 * 86_400, "3.2 days")]
    [InlineData(double.PositiveInfinity, "infinite")]
    [InlineData(double.NaN, "?")]
    public void Durations_pick_their_unit(double seconds, string expected) =>
        Assert.Equal(expected, Quantities.Duration(seconds));

    [Theory]
    [InlineData(4.2, "4.2 months")]
    [InlineData(42, "3.5 years")]
    public void Months_turn_into_years_past_two_years(double months, string expected) =>
        Assert.Equal(expected, Quantities.Months(months));

    [Theory]
    [InlineData(0.2, "+20%")]
    [InlineData(-0.031, "-3.1%")]
    [InlineData(0.0001, "0%")]
    public void Changes_are_signed(double relative, string expected) => Assert.Equal(expected, Quantities.Change(relative));

    [Fact]
    public void Money_prices_and_quantities()
    {
        Assert.Equal("1,384.57", Quantities.Money(1_384.565m));
        Assert.Equal("1,384.57 USD", Quantities.Money(1_384.57m, "USD"));
        Assert.Equal("0.0878 USD", Quantities.UnitCost(0.08784m, "USD"));
        Assert.Equal("0.0816", Quantities.AsStated(0.08160m));
        Assert.Equal("730", Quantities.AsStated(730m));
        Assert.Equal("15,768,000", Quantities.Quantity(15_768_000m));
        Assert.Equal("12,832.03", Quantities.Quantity(12_832.034m));
    }
}
