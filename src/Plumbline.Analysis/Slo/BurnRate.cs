using Plumbline.Design.Units;

namespace Plumbline.Analysis.Slo;

/// <summary>
/// Multi-window, multi-burn-rate alerting (Google SRE Workbook, chapter 5), as pure arithmetic. A burn
/// rate of 1 spends the error budget exactly over the SLO period. An alert that fires when a share
/// <c>b</c> of the budget burns within a long window <c>W</c> watches for a burn rate above
/// <c>b x period / W</c> (the factor: 2% of a 30-day budget in one hour is 14.4; of a 28-day budget,
/// 13.44), which is an error ratio above <c>factor x (1 - objective)</c> (the threshold) over both the
/// long and the short window.
/// </summary>
public static class BurnRate
{
    /// <summary>The burn-rate factor: <paramref name="budgetShare"/> x period / long window.</summary>
    public static double Factor(double budgetShare, Duration period, Duration longWindow) =>
        budgetShare * period.Seconds / longWindow.Seconds;

    /// <summary>The error ratio the alert watches for: factor x (1 - objective).</summary>
    public static double Threshold(double factor, double objective) => factor * ErrorBudget.Fraction(objective);

    /// <summary>
    /// Seconds from the start of a sustained error ratio <paramref name="errorRatio"/> (from none before,
    /// at steady traffic) until both windows' ratios pass <paramref name="threshold"/>: threshold x
    /// max(long, short) / ratio; null when the ratio is not above the threshold, so the alert never fires.
    /// Prometheus's evaluation interval and scrape delay come on top.
    /// </summary>
    public static double? DetectionSeconds(double threshold, Duration longWindow, Duration shortWindow, double errorRatio) =>
        errorRatio > threshold && errorRatio > 0
            ? threshold * Math.Max(longWindow.Seconds, shortWindow.Seconds) / errorRatio
            : null;

    /// <summary>
    /// The share of the period's budget a sustained error ratio has spent after <paramref name="seconds"/>:
    /// ratio x seconds / (period x (1 - objective)). At detection it is the window's budget share, whatever the ratio.
    /// </summary>
    public static double BudgetSpent(double errorRatio, double seconds, Duration period, double objective) =>
        errorRatio * seconds / ErrorBudget.Seconds(period, objective);

    /// <summary>Seconds until the whole budget is gone at a burn rate of <paramref name="factor"/>: period / factor.</summary>
    public static double SecondsToExhaust(double factor, Duration period) => period.Seconds / factor;

    /// <summary>
    /// The burn rate a design spends its budget at before any incident, when what its path waits on reaches only
    /// <paramref name="availability"/> on paper: (1 - availability) / (1 - objective). Below 1 the objective is met
    /// with budget to spare; 2 spends the whole budget in half the period.
    /// </summary>
    public static double OfAvailability(double availability, double objective) =>
        (1 - availability) / ErrorBudget.Fraction(objective);
}
