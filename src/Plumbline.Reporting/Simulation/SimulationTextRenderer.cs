using System.Globalization;
using Plumbline.Design.Model;
using Plumbline.Design.Text;
using Plumbline.Reporting.Formatting;
using Plumbline.Simulation.Designs;

namespace Plumbline.Reporting.Simulation;

/// <summary>Writes a simulation for a terminal: how it was run (the seed to replay it), what was assumed, then each scenario.</summary>
public static class SimulationTextRenderer
{
    public static void Write(TextWriter writer, SimulationReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        var o = report.Options;
        writer.WriteLine($"Simulation of {report.SystemName}: seed {Seed(report)} (replay with --seed {Seed(report)}), " +
            $"{report.Replications} replication{(report.Replications == 1 ? string.Empty : "s")}, {LoadName(o.Load)} load");
        writer.WriteLine($"  steady runs last {Quantities.Duration(o.Duration)} simulated, the first {Quantities.Duration(o.WarmUp)} left out of the figures; windows of {Quantities.Duration(o.EffectiveWindow)}");
        writer.WriteLine();

        writer.WriteLine("Components as simulated");
        var components = new TextTable("component", ">instances", ">slots each", ">capacity each", ">mean own time");
        foreach (var c in report.Components)
        {
            components.Add(
                c.Name,
                c.Instances == c.Primaries ? Count(c.Instances) : $"{c.Primaries} + {c.Instances - c.Primaries} replicas",
                !c.Limited ? "unlimited" : c.Instances == c.Primaries ? Count(c.Slots) : $"{c.Slots} / {c.ReplicaSlots}",
                !c.Limited ? "-" : c.Instances == c.Primaries || c.CapacityPerInstance == c.ReplicaCapacity
                    ? Quantities.Rate(c.CapacityPerInstance)
                    : $"{Quantities.Rate(c.CapacityPerInstance)} / {Quantities.Rate(c.ReplicaCapacity)}",
                Quantities.Duration(c.MeanOwnTime));
        }

        components.Write(writer);
        writer.WriteLine("  slots = ceil(capacity x mean own time); a request holds one for its own work (docs/simulation.md, \"Capacity to concurrency\")");
        if (!report.Assumptions.IsEmpty)
        {
            writer.WriteLine();
            writer.WriteLine("Assumed (the design does not say)");
            foreach (var a in report.Assumptions)
            {
                writer.WriteLine($"  - {a}");
            }
        }

        foreach (var scenario in report.Scenarios)
        {
            writer.WriteLine();
            WriteScenario(writer, scenario);
        }

        if (!report.Comparisons.IsEmpty)
        {
            writer.WriteLine();
            writer.WriteLine($"Estimate beside simulation (steady traffic; latency agrees within {Quantities.Percent(DesignSimulation.LatencyTolerance)}, utilisation within {Quantities.Percent(DesignSimulation.UtilisationTolerance)})");
            var table = new TextTable("subject", "figure", ">estimate", ">simulated", ">difference", "where they part");
            foreach (var c in report.Comparisons)
            {
                var seconds = c.Quantity != "utilisation";
                string Show(double? v) => v is not { } x ? "?" : seconds ? Quantities.Duration(x) : Quantities.Percent(x);
                table.Add(c.Subject, c.Quantity, Show(c.Estimate), Show(c.Simulated),
                    c.RelativeDifference is { } d ? Signed(d) : "?",
                    c.Reason ?? "agree");
            }

            table.Write(writer);
        }

        var broken = report.BrokenExpectations;
        writer.WriteLine();
        writer.WriteLine(broken == 0
            ? "Every scenario met what it expects."
            : $"{broken} expected SLO{(broken == 1 ? " was" : "s were")} broken (exit 1 with --fail-on broken).");
    }

    private static void WriteScenario(TextWriter writer, ScenarioResult scenario)
    {
        var first = scenario.Runs[0];
        var events = scenario.Runs.Sum(r => r.Events);
        writer.WriteLine($"Scenario {scenario.Scenario}: {Quantities.Duration(first.Duration)} simulated, {Quantities.Count(events)} events");
        foreach (var fault in scenario.Faults)
        {
            writer.WriteLine($"  fault: {Fault(fault)} from {Quantities.Duration(fault.Start)}{(double.IsFinite(fault.End) ? $" to {Quantities.Duration(fault.End)}" : " to the end")}");
        }

        foreach (var stopped in scenario.Runs.Where(r => r.StoppedBy is not null))
        {
            writer.WriteLine($"  replication {stopped.Replication + 1} stopped early: {stopped.StoppedBy}");
        }

        var workflows = new TextTable("workflow", ">requests", ">succeeded", ">failed", "failures by cause", ">per second", ">p50", ">p90", ">p99", ">p99.9", ">max");
        for (var w = 0; w < scenario.Workflows.Length; w++)
        {
            var r = scenario.Workflows[w];
            var l = r.Latency;
            workflows.Add(r.Workflow, Count(r.Requests), Count(r.Succeeded), Count(r.Failed), Causes(r), Quantities.Rate(r.Throughput),
                Latency(l.P50), Latency(l.P90), Latency(l.P99), Latency(l.P999), Latency(l.Max));
        }

        workflows.Write(writer);
        var degraded = scenario.Workflows.Where(w => w.Degraded > 0).Select(w => $"{w.Workflow} {Count(w.Degraded)}").ToList();
        if (degraded.Count > 0)
        {
            writer.WriteLine($"  succeeded through a fallback: {string.Join(", ", degraded)}");
        }

        var components = new TextTable("component", ">utilisation", ">mean queue", ">attempts per call", ">operations", ">rejected");
        for (var c = 0; c < first.Components.Length; c++)
        {
            var u = scenario.Utilisation[c];
            var result = first.Components[c];
            components.Add(result.Component,
                double.IsFinite(u.Mean) ? Quantities.Percent(u.Mean) + (u.Interval is { } ci ? $" ±{Quantities.Percent(ci.HalfWidth)}" : string.Empty) : "-",
                result.Slots > 0 ? Quantities.Significant(scenario.Runs.Average(r => r.Components[c].MeanQueueLength)) : "-",
                scenario.Runs.Sum(r => r.Components[c].CallsIn) is var callsIn and > 0 ? Quantities.Significant((double)scenario.Runs.Sum(r => r.Components[c].AttemptsIn) / callsIn, 4) : "-",
                Count(scenario.Runs.Sum(r => r.Components[c].Operations)),
                Count(scenario.Runs.Sum(r => r.Components[c].Rejected)));
        }

        writer.WriteLine();
        components.Write(writer);
        var scaled = scenario.Runs[0].Components.Select((x, c) => (x, c)).Where(p => scenario.Runs.Any(r => r.Components[p.c].ScaleUps + r.Components[p.c].ScaleDowns > 0)).ToList();
        foreach (var (x, c) in scaled)
        {
            writer.WriteLine($"  autoscaled: {x.Component} ran {Count(scenario.Runs.Min(r => r.Components[c].FewestInstances))} to {Count(scenario.Runs.Max(r => r.Components[c].MostInstances))} instances " +
                $"({Count(scenario.Runs.Sum(r => r.Components[c].ScaleUps))} scale-ups, {Count(scenario.Runs.Sum(r => r.Components[c].ScaleDowns))} scale-downs)");
        }

        var calls = new TextTable("call", ">calls", ">attempts per call", ">failed", ">breaker opened", ">refused");
        for (var k = 0; k < first.Calls.Length; k++)
        {
            var each = scenario.Runs.Select(r => r.Calls[k]).ToList();
            var callCount = each.Sum(x => x.Calls);
            var attempts = each.Sum(x => x.Attempts);
            if (attempts == callCount && each.All(x => x.Failed == 0 && x.BreakerOpened == 0))
            {
                continue;
            }

            calls.Add(first.Calls[k].Call, Count(callCount), callCount > 0 ? Quantities.Significant((double)attempts / callCount, 4) : "-",
                Count(each.Sum(x => x.Failed)), Count(each.Sum(x => x.BreakerOpened)), Count(each.Sum(x => x.BreakerRefused)));
        }

        if (calls.RowCount > 0)
        {
            writer.WriteLine();
            calls.Write(writer);
        }

        if (!scenario.Failovers.IsEmpty)
        {
            writer.WriteLine();
            var per = scenario.Runs.Length == 1 ? string.Empty : " (mean per replication)";
            var table = new TextTable("store lost", "failure", "recovery", ">RTO", ">writes down for", ">writes refused" + per, ">RPO", ">writes lost" + per);
            foreach (var f in scenario.Failovers)
            {
                table.Add(f.Store, EnumNames.Words(f.Scope), EnumNames.Words(f.Path),
                    double.IsFinite(f.Rto) ? Quantities.Duration(f.Rto) : "never",
                    Quantities.Duration(f.WritesDownFor) + (f.Recovered ? string.Empty : " (not back)"),
                    Quantities.Count((long)Math.Round(f.WritesRefused)),
                    double.IsFinite(f.Rpo) ? Quantities.Duration(f.Rpo) : "all",
                    Quantities.Count((long)Math.Round(f.WritesLost)) + (f.LostSinceStart && f.Rpo > 0 ? " or more" : string.Empty));
            }

            table.Write(writer);
            writer.WriteLine("  RPO and RTO as plumbline recovery derives them for that failure; writes lost: acknowledged within the RPO before the fault");
        }

        if (!scenario.Slos.IsEmpty)
        {
            writer.WriteLine();
            var slos = new TextTable("slo", ">objective", ">achieved", "met", ">budget burned", "broke", ">recovered after");
            foreach (var s in scenario.Slos)
            {
                var expected = scenario.Expected.Contains(s.Slo);
                var (achieved, objective, _) = double.IsNaN(s.Achieved) ? ("?", Quantities.Availability(s.Objective), false) : Quantities.CompareAvailability(s.Achieved, s.Objective);
                slos.Add(
                    s.Slo + (expected ? " *" : string.Empty),
                    objective + (s.Threshold is { } t ? $" in {Quantities.Duration(t)}" : string.Empty),
                    achieved,
                    s.Met ? "yes" : "NO",
                    Quantities.Percent(s.BudgetBurned),
                    s.BrokenFrom is { } from ? $"{Quantities.Duration(from)} to {Quantities.Duration(s.BrokenUntil ?? from)}" : "-",
                    s.Recovered is { } rec ? Quantities.Duration(rec) : "-");
            }

            slos.Write(writer);
        }

        if (!scenario.Expected.IsEmpty)
        {
            var broken = scenario.Broken;
            writer.WriteLine(broken.IsEmpty
                ? $"  * expected by the scenario: met"
                : $"  * expected by the scenario: BROKEN: {string.Join(", ", broken.Select(b => b.Slo + (b.BrokenFrom is { } f ? $" (from {Quantities.Duration(f)})" : string.Empty)))}");
        }
    }

    private static string Causes(WorkflowResult r)
    {
        var parts = new List<string>();
        void Add(long n, string what)
        {
            if (n > 0)
            {
                parts.Add($"{Count(n)} {what}");
            }
        }

        Add(r.Timeouts, "timeout");
        Add(r.Rejected, "rejected");
        Add(r.Unavailable, "unavailable");
        Add(r.Errors, "error");
        Add(r.CircuitOpen, "circuit open");
        return parts.Count == 0 ? "-" : string.Join(", ", parts);
    }

    internal static string Fault(SimulatedFault f) => f.Kind switch
    {
        FaultKind.ZoneDown => $"zone {f.Target} down",
        FaultKind.InstanceDown => f.Instances is { } n ? $"{n} instance{(n == 1 ? string.Empty : "s")} of {f.Target} down" : $"every instance of {f.Target} down",
        FaultKind.Slow when f.Times != 1 && f.AddSeconds > 0 => $"{f.Target} {Quantities.Number(f.Times)}x slower and {Quantities.Duration(f.AddSeconds)} more",
        FaultKind.Slow when f.Times != 1 => $"{f.Target} {Quantities.Number(f.Times)}x slower",
        FaultKind.Slow => $"{f.Target} slower by {Quantities.Duration(f.AddSeconds)}",
        _ => $"{f.Target} fails {Quantities.Percent(f.ErrorRate)} of its operations",
    };

    private static string Latency(double seconds) => double.IsNaN(seconds) ? "-" : Quantities.Duration(seconds);

    private static string Signed(double d) => (d >= 0 ? "+" : string.Empty) + Quantities.Percent(d);

    private static string Count(long n) => Quantities.Count(n);

    private static string Seed(SimulationReport report) => report.Seed.ToString(CultureInfo.InvariantCulture);

    internal static string LoadName(SimulatedLoad load) => load == SimulatedLoad.Peak ? "peak" : "average";
}
