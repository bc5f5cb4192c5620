using System.Text.Json;
using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Explain;
using Plumbline.Design.Text;
using Plumbline.Reporting.Formatting;

namespace Plumbline.Reporting.Estimates;

/// <summary>
/// Writes an estimate as JSON. Every figure carries its value in base units (per second, bytes,
/// fraction), its display text, its formula, and its inputs with their source path and line.
/// </summary>
public static class EstimateJsonRenderer
{
    public static void Write(Stream stream, EstimateReport report)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        using var w = JsonOutput.Open(stream);
        w.WriteStartObject();
        w.WriteString("system", report.SystemName);
        w.WriteStartObject("options");
        w.WriteNumber("targetUtilisation", report.Options.TargetUtilisation);
        w.WriteStartArray("horizonsMonths");
        foreach (var h in report.Options.Horizons)
        {
            w.WriteNumberValue(h);
        }

        w.WriteEndArray();
        w.WriteNumber("hotSetFraction", report.Options.HotSetFraction);
        w.WriteNumber("failureProbability", report.Options.FailureProbability);
        w.WriteNumber("defaultPeakToAverage", report.Options.DefaultPeakToAverage);
        w.WriteEndObject();
        w.WriteStartObject("calendar");
        w.WriteString("month", Design.Units.Calendar.Text(report.Month));
        w.WriteNumber("secondsPerMonth", Design.Units.Calendar.SecondsPerMonthIn(report.Month));
        w.WriteString("source", report.MonthSource);
        w.WriteString("description", Design.Units.Calendar.Describe(report.Month));
        w.WriteEndObject();

        Array(w, "traffic", report.Traffic, t =>
        {
            w.WriteString("workflow", t.Workflow);
            w.WriteString("type", EnumNames.Words(t.Type));
            Figure(w, "average", t.Average);
            Figure(w, "peak", t.Peak);
            Figure(w, "requestBandwidth", t.RequestBandwidth);
            Figure(w, "responseBandwidth", t.ResponseBandwidth);
        });
        Array(w, "workflows", report.Workflows, x =>
        {
            var a = x.Availability;
            var d = a.Detail;
            w.WriteString("workflow", x.Workflow);
            w.WriteStartObject("availability");
            Figure(w, "value", a.Availability);
            Figure(w, "downtimePer30Days", a.DowntimePer30Days);
            Figure(w, "downtimePerYear", a.DowntimePerYear);
            if (a.Weakest is { } weakest)
            {
                w.WriteString("weakest", weakest);
            }
            else
            {
                w.WriteNull("weakest");
            }

            w.WriteString("expression", d.Expression);
            w.WriteNumber("independent", d.Independent);
            w.WriteNumber("states", d.States);
            Number(w, "uncertainty", d.Uncertainty);
            w.WriteStartArray("sharedDomains");
            foreach (var domain in d.SharedDomains)
            {
                w.WriteStringValue(domain);
            }

            w.WriteEndArray();
            Array(w, "path", d.Factors, f =>
            {
                w.WriteString("operation", f.Operation);
                w.WriteString("component", f.Component);
                Number(w, "share", f.Share);
                Number(w, "calls", f.Calls);
                Number(w, "componentAvailability", f.ComponentValue);
                Number(w, "factor", f.Factor);
            });
            w.WriteStartArray("assumptions");
            foreach (var assumption in d.Assumptions)
            {
                w.WriteStringValue(assumption);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        Array(w, "operations", report.Operations, o =>
        {
            w.WriteString("operation", o.Operation);
            w.WriteString("component", o.Component);
            w.WriteString("type", EnumNames.Words(o.Type));
            Figure(w, "average", o.Average);
            Figure(w, "peak", o.Peak);
            Figure(w, "worstCaseAmplification", o.WorstCaseAmplification);
            w.WriteString("amplificationPath", o.AmplificationPath);
        });
        Array(w, "components", report.Components, c =>
        {
            w.WriteString("component", c.Component);
            w.WriteString("kind", EnumNames.Words(c.Kind));
            w.WriteNumber("instances", c.Instances);
            Figure(w, "averageLoad", c.AverageLoad);
            Figure(w, "peakLoad", c.PeakLoad);
            Figure(w, "peakReads", c.PeakReads);
            Figure(w, "peakWrites", c.PeakWrites);
            Figure(w, "capacity", c.Capacity);
            Figure(w, "averageUtilisation", c.AverageUtilisation);
            Figure(w, "peakUtilisation", c.PeakUtilisation);
            Figure(w, "instancesNeeded", c.InstancesNeeded);
            Figure(w, "headroomMonths", c.HeadroomMonths);
        });
        Array(w, "storage", report.Storage, s =>
        {
            w.WriteString("entity", s.Entity);
            if (s.Owner is null)
            {
                w.WriteNull("owner");
            }
            else
            {
                w.WriteString("owner", s.Owner);
            }

            Figure(w, "newRecordsPerMonth", s.NewRecordsPerMonth);
            Figure(w, "newBytesPerMonth", s.NewBytesPerMonth);
            Figure(w, "atRetention", s.AtRetention);
            Number(w, "replicationFactor", s.ReplicationFactor);
            Array(w, "horizons", s.Horizons, h =>
            {
                Number(w, "months", h.Months);
                Figure(w, "records", h.Records);
                Figure(w, "bytes", h.Bytes);
                Figure(w, "replicated", h.Replicated);
            });
        });
        Array(w, "storageByOwner", report.StorageByOwner, o =>
        {
            w.WriteString("component", o.Component);
            w.WritePropertyName("horizons");
            w.WriteStartArray();
            foreach (var h in o.Horizons)
            {
                FigureValue(w, h);
            }

            w.WriteEndArray();
            Figure(w, "shardsForStorage", o.ShardsForStorage);
            w.WritePropertyName("shardsForStorageAt");
            w.WriteStartArray();
            foreach (var h in o.ShardsForStorageAt)
            {
                FigureValue(w, h);
            }

            w.WriteEndArray();
            Figure(w, "shardsForWrites", o.ShardsForWrites);
        });
        Array(w, "caches", report.Caches, c =>
        {
            w.WriteString("component", c.Component);
            Figure(w, "readsPerDay", c.ReadsPerDay);
            Figure(w, "itemSize", c.ItemSize);
            Figure(w, "hotSet", c.HotSet);
            Figure(w, "memory", c.Memory);
            Figure(w, "fit", c.Fit);
        });
        Array(w, "queues", report.Queues, q =>
        {
            w.WriteString("component", q.Component);
            Figure(w, "publishAverage", q.PublishAverage);
            Figure(w, "publishPeak", q.PublishPeak);
            Figure(w, "consumerCapacity", q.ConsumerCapacity);
            Figure(w, "backlogPerHour", q.BacklogPerHour);
        });
        Array(w, "bandwidth", report.Bandwidth, b =>
        {
            w.WriteString("component", b.Component);
            Figure(w, "ingress", b.Ingress);
            Figure(w, "egress", b.Egress);
        });
        Figure(w, "internetEgress", report.InternetEgress);
        Array(w, "latency", report.Latency, l =>
        {
            w.WriteString("workflow", l.Workflow);
            Figure(w, "p50", l.P50);
            Figure(w, "p99", l.P99);
            Figure(w, "p999", l.P999);
            Figure(w, "peakP50", l.PeakP50);
            Figure(w, "peakP99", l.PeakP99);
            Figure(w, "peakP999", l.PeakP999);
            Figure(w, "queueingAverage", l.QueueingAverage);
            Figure(w, "queueingPeak", l.QueueingPeak);
            Array(w, "objectives", l.Objectives, o =>
            {
                w.WriteString("slo", o.Slo);
                w.WriteNumber("objective", o.Objective);
                w.WriteNumber("threshold", o.Threshold);
                Figure(w, "average", o.Average);
                Figure(w, "peak", o.Peak);
                if (o.Meets is { } meets)
                {
                    w.WriteBoolean("meets", meets);
                }
                else
                {
                    w.WriteNull("meets");
                }
            });
        });
        Array(w, "queueing", report.Queueing, q =>
        {
            w.WriteString("component", q.Component);
            w.WriteNumber("servers", q.Servers);
            Figure(w, "averageWaitProbability", q.AverageWaitProbability);
            Figure(w, "averageWait", q.AverageWait);
            Figure(w, "peakWaitProbability", q.PeakWaitProbability);
            Figure(w, "peakWait", q.PeakWait);
        });
        if (report.Recovery is { } recovery)
        {
            w.WriteStartObject("recovery");
            Recovery.RecoveryJsonRenderer.WriteBody(w, recovery);
            w.WriteEndObject();
        }

        w.WriteStartArray("notes");
        foreach (var note in report.Notes)
        {
            w.WriteStringValue(note);
        }

        w.WriteEndArray();
        if (report.Sensitivity is { } sensitivity)
        {
            w.WriteStartObject("sensitivity");
            w.WriteNumber("step", sensitivity.Step);
            Array(w, "headlines", sensitivity.Headlines, h =>
            {
                w.WriteString("name", h.Name);
                Number(w, "value", h.Value);
                w.WriteString("display", FigureText.Format(h.Value, h.Unit));
                w.WriteString("subject", h.Subject);
            });
            Array(w, "inputs", sensitivity.Rows, r =>
            {
                w.WriteString("name", r.Input.Name);
                w.WriteString("kind", EnumNames.Words(r.Input.Kind));
                w.WriteString("source", r.Input.Path);
                w.WriteNumber("line", r.Input.Line);
                Number(w, "baseline", r.Input.Baseline);
                Number(w, "score", r.Score);
                Numbers(w, "down", r.Down);
                Numbers(w, "up", r.Up);
            });
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void Array<T>(Utf8JsonWriter w, string name, IEnumerable<T> items, Action<T> body)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            body(item);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double value) => JsonNumbers.Write(w, name, value);

    private static void NumberValue(Utf8JsonWriter w, double value) => JsonNumbers.WriteValue(w, value);

    private static void Numbers(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            NumberValue(w, v);
        }

        w.WriteEndArray();
    }

    /// <summary>A figure as JSON: value in base units, display text, formula and inputs (shared with the SLO report).</summary>
    internal static void Figure(Utf8JsonWriter w, string name, Figure figure)
    {
        w.WritePropertyName(name);
        FigureValue(w, figure);
    }

    private static void FigureValue(Utf8JsonWriter w, Figure figure)
    {
        w.WriteStartObject();
        if (figure.Value is { } v && double.IsFinite(v))
        {
            w.WriteNumber("value", v);
        }
        else
        {
            w.WriteNull("value");
        }

        w.WriteString("unit", EnumNames.Words(figure.Unit));
        w.WriteString("display", FigureText.Format(figure));
        w.WriteString("formula", figure.Formula);
        w.WriteStartArray("inputs");
        foreach (var input in figure.Inputs)
        {
            w.WriteStartObject();
            w.WriteString("name", input.Name);
            Number(w, "value", input.Value);
            w.WriteString("unit", EnumNames.Words(input.Unit));
            w.WriteString("display", FigureText.Format(input.Value, input.Unit));
            w.WriteString("source", input.Source);
            w.WriteNumber("line", input.Line);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
