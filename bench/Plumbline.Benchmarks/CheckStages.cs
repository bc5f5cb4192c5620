using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Graph;
using Plumbline.Analysis.Review;
using Plumbline.Benchmarks.Simulation;
using Plumbline.Engine;
using Plumbline.Reporting.Review;
using System.Collections.Immutable;
using static System.FormattableString;

namespace Plumbline.Benchmarks;

/// <summary>
/// <c>stages FILE [rounds]</c>: what <c>plumbline check FILE</c> spends, stage by stage, in this process: reading and
/// binding the file, the call graph, the load model, the availability model, the estimate, the cost, each built-in
/// rule, the whole review, and the text the terminal gets. Per stage: thread CPU time and the bytes allocated on the
/// thread (<c>GC.GetAllocatedBytesForCurrentThread</c>, exact, unlike time). Each round starts after a full collection;
/// the first round pays for JIT compilation, so read the last. Stages below 1% of the round's allocation and time are
/// left out of the rule listing.
/// </summary>
public static class CheckStages
{
    public static int Run(string file, int rounds, bool types = false)
    {
        using var listener = types ? new AllocationTypes() : null;
        var today = new DateOnly(2026, 11, 25);
        for (var round = 1; round <= rounds; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var rows = new List<(string Stage, double Cpu, long Alloc)>();
            object Measure(string stage, Func<object> work)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var clock = ThreadClock.Start();
                var result = work();
                rows.Add((stage, clock.Elapsed().Cpu, GC.GetAllocatedBytesForCurrentThread() - before));
                return result;
            }

            var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var engine = PlumblineEngine.Default;
            var loaded = (Plumbline.Design.Loading.LoadResult)Measure("read and bind the file", () => engine.LoadDesignFile(file));
            if (loaded is not { Success: true, Design: { } design })
            {
                Console.Error.WriteLine("stages: the design does not load");
                return 2;
            }

            var options = new ReviewOptions(today);
            var graph = (CallGraph)Measure("call graph", () => CallGraph.Build(design));
            var model = (LoadModel)Measure("load model", () => LoadModel.Compile(design, graph, options.Estimates));
            var availability = (AvailabilityModel)Measure("availability model", () => new AvailabilityModel(design, graph));
            _ = Measure("estimate", () => Estimator.Estimate(model, availability: availability));
            EstimateParts(model, availability, Measure);

            // The rules, each alone over one context (a context builds its estimate and cost on first use: count them apart).
            var context = new ReviewContext(design, options);
            _ = Measure("review context: estimate", () => context.Estimate);
            _ = Measure("review context: cost", () => context.Cost!);
            _ = Measure("review context: calls", () => context.Calls.Length);
            var ruleRows = new List<(string Stage, double Cpu, long Alloc)>();
            foreach (var rule in RuleRegistry.All)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var clock = ThreadClock.Start();
                var count = rule.Check(context).Count();
                ruleRows.Add((Invariant($"rule {rule.Info.Id} ({count} findings)"), clock.Elapsed().Cpu, GC.GetAllocatedBytesForCurrentThread() - before));
            }

            rows.Add(("every rule", ruleRows.Sum(r => r.Cpu), ruleRows.Sum(r => r.Alloc)));
            var check = (CheckResult)Measure("check (engine, whole)", () => engine.CheckFile(file, [], options, ProjectFiles.None));
            _ = Measure("text of the check", () =>
            {
                var writer = new StringWriter();
                new ReviewTextRenderer(false, false, null).Write(writer, check.Report!, file);
                return writer.GetStringBuilder().Length;
            });

            var gc = (GC.CollectionCount(0) - gcBefore.Item1, GC.CollectionCount(1) - gcBefore.Item2, GC.CollectionCount(2) - gcBefore.Item3);
            Console.WriteLine(Invariant($"round {round}: {file}; GC collections 0/1/2: {gc.Item1}/{gc.Item2}/{gc.Item3}"));
            Console.WriteLine(Invariant($"{"stage",-60} {"cpu ms",9} {"alloc MB",9}"));
            foreach (var (stage, cpu, alloc) in rows)
            {
                Console.WriteLine(Invariant($"{stage,-60} {cpu * 1000,9:0} {alloc / 1048576.0,9:0.0}"));
            }

            if (listener is not null && round == rounds)
            {
                Console.WriteLine("allocated by type, sampled over every round:");
                listener.Print(40);
            }

            var total = ruleRows.Sum(r => r.Cpu);
            var totalAlloc = ruleRows.Sum(r => r.Alloc);
            foreach (var (stage, cpu, alloc) in ruleRows.Where(r => r.Cpu > total / 100 || r.Alloc > totalAlloc / 100).OrderByDescending(r => r.Cpu))
            {
                Console.WriteLine(Invariant($"  {stage,-58} {cpu * 1000,9:0} {alloc / 1048576.0,9:0.0}"));
            }
        }

        return 0;
    }

    /// <summary>The estimate's figures one kind at a time, in the order <see cref="Estimator.Estimate(LoadModel, bool, AvailabilityModel?)"/> builds them.</summary>
    private static void EstimateParts(LoadModel model, AvailabilityModel availability, Func<string, Func<object>, object> measure)
    {
        var context = new Plumbline.Analysis.Estimates.Figures.EstimateContext(model);
        var graph = context.Graph;
        var design = context.Design;
        _ = measure("  estimate: traffic", () => design.Workflows.Select((_, w) => new Plumbline.Analysis.Estimates.Figures.TrafficFigures(context).Traffic(w)).ToList());
        var load = new Plumbline.Analysis.Estimates.Figures.LoadFigures(context);
        _ = measure("  estimate: operation load", () => Enumerable.Range(0, graph.Operations.Length).Select(load.OperationLoad).ToList());
        var capacity = new Plumbline.Analysis.Estimates.Figures.CapacityFigures(context);
        var components = (System.Collections.Immutable.ImmutableArray<ComponentCapacity>)measure("  estimate: capacity", () => Enumerable.Range(0, graph.Components.Length).Select(capacity.Capacity).ToImmutableArray());
        _ = measure("  estimate: bandwidth", () => new Plumbline.Analysis.Estimates.Figures.BandwidthFigures(context).Bandwidth());
        var figures = new Plumbline.Analysis.Estimates.Figures.AvailabilityFigures(context, availability);
        _ = measure("  estimate: availability per workflow", () => design.Workflows.Select((_, w) => figures.Workflow(w)).ToList());
        _ = measure("  estimate: latency", () => new Plumbline.Analysis.Estimates.Figures.LatencyFigures(context).Build(components));
        _ = measure("  estimate: recovery", () => Plumbline.Analysis.Recovery.RecoveryAnalyzer.Analyze(model));
    }
}

/// <summary>
/// The runtime's allocation ticks (one event per about 100 KB allocated, naming the type of the object that crossed
/// the mark): with <c>stages FILE rounds types</c>, the types that take the bytes, by sampled share.
/// </summary>
internal sealed class AllocationTypes : System.Diagnostics.Tracing.EventListener
{
    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs eventData)
    {
        if (eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }

        var type = eventData.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 0;
        lock (_lock)
        {
            _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
        }
    }

    public void Print(int top)
    {
        lock (_lock)
        {
            var total = _bytes.Values.Sum();
            foreach (var (type, bytes) in _bytes.OrderByDescending(kv => kv.Value).Take(top))
            {
                Console.WriteLine(Invariant($"  {bytes / 1048576.0,8:0.0} MB {100.0 * bytes / total,5:0.0}%  {type}"));
            }
        }
    }
}
