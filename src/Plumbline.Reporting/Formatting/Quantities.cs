using System.Globalization;
using Plumbline.Analysis.Explain;

namespace Plumbline.Reporting.Formatting;

/// <summary>
/// Prints numbers the way a person writes them on a whiteboard: a sensible unit and two or three
/// significant figures (<c>40/s</c>, <c>12.7 GB</c>, <c>3.2 TB</c>, <c>360M</c>, <c>15%</c>).
/// </summary>
public static class Quantities
{
    private static readonly string[] ByteUnits = ["B", "KB", "MB", "GB", "TB", "PB", "EB"];
    private static readonly (string Suffix, double Value)[] CountSuffixes = [("T", 1e12), ("B", 1e9), ("M", 1e6), ("K", 1e3)];

    /// <summary>Formats a figure's value in its unit; "?" when unknown.</summary>
    public static string Format(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return figure.Value is { } v ? Format(v, figure.Unit) : "?";
    }

    public static string Format(double value, FigureUnit unit) => unit switch
    {
        FigureUnit.Rate => Rate(value),
        FigureUnit.Count => Count(value),
        FigureUnit.Bytes => Bytes(value),
        FigureUnit.BytesPerSecond => Bytes(value) + "/s",
        FigureUnit.BytesPerMonth => Bytes(value) + "/month",
        FigureUnit.Ratio => Percent(value),
        FigureUnit.Factor => Significant(value) + "x",
        FigureUnit.Months => Months(value),
        FigureUnit.Seconds => Seconds(value),
        FigureUnit.Availability => Analysis.Availability.Nines.Percent(value),
        _ => Significant(value),
    };

    /// <summary>A figure past this (after scaling to the largest unit) is written in scientific notation: 1e6.</summary>
    public const double ScientificFrom = 1e6;

    /// <summary>How an infinite figure (one past the largest number a double holds) prints: it is not a typo for 0.</summary>
    public const string Infinite = "infinite";

    /// <summary>
    /// Three significant figures at most, no trailing zeros: 12.7, 458, 3.8, 0.0312; from a million up (a figure
    /// past its largest unit), scientific notation with the same digits: 1.5e8; an infinite figure is "infinite".
    /// </summary>
    public static string Significant(double value, int digits = 3)
    {
        if (double.IsNaN(value))
        {
            return "?";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? Infinite : "-" + Infinite;
        }

        if (value == 0)
        {
            return "0";
        }

        var magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        if (Math.Abs(value) >= ScientificFrom)
        {
            // The mantissa rounds like any figure; 9.996e6 rounds up to 10, which is 1e7.
            var mantissa = Math.Round(value / Math.Pow(10, magnitude), digits - 1, MidpointRounding.AwayFromZero);
            if (Math.Abs(mantissa) >= 10)
            {
                mantissa /= 10;
                magnitude++;
            }

            return mantissa.ToString("0.##", CultureInfo.InvariantCulture) + "e" + magnitude.ToString(CultureInfo.InvariantCulture);
        }

        var decimals = Math.Max(0, digits - 1 - magnitude);
        var rounded = Math.Round(value, Math.Min(decimals, 15), MidpointRounding.AwayFromZero);
        if (decimals == 0)
        {
            var scale = Math.Pow(10, magnitude - digits + 1);
            rounded = Math.Round(value / scale, MidpointRounding.AwayFromZero) * scale;
        }

        return rounded.ToString("0.###############", CultureInfo.InvariantCulture);
    }

    /// <summary>A count with K, M, B, T suffixes from ten thousand up: 250, 3800, 12.7K, 360M; past 999T, 1.2e15.</summary>
    public static string Count(double value)
    {
        var abs = Math.Abs(value);
        if (!double.IsFinite(value) || abs >= 999.5e12)
        {
            return Significant(value);
        }

        foreach (var (suffix, size) in CountSuffixes)
        {
            if (abs >= size * (size == 1e3 ? 10 : 1))
            {
                return Significant(value / size) + suffix;
            }
        }

        return Significant(value);
    }

    /// <summary>
    /// A rate in the largest period that keeps the number at least 1: 40/s, 2.5/min, 3/day; rarer than
    /// once a day stays per day (0.033/day), so no month or year, whose length is a convention, is assumed here.
    /// </summary>
    public static string Rate(double perSecond)
    {
        if (perSecond == 0)
        {
            return "0/s";
        }

        if (Math.Abs(perSecond) >= 1 || !double.IsFinite(perSecond))
        {
            return Count(perSecond) + "/s";
        }

        (string Symbol, double Seconds)[] periods = [("min", Design.Units.Calendar.SecondsPerMinute), ("h", Design.Units.Calendar.SecondsPerHour)];
        foreach (var (symbol, seconds) in periods)
        {
            if (Math.Abs(perSecond * seconds) >= 1)
            {
                return Count(perSecond * seconds) + "/" + symbol;
            }
        }

        return Count(perSecond * Design.Units.Calendar.SecondsPerDay) + "/day";
    }

    /// <summary>Decimal byte units, as storage is sold: 500 B, 12.7 GB, 3.2 TB.</summary>
    public static string Bytes(double bytes)
    {
        if (!double.IsFinite(bytes))
        {
            return Significant(bytes);
        }

        var unit = 0;
        var value = bytes;
        while (Math.Abs(value) >= 999.5 && unit < ByteUnits.Length - 1 && double.IsFinite(value))
        {
            value /= 1000;
            unit++;
        }

        return Significant(value) + " " + ByteUnits[unit];
    }

    /// <summary>A share as a percentage: 15%, 0.5%, 152%.</summary>
    public static string Percent(double fraction) => double.IsInfinity(fraction) ? Significant(fraction) : Significant(fraction * 100) + "%";

    /// <summary>Months, or years beyond two years: 4.2 months, 3.5 years.</summary>
    public static string Months(double months) =>
        months >= 24 ? Significant(months / 12, 2) + " years" : Significant(months, 2) + " months";

    /// <summary>A duration in µs below a millisecond (and "0" below a nanosecond), ms below a second, else seconds, minutes or hours.</summary>
    public static string Seconds(double seconds) => seconds switch
    {
        double.NaN => "?",
        double.PositiveInfinity or double.NegativeInfinity => Significant(seconds),
        0 => "0",
        < 1e-9 => "<0.001µs",
        < 1e-3 => Significant(seconds * 1e6) + "µs",
        < 1 => Significant(seconds * 1000) + "ms",
        < 120 => Significant(seconds) + "s",
        < 7200 => Significant(seconds / 60) + "m",
        _ => Significant(seconds / 3600) + "h",
    };

    /// <summary>A relative change as a signed percentage: +20%, -3.1%, 0%.</summary>
    public static string Change(double relative)
    {
        if (Math.Abs(relative) < 0.0005)
        {
            return "0%";
        }

        return (relative > 0 ? "+" : string.Empty) + Significant(relative * 100, 2) + "%";
    }

    /// <summary>An amount of a bill, to the cent with thousands separators: 1,384.57. Rounded half away from zero.</summary>
    public static string Money(decimal amount) =>
        Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>An amount and its currency: 1,384.57 USD.</summary>
    public static string Money(decimal amount, string currency) => Money(amount) + " " + currency;

    /// <summary>A unit cost, small amounts kept readable: 0.0878 USD (three significant figures below 100, else to the cent).</summary>
    public static string UnitCost(decimal amount, string currency) =>
        (Math.Abs(amount) >= 100 ? Money(amount) : Significant((double)amount)) + " " + currency;

    /// <summary>A price exactly as a catalog states it, trailing zeros dropped: 0.0816, 0.00099, 730.</summary>
    public static string Exact(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    /// <summary>A quantity to at most two decimals with thousands separators: 12,832.03, 15,768,000.</summary>
    public static string Quantity(decimal value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("#,##0.##", CultureInfo.InvariantCulture);
}
