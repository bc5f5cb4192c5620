using System.Diagnostics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Running;
using static System.FormattableString;

namespace Plumbline.Benchmarks;

/// <summary>
/// Two modes. <c>dotnet run -c Release --project bench/Plumbline.Benchmarks -- --filter '*'</c> runs every
/// BenchmarkDotNet class in this assembly (any BenchmarkDotNet option works, such as <c>--job short</c>).
/// <c>-- generate FILE</c> writes the generated 2,000-component design to a file.
/// <c>-- quick [filter]</c> runs the fast self-timed harness over <see cref="QuickCases.Suites"/>, optionally only
/// the cases whose name contains <c>filter</c>. <c>-- cold</c> times the first load in fresh processes
/// (<see cref="LoadColdRuns"/>), which is what a CLI user waits for. <c>-- sim [rounds]</c> runs the simulator's
/// benchmark (<see cref="Simulation.SimulationBenchmark"/>), <c>-- sim-pending [rounds] [no-hold]</c> its 100,000-pending part
/// alone; <c>-- sim-design [rounds] [one]</c> a design simulated
/// (<see cref="Simulation.DesignBenchmark"/>). <c>-- shapes [filter]</c> runs the CLI on the pathological shapes at 1x
/// to 8x (<see cref="ShapeRuns"/>); <c>-- shapes-write FOLDER</c> writes them. <c>-- stages FILE [rounds]</c> measures what
/// <c>check</c> spends per stage and per rule (<see cref="CheckStages"/>). <c>-- diagram-probe SCALE [FILE]</c> lays out one
/// diagram and checks its edges (<see cref="DiagramProbe"/>).
/// </summary>
/// <remarks>
/// To add a benchmark for another stage (estimates, review): add a <c>[Benchmark]</c> class, which the switcher
/// finds by itself, and a suite of <see cref="QuickCase"/>s registered in <see cref="QuickCases.Suites"/>.
/// </remarks>
public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "quick")
        {
            return QuickHarness.Run(QuickCases.Suites, args.Length > 1 ? args[1] : null);
        }

        if (args.Length > 1 && args[0] == "generate")
        {
            // Writes the generated design, to try the CLI on it: plumbline check big.yaml; with a size (components calls
            // [seed]), the generator's design at that size: `generate d400.yaml 400 1200 20261203` is the diagrams' 8x.
            File.WriteAllText(args[1], args.Length > 3
                ? DesignGenerator.Generate(int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture),
                    args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 20261203)
                : LoadInputs.Text(LoadInputs.GeneratedName));
            return 0;
        }

        if (args.Length > 1 && args[0] == "diagram-probe")
        {
            return DiagramProbe.Run(args);
        }

        if (args.Length > 0 && args[0] == "shapes")
        {
            return ShapeRuns.Run(args.Length > 1 ? args[1] : null);
        }

        if (args.Length > 1 && args[0] == "shapes-write")
        {
            return ShapeRuns.Write(args[1]);
        }

        if (args.Length > 1 && args[0] == "stages")
        {
            return CheckStages.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3, args.Length > 3 && args[3] == "types");
        }

        if (args.Length > 0 && args[0] == "sim")
        {
            return Simulation.SimulationBenchmark.Run(args);
        }

        if (args.Length > 0 && args[0] == "sim-pending")
        {
            return Simulation.SimulationBenchmark.RunPending(args);
        }

        if (args.Length > 0 && args[0] == "sim-design")
        {
            return Simulation.DesignBenchmark.Run(args);
        }

        if (args.Length > 0 && args[0] == "cold")
        {
            return LoadColdRuns.Run();
        }

        if (args.Length > 0 && args[0] == LoadColdRuns.ChildArgument)
        {
            return LoadColdRuns.Child();
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}

/// <summary>The quick harness's suites, in the order they run. Later stages add theirs here.</summary>
public static class QuickCases
{
    /// <summary>Each suite prepares its inputs (and checks them: a suite throws when an input is not clean).</summary>
    public static IReadOnlyList<Func<IEnumerable<QuickCase>>> Suites { get; } =
    [
        LoadQuickCases.Create,
        AnalysisQuickCases.Create,
        LatencyQuickCases.Create,
        ReportQuickCases.Create,
        DiagramQuickCases.Create,
    ];
}

/// <summary>One measurement of the quick harness.</summary>
/// <param name="Name">Shown in the table; the command line filter matches it (ordinal, case-insensitive).</param>
/// <param name="InputBytes">UTF-8 size of the design file the case works on: the base of the ratio columns.</param>
/// <param name="Run">The work timed. Its result is held while the retained size is measured, so return it.</param>
/// <param name="MaxMedianMs">The target for the median time, if the case has one; printed as met or missed.</param>
/// <param name="MaxRetainedPerInputByte">The target for kept (retained) bytes per input byte, if the case has one.</param>
public sealed record QuickCase(
    string Name,
    long InputBytes,
    Func<object?> Run,
    double? MaxMedianMs = null,
    double? MaxRetainedPerInputByte = null);

/// <summary>
/// The fast harness: per case, 3 warm-up runs, then 20 timed runs (median and p95), each after a full collection
/// that is not timed, then one more run for memory:
/// bytes allocated on this thread during the run (<see cref="GC.GetAllocatedBytesForCurrentThread"/>) and on all threads
/// (<see cref="GC.GetTotalAllocatedBytes(bool)"/>, precise), and bytes
/// still reachable while its result is held (<see cref="GC.GetTotalMemory(bool)"/> after a full collection, minus
/// the same before the run). Not a substitute for BenchmarkDotNet: one process, no outlier removal.
/// </summary>
public static class QuickHarness
{
    private const int WarmupRuns = 3;
    private const int TimedRuns = 20;

    public static int Run(IReadOnlyList<Func<IEnumerable<QuickCase>>> suites, string? filter)
    {
        ArgumentNullException.ThrowIfNull(suites);
        Console.WriteLine(Invariant($"Plumbline quick benchmarks: {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores"));
        Console.WriteLine(Invariant($"{WarmupRuns} warm-up runs, then {TimedRuns} timed runs; 'first' is the first warm-up run (includes JIT for code not run before)."));
        Console.WriteLine("cpu ms: process CPU time per run, all threads; gc ms: GC pause time per run; gc 0/1/2: collections per run");
        Console.WriteLine("(a gen1 collection also counts as gen0); alloc: allocated on this thread; all: allocated on all threads (work a case hands to");
        Console.WriteLine("other threads, such as a layout's parallel parts, included); kept: still reachable while the result is held.");
        Console.WriteLine();

        var results = new List<(QuickCase Case, Measurement Result)>();
        foreach (var suite in suites)
        {
            List<QuickCase> cases;
            try
            {
                cases = [.. suite()];
            }
            catch (InvalidOperationException ex)
            {
                // A benchmark of an input that does not load cleanly measures the error path: refuse it loudly.
                Console.Error.WriteLine("SETUP FAILED: " + ex.Message);
                return 2;
            }

            foreach (var c in cases.Where(c => filter is null || c.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)))
            {
                var result = Measure(c);
                results.Add((c, result));
                Print(c, result, header: results.Count == 1);
            }
        }

        Console.WriteLine();
        foreach (var (c, r) in results)
        {
            if (c.MaxMedianMs is { } ms)
            {
                Console.WriteLine(Invariant($"target {c.Name.Trim()}: median {r.MedianMs:0.0} ms < {ms:0} ms ... {(r.MedianMs < ms ? "met" : "MISSED")}"));
            }

            if (c.MaxRetainedPerInputByte is { } ratio)
            {
                var retained = (double)r.RetainedBytes / c.InputBytes;
                var allocated = (double)r.AllocatedBytes / c.InputBytes;
                Console.WriteLine(Invariant($"target {c.Name.Trim()}: kept {retained:0.0}x file size < {ratio:0}x ... {(retained < ratio ? "met" : "MISSED")} (allocated: {allocated:0.0}x)"));
            }
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine(Invariant($"process peak working set: {process.PeakWorkingSet64 / 1048576.0:0} MiB (runtime, JIT and every case included)"));
        return 0;
    }

    private static Measurement Measure(QuickCase c)
    {
        var first = Stopwatch.StartNew();
        GC.KeepAlive(c.Run());
        var firstMs = first.Elapsed.TotalMilliseconds;
        for (var i = 1; i < WarmupRuns; i++)
        {
            GC.KeepAlive(c.Run());
        }

        // CPU time (all threads, background GC included) reads truer than wall time on a busy shared machine;
        // GC pause time and collection counts show how much of a run is the collector's.
        var times = new double[TimedRuns];
        var cpu = new double[TimedRuns];
        var pauses = new double[TimedRuns];
        var collections = new int[3];
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < TimedRuns; i++)
        {
            // Each run starts from a collected heap, as BenchmarkDotNet's iterations do and as a fresh CLI process
            // would: otherwise one run's garbage, promoted by the next run's collections, is billed to that run.
            FullCollect();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var pauseBefore = GC.GetTotalPauseDuration();
            int[] countsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            var watch = Stopwatch.StartNew();
            var result = c.Run();
            times[i] = watch.Elapsed.TotalMilliseconds;
            pauses[i] = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
            for (var g = 0; g < collections.Length; g++)
            {
                collections[g] += GC.CollectionCount(g) - countsBefore[g];
            }

            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            GC.KeepAlive(result);
        }

        var gcPerRun = Invariant($"{collections[0] / (double)TimedRuns:0.#}/{collections[1] / (double)TimedRuns:0.#}/{collections[2] / (double)TimedRuns:0.#}");

        FullCollect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var allThreadsBefore = GC.GetTotalAllocatedBytes(precise: true);
        var held = c.Run();
        var allThreads = GC.GetTotalAllocatedBytes(precise: true) - allThreadsBefore;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(held);
        return new Measurement(firstMs, Median(times), P95(times), times.Max(), Median(cpu), Median(pauses), gcPerRun, allocated, allThreads, Math.Max(0, after - before));
    }

    private static void FullCollect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Nearest rank: of 20 runs, the 19th fastest.</summary>
    private static double P95(double[] values) => values.Order().ElementAt((int)Math.Ceiling(0.95 * values.Length) - 1);

    private static void Print(QuickCase c, Measurement r, bool header)
    {
        if (header)
        {
            Console.WriteLine(Invariant($"{"case",-50} {"file KB",8} {"first ms",9} {"median ms",10} {"p95 ms",7} {"max ms",7} {"cpu ms",7} {"gc ms",6} {"gc 0/1/2",9} {"alloc MB",9} {"alloc/file",10} {"all MB",8} {"kept MB",8} {"kept/file",9}"));
        }

        Console.WriteLine(Invariant(
            $"{c.Name,-50} {c.InputBytes / 1024.0,8:0.0} {r.FirstMs,9:0.0} {r.MedianMs,10:0.0} {r.P95Ms,7:0.0} {r.MaxMs,7:0.0} {r.CpuMs,7:0.0} {r.GcPauseMs,6:0.0} {r.GcPerRun,9} {r.AllocatedBytes / 1048576.0,9:0.0} {(double)r.AllocatedBytes / c.InputBytes,9:0.0}x {r.AllThreadsBytes / 1048576.0,8:0.0} {r.RetainedBytes / 1048576.0,8:0.0} {(double)r.RetainedBytes / c.InputBytes,8:0.0}x"));
    }

    /// <summary>Times in ms: cpu and gc are medians per run; GcPerRun is mean gen0/gen1/gen2 collections per run.</summary>
    private readonly record struct Measurement(
        double FirstMs, double MedianMs, double P95Ms, double MaxMs, double CpuMs, double GcPauseMs, string GcPerRun, long AllocatedBytes, long AllThreadsBytes, long RetainedBytes);
}
