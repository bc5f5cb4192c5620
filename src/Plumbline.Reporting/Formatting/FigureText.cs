using Plumbline.Analysis.Explain;
using Plumbline.Design.Text;

namespace Plumbline.Reporting.Formatting;

/// <summary>A figure's value in its unit, through the one formatter per quantity (<see cref="Quantities"/>).</summary>
public static class FigureText
{
    /// <summary>Formats a figure's value in its unit; "?" when unknown.</summary>
    public static string Format(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return figure.Value is { } v ? Format(v, figure.Unit) : "?";
    }

    public static string Format(double value, FigureUnit unit) => unit switch
    {
        FigureUnit.Rate => Quantities.Rate(value),
        FigureUnit.Count => Quantities.Count(value),
        FigureUnit.Bytes => Quantities.Bytes(value),
        FigureUnit.BytesPerSecond => Quantities.Bytes(value) + "/s",
        FigureUnit.BytesPerMonth => Quantities.Bytes(value) + "/month",
        FigureUnit.Ratio => Quantities.Percent(value),
        FigureUnit.Factor => Quantities.Significant(value) + "x",
        FigureUnit.Months => Quantities.Months(value),
        FigureUnit.Seconds => Quantities.Duration(value),
        FigureUnit.Availability => Quantities.Availability(value),
        _ => Quantities.Significant(value),
    };
}
