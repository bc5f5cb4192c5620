using System.Globalization;

namespace Plumbline.Analysis.Availability;

/// <summary>
/// The one way an availability (a share of time or requests up, 0..1) and its downtime are
/// printed: a percentage with four significant digits of the unavailability, rounded down, so
/// 99.8001% and 99.9999999% print as such and 98.9999% never prints as 99%.
/// </summary>
public static class Nines
{
    /// <summary>Thirty days in seconds: the window downtime budgets are usually quoted over.</summary>
    public const double SecondsPer30Days = 30 * Design.Units.Calendar.SecondsPerDay;

    /// <summary>"99.8001%", "99.95%", "99.9999999%", "50%", "100%".</summary>
    public static string Percent(double value) => Percent(value, DecimalsFor(value));

    /// <summary>
    /// An availability and an objective printed with the same number of decimals, enough to tell them
    /// apart when they differ (so "reaches 99.9899%" never reads as meeting "99.99%"); <c>Equal</c> is
    /// true when they differ by less than 1e-12.
    /// </summary>
    public static (string Value, string Objective, bool Equal) Compare(double value, double objective)
    {
        var decimals = Math.Max(DecimalsFor(value), DecimalsFor(objective));
        if (Math.Abs(value - objective) < 1e-12)
        {
            return (Percent(value, decimals), Percent(objective, decimals), true);
        }

        while (decimals < 14 && Percent(value, decimals) == Percent(objective, decimals))
        {
            decimals++;
        }

        return (Percent(value, decimals), Percent(objective, decimals), false);
    }

    /// <summary>Expected downtime over <paramref name="seconds"/> at this availability, in seconds.</summary>
    public static double Downtime(double availability, double seconds) => Math.Max(0, 1 - availability) * seconds;

    /// <summary>A downtime for people: "43.2m", "8.77h", "26.3s", "3.2 days".</summary>
    public static string Duration(double seconds) => seconds switch
    {
        <= 0 => "0s",
        < 1 => Significant(seconds * 1000) + "ms",
        < 120 => Significant(seconds) + "s",
        < 7200 => Significant(seconds / 60) + "m",
        < 3 * 86_400 => Significant(seconds / 3600) + "h",
        _ => Significant(seconds / 86_400) + " days",
    };

    private static int DecimalsFor(double value)
    {
        if (value >= 1 || value <= 0 || double.IsNaN(value))
        {
            return 0;
        }

        var unavailable = (1 - value) * 100;
        var magnitude = (int)Math.Floor(Math.Log10(unavailable) + 1e-9); // 1 - 0.9999 is 0.0000999999...
        return Math.Clamp(3 - magnitude, 0, 14);
    }

    private static string Percent(double value, int decimals)
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

    private static string Significant(double value)
    {
        var format = value >= 100 ? "0" : value >= 10 ? "0.#" : "0.##";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }
}
