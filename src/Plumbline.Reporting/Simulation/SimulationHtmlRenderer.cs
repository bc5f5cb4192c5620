using System.Globalization;
using System.Text;
using Plumbline.Design.Text;
using Plumbline.Simulation.Designs;

namespace Plumbline.Reporting.Simulation;

/// <summary>
/// Writes a simulation as one standalone HTML page that works offline: inline CSS and inline SVG charts, no script and
/// nothing fetched. Per scenario: latency percentiles, latency over time, throughput and failures over time, failures by
/// cause, utilisation, queue length and retry amplification over time, with the fault windows shaded; then the tables
/// (workflows, components, failovers, SLOs) and the estimate beside the simulation. Time series are the first
/// replication's, as in the JSON.
/// </summary>
public static class SimulationHtmlRenderer
{
    /// <summary>The chart ids every scenario has (<c>data-chart</c> on its SVG), in page order.</summary>
    public static IReadOnlyList<string> Charts { get; } =
        ["latency-percentiles", "latency-over-time", "throughput", "errors-by-cause", "utilisation", "instances", "queue-length", "retry-amplification"];

    public static string Render(SimulationReport report, string designFile)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        var title = $"Simulation of {report.SystemName}";
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
        sb.Append($"<title>{E(title)}</title>\n<style>{Css}</style>\n</head>\n<body>\n");
        sb.Append($"<h1>{E(title)}</h1>\n");
        var o = report.Options;
        var seed = report.Seed.ToString(CultureInfo.InvariantCulture);
        sb.Append($"<p class=\"meta\">{E(designFile)}: seed {seed} (replay with <code>--seed {seed}</code>), {report.Replications} replication{(report.Replications == 1 ? string.Empty : "s")}, ");
        sb.Append($"{SimulationTextRenderer.LoadName(o.Load)} load; steady runs last {E(Quantities.Duration(o.Duration))}, the first {E(Quantities.Duration(o.WarmUp))} left out of the figures; windows of {E(Quantities.Duration(o.EffectiveWindow))}.</p>\n");
        sb.Append("<nav><ul>");
        for (var i = 0; i < report.Scenarios.Length; i++)
        {
            var s = report.Scenarios[i];
            sb.Append($"<li><a href=\"#scenario-{i}\">{E(s.Scenario)}</a>{(s.Broken.IsEmpty ? string.Empty : " <span class=\"bad\">broken</span>")}</li>");
        }

        sb.Append("</ul></nav>\n");
        if (!report.Assumptions.IsEmpty)
        {
            sb.Append("<details><summary>Assumed (the design does not say)</summary><ul>");
            foreach (var a in report.Assumptions)
            {
                sb.Append($"<li>{E(a)}</li>");
            }

            sb.Append("</ul></details>\n");
        }

        for (var i = 0; i < report.Scenarios.Length; i++)
        {
            Scenario(sb, report, report.Scenarios[i], i);
        }

        if (!report.Comparisons.IsEmpty)
        {
            sb.Append("<section><h2>Estimate beside simulation (steady traffic)</h2>\n<table><thead><tr><th>subject</th><th>figure</th><th>estimate</th><th>simulated</th><th>difference</th><th>where they part</th></tr></thead><tbody>");
            foreach (var c in report.Comparisons)
            {
                var seconds = c.Quantity != "utilisation";
                string Show(double? v) => v is not { } x ? "?" : seconds ? Quantities.Duration(x) : Quantities.Percent(x);
                sb.Append($"<tr><td>{E(c.Subject)}</td><td>{E(c.Quantity)}</td><td class=\"n\">{E(Show(c.Estimate))}</td><td class=\"n\">{E(Show(c.Simulated))}</td>");
                sb.Append($"<td class=\"n\">{E(c.RelativeDifference is { } d ? (d >= 0 ? "+" : string.Empty) + Quantities.Percent(d) : "?")}</td><td>{E(c.Reason ?? "agree")}</td></tr>");
            }

            sb.Append("</tbody></table></section>\n");
        }

        var broken = report.BrokenExpectations;
        sb.Append($"<p class=\"{(broken == 0 ? "good" : "bad")}\">{E(broken == 0 ? "Every scenario met what it expects." : $"{broken} expected SLO{(broken == 1 ? " was" : "s were")} broken.")}</p>\n");
        sb.Append("<footer>Made by plumbline simulate. Standalone: nothing on this page is fetched.</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Scenario(StringBuilder sb, SimulationReport report, ScenarioResult scenario, int index)
    {
        var run = scenario.Runs[0];
        var names = scenario.Workflows.Select(w => w.Workflow).ToList();
        var components = run.Components.Select(c => c.Component).ToList();
        sb.Append($"<section id=\"scenario-{index}\"><h2>Scenario {E(scenario.Scenario)}</h2>\n");
        sb.Append($"<p class=\"meta\">{E(Quantities.Duration(run.Duration))} simulated, {E(Quantities.Count(scenario.Runs.Sum(r => r.Events)))} events");
        foreach (var f in scenario.Faults)
        {
            sb.Append($"; fault: {E(SimulationTextRenderer.Fault(f))} from {E(Quantities.Duration(f.Start))}{(double.IsFinite(f.End) ? " to " + E(Quantities.Duration(f.End)) : " to the end")}");
        }

        sb.Append(".</p>\n");
        var shaded = Shaded(scenario, run);
        var width = run.Window;
        var xMax = run.Duration;
        double T(SeriesWindow w) => w.Start + (width / 2);

        // Latency percentiles per workflow.
        string[] pct = ["p50", "p90", "p99", "p99.9", "max"];
        var groups = scenario.Workflows.Select(w => new BarGroup(w.Workflow, [w.Latency.P50, w.Latency.P90, w.Latency.P99, w.Latency.P999, w.Latency.Max])).ToList();
        Figure(sb, "Latency percentiles of successful requests, over the replications",
            SvgChart.Bars("latency-percentiles", "Latency percentiles", pct, groups, Quantities.Duration));

        var latency = new List<ChartLine>();
        for (var w = 0; w < names.Count; w++)
        {
            var colour = SvgChart.Palette[w % SvgChart.Palette.Length];
            var k = w;
            latency.Add(new ChartLine(names[w] + " p99", colour, [.. run.Series.Select(x => (T(x), x.Workflows[k].P99))]));
            latency.Add(new ChartLine(names[w] + " p50", colour, [.. run.Series.Select(x => (T(x), x.Workflows[k].P50))], Dashed: true));
        }

        Figure(sb, "Latency over time (p50 dashed, p99 solid), per window", SvgChart.Lines("latency-over-time", "Latency over time", latency, xMax, shaded, Quantities.Duration));

        var throughput = new List<ChartLine>();
        for (var w = 0; w < names.Count; w++)
        {
            var colour = SvgChart.Palette[w % SvgChart.Palette.Length];
            var k = w;
            throughput.Add(new ChartLine(names[w] + " succeeded", colour, [.. run.Series.Select(x => (T(x), (x.Workflows[k].Completed - x.Workflows[k].Failed) / width))]));
            throughput.Add(new ChartLine(names[w] + " failed", colour, [.. run.Series.Select(x => (T(x), x.Workflows[k].Failed / width))], Dashed: true));
        }

        Figure(sb, "Throughput: requests finished per second, succeeded (solid) and failed (dashed)", SvgChart.Lines("throughput", "Throughput", throughput, xMax, shaded, Quantities.Rate));

        string[] causes = ["timeout", "rejected", "unavailable", "error", "circuit open"];
        var failures = scenario.Workflows.Select(w => new BarGroup(w.Workflow, [w.Timeouts, w.Rejected, w.Unavailable, w.Errors, w.CircuitOpen])).ToList();
        var anyFailure = scenario.Workflows.Any(w => w.Failed > 0);
        Figure(sb, anyFailure ? "Failed requests by cause, over the replications" : "Failed requests by cause: none failed",
            SvgChart.Bars("errors-by-cause", "Failures by cause", causes, failures, v => Quantities.Count(v), stacked: true));

        var limited = Enumerable.Range(0, components.Count).Where(c => run.Series.Any(x => double.IsFinite(x.Utilisation[c]))).ToList();
        Figure(sb, "Utilisation per component (busy slots over slots), per window",
            SvgChart.Lines("utilisation", "Utilisation", [.. limited.Select((c, i) => new ChartLine(components[c], SvgChart.Palette[i % SvgChart.Palette.Length], [.. run.Series.Select(x => (T(x), x.Utilisation[c]))]))], xMax, shaded, Quantities.Percent, 1));
        Figure(sb, "Instances up per component (autoscaling, faults), at each window's end",
            SvgChart.Lines("instances", "Instances up", [.. Enumerable.Range(0, components.Count).Select(c => new ChartLine(components[c], SvgChart.Palette[c % SvgChart.Palette.Length], [.. run.Series.Select(x => (T(x), x.Instances.IsDefaultOrEmpty ? double.NaN : x.Instances[c]))]))], xMax, shaded, v => Quantities.Count(v)));
        Figure(sb, "Queue length per component (requests waiting for a slot, time-weighted mean), per window",
            SvgChart.Lines("queue-length", "Queue length", [.. limited.Select((c, i) => new ChartLine(components[c], SvgChart.Palette[i % SvgChart.Palette.Length], [.. run.Series.Select(x => (T(x), x.QueueLength.IsDefaultOrEmpty ? double.NaN : x.QueueLength[c]))]))], xMax, shaded, v => Quantities.Significant(v)));
        var called = Enumerable.Range(0, components.Count).Where(c => run.Series.Any(x => !x.Amplification.IsDefaultOrEmpty && double.IsFinite(x.Amplification[c]))).ToList();
        Figure(sb, "Retry amplification per component (attempts per call made to it), per window",
            SvgChart.Lines("retry-amplification", "Retry amplification", [.. called.Select((c, i) => new ChartLine(components[c], SvgChart.Palette[i % SvgChart.Palette.Length], [.. run.Series.Select(x => (T(x), x.Amplification[c]))]))], xMax, shaded, v => Quantities.Significant(v) + "x"));

        Tables(sb, scenario);
        sb.Append("</section>\n");
    }

    /// <summary>The fault windows: each fault's span, and the windows the run marks as faulted.</summary>
    private static List<(double From, double To)> Shaded(ScenarioResult scenario, SimulationRun run)
    {
        var spans = new List<(double, double)>();
        foreach (var f in scenario.Faults)
        {
            spans.Add((Math.Max(0, f.Start), Math.Min(run.Duration, f.End)));
        }

        return spans;
    }

    private static void Figure(StringBuilder sb, string caption, string svg) =>
        sb.Append($"<figure>{svg}<figcaption>{E(caption)}</figcaption></figure>\n");

    private static void Tables(StringBuilder sb, ScenarioResult scenario)
    {
        sb.Append("<h3>Workflows</h3><table><thead><tr><th>workflow</th><th>requests</th><th>succeeded</th><th>failed</th><th>per second</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th></tr></thead><tbody>");
        foreach (var w in scenario.Workflows)
        {
            var l = w.Latency;
            sb.Append($"<tr><td>{E(w.Workflow)}</td>{N(Quantities.Count(w.Requests))}{N(Quantities.Count(w.Succeeded))}{N(Quantities.Count(w.Failed))}{N(Quantities.Rate(w.Throughput))}");
            sb.Append($"{N(D(l.P50))}{N(D(l.P90))}{N(D(l.P99))}{N(D(l.P999))}{N(D(l.Max))}</tr>");
        }

        sb.Append("</tbody></table>\n");
        var first = scenario.Runs[0];
        sb.Append("<h3>Components</h3><table><thead><tr><th>component</th><th>utilisation</th><th>mean queue</th><th>attempts per call</th><th>operations</th><th>rejected</th></tr></thead><tbody>");
        for (var c = 0; c < first.Components.Length; c++)
        {
            var u = scenario.Utilisation[c];
            var r = first.Components[c];
            sb.Append($"<tr><td>{E(r.Component)}</td>{N(double.IsFinite(u.Mean) ? Quantities.Percent(u.Mean) + (u.Interval is { } ci ? " ±" + Quantities.Percent(ci.HalfWidth) : string.Empty) : "-")}");
            sb.Append($"{N(r.Slots > 0 ? Quantities.Significant(scenario.Runs.Average(x => x.Components[c].MeanQueueLength)) : "-")}");
            var calls = scenario.Runs.Sum(x => x.Components[c].CallsIn);
            sb.Append($"{N(calls > 0 ? Quantities.Significant((double)scenario.Runs.Sum(x => x.Components[c].AttemptsIn) / calls, 4) : "-")}");
            sb.Append($"{N(Quantities.Count(scenario.Runs.Sum(x => x.Components[c].Operations)))}{N(Quantities.Count(scenario.Runs.Sum(x => x.Components[c].Rejected)))}</tr>");
        }

        sb.Append("</tbody></table>\n");
        if (!scenario.Failovers.IsEmpty)
        {
            sb.Append("<h3>Stores lost</h3><table><thead><tr><th>store</th><th>failure</th><th>recovery</th><th>RTO</th><th>writes down for</th><th>writes refused</th><th>RPO</th><th>writes lost</th></tr></thead><tbody>");
            foreach (var f in scenario.Failovers)
            {
                sb.Append($"<tr><td>{E(f.Store)}</td><td>{E(EnumNames.Words(f.Scope))}</td><td>{E(EnumNames.Words(f.Path))}</td>{N(double.IsFinite(f.Rto) ? Quantities.Duration(f.Rto) : "never")}");
                sb.Append($"{N(Quantities.Duration(f.WritesDownFor))}{N(Quantities.Count(Math.Round(f.WritesRefused)))}{N(double.IsFinite(f.Rpo) ? Quantities.Duration(f.Rpo) : "all")}");
                sb.Append($"{N(Quantities.Count(Math.Round(f.WritesLost)) + (f.LostSinceStart && f.Rpo > 0 ? " or more" : string.Empty))}</tr>");
            }

            sb.Append("</tbody></table>\n");
        }

        if (!scenario.Slos.IsEmpty)
        {
            sb.Append("<h3>SLOs</h3><table><thead><tr><th>SLO</th><th>expected</th><th>objective</th><th>achieved</th><th>met</th><th>budget burned</th><th>broke</th><th>recovered after</th></tr></thead><tbody>");
            foreach (var s in scenario.Slos)
            {
                var (achieved, objective, _) = double.IsNaN(s.Achieved) ? ("?", Quantities.Availability(s.Objective), false) : Quantities.CompareAvailability(s.Achieved, s.Objective);
                sb.Append($"<tr><td>{E(s.Slo)}</td><td>{(scenario.Expected.Contains(s.Slo) ? "yes" : "-")}</td>{N(objective + (s.Threshold is { } t ? " in " + Quantities.Duration(t) : string.Empty))}{N(achieved)}");
                sb.Append($"<td class=\"{(s.Met ? "good" : "bad")}\">{(s.Met ? "yes" : "NO")}</td>{N(Quantities.Percent(s.BudgetBurned))}");
                sb.Append($"<td>{E(s.BrokenFrom is { } from ? $"{Quantities.Duration(from)} to {Quantities.Duration(s.BrokenUntil ?? from)}" : "-")}</td>{N(s.Recovered is { } rec ? Quantities.Duration(rec) : "-")}</tr>");
            }

            sb.Append("</tbody></table>\n");
        }
    }

    private static string D(double seconds) => double.IsNaN(seconds) ? "-" : Quantities.Duration(seconds);

    private static string N(string text) => $"<td class=\"n\">{E(text)}</td>";

    private static string E(string text) => SvgChart.Esc(text);

    private const string Css =
        "body{font:14px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px auto;max-width:800px;color:#222;padding:0 12px}" +
        "h1{font-size:22px}h2{font-size:18px;border-top:1px solid #ccc;padding-top:12px;margin-top:28px}h3{font-size:15px}" +
        ".meta{color:#555}table{border-collapse:collapse;margin:8px 0;font-size:13px}th,td{border-bottom:1px solid #e4e4e4;padding:3px 8px;text-align:left}" +
        "td.n{text-align:right;font-variant-numeric:tabular-nums}.good{color:#1a7f37}.bad{color:#c62828;font-weight:600}" +
        "figure{margin:12px 0}figcaption{color:#555;font-size:12px}svg.chart{max-width:100%;height:auto;font-size:11px;fill:#333}" +
        "svg text.axis{fill:#666}.legend{font-size:12px;display:flex;flex-wrap:wrap;gap:4px 14px}.legend i{display:inline-block;width:12px;height:3px;margin-right:4px;vertical-align:middle}" +
        "footer{color:#888;font-size:12px;margin-top:32px}code{background:#f3f3f3;padding:0 3px}";
}
