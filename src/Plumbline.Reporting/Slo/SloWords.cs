using Plumbline.Analysis.Slo;
using Plumbline.Design.Model;
using Plumbline.Design.Text;
using Plumbline.Design.Units;
using Plumbline.Reporting.Formatting;
using Calendar = Plumbline.Design.Units.Calendar;

namespace Plumbline.Reporting.Slo;

/// <summary>
/// SLOs and their alerts in plain words, the one place the text and Markdown reports and the exported
/// alerts' descriptions take them from: "pages when 2% of the 30-day budget burns within an hour".
/// </summary>
public static class SloWords
{
    /// <summary>"30-day", "28-day", "36-hour", "90-minute": a window as an adjective.</summary>
    public static string Period(Duration window)
    {
        var s = window.Seconds;
        return s switch
        {
            _ when s >= Calendar.SecondsPerDay && s % Calendar.SecondsPerDay == 0 => $"{Whole(s / Calendar.SecondsPerDay)}-day",
            _ when s >= Calendar.SecondsPerHour && s % Calendar.SecondsPerHour == 0 => $"{Whole(s / Calendar.SecondsPerHour)}-hour",
            _ when s >= Calendar.SecondsPerMinute && s % Calendar.SecondsPerMinute == 0 => $"{Whole(s / Calendar.SecondsPerMinute)}-minute",
            _ => $"{window}",
        };
    }

    /// <summary>"an hour", "6 hours", "a day", "3 days", "5 minutes": a window as a length of time.</summary>
    public static string Span(Duration window)
    {
        var s = window.Seconds;
        return s switch
        {
            _ when s >= Calendar.SecondsPerDay && s % Calendar.SecondsPerDay == 0 => Count(s / Calendar.SecondsPerDay, "a day", "days"),
            _ when s >= Calendar.SecondsPerHour && s % Calendar.SecondsPerHour == 0 => Count(s / Calendar.SecondsPerHour, "an hour", "hours"),
            _ when s >= Calendar.SecondsPerMinute && s % Calendar.SecondsPerMinute == 0 => Count(s / Calendar.SecondsPerMinute, "a minute", "minutes"),
            _ => Quantities.Duration(s),
        };
    }

    /// <summary>"pages" or "opens a ticket".</summary>
    public static string Verb(AlertSeverity severity) => severity == AlertSeverity.Page ? "pages" : "opens a ticket";

    /// <summary>What an SLO counts: "redirect requests", or for a journey "sign-up journeys".</summary>
    public static string Events(SloAnalysis slo)
    {
        ArgumentNullException.ThrowIfNull(slo);
        return slo.Slo.IsJourney ? $"{slo.Name} journeys" : $"{slo.Slo.Workflow} requests";
    }

    /// <summary>"99.95% of redirect requests succeed over 30 days", "99% of redirect requests finish within 50ms over 30 days".</summary>
    public static string Objective(SloAnalysis slo)
    {
        ArgumentNullException.ThrowIfNull(slo);
        var what = slo.Slo.Sli == SliKind.Latency ? $"finish within {slo.Slo.Threshold}" : "succeed";
        var journey = slo.Slo.IsJourney ? $" ({slo.Subject}: good when every step is)" : string.Empty;
        var composed = slo.Slo.ObjectiveStated ? string.Empty : ", composed from its steps' objectives";
        return $"{FigureText.Format(slo.Objective)} of {Events(slo)}{journey} {what} over {Span(slo.Slo.Window)}{composed}";
    }

    /// <summary>
    /// The alert in words a team can act on: when it fires, what that is at this traffic, how fast a full outage
    /// fires it and what it has cost by then.
    /// </summary>
    public static string Alert(SloAnalysis slo, BurnRateAlert alert)
    {
        ArgumentNullException.ThrowIfNull(slo);
        ArgumentNullException.ThrowIfNull(alert);
        var w = alert.Window;
        var budgetShare = Quantities.Percent(w.Budget.Fraction);
        var text = $"{Verb(w.Severity)} when {budgetShare} of the {Period(slo.Slo.Window)} budget burns within {Span(w.Long)} and is still burning over the last {Span(w.Short)}: "
            + $"more than {Quantities.Percent(alert.Threshold.Value ?? 0)} of {Events(slo)} {(slo.Slo.Sli == SliKind.Latency ? $"slower than {slo.Slo.Threshold}" : "failing")}, a burn rate of {Quantities.Significant(alert.Factor.Value ?? 0)}";
        if (alert.Problems.Contains(AlertProblem.NeverFires))
        {
            return text + ". It can never fire: no error ratio passes 100%.";
        }

        if (slo.AverageRate.Value is { } average && average > 0)
        {
            text += $". At the average {Quantities.Rate(average)} that is about {Failures((alert.Threshold.Value ?? 0) * average, slo.Slo.Sli == SliKind.Latency ? "slow" : "failed")} for {Span(w.Long)}";
        }

        if (alert.FullOutageDetection.Value is { } detection)
        {
            text += $"; {(slo.Slo.Sli == SliKind.Latency ? "with every request slow it" : "a full outage")} {Verb(w.Severity)} after about {Time(detection)}, "
                + $"with {Quantities.Percent(alert.BudgetSpentAtDetection.Value ?? 0)} of the budget spent";
        }

        return text + $". At this burn rate the whole budget lasts {Time(alert.TimeToExhaust.Value ?? 0)}.";
    }

    /// <summary>
    /// The alert on an SLI with no series, in words: "pages when the SLI has measured no redirect requests for
    /// 10 minutes: ... At the average 380/s, 10 minutes hold about 228K requests, so none at all is not quiet traffic".
    /// </summary>
    public static string Absent(SloAnalysis slo, Duration hold)
    {
        ArgumentNullException.ThrowIfNull(slo);
        var severity = SliAbsence.Severity(hold);
        var text = $"{Verb(severity)} when {(slo.Slo.IsJourney ? "one of its steps has measured no requests" : $"the SLI has measured no {Events(slo)}")} for {Span(hold)}: "
            + "its burn-rate alerts read nothing and cannot fire, even in a full outage that takes the service's metrics with it";
        if (slo.AverageRate.Value is { } average && average > 0)
        {
            var expected = average * hold.Seconds;
            text += $". At the average {Quantities.Rate(average)}, {Span(hold)} hold about {Quantities.Count(expected)} requests, so none at all is not quiet traffic: "
                + "the service is down, Prometheus no longer scrapes it, or its route or metric changed";
            if (severity == AlertSeverity.Ticket)
            {
                text += $". It waits for the time {Quantities.Count(SliAbsence.ExpectedRequests)} requests take, so it opens a ticket rather than paging";
            }
        }

        return text + ".";
    }

    /// <summary>
    /// The alert on a missing SLI in one line, for the reports: "pages after 10 minutes with no series for the SLI
    /// (about 228K requests expected in that time)", or why there is none.
    /// </summary>
    public static string AbsentLine(SloAnalysis slo)
    {
        ArgumentNullException.ThrowIfNull(slo);
        if (SliAbsence.Hold(slo.AverageRate.Value) is not { } hold || Prometheus.SliQueries.Parts(slo).IsEmpty)
        {
            return "no alert: " + NoAbsentAlert(slo);
        }

        var expected = (slo.AverageRate.Value ?? 0) * hold.Seconds;
        return $"{Verb(SliAbsence.Severity(hold))} after {Span(hold)} with no series for the {(slo.Slo.IsJourney ? "SLI of a step" : "SLI")}, "
            + $"when its burn-rate alerts cannot fire (about {Quantities.Count(expected)} requests expected in that time)";
    }

    /// <summary>Why an SLO has no alert on a missing SLI: its traffic is too low, or unknown, to tell a missing SLI from a quiet one.</summary>
    public static string NoAbsentAlert(SloAnalysis slo)
    {
        ArgumentNullException.ThrowIfNull(slo);
        if (Prometheus.SliQueries.Parts(slo).IsEmpty)
        {
            return "there is no SLI query to watch (see sli)";
        }

        return slo.AverageRate.Value is { } average && average > 0
            ? $"at the average {Quantities.Rate(average)}, {Quantities.Count(SliAbsence.ExpectedRequests)} requests take longer than {Span(SliAbsence.Longest)}, so a missing SLI cannot be told from quiet traffic"
            : "the design states no traffic for it, so a missing SLI cannot be told from quiet traffic";
    }

    /// <summary>"one failed request burns 13.9% of the budget (more than the 0.1% set for low traffic); 1 failure within an hour pages".</summary>
    public static string LowTraffic(SloAnalysis slo, LowTrafficWarning warning)
    {
        ArgumentNullException.ThrowIfNull(slo);
        ArgumentNullException.ThrowIfNull(warning);
        var text = $"low traffic: one failed request burns {Quantities.Percent(warning.SharePerFailure.Value ?? 0)} of the budget (more than the {Quantities.Percent(warning.Limit)} set for low traffic)";
        if (warning.FailuresToPage is { } n && slo.Alerts.FirstOrDefault(a => a.Name == warning.PageWindow) is { } page)
        {
            var count = Quantities.Number(n, "#,0");
            text += $"; {count} failed request{(n == 1 ? string.Empty : "s")} within {Span(page.Window.Long)} page{(n == 1 ? "s" : string.Empty)}";
        }

        return text + ". Consider a longer window, synthetic traffic, or grouping it with busier workflows.";
    }

    /// <summary>A length of time for people: 25.9s, 2.16m, 7.2h, 2.1 days (days from two days up).</summary>
    public static string Time(double seconds) =>
        seconds >= 2 * Calendar.SecondsPerDay ? Quantities.Significant(seconds / Calendar.SecondsPerDay, 2) + " days" : Quantities.Duration(seconds);

    /// <summary>"164 failed requests a minute", "3.2 slow requests an hour".</summary>
    private static string Failures(double perSecond, string bad)
    {
        (string Unit, double Seconds)[] units = [("a minute", 60), ("an hour", 3_600)];
        foreach (var (unit, seconds) in units)
        {
            var n = perSecond * seconds;
            if (n >= 1)
            {
                return $"{Quantities.Count(n)} {bad} requests {unit}";
            }
        }

        return $"{Quantities.Count(perSecond * 86_400)} {bad} requests a day";
    }

    private static string Count(double n, string one, string many) => n == 1 ? one : $"{Whole(n)} {many}";

    private static string Whole(double n) => Quantities.Number(n);
}
