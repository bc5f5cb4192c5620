using System.Globalization;
using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Explain;
using Plumbline.Reporting.Formatting;

namespace Plumbline.Reporting.Estimates;

/// <summary>One table of an estimate: headers, and rows that keep the figures their cells came from.</summary>
internal sealed record EstimateSection(string Title, string[] Headers, List<EstimateRow> Rows, string? Note = null);

/// <summary>A row's printed cells and the figures behind them, for explanations.</summary>
internal sealed record EstimateRow(string[] Cells, List<Figure> Figures);

/// <summary>The tables of an estimate, shared by the text and Markdown renderers so both show the same figures.</summary>
internal static class EstimateSections
{
    /// <summary>Rows shown in the sensitivity ranking; the JSON has them all.</summary>
    public const int SensitivityRowsShown = 15;

    public static IEnumerable<SensitivityRow> TopSensitivity(SensitivityReport report) =>
        report.Rows.Where(r => r.Score > 0).Take(SensitivityRowsShown);

    public static List<EstimateSection> Build(EstimateReport report)
    {
        var horizons = report.Options.Horizons;
        return
        [
            new("Traffic", ["workflow", "type", ">average", ">peak", ">request bw", ">response bw"],
                [.. report.Traffic.Select(t => Row([t.Workflow, Word(t.Type)], t.Average, t.Peak, t.RequestBandwidth, t.ResponseBandwidth))]),
            new("Availability", ["workflow", ">availability", ">downtime/30d", ">downtime/year", "weakest link"],
                [.. report.Workflows.Select(w => new EstimateRow(
                    [w.Workflow, Quantities.Format(w.Availability.Availability), Quantities.Format(w.Availability.DowntimePer30Days), Quantities.Format(w.Availability.DowntimePerYear), w.Availability.Weakest ?? "-"],
                    [w.Availability.Availability, w.Availability.DowntimePer30Days, w.Availability.DowntimePerYear]))],
                "composed along each workflow's synchronous path (zones and regions shared by its components counted once); see docs/availability.md"),
            new("Load and capacity", ["component", "kind", ">instances", ">avg load", ">peak load", ">capacity", ">util avg", ">util peak", ">needed", ">headroom"],
                [.. report.Components.Where(c => (c.PeakLoad.Value ?? 0) > 0 || c.Capacity.IsKnown).Select(Capacity)],
                $"instances needed at {Quantities.Percent(report.Options.TargetUtilisation)} target utilisation; headroom is time until peak load reaches capacity at the stated growth"),
            new("Retry amplification", ["operation", ">worst case", "path"],
                [.. report.Operations.Where(o => (o.WorstCaseAmplification.Value ?? 1) > 1).OrderByDescending(o => o.WorstCaseAmplification.Value).Take(10)
                    .Select(o => new EstimateRow([o.Operation, Quantities.Format(o.WorstCaseAmplification), string.Join(" x ", o.WorstCaseAmplification.Inputs.Select(i => Quantities.Format(i.Value, i.Unit)))], [o.WorstCaseAmplification]))],
                "load on an operation when every callee on its worst path fails outright and every retry is used"),
            new("Storage", ["entity", "owner", ">per month", ">over retention", .. horizons.Select(h => ">" + Horizon(h)), ">copies"],
                [.. report.Storage.Select(s => new EstimateRow(
                    [s.Entity, s.Owner ?? "-", Quantities.Format(s.NewBytesPerMonth), Quantities.Format(s.AtRetention), .. s.Horizons.Select(h => Quantities.Format(h.Bytes)), Quantities.Significant(s.ReplicationFactor) + "x"],
                    [s.NewRecordsPerMonth, s.NewBytesPerMonth, s.AtRetention, .. s.Horizons.SelectMany(h => new[] { h.Records, h.Bytes })]))],
                "one copy; the owner's totals below include every copy"),
            new("Storage by owner", ["component", .. horizons.Select(h => ">" + Horizon(h)), ">shards (storage)", ">shards (writes)"],
                [.. report.StorageByOwner.Select(o => new EstimateRow(
                    [o.Component, .. o.Horizons.Select(Quantities.Format), Quantities.Format(o.ShardsForStorage), Quantities.Format(o.ShardsForWrites)],
                    [.. o.Horizons, o.ShardsForStorage, o.ShardsForWrites]))]),
            new("Caches", ["cache", ">reads/day", ">item", ">hot set", ">memory", ">fit"],
                [.. report.Caches.Select(c => Row([c.Component], c.ReadsPerDay, c.ItemSize, c.HotSet, c.Memory, c.Fit))],
                $"hot set = {Quantities.Percent(report.Options.HotSetFraction)} of a day's distinct reads; fit above 100% means the cache is too small"),
            new("Queues", ["queue", ">publish avg", ">publish peak", ">consumers", ">backlog/hour"],
                [.. report.Queues.Select(q => Row([q.Component], q.PublishAverage, q.PublishPeak, q.ConsumerCapacity, q.BacklogPerHour))]),
            new("Bandwidth (average)", ["component", ">ingress", ">egress"],
                [.. report.Bandwidth.Select(b => Row([b.Component], b.Ingress, b.Egress))]),
            new("Latency (synchronous path)", ["workflow", ">p50", ">p99", ">p99.9", ">peak p50", ">peak p99", ">peak p99.9", ">queueing", ">at peak"],
                [.. report.Latency.Select(l => Row([l.Workflow], l.P50, l.P99, l.P999, l.PeakP50, l.PeakP99, l.PeakP999, l.QueueingAverage, l.QueueingPeak))],
                "own latencies composed as distributions along the calls, with queueing at each component's utilisation; queueing is what it adds to the mean; ? where unknown"),
            new("Latency objectives", ["slo", "workflow", ">objective", ">threshold", ">path", ">at peak", "verdict"],
                [.. report.Latency.SelectMany(l => l.Objectives.Select(o => new EstimateRow(
                    [o.Slo, l.Workflow, Quantities.Percent(o.Objective), Quantities.Seconds(o.Threshold), Quantities.Format(o.Average), Quantities.Format(o.Peak), Verdict(o)],
                    [o.Average, o.Peak])))],
                "the path's latency at each latency SLO's objective, at average and at peak load"),
            new("Queueing (M/M/c, Erlang C)", ["component", ">instances", ">wait avg", ">mean wait", ">wait peak", ">mean wait peak"],
                [.. report.Queueing.Select(q => Row([q.Component, q.Servers.ToString(CultureInfo.InvariantCulture)], q.AverageWaitProbability, q.AverageWait, q.PeakWaitProbability, q.PeakWait))],
                "each serving instance completes its capacity per second; wait is the chance a request queues, mean wait its average over all requests"),
        ];
    }

    private static string Verdict(LatencyObjective objective) => objective.Meets switch
    {
        true => "meets",
        false => "misses",
        null => "?",
    };

    private static EstimateRow Capacity(ComponentCapacity c) => new(
        [c.Component, Word(c.Kind), c.Instances.ToString(CultureInfo.InvariantCulture), Quantities.Format(c.AverageLoad), Quantities.Format(c.PeakLoad),
         Quantities.Format(c.Capacity), Quantities.Format(c.AverageUtilisation), Quantities.Format(c.PeakUtilisation), Quantities.Format(c.InstancesNeeded), Headroom(c.HeadroomMonths)],
        [c.Capacity, c.AverageUtilisation, c.PeakUtilisation, c.InstancesNeeded, c.HeadroomMonths]);

    private static string Headroom(Figure months) => months.Value switch
    {
        null => "-",
        0 => "none",
        > 120 => "10+ years",
        var m => Quantities.Months(m.Value),
    };

    private static EstimateRow Row(string[] leading, params Figure[] figures) =>
        new([.. leading, .. figures.Select(Quantities.Format)], [.. figures]);

    private static string Horizon(double months) =>
        months % 12 == 0 ? (months / 12).ToString(CultureInfo.InvariantCulture) + "y" : months.ToString(CultureInfo.InvariantCulture) + "mo";

    internal static string Word<T>(T value)
        where T : struct, Enum => Design.Text.EnumNames.ToSnake(value).Replace('_', ' ');
}
