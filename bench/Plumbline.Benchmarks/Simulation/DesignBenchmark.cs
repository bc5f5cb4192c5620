using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Plumbline.Design.Loading;
using Plumbline.Simulation.Designs;
using static System.FormattableString;

namespace Plumbline.Benchmarks.Simulation;

/// <summary>
/// <c>-- sim-design [rounds]</c>: a design simulated (bench/README.md, "Simulating a design"). The URL-shortener example
/// at its peak for one simulated hour, 8 replications on every core, as <c>plumbline simulate --load peak --duration 1h
/// --replications 8</c> runs it; then one replication alone, on one core, for its events per second of thread CPU.
/// </summary>
public static class DesignBenchmark
{
    /// <summary>The target: one simulated hour at peak with 8 replications, in under this many seconds of wall time.</summary>
    public const double TargetSeconds = 20;

    public static int Run(string[] args)
    {
        var rounds = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var r) ? r : 3;
        var onlyOneCore = args.Contains("one"); // -- sim-design N one: only the replication on one core
        Console.WriteLine(Invariant($"Plumbline design simulation benchmark: {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, load average at start {LoadAverage()}"));
        var loaded = DesignLoader.LoadText("url-shortener.yaml", Example());
        if (!loaded.Success || loaded.Design is null)
        {
            Console.Error.WriteLine("the URL-shortener example did not load");
            return 1;
        }

        var design = loaded.Design;
        var hour = new SimulationOptions(Duration: 3600, WarmUp: 5, Load: SimulatedLoad.Peak);
        var model = DesignModel.Compile(design, hour);

        // Warm-up: every path reaches optimised code before anything is timed.
        DesignSimulation.Run(model, SimulationScenario.Steady, hour with { Duration = 60 }, 2);

        var walls = new List<double>();
        var perCore = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var options = hour with { Seed = (ulong)(round + 1) };
            var single = ThreadClock.Start();
            var one = DesignSimulation.Run(model, SimulationScenario.Steady, options with { Duration = 600 }, 1, parallelism: 1);
            var (oneWall, oneCpu) = single.Elapsed();
            var oneEvents = one.Runs[0].Events;
            perCore.Add(oneEvents / oneCpu);
            if (onlyOneCore)
            {
                Console.WriteLine(Invariant($"round {round + 1}: 1 replication of 10 min on one core: {oneEvents / oneCpu / 1e6:0.00} M events/s of thread CPU ({oneEvents / oneWall / 1e6:0.00} wall)"));
                continue;
            }

            var clock = ThreadClock.Start();
            var eight = DesignSimulation.Run(model, SimulationScenario.Steady, options, 8);
            var (wall, _) = clock.Elapsed();
            var events = eight.Runs.Sum(x => x.Events);
            walls.Add(wall);
            var redirect = eight.Workflows[0];
            Console.WriteLine(Invariant($"round {round + 1}: 1h at peak x 8 replications in {wall:0.00} s wall ({events / 1e6:0.0} M events, {events / wall / 1e6:0.00} M/s); ") +
                Invariant($"1 replication of 10 min on one core: {oneEvents / oneCpu / 1e6:0.00} M events/s of thread CPU ({oneEvents / oneWall / 1e6:0.00} wall); ") +
                Invariant($"redirect p99 {redirect.Latency.P99 * 1e3:0.00} ms over {redirect.Requests / 1e6:0.0} M requests"));
        }

        walls.Sort();
        perCore.Sort();
        Console.WriteLine();
        if (walls.Count > 0)
        {
            var median = walls[walls.Count / 2];
            Console.WriteLine(Invariant($"1h of url-shortener at peak, 8 replications: median {median:0.00} s wall [{walls[0]:0.00} .. {walls[^1]:0.00}]; target under {TargetSeconds} s: {(median < TargetSeconds ? "met" : "MISSED")}"));
        }

        Console.WriteLine(Invariant($"one replication, one core: median {perCore[perCore.Count / 2] / 1e6:0.00} M events/s of thread CPU [{perCore[0] / 1e6:0.00} .. {perCore[^1] / 1e6:0.00}]"));
        Console.WriteLine($"load average at end: {LoadAverage()}");
        return 0;
    }

    private static string Example()
    {
        using var stream = typeof(DesignBenchmark).Assembly.GetManifestResourceStream("examples/url-shortener.yaml")
            ?? throw new InvalidOperationException("examples/url-shortener.yaml is not embedded; see Plumbline.Benchmarks.csproj");
        using var reader = new StreamReader(stream, new UTF8Encoding(false, true));
        return reader.ReadToEnd();
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
