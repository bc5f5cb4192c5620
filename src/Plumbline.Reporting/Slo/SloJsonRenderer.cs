using System.Text.Json;
using Plumbline.Analysis.Slo;
using Plumbline.Design.Model;
using Plumbline.Reporting.Estimates;
using Plumbline.Reporting.Formatting;

namespace Plumbline.Reporting.Slo;

/// <summary>Writes the SLO report as JSON: every figure at full precision with its formula and inputs, and each alert in words.</summary>
public static class SloJsonRenderer
{
    public static void Write(Stream stream, SloReport report)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        using var w = JsonOutput.Open(stream);
        w.WriteStartObject();
        w.WriteString("system", report.SystemName);
        w.WriteStartObject("alertWindows");
        w.WriteString("origin", report.Alerting.Origin);
        w.WriteNumber("lowTrafficShare", report.LowTrafficShare);
        w.WriteStartArray("windows");
        foreach (var window in report.Alerting.Windows ?? [])
        {
            w.WriteStartObject();
            w.WriteString("name", window.Name);
            w.WriteString("severity", Severity(window.Severity));
            w.WriteNumber("budgetShare", window.Budget.Fraction);
            w.WriteNumber("longSeconds", window.Long.Seconds);
            w.WriteNumber("shortSeconds", window.Short.Seconds);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("slos");
        foreach (var slo in report.Slos)
        {
            WriteSlo(w, slo);
        }

        w.WriteEndArray();
        w.WriteStartArray("notes");
        foreach (var note in report.Notes)
        {
            w.WriteStringValue(note);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSlo(Utf8JsonWriter w, SloAnalysis slo)
    {
        w.WriteStartObject();
        w.WriteString("name", slo.Name);
        w.WriteString("sli", slo.Slo.Sli == SliKind.Latency ? "latency" : "availability");
        w.WriteBoolean("journey", slo.Slo.IsJourney);
        w.WriteStartArray("workflows");
        foreach (var workflow in slo.Slo.Workflows)
        {
            w.WriteStringValue(workflow);
        }

        w.WriteEndArray();
        w.WriteNumber("windowSeconds", slo.Slo.Window.Seconds);
        if (slo.Slo.Threshold is { } threshold)
        {
            w.WriteNumber("thresholdSeconds", threshold.Seconds);
        }

        w.WriteBoolean("objectiveStated", slo.Slo.ObjectiveStated);
        w.WriteString("summary", SloWords.Objective(slo));
        EstimateJsonRenderer.Figure(w, "objective", slo.Objective);
        EstimateJsonRenderer.Figure(w, "errorBudget", slo.Budget);
        EstimateJsonRenderer.Figure(w, "errorBudgetSeconds", slo.BudgetTime);
        EstimateJsonRenderer.Figure(w, "averageRate", slo.AverageRate);
        EstimateJsonRenderer.Figure(w, "peakRate", slo.PeakRate);
        EstimateJsonRenderer.Figure(w, "errorBudgetRequestsAtAverage", slo.BudgetRequestsAverage);
        EstimateJsonRenderer.Figure(w, "errorBudgetRequestsAtPeak", slo.BudgetRequestsPeak);
        if (slo.Composed is { } composed)
        {
            w.WriteStartObject("composed");
            EstimateJsonRenderer.Figure(w, "value", composed.Value);
            w.WriteBoolean("meetsObjective", composed.MeetsObjective);
            w.WriteString("arithmetic", composed.Arithmetic);
            w.WriteStartArray("steps");
            foreach (var (workflow, value) in composed.Steps)
            {
                w.WriteStartObject();
                w.WriteString("workflow", workflow);
                w.WriteNumber("value", value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("composed");
        }

        if (slo.Bucket is { } bucket)
        {
            w.WriteStartObject("bucket");
            w.WriteNumber("thresholdSeconds", bucket.Threshold.Seconds);
            w.WriteNumber("bucketSeconds", bucket.Bucket.Seconds);
            w.WriteString("le", LatencyBuckets.Le(bucket.Bucket));
            w.WriteString("source", bucket.Source.ToString().ToLowerInvariant());
            w.WriteBoolean("exact", bucket.IsExact);
            if (bucket.Change is { } change)
            {
                w.WriteString("change", change);
            }
            else
            {
                w.WriteNull("change");
            }

            w.WriteEndObject();
        }

        w.WriteStartArray("targets");
        foreach (var target in slo.Targets)
        {
            w.WriteStartObject();
            w.WriteString("workflow", target.Workflow);
            w.WriteStartArray("endpoints");
            foreach (var endpoint in target.Endpoints)
            {
                w.WriteStartObject();
                w.WriteString("method", endpoint.Method);
                w.WriteString("route", endpoint.Route);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (slo.Runbook is { } runbook)
        {
            w.WriteStartObject("runbook");
            w.WriteString("failure", runbook.Failure);
            if (runbook.Link is { } link)
            {
                w.WriteString("link", link);
            }
            else
            {
                w.WriteNull("link");
            }

            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("runbook");
        }

        w.WriteStartArray("alerts");
        foreach (var alert in slo.Alerts)
        {
            w.WriteStartObject();
            w.WriteString("name", alert.Name);
            w.WriteString("window", alert.Window.Name);
            w.WriteString("severity", Severity(alert.Severity));
            w.WriteNumber("budgetShare", alert.Window.Budget.Fraction);
            w.WriteNumber("longSeconds", alert.Window.Long.Seconds);
            w.WriteNumber("shortSeconds", alert.Window.Short.Seconds);
            EstimateJsonRenderer.Figure(w, "burnRateFactor", alert.Factor);
            EstimateJsonRenderer.Figure(w, "errorRatioThreshold", alert.Threshold);
            EstimateJsonRenderer.Figure(w, "failuresPerMinuteAtThreshold", alert.FailuresPerMinute);
            EstimateJsonRenderer.Figure(w, "failuresToFire", alert.FailuresToFire);
            EstimateJsonRenderer.Figure(w, "fullOutageDetectionSeconds", alert.FullOutageDetection);
            EstimateJsonRenderer.Figure(w, "budgetSpentAtDetection", alert.BudgetSpentAtDetection);
            EstimateJsonRenderer.Figure(w, "secondsToExhaust", alert.TimeToExhaust);
            w.WriteStartArray("problems");
            foreach (var problem in alert.Problems)
            {
                w.WriteStringValue(problem switch
                {
                    AlertProblem.LongerThanPeriod => "longer-than-period",
                    AlertProblem.NeverFires => "never-fires",
                    _ => "below-budget-pace",
                });
            }

            w.WriteEndArray();
            w.WriteString("explanation", SloWords.Alert(slo, alert));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("absentAlert");
        if (SliAbsence.Hold(slo.AverageRate.Value) is { } hold && !Prometheus.SliQueries.Parts(slo).IsEmpty)
        {
            w.WriteString("severity", Severity(SliAbsence.Severity(hold)));
            w.WriteNumber("holdSeconds", hold.Seconds);
            w.WriteString("explanation", SloWords.Absent(slo, hold));
        }
        else
        {
            w.WriteNull("severity");
            w.WriteNull("holdSeconds");
            w.WriteString("explanation", SloWords.NoAbsentAlert(slo));
        }

        w.WriteEndObject();
        if (slo.LowTraffic is { } low)
        {
            w.WriteStartObject("lowTraffic");
            EstimateJsonRenderer.Figure(w, "sharePerFailure", low.SharePerFailure);
            w.WriteNumber("limit", low.Limit);
            if (low.FailuresToPage is { } n)
            {
                w.WriteNumber("failuresToPage", n);
            }
            else
            {
                w.WriteNull("failuresToPage");
            }

            w.WriteString("explanation", SloWords.LowTraffic(slo, low));
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("lowTraffic");
        }

        w.WriteEndObject();
    }

    private static string Severity(AlertSeverity severity) => severity == AlertSeverity.Page ? "page" : "ticket";
}
