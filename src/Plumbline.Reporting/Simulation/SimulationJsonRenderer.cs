using System.Text.Json;
using Plumbline.Design.Text;
using Plumbline.Reporting.Formatting;
using Plumbline.Simulation.Designs;

namespace Plumbline.Reporting.Simulation;

/// <summary>
/// Writes a simulation as JSON: how it was run, the components as simulated, and per scenario every figure (seconds,
/// shares 0..1, counts), each replication's own figures, and the first replication's time series; unknown figures are null.
/// </summary>
public static class SimulationJsonRenderer
{
    public static void Write(Stream stream, SimulationReport report)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        using var w = JsonOutput.Open(stream);
        var o = report.Options;
        w.WriteStartObject();
        w.WriteString("system", report.SystemName);
        w.WriteNumber("seed", report.Seed);
        w.WriteNumber("replications", report.Replications);
        w.WriteString("load", SimulationTextRenderer.LoadName(o.Load));
        w.WriteNumber("durationSeconds", o.Duration);
        w.WriteNumber("warmUpSeconds", o.WarmUp);
        w.WriteNumber("windowSeconds", o.EffectiveWindow);
        w.WriteNumber("queuePerInstance", o.QueuePerInstance);
        w.WriteStartArray("components");
        foreach (var c in report.Components)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            w.WriteNumber("instances", c.Instances);
            w.WriteNumber("primaries", c.Primaries);
            JsonNumbers.Write(w, "capacityPerInstance", c.Limited ? c.CapacityPerInstance : null);
            JsonNumbers.Write(w, "replicaCapacity", c.Limited && c.Instances > c.Primaries ? c.ReplicaCapacity : null);
            w.WriteNumber("meanOwnSeconds", c.MeanOwnTime);
            JsonNumbers.Write(w, "slots", c.Limited ? c.Slots : null);
            JsonNumbers.Write(w, "replicaSlots", c.Limited && c.Instances > c.Primaries ? c.ReplicaSlots : null);
            w.WriteString("loadBalancing", Snake(c.Balancing.ToString()));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        JsonOutput.Strings(w, "assumptions", report.Assumptions);
        w.WriteStartArray("scenarios");
        foreach (var s in report.Scenarios)
        {
            WriteScenario(w, s);
        }

        w.WriteEndArray();
        w.WriteStartArray("comparisons");
        foreach (var c in report.Comparisons)
        {
            w.WriteStartObject();
            w.WriteString("subject", c.Subject);
            w.WriteString("quantity", c.Quantity);
            JsonNumbers.Write(w, "estimate", c.Estimate);
            JsonNumbers.Write(w, "simulated", c.Simulated);
            JsonNumbers.Write(w, "relativeDifference", c.RelativeDifference);
            w.WriteNumber("tolerance", c.Tolerance);
            w.WriteBoolean("agrees", c.Agrees);
            if (c.Reason is null)
            {
                w.WriteNull("reason");
            }
            else
            {
                w.WriteString("reason", c.Reason);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("brokenExpectations", report.BrokenExpectations);
        w.WriteEndObject();
    }

    private static void WriteScenario(Utf8JsonWriter w, ScenarioResult s)
    {
        w.WriteStartObject();
        w.WriteString("name", s.Scenario);
        w.WriteNumber("durationSeconds", s.Runs[0].Duration);
        w.WriteNumber("events", s.Runs.Sum(r => r.Events));
        w.WriteStartArray("faults");
        foreach (var f in s.Faults)
        {
            w.WriteStartObject();
            w.WriteString("kind", Snake(f.Kind.ToString()));
            w.WriteString("target", f.Target);
            w.WriteNumber("startSeconds", f.Start);
            JsonNumbers.Write(w, "endSeconds", double.IsFinite(f.End) ? f.End : null);
            JsonNumbers.Write(w, "instances", f.Instances);
            w.WriteNumber("addSeconds", f.AddSeconds);
            w.WriteNumber("latencyTimes", f.Times);
            w.WriteNumber("errorRate", f.ErrorRate);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("workflows");
        for (var i = 0; i < s.Workflows.Length; i++)
        {
            WriteWorkflow(w, s.Workflows[i], s.P99[i]);
        }

        w.WriteEndArray();
        w.WriteStartArray("components");
        for (var c = 0; c < s.Runs[0].Components.Length; c++)
        {
            var first = s.Runs[0].Components[c];
            w.WriteStartObject();
            w.WriteString("name", first.Component);
            Figure(w, "utilisation", s.Utilisation[c]);
            w.WriteNumber("meanQueueLength", s.Runs.Average(r => r.Components[c].MeanQueueLength));
            w.WriteNumber("operations", s.Runs.Sum(r => r.Components[c].Operations));
            w.WriteNumber("rejected", s.Runs.Sum(r => r.Components[c].Rejected));
            var callsIn = s.Runs.Sum(r => r.Components[c].CallsIn);
            w.WriteNumber("fewestInstances", s.Runs.Min(r => r.Components[c].FewestInstances));
            w.WriteNumber("mostInstances", s.Runs.Max(r => r.Components[c].MostInstances));
            w.WriteNumber("scaleUps", s.Runs.Sum(r => r.Components[c].ScaleUps));
            w.WriteNumber("scaleDowns", s.Runs.Sum(r => r.Components[c].ScaleDowns));
            w.WriteNumber("callsIn", callsIn);
            w.WriteNumber("attemptsIn", s.Runs.Sum(r => r.Components[c].AttemptsIn));
            JsonNumbers.Write(w, "attemptsPerCall", callsIn > 0 ? (double)s.Runs.Sum(r => r.Components[c].AttemptsIn) / callsIn : null);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("calls");
        for (var k = 0; k < s.Runs[0].Calls.Length; k++)
        {
            var each = s.Runs.Select(r => r.Calls[k]).ToList();
            var calls = each.Sum(x => x.Calls);
            var attempts = each.Sum(x => x.Attempts);
            w.WriteStartObject();
            w.WriteString("call", each[0].Call);
            w.WriteNumber("calls", calls);
            w.WriteNumber("attempts", attempts);
            JsonNumbers.Write(w, "attemptsPerCall", calls > 0 ? (double)attempts / calls : null);
            w.WriteNumber("failed", each.Sum(x => x.Failed));
            w.WriteNumber("breakerOpened", each.Sum(x => x.BreakerOpened));
            w.WriteNumber("breakerRefused", each.Sum(x => x.BreakerRefused));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("slos");
        foreach (var slo in s.Slos)
        {
            w.WriteStartObject();
            w.WriteString("name", slo.Slo);
            w.WriteString("workflow", slo.Workflow);
            w.WriteString("sli", Snake(slo.Sli.ToString()));
            w.WriteNumber("objective", slo.Objective);
            JsonNumbers.Write(w, "thresholdSeconds", slo.Threshold);
            w.WriteNumber("good", slo.Good);
            w.WriteNumber("valid", slo.Valid);
            JsonNumbers.Write(w, "achieved", slo.Achieved);
            w.WriteBoolean("met", slo.Met);
            w.WriteBoolean("expected", s.Expected.Contains(slo.Slo));
            w.WriteNumber("budgetBurned", slo.BudgetBurned);
            JsonNumbers.Write(w, "brokenFromSeconds", slo.BrokenFrom);
            JsonNumbers.Write(w, "brokenUntilSeconds", slo.BrokenUntil);
            JsonNumbers.Write(w, "recoveredAfterSeconds", slo.Recovered);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("failovers");
        foreach (var f in s.Failovers)
        {
            w.WriteStartObject();
            w.WriteString("store", f.Store);
            w.WriteString("failure", EnumNames.Text(f.Scope));
            w.WriteString("recovery", EnumNames.Text(f.Path));
            w.WriteNumber("atSeconds", f.At);
            JsonNumbers.Write(w, "rtoSeconds", f.Rto);
            JsonNumbers.Write(w, "rpoSeconds", f.Rpo);
            w.WriteNumber("writesDownForSeconds", f.WritesDownFor);
            w.WriteBoolean("recovered", f.Recovered);
            w.WriteNumber("writesRefused", f.WritesRefused);
            w.WriteNumber("writesLost", f.WritesLost);
            w.WriteBoolean("lostCountedFromStart", f.LostSinceStart);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        JsonOutput.Strings(w, "expected", s.Expected);
        JsonOutput.Strings(w, "broken", [.. s.Broken.Select(b => b.Slo)]);
        w.WriteStartArray("replications");
        foreach (var run in s.Runs)
        {
            w.WriteStartObject();
            w.WriteNumber("replication", run.Replication + 1);
            w.WriteNumber("events", run.Events);
            if (run.StoppedBy is null)
            {
                w.WriteNull("stoppedBy");
            }
            else
            {
                w.WriteString("stoppedBy", run.StoppedBy);
            }

            w.WriteStartArray("workflows");
            foreach (var wf in run.Workflows)
            {
                WriteWorkflow(w, wf, null);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteSeries(w, s.Runs[0]);
        w.WriteEndObject();
    }

    private static void WriteWorkflow(Utf8JsonWriter w, WorkflowResult r, ReplicatedFigure? p99)
    {
        w.WriteStartObject();
        w.WriteString("name", r.Workflow);
        w.WriteNumber("requests", r.Requests);
        w.WriteNumber("succeeded", r.Succeeded);
        w.WriteStartObject("failed");
        w.WriteNumber("timeout", r.Timeouts);
        w.WriteNumber("rejected", r.Rejected);
        w.WriteNumber("unavailable", r.Unavailable);
        w.WriteNumber("error", r.Errors);
        w.WriteNumber("circuitOpen", r.CircuitOpen);
        w.WriteEndObject();
        w.WriteNumber("degraded", r.Degraded);
        w.WriteNumber("unfinished", r.Unfinished);
        w.WriteNumber("throughput", r.Throughput);
        w.WriteStartObject("latencySeconds");
        JsonNumbers.Write(w, "mean", r.Latency.Mean);
        JsonNumbers.Write(w, "p50", r.Latency.P50);
        JsonNumbers.Write(w, "p90", r.Latency.P90);
        JsonNumbers.Write(w, "p99", r.Latency.P99);
        JsonNumbers.Write(w, "p999", r.Latency.P999);
        JsonNumbers.Write(w, "max", r.Latency.Max);
        w.WriteEndObject();
        if (p99 is not null)
        {
            Figure(w, "p99OverReplications", p99);
        }

        w.WriteEndObject();
    }

    private static void WriteSeries(Utf8JsonWriter w, SimulationRun run)
    {
        w.WriteStartObject("series");
        w.WriteNumber("replication", run.Replication + 1);
        w.WriteNumber("windowSeconds", run.Window);
        w.WriteStartArray("windows");
        foreach (var window in run.Series)
        {
            w.WriteStartObject();
            w.WriteNumber("start", window.Start);
            w.WriteBoolean("faulted", window.Faulted);
            w.WriteStartArray("workflows");
            foreach (var wf in window.Workflows)
            {
                w.WriteStartObject();
                w.WriteNumber("completed", wf.Completed);
                w.WriteNumber("failed", wf.Failed);
                JsonNumbers.Write(w, "p50", wf.P50);
                JsonNumbers.Write(w, "p99", wf.P99);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            JsonNumbers.WriteArray(w, "utilisation", window.Utilisation);
            JsonNumbers.WriteArray(w, "queueLength", window.QueueLength);
            JsonNumbers.WriteArray(w, "attemptsPerCall", window.Amplification);
            JsonNumbers.WriteArray(w, "instancesUp", window.Instances.Select(i => (double)i));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>"LeastOutstanding" as the design format writes it: "least_outstanding".</summary>
    private static string Snake(string pascal)
    {
        var sb = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var ch = pascal[i];
            if (char.IsUpper(ch) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(ch));
        }

        return sb.ToString();
    }

    private static void Figure(Utf8JsonWriter w, string name, ReplicatedFigure figure)
    {
        w.WriteStartObject(name);
        JsonNumbers.Write(w, "mean", figure.Mean);
        JsonNumbers.Write(w, "halfWidth95", figure.Interval?.HalfWidth);
        w.WriteEndObject();
    }



}
