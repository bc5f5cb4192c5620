using System.Diagnostics;
using System.Globalization;
using System.Text;
using static System.FormattableString;

namespace Plumbline.Benchmarks;

/// <summary>
/// The design shapes that once cost minutes and gigabytes, each at 1x, 2x, 4x and 8x, where 8x is at (or just
/// under) the design limits of docs/format.md. The point is the growth from 1x to 8x: near-linear, with 8x
/// checked in under 2 s and 1 GB.
/// </summary>
public static class PathologicalShapes
{
    /// <summary>The sizes each shape is measured at.</summary>
    public static readonly int[] Scales = [1, 2, 4, 8];

    /// <summary>The shapes by name, each a function from scale to design text.</summary>
    public static IReadOnlyList<(string Name, string What, Func<int, string> Design)> All { get; } =
    [
        ("queue-fanout", "one queue with 110 x sqrt(s) operations and as many consumers, so its deliveries grow as s (8x: 311 x 311 = 96,721, under the 100,000 limit)", QueueFanOut),
        ("workflows-one-service", "125 x s workflows, each entering its own operation of one service (8x: 1,000)", WorkflowsOnOneService),
        ("retry-chains", "125 x s / 8 chains of 64 services, each calling the next with retries: 1 (8x: 125 chains, 8,000 operations, at the limit)", RetryChains),
        ("retry-chains-long-names", "retry-chains with every component name 100 characters and every operation name 97, the longest the format allows (8x: 4.19 MB, the largest file read is 4 MiB)", s => RetryChains(s, 100, 97)),
        ("retry-chains-own-latency", "retry-chains with every operation stating its own p50 and p99, no two alike, so no two operations share a latency composition (8x: 8,000 distinct own times)", s => RetryChains(s, 0, 0, ownLatency: true)),
        ("everyone-reaches-everything", "125 x sqrt(s) workflows, each reaching one hub that fans out to 990 x sqrt(s) operations, so the operations they reach grow as s (8x: 354 x 2,802 = 991,908, under the 1,000,000 limit)", FanOutReach),
        ("retried-fan-out", "35 x sqrt(s) operations, each making as many calls with retries: 2, each callee calling a store with retries: 1, so the attempts composed grow as s (8x: 99 x 99 + 99 = 9,900 calls, under the 10,000 limit)", RetriedFanOut),
        ("generated", "the benchmark generator's design at 100 x s components and 1,000 x s calls (8x: 800 components, 8,000 calls)", s => DesignGenerator.Generate(100 * s, 1_000 * s, 20261203)),
        ("internet-workflows", "125 x s workflows from an untrusted persona, each through a gateway and a service to its own confidential entity in one store: every threat rule on flows, entries and assets has work (8x: 1,000 workflows, 3,000 flows)", InternetWorkflows),
    ];

    /// <summary>A queue whose every operation is delivered to every consumer: one edge per operation x consumer, bounded by the deliveries limit.</summary>
    public static string QueueFanOut(int scale)
    {
        var n = (int)Math.Round(110 * Math.Sqrt(scale));
        var sb = Header("queue-fanout");
        sb.Append("workflows:\n  publish:\n    entry: api.publish\n    rate: 100/s\n    type: write\ncomponents:\n");
        sb.Append("  api:\n    kind: service\n    instances: 2\n    capacity: 1000/s\n    operations:\n      publish:\n        calls:\n");
        sb.Append("          - { to: q.op0, async: true }\n");
        sb.Append("  q:\n    kind: queue\n    dead_letter: true\n    consumers: [").AppendJoin(", ", Enumerable.Range(0, n).Select(i => Invariant($"w{i}.handle"))).Append("]\n    operations:\n");
        for (var i = 0; i < n; i++)
        {
            sb.Append(Invariant($"      op{i}: {{}}\n"));
        }

        for (var i = 0; i < n; i++)
        {
            sb.Append(Invariant($"  w{i}:\n    kind: worker\n    capacity: 100/s\n    operations: {{ handle: {{}} }}\n"));
        }

        return sb.ToString();
    }

    /// <summary>Many workflows entering one service, each at its own operation: once a dense array per workflow per operation.</summary>
    public static string WorkflowsOnOneService(int scale)
    {
        var n = 125 * scale;
        var sb = Header("workflows-one-service");
        sb.Append("workflows:\n");
        for (var i = 0; i < n; i++)
        {
            sb.Append(Invariant($"  f{i}: {{ entry: api.op{i}, rate: 1/s }}\n"));
        }

        sb.Append("components:\n  api:\n    kind: service\n    instances: 3\n    capacity: 5000/s\n    operations:\n");
        for (var i = 0; i < n; i++)
        {
            sb.Append(Invariant($"      op{i}: {{ calls: [{{ to: db.query, timeout: 100ms }}] }}\n"));
        }

        sb.Append("  db:\n    kind: database\n    model: oltp\n    instances: 3\n    capacity: 20000/s\n    operations: { query: {} }\n");
        return sb.ToString();
    }

    /// <summary>Chains of services at the depth limit, each call retried once: once each path rebuilt by inserting at its front.</summary>
    public static string RetryChains(int scale) => RetryChains(scale, 0, 0);

    /// <summary>
    /// <see cref="RetryChains(int)"/> with component names padded to <paramref name="nameLength"/> characters and the
    /// operation named with <paramref name="operationLength"/> characters (0: the short names): the same design in more bytes.
    /// </summary>
    public static string RetryChains(int scale, int nameLength, int operationLength) => RetryChains(scale, nameLength, operationLength, ownLatency: false);

    /// <summary>
    /// <see cref="RetryChains(int, int, int)"/>, and with <paramref name="ownLatency"/> every operation states its own
    /// p50 and p99 (operation i: p50 1,000 + i us, p99 5,000 + 3i us), so no two own times, and no two compositions, are alike.
    /// </summary>
    public static string RetryChains(int scale, int nameLength, int operationLength, bool ownLatency)
    {
        const int depth = 64;
        var chains = 125 * scale / 8;
        var op = operationLength > 0 ? new string('o', operationLength) : "op";
        string Name(int c, int s)
        {
            var name = Invariant($"c{c}s{s}");
            return nameLength > name.Length + 1 ? name + "-" + new string('x', nameLength - name.Length - 1) : name;
        }

        var sb = Header("retry-chains");
        sb.Append("workflows:\n");
        for (var c = 0; c < chains; c++)
        {
            sb.Append(Invariant($"  f{c}: {{ entry: {Name(c, 0)}.{op}, rate: 1/s }}\n"));
        }

        sb.Append("components:\n");
        for (var c = 0; c < chains; c++)
        {
            for (var s = 0; s < depth; s++)
            {
                var i = (c * depth) + s;
                var latency = ownLatency ? Invariant($"latency: {{ p50: {1_000 + i}us, p99: {5_000 + (3 * i)}us }}") : string.Empty;
                var calls = s + 1 < depth ? Invariant($"calls: [{{ to: {Name(c, s + 1)}.{op}, timeout: {depth - s}s, retries: 1 }}]") : string.Empty;
                var call = "{ " + string.Join(", ", new[] { latency, calls }.Where(p => p.Length > 0)) + " }";
                call = call == "{  }" ? "{}" : call;
                sb.Append(Invariant($"  {Name(c, s)}:\n    kind: service\n    instances: 2\n    capacity: 100/s\n    operations: {{ {op}: {call} }}\n"));
            }
        }

        return sb.ToString();
    }

    /// <summary>An operation making many retried calls: each attempt is a composition of its caller's latency, so this is what the latency grid is sized by.</summary>
    public static string RetriedFanOut(int scale)
    {
        var n = (int)Math.Round(35 * Math.Sqrt(scale));
        var sb = Header("retried-fan-out");
        sb.Append("workflows:\n");
        for (var i = 0; i < n; i++)
        {
            sb.Append(Invariant($"  f{i}: {{ entry: a.op{i}, rate: 1/s }}\n"));
        }

        sb.Append("components:\n  a:\n    kind: service\n    instances: 2\n    capacity: 1000/s\n    operations:\n");
        for (var i = 0; i < n; i++)
        {
            sb.Append(Invariant($"      op{i}:\n        calls:\n"));
            for (var j = 0; j < n; j++)
            {
                sb.Append(Invariant($"          - {{ to: b.op{((i * 7) + j) % n}, timeout: 1s, retries: 2 }}\n"));
            }
        }

        sb.Append("  b:\n    kind: service\n    instances: 2\n    capacity: 100000/s\n    operations:\n");
        for (var j = 0; j < n; j++)
        {
            sb.Append(Invariant($"      op{j}: {{ calls: [{{ to: db.op, timeout: 200ms, retries: 1 }}] }}\n"));
        }

        sb.Append("  db:\n    kind: database\n    model: oltp\n    instances: 3\n    capacity: 20000/s\n    operations: { op: {} }\n");
        return sb.ToString();
    }

    /// <summary>Every workflow reaches every operation: the per-workflow facts are as large as they can be.</summary>
    public static string FanOutReach(int scale)
    {
        var workflows = (int)Math.Round(125 * Math.Sqrt(scale));
        var backends = (int)Math.Round(990 * Math.Sqrt(scale));
        var sb = Header("everyone-reaches-everything");
        sb.Append("workflows:\n");
        for (var i = 0; i < workflows; i++)
        {
            sb.Append(Invariant($"  f{i}: {{ entry: gw.op{i}, rate: 1/s }}\n"));
        }

        sb.Append("components:\n  gw:\n    kind: gateway\n    instances: 2\n    capacity: 100000/s\n    operations:\n");
        for (var i = 0; i < workflows; i++)
        {
            sb.Append(Invariant($"      op{i}: {{ calls: [{{ to: hub.all, timeout: 1s }}] }}\n"));
        }

        sb.Append("  hub:\n    kind: service\n    instances: 2\n    capacity: 100000/s\n    operations:\n      all:\n        calls:\n");
        for (var b = 0; b < backends; b++)
        {
            sb.Append(Invariant($"          - {{ to: be.op{b}, timeout: 100ms, probability: 0.001 }}\n"));
        }

        sb.Append("  be:\n    kind: service\n    instances: 2\n    capacity: 100000/s\n    operations:\n");
        for (var b = 0; b < backends; b++)
        {
            sb.Append(Invariant($"      op{b}: {{}}\n"));
        }

        return sb.ToString();
    }

    /// <summary>Many internet-facing workflows, each with its own entity: the threat model's flows, entries and assets all grow as s.</summary>
    public static string InternetWorkflows(int scale)
    {
        var n = 125 * scale;
        var sb = Header("internet-workflows");
        sb.Append("  personas:\n    - name: user\n      workflows: [").AppendJoin(", ", Enumerable.Range(0, n).Select(i => Invariant($"w{i}"))).Append("]\nworkflows:\n");
        for (var i = 0; i < n; i++)
        {
            sb.Append(Invariant($"  w{i}: {{ entry: gw.op{i}, rate: 1/s }}\n"));
        }

        sb.Append("data:\n");
        for (var i = 0; i < n; i++)
        {
            sb.Append(Invariant($"  - {{ entity: E{i}, owner: db, classification: confidential, retention: 1y }}\n"));
        }

        sb.Append("components:\n  gw:\n    kind: gateway\n    instances: 2\n    capacity: 100000/s\n    operations:\n");
        for (var i = 0; i < n; i++)
        {
            sb.Append(Invariant($"      op{i}: {{ calls: [{{ to: api.op{i}, timeout: 1s }}] }}\n"));
        }

        sb.Append("  api:\n    kind: service\n    instances: 2\n    capacity: 100000/s\n    operations:\n");
        for (var i = 0; i < n; i++)
        {
            sb.Append(Invariant($"      op{i}: {{ calls: [{{ to: db.get_e{i}, timeout: 1s }}] }}\n"));
        }

        sb.Append("  db:\n    kind: database\n    instances: 2\n    capacity: 100000/s\n    operations:\n");
        for (var i = 0; i < n; i++)
        {
            sb.Append(Invariant($"      get_e{i}: {{ type: read }}\n"));
        }

        sb.Append("security:\n  boundaries:\n    - { name: internet, contains: [user], trusted: false }\n    - { name: private, contains: [gw, api, db] }\n");
        return sb.ToString();
    }

    private static StringBuilder Header(string name) =>
        new StringBuilder("plumbline: 1\nsystem:\n  name: ").Append(name).Append("\nrequirements:\n  peak_to_average: 3\n  growth: 50%/year\n");
}

/// <summary>
/// <c>shapes [filter]</c>: writes each pathological shape at each scale and runs the CLI on it (<c>validate</c>,
/// <c>estimate</c>, <c>estimate --sensitivity</c>, <c>check</c>, <c>threats</c>) under <c>/usr/bin/time</c>, printing wall time, CPU time and peak
/// resident memory per command. The CLI is <c>.plumbline/bin/plumbline</c> (build it with <c>./plumbline --version</c>)
/// or the path in PLUMBLINE_CLI (a <c>.dll</c> runs with <c>dotnet</c>). A command is stopped after 120 s.
/// <c>shapes-write FOLDER</c> writes the designs only, to run another build on them.
/// </summary>
public static class ShapeRuns
{
    private static readonly string[][] Commands = [["validate"], ["estimate"], ["estimate", "--sensitivity"], ["check", "--today", "2026-11-25", "--fail-on", "none"], ["threats", "--today", "2026-11-25", "--fail-on", "none"]];

    public static int Run(string? filter)
    {
        var cli = Environment.GetEnvironmentVariable("PLUMBLINE_CLI") is { Length: > 0 } given ? given : FindCli();
        if (cli is null || !File.Exists(cli))
        {
            Console.Error.WriteLine("shapes: no native CLI found; run ./plumbline --version at the repository root first, or set PLUMBLINE_CLI");
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("plumbline-shapes-").FullName;
        try
        {
            Console.WriteLine(Invariant($"CLI: {cli}; {Environment.ProcessorCount} cores; wall time (s), CPU time (user + system, s) and peak resident memory (MiB) per command, from /usr/bin/time"));
            Console.WriteLine(Invariant($"{"shape",-28} {"scale",5} {"file KB",8} {"ops",6} {"command",-22} {"exit",4} {"time s",7} {"cpu s",7} {"peak MiB",9}"));
            foreach (var (name, _, design) in PathologicalShapes.All.Where(s => filter is null || s.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)))
            {
                foreach (var scale in PathologicalShapes.Scales)
                {
                    var text = design(scale);
                    var path = Path.Combine(folder, Invariant($"{name}-{scale}x.yaml"));
                    File.WriteAllText(path, text);
                    var operations = text.Split('\n').Count(l => l.StartsWith("      op", StringComparison.Ordinal) || l.StartsWith("    operations: {", StringComparison.Ordinal));
                    foreach (var command in Commands)
                    {
                        var (exit, seconds, cpu, peakKb) = Time(cli, [command[0], path, .. command.Skip(1)]);
                        Console.WriteLine(Invariant(
                            $"{name,-28} {scale + "x",5} {text.Length / 1024.0,8:0} {operations,6} {string.Join(' ', command.Take(2)),-22} {exit,4} {seconds,7:0.00} {cpu,7:0.00} {peakKb / 1024.0,9:0}"));
                    }
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    /// <summary>Writes every shape at every scale into <paramref name="folder"/>, named <c>shape-Nx.yaml</c>.</summary>
    public static int Write(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, _, design) in PathologicalShapes.All)
        {
            foreach (var scale in PathologicalShapes.Scales)
            {
                File.WriteAllText(Path.Combine(folder, Invariant($"{name}-{scale}x.yaml")), design(scale));
            }
        }

        return 0;
    }

    private static (string Exit, double Seconds, double Cpu, long PeakKb) Time(string cli, string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] command = cli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ["dotnet", cli] : [cli];
        foreach (var a in (string[])["-f", "TIME %e %U %S %M", "timeout", "-s", "KILL", "120", .. command, .. args])
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;
        var line = stderr.Split('\n').LastOrDefault(l => l.StartsWith("TIME ", StringComparison.Ordinal));
        if (line is null)
        {
            return ("?", double.NaN, double.NaN, 0);
        }

        var parts = line.Split(' ');
        var exit = process.ExitCode == 137 ? "kill" : process.ExitCode.ToString(CultureInfo.InvariantCulture);
        double Seconds(int i) => double.Parse(parts[i], CultureInfo.InvariantCulture);
        return (exit, Seconds(1), Seconds(2) + Seconds(3), long.Parse(parts[4], CultureInfo.InvariantCulture));
    }

    private static string? FindCli()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Plumbline.slnx")))
            {
                return Path.Combine(dir.FullName, ".plumbline", "bin", "plumbline");
            }
        }

        return null;
    }
}
