using System.Collections.Immutable;
using Plumbline.Analysis.Explain;
using Plumbline.Analysis.Slo;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Reporting.Slo;

/// <summary>What the text and Markdown SLO reports both print, worked out once.</summary>
internal static class SloSections
{
    /// <summary>"default (SRE Workbook): page-quick 2% in 1h (5m), ...; low traffic past 0.1% of a budget per failure".</summary>
    public static string WindowsLine(SloReport report)
    {
        var windows = report.Alerting.Windows ?? [];
        var list = windows.IsEmpty
            ? "none"
            : string.Join(", ", windows.Select(w => $"{w.Name} {Quantities.Percent(w.Budget.Fraction)} in {w.Long} ({w.Short})"));
        return $"{report.Alerting.Origin}: {list}; low traffic past {Quantities.Percent(report.LowTrafficShare)} of a budget per failure";
    }

    /// <summary>The labelled lines of one SLO before its alerts, each with the figures that explain it.</summary>
    public static IEnumerable<(string Label, string Text, ImmutableArray<Figure> Figures)> Lines(SloAnalysis slo)
    {
        yield return ("objective", SloWords.Objective(slo), [slo.Objective]);
        yield return ("budget", Budget(slo), [slo.Budget, slo.BudgetTime, slo.BudgetRequestsAverage, slo.BudgetRequestsPeak]);
        if (slo.Composed is { } composed)
        {
            var verdict = slo.Slo.Sli == SliKind.Latency
                ? composed.MeetsObjective ? "fast enough to meet it" : "TOO SLOW to meet it"
                : composed.MeetsObjective ? "composes enough to meet it" : "composes LESS than the objective, so it cannot meet it";
            yield return ("design", $"{verdict}: {composed.Arithmetic}", [composed.Value]);
        }

        if (slo.Bucket is { } bucket)
        {
            var text = bucket.Change ?? $"measured at le={LatencyBuckets.Le(bucket.Bucket)} ({bucket.Bucket}), the threshold itself";
            var which = bucket.Source == BucketSource.Stated ? "query.bucket" : bucket.BucketsStated ? "the design's latency_buckets" : "OpenTelemetry's default buckets";
            yield return ("bucket", $"{text} ({which})", []);
        }

        yield return ("sli", Sli(slo), []);
        yield return ("runbook", slo.Runbook is { } runbook
            ? runbook.Link is { } link ? $"{link} ({runbook.Failure})" : $"{runbook.Failure} (no link)"
            : "none: no runbook lists this SLO in operations.runbooks[].slos", []);
        yield return ("absent", SloWords.AbsentLine(slo), []);
        if (slo.LowTraffic is { } low)
        {
            yield return ("warning", SloWords.LowTraffic(slo, low), [low.SharePerFailure]);
        }
    }

    public static string[] AlertCells(BurnRateAlert alert) =>
    [
        alert.Window.Name,
        alert.Severity == AlertSeverity.Page ? "page" : "ticket",
        Quantities.Percent(alert.Window.Budget.Fraction),
        alert.Window.Long.ToString(),
        alert.Window.Short.ToString(),
        Quantities.Significant(alert.Factor.Value ?? 0) + "x",
        Quantities.Percent(alert.Threshold.Value ?? 0),
        alert.FullOutageDetection.Value is { } d ? SloWords.Time(d) : "never",
    ];

    /// <summary>Each alert window that does not fit the SLO, in words.</summary>
    public static IEnumerable<string> Problems(SloAnalysis slo)
    {
        foreach (var alert in slo.Alerts)
        {
            foreach (var problem in alert.Problems)
            {
                yield return problem switch
                {
                    AlertProblem.LongerThanPeriod => $"{alert.Window.Name}: its long window ({alert.Window.Long}) is longer than the SLO's window ({slo.Slo.Window})",
                    AlertProblem.NeverFires => $"{alert.Window.Name}: its threshold is {Quantities.Percent(alert.Threshold.Value ?? 0)}, so it can never fire",
                    _ => $"{alert.Window.Name}: a burn rate of {Quantities.Significant(alert.Factor.Value ?? 0)}, below 1: it fires on a burn that would not spend the budget within {SloWords.Span(slo.Slo.Window)}",
                };
            }
        }
    }

    private static string Budget(SloAnalysis slo)
    {
        var outage = slo.Slo.Sli == SliKind.Latency ? "every request slow" : "full outage";
        var bad = slo.Slo.Sli == SliKind.Latency ? "slow" : "failed";
        var text = $"{Quantities.Percent(slo.Budget.Value ?? 0)} of {SloWords.Events(slo)}: {SloWords.Time(slo.BudgetTime.Value ?? 0)} of {outage} in {SloWords.Span(slo.Slo.Window)}";
        if (slo.BudgetRequestsAverage.Value is { } average && slo.AverageRate.Value is { } rate)
        {
            text += $"; {Quantities.Count(average)} {bad} at the average {Quantities.Rate(rate)}";
            if (slo.BudgetRequestsPeak.Value is { } peak && slo.PeakRate.Value is { } peakRate)
            {
                text += $" ({Quantities.Count(peak)} at the {Quantities.Rate(peakRate)} peak)";
            }
        }
        else
        {
            text += "; traffic unknown, so no count of requests";
        }

        return text;
    }

    private static string Sli(SloAnalysis slo)
    {
        if (slo.Slo.Query is { Errors: not null })
        {
            return "the design's own errors and total queries";
        }

        var missing = slo.Targets.Where(t => !t.HasEndpoints).Select(t => t.Workflow).ToList();
        if (missing.Count > 0 && slo.Slo.Query?.Histogram is null)
        {
            return $"no default query: {string.Join(", ", missing)} {(missing.Count == 1 ? "has" : "have")} no HTTP endpoint in api.endpoints; give query.errors and query.total";
        }

        var routes = string.Join(", ", slo.Targets.SelectMany(t => t.Endpoints).Select(e => $"{e.Method} {e.Route}"));
        var metric = slo.Slo.Query?.Histogram ?? "http_server_request_duration_seconds";
        return slo.Slo.Sli == SliKind.Latency
            ? $"{metric} buckets{(routes.Length > 0 ? " for " + routes : string.Empty)}"
            : $"http_server_request_duration_seconds_count for {routes}, 5xx as errors";
    }
}
