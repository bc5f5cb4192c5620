using System.Globalization;
using Calendar = Plumbline.Design.Units.Calendar;

namespace Plumbline.Design.Text;

/// <summary>
/// The one way Plumbline prints a quantity for people, in reports and in messages alike: a sensible
/// unit and two or three significant figures (<c>40/s</c>, <c>12.7 GB</c>, <c>360M</c>, <c>15%</c>,
/// <c>225ms</c>). Periods come from <see cref="Calendar"/>. A unit's own <c>ToString</c> is different:
/// it writes the value back in the design format (<c>12GB</c>) and round-trips.
/// </summary>
public static class Quantities
{
    private static readonly string[] ByteUnits = ["B", "KB", "MB", "GB", "TB", "PB", "EB"];
    private static readonly string[] BinaryUnits = ["KiB", "MiB", "GiB", "TiB"];
    private static readonly (string Suffix, double Value)[] CountSuffixes = [("T", 1e12), ("B", 1e9), ("M", 1e6), ("K", 1e3)];

    private static readonly (string Symbol, double Seconds)[] RatePeriods =
    [
        ("min", Calendar.SecondsPerMinute), ("h", Calendar.SecondsPerHour),
    ];

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
    /// The size from which <see cref="Number"/> writes scientific notation: 1e15, where a double stops holding
    /// every whole number, so a figure printed whole below it is exact.
    /// </summary>
    public const double WholeBelow = 1e15;

    /// <summary>
    /// A figure in the caller's <paramref name="format"/> (invariant culture) while it reads well: 1000000, 1,140,
    /// 3.8; from a thousand trillion up, scientific notation (1.2e18, not 19 digits); "infinite" past the largest
    /// double (a load multiplied along a long chain of calls, growth compounded for years), never "∞" or a
    /// wrapped integer; "?" when it is not a number.
    /// </summary>
    public static string Number(double value, string format = "0.##") => value switch
    {
        double.NaN => "?",
        double.PositiveInfinity => Infinite,
        double.NegativeInfinity => "-" + Infinite,
        _ when Math.Abs(value) >= WholeBelow => value.ToString("0.##e0", CultureInfo.InvariantCulture),
        _ => value.ToString(format, CultureInfo.InvariantCulture),
    };

    /// <summary>An exact whole number with thousands separators, for limits and sizes in diagnostics: 4,194,304.</summary>
    public static string Exact(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

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

        foreach (var (symbol, seconds) in RatePeriods)
        {
            if (Math.Abs(perSecond * seconds) >= 1)
            {
                return Count(perSecond * seconds) + "/" + symbol;
            }
        }

        return Count(perSecond * Calendar.SecondsPerDay) + "/day";
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

    /// <summary>
    /// A file size against a limit, in binary units with at most one decimal: "812 bytes", "4 MiB", "16.5 MiB".
    /// With <paramref name="roundUp"/> the value is rounded up, so a file one byte over a 4 MiB limit reads
    /// "4.1 MiB", never "4 MiB".
    /// </summary>
    public static string FileSize(long bytes, bool roundUp = false)
    {
        if (bytes < 1024)
        {
            return bytes == 1 ? "1 byte" : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
        }

        var value = (double)bytes;
        var unit = -1;
        while (value >= 1024 && unit < BinaryUnits.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        var tenths = roundUp ? Math.Ceiling(value * 10) : Math.Round(value * 10, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{tenths / 10:0.#} {BinaryUnits[unit]}");
    }

    /// <summary>A share as a percentage: 15%, 0.5%, 152%.</summary>
    public static string Percent(double fraction) => double.IsInfinity(fraction) ? Significant(fraction) : Significant(fraction * 100) + "%";

    /// <summary>
    /// An availability (a share of time or requests up, 0..1) or an objective: a percentage with four
    /// significant digits of the unavailability, rounded down, so 99.8001% and 99.9999999% print as such
    /// and 98.9999% never prints as 99%: "99.95%", "50%", "100%".
    /// </summary>
    public static string Availability(double fraction) => Availability(fraction, AvailabilityDecimals(fraction));

    /// <summary>
    /// An availability and an objective printed with the same number of decimals, enough to tell them
    /// apart when they differ (so "reaches 99.9899%" never reads as meeting "99.99%"); <c>Equal</c> is
    /// true when they differ by less than 1e-12.
    /// </summary>
    public static (string Value, string Objective, bool Equal) CompareAvailability(double value, double objective)
    {
        var decimals = Math.Max(AvailabilityDecimals(value), AvailabilityDecimals(objective));
        if (Math.Abs(value - objective) < 1e-12)
        {
            return (Availability(value, decimals), Availability(objective, decimals), true);
        }

        while (decimals < 14 && Availability(value, decimals) == Availability(objective, decimals))
        {
            decimals++;
        }

        return (Availability(value, decimals), Availability(objective, decimals), false);
    }

    /// <summary>A relative change as a signed percentage: +20%, -3.1%, 0%.</summary>
    public static string Change(double relative)
    {
        if (Math.Abs(relative) < 0.0005)
        {
            return "0%";
        }

        return (relative > 0 ? "+" : string.Empty) + Significant(relative * 100, 2) + "%";
    }

    /// <summary>Months, or years beyond two years: 4.2 months, 3.5 years.</summary>
    public static string Months(double months) =>
        months >= 24 ? Significant(months / 12, 2) + " years" : Significant(months, 2) + " months";

    /// <summary>
    /// A duration (a latency, a timeout, a worst case, a downtime): µs below a millisecond, ms below a
    /// second, else seconds below two minutes, minutes below two hours, hours below three days, then days:
    /// 80µs, 225ms, 4.1s, 43.2m, 8.77h, 3.2 days; "infinite" for a wait that never ends (a queue past
    /// its capacity), "?" when unknown.
    /// </summary>
    public static string Duration(double seconds) => seconds switch
    {
        double.NaN => "?",
        double.PositiveInfinity or double.NegativeInfinity => Significant(seconds),
        <= 0 => "0s",
        < 1e-9 => "<0.001µs",
        < 1e-3 => Significant(seconds * 1e6) + "µs",
        < 1 => Significant(seconds * 1000) + "ms",
        < 2 * Calendar.SecondsPerMinute => Significant(seconds) + "s",
        < 2 * Calendar.SecondsPerHour => Significant(seconds / Calendar.SecondsPerMinute) + "m",
        < 3 * Calendar.SecondsPerDay => Significant(seconds / Calendar.SecondsPerHour) + "h",
        _ => Significant(seconds / Calendar.SecondsPerDay) + " days",
    };

    /// <summary>An amount of a bill, to the cent with thousands separators: 1,384.57. Rounded half away from zero.</summary>
    public static string Money(decimal amount) =>
        Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>An amount and its currency: 1,384.57 USD.</summary>
    public static string Money(decimal amount, string currency) => Money(amount) + " " + currency;

    /// <summary>A unit cost, small amounts kept readable: 0.0878 USD (three significant figures below 100, else to the cent).</summary>
    public static string UnitCost(decimal amount, string currency) =>
        (Math.Abs(amount) >= 100 ? Money(amount) : Significant((double)amount)) + " " + currency;

    /// <summary>A number exactly as a catalog or a design states it (a price, hours), trailing zeros dropped, no separators: 0.0816, 0.00099, 730.</summary>
    public static string AsStated(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    /// <summary>A quantity to at most two decimals with thousands separators: 12,832.03, 15,768,000.</summary>
    public static string Quantity(decimal value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("#,##0.##", CultureInfo.InvariantCulture);

    private static int AvailabilityDecimals(double value)
    {
        if (value >= 1 || value <= 0 || double.IsNaN(value))
        {
            return 0;
        }

        var unavailable = (1 - value) * 100;
        var magnitude = (int)Math.Floor(Math.Log10(unavailable) + 1e-9); // 1 - 0.9999 is 0.0000999999...
        return Math.Clamp(3 - magnitude, 0, 14);
    }

    private static string Availability(double value, int decimals)
    {
        if (double.IsNaN(value))
        {
            return "?";
        }

        if (value >= 1)
        {
            return "100%";
        }

        if (value <= 0)
        {
            return "0%";
        }

        // Rounded down, never up: a printed availability never claims more than the figure, so
        // 98.9999% does not print as 99%. Decimal arithmetic keeps the digits a double would blur.
        var percent = Math.Round((decimal)value * 100, Math.Min(decimals + 2, 26));
        var scale = (decimal)Math.Pow(10, decimals);
        var floored = Math.Floor(percent * scale) / scale;
        return floored.ToString("0." + new string('#', Math.Max(decimals, 1)), CultureInfo.InvariantCulture) + "%";
    }
}
