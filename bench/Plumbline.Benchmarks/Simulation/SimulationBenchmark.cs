using System.Globalization;
using System.Runtime.InteropServices;
using Plumbline.Simulation.Queueing;
using Plumbline.Analysis.Latency;
using static System.FormattableString;

namespace Plumbline.Benchmarks.Simulation;

/// <summary>
/// <c>-- sim [rounds]</c>: the simulator's figures in one run (bench/README.md, "Simulation").
/// Each round times, one after the other so that machine noise hits them alike: the engine on M/M/c
/// (the product's <see cref="QueueingNetwork"/>), the hand-written minimal loop, SimPy 2.3 on the same model,
/// and the engine with 1 and with 10,000 stations (about 10 and about 100,000 pending events), and with
/// 100,000 idle timers. Rates are events per second of wall time and of this thread's CPU time; ratios are
/// taken within a round, then summarised over rounds (median, min, max).
/// Then, once: allocation per event and memory as the duration grows 10x; the future-event lists under the
/// hold model at 10 and 100,000 pending.
/// </summary>
public static class SimulationBenchmark
{
    private const double Lambda = 9000;
    private const int Servers = 10;
    private const double Mu = 1000;
    private const double EngineDuration = 1000;   // simulated seconds: about 18 M events
    private const double SimPyDuration = 20;      // about 360,000 events
    private const int ParallelStations = 10_000;

    // One station with so many servers that about 100,000 departures are pending (rho = 0.9 keeps 99,000 busy): the
    // same M/M/c, its one station's state small and hot, so what changes from c = 10 is the future-event list alone.
    private const int ManyServers = 110_000;
    private const double ManyServersDuration = EngineDuration * Servers / ManyServers; // the same ~18 M events

    public static int Run(string[] args)
    {
        var rounds = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var r) ? r : 5;
        Console.WriteLine(Invariant($"Plumbline simulation benchmark: {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores"));
        Console.WriteLine($"load average at start: {LoadAverage()}");
        var simpyMissing = SimPyPeer.Unavailable();
        Console.WriteLine(simpyMissing is null ? $"SimPy {SimPyPeer.Version()} under {SimPyPeer.Python}" : "SimPy: not measured: " + simpyMissing);
        Console.WriteLine(Invariant($"M/M/c: lambda {Lambda}/s, c = {Servers}, mu {Mu}/s, FIFO; an event is one arrival or one departure; {rounds} rounds"));
        Console.WriteLine("rates in millions of events per second, wall / thread CPU");
        Console.WriteLine();

        // Warm-up: every path reaches optimised code (tiered compilation) before anything is timed.
        for (var i = 0; i < 3; i++)
        {
            EngineMmc(20, 99);
            Minimal(20, 99);
            Parallel(1, 0, 2, 99);
            Parallel(ParallelStations, 0, 0.002, 99);
            Parallel(1, 100_000, 2, 99);
            Parallel(1, 0, 13, 99, timeout: 11);
            Parallel(1, 0, 13, 99, timeout: 11, onChannel: true);
            MinimalMany(1, 2, 99);
            MinimalMany(ParallelStations, 0.002, 99);
            Parallel(1, 0, 0.0002, 99, servers: ManyServers);
            MinimalMany(1, 0.0002, 99, ManyServers);
        }

        var rows = new List<Round>();
        for (var round = 0; round < rounds; round++)
        {
            var seed = (ulong)(round + 1);
            var row = new Round(
                EngineMmc(EngineDuration, seed),
                Minimal(EngineDuration, seed),
                simpyMissing is null ? SimPy(seed) : new Rate(0, double.NaN, double.NaN, double.NaN),
                Parallel(1, 0, EngineDuration, seed),
                Parallel(ParallelStations, 0, EngineDuration / ParallelStations, seed),
                Parallel(1, 100_000, EngineDuration, seed),
                Parallel(1, 0, EngineDuration, seed, timeout: 11),
                Parallel(1, 0, EngineDuration, seed, timeout: 11, onChannel: true),
                MinimalMany(1, EngineDuration, seed),
                MinimalMany(ParallelStations, EngineDuration / ParallelStations, seed),
                Parallel(1, 0, ManyServersDuration, seed, servers: ManyServers),
                MinimalMany(1, ManyServersDuration, seed, ManyServers));
            rows.Add(row);
            Console.WriteLine(Invariant($"round {round + 1}: engine {row.Engine}, minimal loop {row.Minimal}, SimPy {row.SimPy}"));
            Console.WriteLine(Invariant($"         1 station {row.OneStation}, {ParallelStations:N0} stations {row.ManyStations} ({row.ManyStations.Pending:N0} pending), 1 station + 100,000 idle timers {row.IdleTimers}, 1 station + an 11 s timeout per arrival in the list {row.Timeouts} ({row.Timeouts.Pending:N0} pending), on a channel {row.ChannelTimeouts} ({row.ChannelTimeouts.Pending:N0} pending)"));
            Console.WriteLine(Invariant($"         minimal loop with stations: 1 station {row.MinimalOne}, {ParallelStations:N0} stations {row.MinimalMany} ({row.MinimalMany.Pending:N0} pending)"));
            Console.WriteLine(Invariant($"         1 station, c = {ManyServers:N0}: engine {row.ManyServers} ({row.ManyServers.Pending:N0} pending), minimal loop {row.MinimalManyServers} ({row.MinimalManyServers.Pending:N0} pending); mean wait {row.ManyServers.MeanWait * 1e3:0.0000} ms"));
            Console.WriteLine(Invariant($"         mean wait (theory 0.6687 ms): engine {row.Engine.MeanWait * 1e3:0.0000} ms, minimal {row.Minimal.MeanWait * 1e3:0.0000} ms, SimPy {row.SimPy.MeanWait * 1e3:0.0000} ms (a shorter run)"));
        }

        Console.WriteLine();
        Console.WriteLine("summary over rounds: median [min .. max]; ratios are taken within each round");
        Console.WriteLine(Invariant($"  {"",-58} {"wall",-26} {"thread CPU",-26}"));
        Summary("engine, M/M/c (M events/s)", rows, x => x.Engine.Wall / 1e6, x => x.Engine.Cpu / 1e6);
        Summary("minimal hand-written loop (M events/s)", rows, x => x.Minimal.Wall / 1e6, x => x.Minimal.Cpu / 1e6);
        Summary("SimPy 2.3 (M events/s)", rows, x => x.SimPy.Wall / 1e6, x => x.SimPy.Cpu / 1e6);
        Summary("engine / SimPy", rows, x => x.Engine.Wall / x.SimPy.Wall, x => x.Engine.Cpu / x.SimPy.Cpu);
        Summary("engine / minimal loop", rows, x => x.Engine.Wall / x.Minimal.Wall, x => x.Engine.Cpu / x.Minimal.Cpu);
        Summary("1 station / 10,000 stations (~10 vs ~100,000 pending)", rows, x => x.OneStation.Wall / x.ManyStations.Wall, x => x.OneStation.Cpu / x.ManyStations.Cpu);
        Summary("minimal loop: 1 station / 10,000 stations (memory's share)", rows, x => x.MinimalOne.Wall / x.MinimalMany.Wall, x => x.MinimalOne.Cpu / x.MinimalMany.Cpu);
        Summary("engine / minimal loop, 10,000 stations", rows, x => x.ManyStations.Wall / x.MinimalMany.Wall, x => x.ManyStations.Cpu / x.MinimalMany.Cpu);
        Summary("1 station / c = 110,000 (~10 vs ~99,000 pending)", rows, x => x.OneStation.Wall / x.ManyServers.Wall, x => x.OneStation.Cpu / x.ManyServers.Cpu);
        Summary("engine, M/M/c / c = 110,000 (the target's reading)", rows, x => x.Engine.Wall / x.ManyServers.Wall, x => x.Engine.Cpu / x.ManyServers.Cpu);
        Summary("minimal loop: c = 10 / c = 110,000 (the list's share)", rows, x => x.MinimalOne.Wall / x.MinimalManyServers.Wall, x => x.MinimalOne.Cpu / x.MinimalManyServers.Cpu);
        Summary("engine / minimal loop, c = 110,000", rows, x => x.ManyServers.Wall / x.MinimalManyServers.Wall, x => x.ManyServers.Cpu / x.MinimalManyServers.Cpu);
        Summary("1 station / 1 station + 100,000 idle timers", rows, x => x.OneStation.Wall / x.IdleTimers.Wall, x => x.OneStation.Cpu / x.IdleTimers.Cpu);
        Summary("1 station / 1 station + 11 s timeout per arrival, in the list", rows, x => x.OneStation.Wall / x.Timeouts.Wall, x => x.OneStation.Cpu / x.Timeouts.Cpu);
        Summary("1 station / 1 station + 11 s timeout per arrival, on a channel", rows, x => x.OneStation.Wall / x.ChannelTimeouts.Wall, x => x.OneStation.Cpu / x.ChannelTimeouts.Cpu);
        if (rows.Count > 1)
        {
            Console.WriteLine(Invariant($"noise: the engine's fastest round was {(rows.Max(x => x.Engine.Wall) / rows.Min(x => x.Engine.Wall)) - 1:P0} faster than its slowest (wall), {(rows.Max(x => x.Engine.Cpu) / rows.Min(x => x.Engine.Cpu)) - 1:P0} (CPU)"));
        }

        Console.WriteLine();
        Memory();
        Console.WriteLine();
        EventLists();
        Console.WriteLine($"load average at end: {LoadAverage()}");
        return 0;
    }

    private static Rate EngineMmc(double duration, ulong seed)
    {
        var network = new QueueingNetwork(Lambda, [new StationSpec(Servers, ServiceTime.Exponential(1 / Mu))], seed);
        var clock = ThreadClock.Start();
        var result = network.Run(duration);
        var (wall, cpu) = clock.Elapsed();
        return new Rate(result.Events, wall, cpu, result.Stations[0].MeanWait);
    }

    private static Rate Minimal(double duration, ulong seed)
    {
        var clock = ThreadClock.Start();
        var (events, wait) = MinimalMmc.Run(Lambda, Servers, Mu, duration, seed);
        var (wall, cpu) = clock.Elapsed();
        return new Rate(events, wall, cpu, wait);
    }

    private static Rate SimPy(ulong seed)
    {
        var (events, seconds, cpu, wait) = SimPyPeer.Run(Lambda, Servers, Mu, SimPyDuration, seed);
        return new Rate(events, seconds, cpu, wait);
    }

    private static Rate Parallel(int stations, int idleTimers, double duration, ulong seed, double timeout = 0, bool onChannel = false, int servers = Servers)
    {
        // The same load per server (rho = 0.9) whatever the servers.
        var model = new ParallelMmc(stations, Lambda * servers / Servers, servers, Mu, seed, idleTimers, timeout, onChannel);
        // The first 10% (or the first timeout and a bit) fills the stations and the list; only the rest is timed.
        var fill = Math.Max(duration * 0.1, timeout * 1.1);
        model.Run(fill);
        var before = model.ModelEvents;
        var clock = ThreadClock.Start();
        model.Run(fill + duration);
        var (wall, cpu) = clock.Elapsed();
        var events = model.ModelEvents - before;
        return new Rate(events, wall, cpu, model.MeanWait, model.Simulator.Pending);
    }

    private static Rate MinimalMany(int stations, double duration, ulong seed, int servers = Servers)
    {
        var model = new MinimalStations(stations, Lambda * servers / Servers, servers, Mu, seed);
        var fill = duration * 0.1;
        model.Run(fill);
        var before = model.Events;
        var clock = ThreadClock.Start();
        model.Run(fill + duration);
        var (wall, cpu) = clock.Elapsed();
        return new Rate(model.Events - before, wall, cpu, model.MeanWait, model.Pending);
    }

    /// <summary>
    /// <c>-- sim-pending [rounds]</c>: only the many-pending comparison (engine and minimal loop, 1 and 10,000 stations)
    /// and the hold model, for working on the event list.
    /// </summary>
    public static int RunPending(string[] args)
    {
        var rounds = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var r) ? r : 3;
        Console.WriteLine($"load average at start: {LoadAverage()}");
        for (var i = 0; i < 3; i++)
        {
            Parallel(1, 0, 2, 99);
            Parallel(ParallelStations, 0, 0.002, 99);
            MinimalMany(1, 2, 99);
            MinimalMany(ParallelStations, 0.002, 99);
            Parallel(1, 0, 0.0002, 99, servers: ManyServers);
            MinimalMany(1, 0.0002, 99, ManyServers);
        }

        for (var round = 0; round < rounds; round++)
        {
            var seed = (ulong)(round + 1);
            var one = Parallel(1, 0, EngineDuration, seed);
            var many = Parallel(ParallelStations, 0, EngineDuration / ParallelStations, seed);
            var minOne = MinimalMany(1, EngineDuration, seed);
            var minMany = MinimalMany(ParallelStations, EngineDuration / ParallelStations, seed);
            var big = Parallel(1, 0, ManyServersDuration, seed, servers: ManyServers);
            var minBig = MinimalMany(1, ManyServersDuration, seed, ManyServers);
            Console.WriteLine(Invariant($"round {round + 1}: engine 1 station {one}, 10,000 {many} ({many.Pending:N0} pending): {one.Cpu / many.Cpu:0.00}x; minimal 1 station {minOne}, 10,000 {minMany}: {minOne.Cpu / minMany.Cpu:0.00}x; engine / minimal at 10,000 {many.Cpu / minMany.Cpu:0.00}, at 1 {one.Cpu / minOne.Cpu:0.00}; waits {one.MeanWait * 1e3:0.0000} {many.MeanWait * 1e3:0.0000} {minMany.MeanWait * 1e3:0.0000} ms"));
            Console.WriteLine(Invariant($"         c = {ManyServers:N0}: engine {big} ({big.Pending:N0} pending): {one.Cpu / big.Cpu:0.00}x; minimal {minBig} ({minBig.Pending:N0} pending): {minOne.Cpu / minBig.Cpu:0.00}x; engine / minimal {big.Cpu / minBig.Cpu:0.00}"));
        }

        if (!args.Contains("no-hold"))
        {
            // A size among the arguments (after the rounds) limits the hold model to it.
            var sizes = args.Skip(2).Select(a => int.TryParse(a, CultureInfo.InvariantCulture, out var n) ? n : 0).Where(n => n > 0).ToArray();
            EventLists(sizes.Length > 0 ? sizes : null);
        }

        Console.WriteLine($"load average at end: {LoadAverage()}");
        return 0;
    }

    private static void Memory()
    {
        Console.WriteLine("memory: the engine's M/M/c run (QueueingNetwork.Run), allocated on this thread and kept after the run");
        foreach (var duration in new[] { 100.0, 1000.0 })
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetTotalMemory(true);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var network = new QueueingNetwork(Lambda, [new StationSpec(Servers, ServiceTime.Exponential(1 / Mu))], 7);
            var result = network.Run(duration);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            var kept = GC.GetTotalMemory(true) - before;
            GC.KeepAlive(network);
            Console.WriteLine(Invariant($"  {duration,6:0} s simulated: {result.Events,12:N0} events, allocated {allocated,9:N0} bytes ({(double)allocated / result.Events:0.000000} bytes/event), kept {kept,9:N0} bytes"));
        }
    }

    private static void EventLists(int[]? sizes = null)
    {
        Console.WriteLine("future-event lists, hold model (remove the earliest, insert it again Exp(1) later), ns of thread CPU per hold, 3 runs: median [min .. max]");
        foreach (var pending in sizes ?? [10, 1_000, 10_000, 100_000])
        {
            var holds = pending <= 10 ? 20_000_000L : pending < 100_000 ? 3_000_000L : 5_000_000L;
            var runs = Enumerable.Range(0, 3).Select(i => HoldModel.Measure(pending, holds, (ulong)(i + 1))).ToList();
            Console.WriteLine(Invariant($"  {pending:N0} pending, {holds:N0} holds"));
            for (var k = 0; k < runs[0].Count; k++)
            {
                var values = runs.Select(r => r[k].NsPerHold).Order().ToList();
                Console.WriteLine(Invariant($"    {runs[0][k].List,-40} {values[1],7:0.0} [{values[0]:0.0} .. {values[^1]:0.0}]"));
            }
        }
    }

    private static void Summary(string name, List<Round> rows, Func<Round, double> wall, Func<Round, double> cpu) =>
        Console.WriteLine(Invariant($"  {name,-58} {Spread(rows.Select(wall)),-26} {Spread(rows.Select(cpu)),-26}"));

    private static string Spread(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToList();
        if (sorted.Count == 0)
        {
            return "not measured";
        }

        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        return Invariant($"{median:0.00} [{sorted[0]:0.00} .. {sorted[^1]:0.00}]");
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>Events over wall and thread-CPU seconds.</summary>
    private readonly record struct Rate(long Events, double WallSeconds, double CpuSeconds, double MeanWait, int Pending = 0)
    {
        public double Wall => Events / WallSeconds;

        public double Cpu => Events / CpuSeconds;

        public override string ToString() => Invariant($"{Wall / 1e6:0.00} / {Cpu / 1e6:0.00}");
    }

    private sealed record Round(Rate Engine, Rate Minimal, Rate SimPy, Rate OneStation, Rate ManyStations, Rate IdleTimers, Rate Timeouts, Rate ChannelTimeouts, Rate MinimalOne, Rate MinimalMany, Rate ManyServers, Rate MinimalManyServers);
}
