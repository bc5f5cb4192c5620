using Plumbline.Design.Units;

namespace Plumbline.Analysis.Slo;

/// <summary>
/// An SLO's error budget: the share of requests that may fail, 1 - objective, spent over the SLO's
/// period. As time, it is how long a full outage may last in one period (99.9% over 30 days is 43.2
/// minutes); as requests, how many may fail at a given traffic. Pure arithmetic, no rounding.
/// </summary>
public static class ErrorBudget
{
    /// <summary>
    /// The share of requests that may fail: 1 - <paramref name="objective"/> (both 0..1). Worked in decimal, so an
    /// objective written with up to 15 digits gives its budget exactly: 1 - 99.999% is 0.001%, not 0.00099999999999989.
    /// </summary>
    public static double Fraction(double objective) =>
        double.IsFinite(objective) && Math.Abs(objective) < 1e15
            ? (double)(1m - (decimal)objective)
            : 1 - objective;

    /// <summary>Seconds of full outage the budget allows in one period: period x (1 - objective).</summary>
    public static double Seconds(Duration period, double objective) => period.Seconds * Fraction(objective);

    /// <summary>Requests that may fail in one period at a steady <paramref name="perSecond"/>: rate x period x (1 - objective).</summary>
    public static double Requests(double perSecond, Duration period, double objective) => perSecond * period.Seconds * Fraction(objective);
}
