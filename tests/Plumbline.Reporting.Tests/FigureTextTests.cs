using Plumbline.Analysis.Explain;
using Plumbline.Reporting.Formatting;
using Xunit;

namespace Plumbline.Reporting.Tests;

/// <summary>A figure of any magnitude prints readably in its unit: units up to the largest, scientific notation past it, "infinite" past any number.</summary>
public sealed class FigureTextTests
{
    [Theory]
    [InlineData(3800, FigureUnit.Count, "3800")]
    [InlineData(4_285_714_285_715, FigureUnit.Count, "4.29T")]
    [InlineData(999e12, FigureUnit.Count, "999T")]
    [InlineData(3e18, FigureUnit.Count, "3e18")]
    [InlineData(3e18, FigureUnit.Rate, "3e18/s")]
    [InlineData(double.PositiveInfinity, FigureUnit.Rate, "infinite/s")]
    [InlineData(2.9e120, FigureUnit.Bytes, "2.9e102 EB")]
    [InlineData(double.PositiveInfinity, FigureUnit.Bytes, "infinite")]
    [InlineData(1.5e6, FigureUnit.Ratio, "1.5e8%")]
    [InlineData(double.PositiveInfinity, FigureUnit.Ratio, "infinite")]
    [InlineData(double.PositiveInfinity, FigureUnit.Count, "infinite")]
    public void Figures_of_any_size_print_in_a_readable_form(double value, FigureUnit unit, string shown) =>
        Assert.Equal(shown, FigureText.Format(value, unit));

    [Fact]
    public void No_figure_prints_more_than_a_few_digits_in_a_row()
    {
        // Availability is a share of 0..1, printed by its nines; every other unit can grow without bound.
        foreach (var unit in Enum.GetValues<FigureUnit>().Where(u => u != FigureUnit.Availability))
        {
            for (var exponent = 0; exponent <= 308; exponent += 7)
            {
                var shown = FigureText.Format(Math.Pow(10, exponent) * 1.2345, unit);
                Assert.DoesNotMatch(@"\d{8}", shown);
                Assert.DoesNotContain("E+", shown, StringComparison.Ordinal);
                Assert.DoesNotContain("∞", shown, StringComparison.Ordinal);
            }
        }
    }
}
