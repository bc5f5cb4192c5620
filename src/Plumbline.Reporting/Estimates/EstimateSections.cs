using System.Globalization;
using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Explain;
using Plumbline.Design.Text;
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

    /// <summary>"Calendar: a month is 30.4375 days (2,629,800 s), ... (default; choose with requirements.month or --month)".</summary>
    public static string Calendar(EstimateReport report)
    {
        var source = report.MonthSource switch
        {
            FigureSources.Default => "the default; requirements.month or --month chooses 30d or 2.5M",
            FigureSources.Option => "chosen with --month",
            var path => $"requirements.month, {path}",
        };
        return $"Calendar: {Design.Units.Calendar.Describe(report.Month)} ({source})";
    }

    public static List<EstimateSection> Build(EstimateReport report)
    {
        var horizons = report.Options.Horizons;
        return
        [
            new("Traffic", ["workflow", "type", ">average", ">peak", ">request bw", ">response bw"],
                [.. report.Traffic.Select(t => Row([t.Workflow, EnumNames.Words(t.Type)], t.Average, t.Peak, t.RequestBandwidth, t.ResponseBandwidth))]),
            new("Availability", ["workflow", ">availability", ">downtime/30d", ">downtime/year", "weakest link"],
                [.. report.Workflows.Select(w => new EstimateRow(
                    [w.Workflow, FigureText.Format(w.Availability.Availability), FigureText.Format(w.Availability.DowntimePer30Days), FigureText.Format(w.Availability.DowntimePerYear), w.Availability.Weakest ?? "-"],
                    [w.Availability.Availability, w.Availability.DowntimePer30Days, w.Availability.DowntimePerYear]))],
                "composed along each workflow's synchronous path (zones and regions shared by its components counted once); see docs/availability.md"),
            new("Load and capacity", ["component", "kind", ">instances", ">avg load", ">peak load", ">capacity", ">util avg", ">util peak", ">needed", ">headroom"],
                [.. report.Components.Where(c => (c.PeakLoad.Value ?? 0) > 0 || c.Capacity.IsKnown).Select(Capacity)],
                $"instances needed at {Quantities.Percent(report.Options.TargetUtilisation)} target utilisation; headroom is time until peak load reaches capacity at the stated growth"),
            new("Load per operation", ["operation", "type", ">average", ">peak", ">worst-case attempts"],
                [.. report.Operations.Select(o => new EstimateRow(
                    [o.Operation, EnumNames.Words(o.Type), FigureText.Format(o.Average), FigureText.Format(o.Peak), FigureText.Format(o.WorstCaseAmplification)],
                    [o.Average, o.Peak, o.WorstCaseAmplification]))],
                "through the call graph: each workflow's rate enters at its entry, and every call carries its caller's load x probability x count x expected attempts"),
            new("Retry amplification", ["operation", ">worst case", "path"],
                [.. report.Operations.Where(o => (o.WorstCaseAmplification.Value ?? 1) > 1).OrderByDescending(o => o.WorstCaseAmplification.Value).Take(10)
                    .Select(o => new EstimateRow([o.Operation, FigureText.Format(o.WorstCaseAmplification), o.AmplificationPath], []))],
                "attempts an operation gets per request when every layer above it retries to the end; a queue delivery starts a new chain (the same figure check's retry-amplification uses)"),
            new("Storage", ["entity", "owner", ">per month", ">over retention", .. horizons.Select(h => ">" + Horizon(h)), ">copies"],
                [.. report.Storage.Select(s => new EstimateRow(
                    [s.Entity, s.Owner ?? "-", FigureText.Format(s.NewBytesPerMonth), FigureText.Format(s.AtRetention), .. s.Horizons.Select(h => FigureText.Format(h.Bytes)), Quantities.Significant(s.ReplicationFactor) + "x"],
                    [s.NewRecordsPerMonth, s.NewBytesPerMonth, s.AtRetention, .. s.Horizons.SelectMany(h => new[] { h.Records, h.Bytes, h.Replicated })]))],
                "one copy; the owner's totals below include every copy"),
            new("Storage by owner", ["component", .. horizons.Select(h => ">" + Horizon(h)), $">shards (storage, {Horizon(horizons[^1])})", ">shards (writes, now)"],
                [.. report.StorageByOwner.Select(o => new EstimateRow(
                    [o.Component, .. o.Horizons.Select(FigureText.Format), FigureText.Format(o.ShardsForStorage), FigureText.Format(o.ShardsForWrites)],
                    [.. o.Horizons, .. o.ShardsForStorageAt, o.ShardsForWrites]))],
                "shards for storage: one copy at the longest horizon over storage_per_node; for writes: today's peak writes at the target utilisation"),
            new("Caches", ["cache", ">reads/day", ">item", ">hot set", ">memory", ">fit"],
                [.. report.Caches.Select(c => Row([c.Component], c.ReadsPerDay, c.ItemSize, c.HotSet, c.Memory, c.Fit))],
                $"hot set = {Quantities.Percent(report.Options.HotSetFraction)} of a day's distinct reads; fit above 100% means the cache is too small"),
            new("Queues", ["queue", ">publish avg", ">publish peak", ">consumers", ">backlog/hour"],
                [.. report.Queues.Select(q => Row([q.Component], q.PublishAverage, q.PublishPeak, q.ConsumerCapacity, q.BacklogPerHour))]),
            new("Bandwidth (average)", ["component", ">ingress", ">egress"],
                [.. report.Bandwidth.Select(b => new EstimateRow([b.Component, Flow(b.Ingress), Flow(b.Egress)], [b.Ingress, b.Egress]))],
                "requests into workflow entries, rows written, responses and rows read; read requests (keys) are not counted; - is nothing counted, ? a response whose size the design does not give"),
            new("Recovery", ["store", ">copies", ">instance RPO/RTO", ">zone RPO/RTO", ">region RPO/RTO", ">corruption RPO/RTO", ">durability"],
                [.. (report.Recovery?.Stores ?? []).Select(r => new EstimateRow(
                    [r.Component, FigureText.Format(r.Copies), .. r.Domains.Select(d => Recovery.RecoverySections.Rpo(d.Rpo) + " / " + Recovery.RecoverySections.Rto(d.Rto)), FigureText.Format(r.Durability.Durability)],
                    Recovery.RecoverySections.Figures(r)))],
                "data lost (RPO) and writes down (RTO) when one instance, a zone or a region fails or a mistake is replicated; all: everything lost; plumbline recovery has the targets and restore times"),
            new("Latency (synchronous path)", ["workflow", ">p50", ">p99", ">p99.9", ">peak p50", ">peak p99", ">peak p99.9", ">queueing", ">at peak"],
                [.. report.Latency.Select(l => Row([l.Workflow], l.P50, l.P99, l.P999, l.PeakP50, l.PeakP99, l.PeakP999, l.QueueingAverage, l.QueueingPeak))],
                "own latencies composed as distributions along the calls, with queueing at each component's utilisation; queueing is what it adds to the mean; ? where unknown"),
            new("Latency objectives", ["slo", "workflow", ">objective", ">threshold", ">path", ">at peak", "verdict"],
                [.. report.Latency.SelectMany(l => l.Objectives.Select(o => new EstimateRow(
                    [o.Slo, l.Workflow, Quantities.Percent(o.Objective), Quantities.Duration(o.Threshold), FigureText.Format(o.Average), FigureText.Format(o.Peak), Verdict(o)],
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
        [c.Component, EnumNames.Words(c.Kind), c.Instances.ToString(CultureInfo.InvariantCulture), FigureText.Format(c.AverageLoad), FigureText.Format(c.PeakLoad),
         FigureText.Format(c.Capacity), FigureText.Format(c.AverageUtilisation), FigureText.Format(c.PeakUtilisation), FigureText.Format(c.InstancesNeeded), Headroom(c.HeadroomMonths)],
        [c.AverageLoad, c.PeakLoad, c.PeakReads, c.PeakWrites, c.Capacity, c.AverageUtilisation, c.PeakUtilisation, c.InstancesNeeded, c.HeadroomMonths]);

    private static string Flow(Figure figure) => figure.Value == 0 ? "-" : FigureText.Format(figure);

    private static string Headroom(Figure months) => months.Value switch
    {
        null => "-",
        0 => "none",
        > 120 => "10+ years",
        var m => Quantities.Months(m.Value),
    };

    private static EstimateRow Row(string[] leading, params Figure[] figures) =>
        new([.. leading, .. figures.Select(FigureText.Format)], [.. figures]);

    private static string Horizon(double months) =>
        months % 12 == 0 ? (months / 12).ToString(CultureInfo.InvariantCulture) + "y" : months.ToString(CultureInfo.InvariantCulture) + "mo";
}
