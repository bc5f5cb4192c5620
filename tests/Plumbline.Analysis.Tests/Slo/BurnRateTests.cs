using Plumbline.Analysis.Slo;
using Plumbline.Design.Model;
using Plumbline.Design.Units;
using Xunit;

namespace Plumbline.Analysis.Tests.Slo;

/// <summary>
/// Error budgets, burn-rate factors and thresholds against values worked out by hand (and, for the
/// factors, the SRE Workbook's table and Sloth's): factor = budget share x period / long window,
/// threshold = factor x (1 - objective).
/// </summary>
public sealed class BurnRateTests
{
    private static Duration Days(double d) => Duration.FromDays(d);

    private static Duration Hours(double h) => Duration.FromHours(h);

    private static void Near(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    [Theory]
    // 30 days = 720 hours: 2% x 720 / 1 = 14.4; 5% x 720 / 6 = 6; 10% x 720 / 24 = 3; 10% x 720 / 72 = 1.
    [InlineData(30, 0.02, 1, 14.4)]
    [InlineData(30, 0.05, 6, 6)]
    [InlineData(30, 0.10, 24, 3)]
    [InlineData(30, 0.10, 72, 1)]
    // 28 days = 672 hours: 13.44, 5.6, 2.8, 0.9333...
    [InlineData(28, 0.02, 1, 13.44)]
    [InlineData(28, 0.05, 6, 5.6)]
    [InlineData(28, 0.10, 24, 2.8)]
    [InlineData(28, 0.10, 72, 0.93333333333333333)]
    // 7 days = 168 hours: 3.36, 1.4, 0.7, 0.2333...
    [InlineData(7, 0.02, 1, 3.36)]
    [InlineData(7, 0.05, 6, 1.4)]
    [InlineData(7, 0.10, 24, 0.7)]
    [InlineData(7, 0.10, 72, 0.23333333333333333)]
    public void The_factor_follows_from_the_slos_own_period(double periodDays, double budgetShare, double longHours, double factor) =>
        Near(factor, BurnRate.Factor(budgetShare, Days(periodDays), Hours(longHours)));

    [Theory]
    // Page-quick over 30 days (factor 14.4) at objectives from 90% to 99.999%: 14.4 x (1 - objective).
    [InlineData(0.90, 1.44)]
    [InlineData(0.99, 0.144)]
    [InlineData(0.995, 0.072)]
    [InlineData(0.999, 0.0144)]
    [InlineData(0.9995, 0.0072)]
    [InlineData(0.9999, 0.00144)]
    [InlineData(0.99999, 0.000144)]
    public void The_threshold_is_the_factor_times_the_budget(double objective, double threshold) =>
        Near(threshold, BurnRate.Threshold(14.4, objective));

    [Theory]
    // Ticket-slow over 28 days (factor 0.9333...) at 99.9%: 0.0009333...; over 7 days page-slow (1.4) at 99.95%: 0.0007.
    [InlineData(0.93333333333333333, 0.999, 0.00093333333333333333)]
    [InlineData(1.4, 0.9995, 0.0007)]
    [InlineData(3.36, 0.99, 0.0336)]
    public void Thresholds_for_other_periods(double factor, double objective, double threshold) =>
        Near(threshold, BurnRate.Threshold(factor, objective));

    [Theory]
    // period x (1 - objective), in seconds: 30 d = 2,592,000 s.
    [InlineData(30, 0.90, 259_200)]      // 72 hours
    [InlineData(30, 0.99, 25_920)]       // 7.2 hours
    [InlineData(30, 0.995, 12_960)]      // 3.6 hours
    [InlineData(30, 0.999, 2_592)]       // 43.2 minutes
    [InlineData(30, 0.9995, 1_296)]      // 21.6 minutes
    [InlineData(30, 0.9999, 259.2)]      // 4.32 minutes
    [InlineData(30, 0.99999, 25.92)]     // 25.9 seconds
    [InlineData(28, 0.999, 2_419.2)]     // 40.32 minutes
    [InlineData(7, 0.999, 604.8)]        // 10.08 minutes
    [InlineData(7, 0.99, 6_048)]         // 1.68 hours
    public void The_budget_as_time(double periodDays, double objective, double seconds) =>
        Near(seconds, ErrorBudget.Seconds(Days(periodDays), objective));

    [Fact]
    public void The_budget_as_requests_is_rate_times_period_times_the_budget()
    {
        // 100/s for 30 days is 259,200,000 requests; 0.1% of them is 259,200.
        Near(259_200, ErrorBudget.Requests(100, Days(30), 0.999));
        // 1B/month (380.26/s) over 30 days at 99.95%: 1e9 / 2,629,800 x 2,592,000 x 0.0005 = 492,813.1...
        Near(1e9 / 2_629_800 * 2_592_000 * 0.0005, ErrorBudget.Requests(1e9 / 2_629_800, Days(30), 0.9995));
    }

    [Fact]
    public void A_full_outage_is_detected_after_the_threshold_times_the_long_window()
    {
        // 99.9% over 30 days, page-quick: threshold 1.44%; 1.44% of an hour is 51.84 s, and by then 2% of
        // the 43.2-minute budget (51.84 s of it) is spent: whatever the error ratio, the window's share.
        var threshold = BurnRate.Threshold(BurnRate.Factor(0.02, Days(30), Hours(1)), 0.999);
        var detection = BurnRate.DetectionSeconds(threshold, Hours(1), Duration.FromMinutes(5), 1.0);
        Near(51.84, detection!.Value);
        Near(0.02, BurnRate.BudgetSpent(1.0, detection.Value, Days(30), 0.999));

        // A 10% error ratio takes ten times as long to pass the same threshold, and spends the same 2%.
        var slower = BurnRate.DetectionSeconds(threshold, Hours(1), Duration.FromMinutes(5), 0.1);
        Near(518.4, slower!.Value);
        Near(0.02, BurnRate.BudgetSpent(0.1, slower.Value, Days(30), 0.999));
    }

    [Fact]
    public void An_error_ratio_at_or_below_the_threshold_never_fires()
    {
        Assert.Null(BurnRate.DetectionSeconds(0.0144, Hours(1), Duration.FromMinutes(5), 0.0144));
        Assert.Null(BurnRate.DetectionSeconds(0.0144, Hours(1), Duration.FromMinutes(5), 0.0005));
        // A 90% objective's page-quick threshold is 144%: not even a full outage passes it.
        Assert.Null(BurnRate.DetectionSeconds(1.44, Hours(1), Duration.FromMinutes(5), 1.0));
    }

    [Fact]
    public void The_budget_is_gone_after_the_period_over_the_factor()
    {
        Near(180_000, BurnRate.SecondsToExhaust(14.4, Days(30)));   // 50 hours
        Near(2_592_000, BurnRate.SecondsToExhaust(1, Days(30)));    // the whole period
    }
}

/// <summary>
/// How long the alert on an SLI with no series waits: the time 10 requests take at average traffic, in whole
/// minutes, at least 10 minutes (a page), at most a day (a ticket); quieter workflows get none.
/// </summary>
public sealed class SliAbsenceTests
{
    [Theory]
    [InlineData(380.0, 600.0)]              // url-shortener's redirects: 10 requests in 26ms, held the shortest 10 minutes
    [InlineData(1.0 / 60, 600.0)]           // one a minute: 10 in exactly 10 minutes
    [InlineData(0.01, 1_020.0)]             // 10 in 1,000 s = 16.7 minutes, rounded up to 17
    [InlineData(1.0 / 3_600, 36_000.0)]     // one an hour: 10 hours
    [InlineData(10.0 / 86_400, 86_400.0)]   // ten a day: a day, the longest
    public void The_hold_is_the_time_ten_requests_take(double perSecond, double seconds) =>
        Assert.Equal(seconds, SliAbsence.Hold(perSecond)!.Value.Seconds, 6);

    [Theory]
    [InlineData(1.0 / 86_400)]              // one a day: 10 days
    [InlineData(0.0)]
    [InlineData(null)]                      // traffic unknown
    public void Quieter_or_unknown_traffic_gets_no_alert(double? perSecond) =>
        Assert.Null(SliAbsence.Hold(perSecond));

    [Fact]
    public void The_shortest_hold_pages_and_longer_ones_open_tickets()
    {
        Assert.Equal(AlertSeverity.Page, SliAbsence.Severity(Duration.FromMinutes(10)));
        Assert.Equal(AlertSeverity.Ticket, SliAbsence.Severity(Duration.FromMinutes(17)));
    }
}
