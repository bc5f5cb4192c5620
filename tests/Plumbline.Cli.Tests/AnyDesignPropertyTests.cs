using System.Globalization;
using System.Text;
using CsCheck;
using Xunit;

namespace Plumbline.Cli.Tests;

/// <summary>
/// No valid input ends in an internal error: random designs, in pathological shapes (long chains of calls that
/// multiply, wide fan-outs, queues with many consumers, many workflows on one operation) and with extreme but
/// valid values (counts of a million per call, growth of 1000% a day, petabyte records, rates from one a year to
/// a thousand trillion a second), go through every command and format, and each ends in exit 0, 1 or 2 with no
/// internal error. The run's seed is written to the test output; PLUMBLINE_SEED=&lt;seed&gt; replays it.
/// </summary>
public sealed class AnyDesignPropertyTests
{
    private static readonly string[][] Commands =
    [
        ["validate", "{f}"],
        ["validate", "{f}", "--format", "json"],
        ["estimate", "{f}", "--explain"],
        ["estimate", "{f}", "--sensitivity"],
        ["estimate", "{f}", "--format", "json", "--sensitivity"],
        ["estimate", "{f}", "--format", "markdown", "--explain", "--sensitivity"],
        ["check", "{f}", "--today", "2026-11-25", "--no-rule-discovery"],
        ["check", "{f}", "--today", "2026-11-25", "--no-rule-discovery", "--format", "json"],
        ["check", "{f}", "--today", "2026-11-25", "--no-rule-discovery", "--format", "sarif"],
        ["check", "{f}", "--today", "2026-11-25", "--no-rule-discovery", "--format", "markdown"],
        ["cost", "{f}", "--explain"],
        ["cost", "{f}", "--format", "json"],
        ["cost", "{f}", "--format", "markdown"],
        ["recovery", "{f}", "--explain"],
        ["recovery", "{f}", "--format", "json"],
        ["recovery", "{f}", "--format", "markdown", "--explain"],
    ];

    private static readonly string[] Rates = ["1/year", "2/month", "0.001/s", "1/s", "250/s", "40K/s", "1T/s", "1000T/s"];
    private static readonly string[] Counts = ["0.000001", "0.5", "1", "3", "1000", "1000000"];
    private static readonly string[] Growths = ["-99%/year", "0%/year", "50%/year", "30%/month", "100%/day", "1000%/day"];
    private static readonly string[] Sizes = ["1B", "200B", "4KB", "1MB", "1GB", "1PB"];
    private static readonly string[] Capacities = ["1/year", "0.5/s", "100/s", "2000/s", "1T/s"];

    [Fact]
    public void Every_command_and_format_ends_in_0_1_or_2_on_any_design()
    {
        using var dir = new TempFolder();
        var path = dir.File("design.yaml");
        var valid = 0;
        var designs = 0;
        Gen.Int[0, int.MaxValue].Select(seed => Design(new Random(seed))).SampleReplayable(text =>
        {
            File.WriteAllText(path, text);
            designs++;
            foreach (var command in Commands)
            {
                var run = CliRun.Of([.. command.Select(a => a.Replace("{f}", path, StringComparison.Ordinal))]);
                if (run.Exit is not (0 or 1 or 2) || run.Error.Contains("internal error", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"{string.Join(' ', command)} exited {run.Exit}: {run.Error}\n--- design ---\n{text}");
                }

                valid += command is ["validate", _] && run.Exit == 0 ? 1 : 0;
            }
        }, iter: 30, threads: 1);

        // The designs are valid, so the analysis commands run on them rather than stopping at the loader.
        Assert.Equal(designs, valid);
    }

    /// <summary>A design in one of the pathological shapes, every value drawn from its extreme-but-valid range.</summary>
    private static string Design(Random random)
    {
        string Pick(string[] values) => values[random.Next(values.Length)];
        var sb = new StringBuilder("plumbline: 1\nsystem:\n  name: generated\nrequirements:\n");
        sb.Append("  growth: ").Append(Pick(Growths)).Append('\n');
        sb.Append("  peak_to_average: ").Append(Pick(["1", "3", "1000"])).Append('\n');

        var length = random.Next(1, 61);
        var width = random.Next(1, 40);
        var shape = random.Next(4);
        var workflows = shape == 3 ? random.Next(1, 200) : random.Next(1, 4);
        sb.Append("workflows:\n");
        for (var w = 0; w < workflows; w++)
        {
            sb.Append(Inv($"  w{w}:\n    entry: s0.op\n    rate: {Pick(Rates)}\n    type: {(random.Next(2) == 0 ? "read" : "write")}\n"));
            sb.Append("    request: ").Append(Pick(Sizes)).Append("\n    response: ").Append(Pick(Sizes)).Append('\n');
        }

        sb.Append("data:\n  - entity: Record\n    owner: db\n    record_size: ").Append(Pick(Sizes))
          .Append("\n    new_records: ").Append(Pick(Rates)).Append("\n    retention: ").Append(Pick(["1d", "1y", "forever"])).Append('\n');

        sb.Append("components:\n");
        var services = shape switch
        {
            0 => length, // a chain s0 -> s1 -> ... of calls that multiply
            1 => 1 + width, // s0 fans out to s1..sN
            _ => 1,
        };
        for (var i = 0; i < services; i++)
        {
            sb.Append(Inv($"  s{i}:\n    kind: service\n    instances: {Pick(["1", "3", "100000"])}\n    capacity: {Pick(Capacities)}\n    operations:\n      op:\n        calls:\n"));
            var targets = shape switch
            {
                0 => i + 1 < services ? [$"s{i + 1}.op"] : new List<string>(),
                1 => i == 0 ? [.. Enumerable.Range(1, services - 1).Select(t => $"s{t}.op")] : [],
                _ => [],
            };
            foreach (var target in targets)
            {
                sb.Append(Inv($"          - to: {target}\n            count: {Pick(Counts)}\n            timeout: {Pick(["1ms", "1s", "1h"])}\n            retries: {random.Next(0, 11)}\n"));
            }

            sb.Append("          - to: db.write\n            timeout: 1s\n");
            if (shape == 2)
            {
                sb.Append("          - to: q.publish\n            async: true\n            count: ").Append(Pick(Counts)).Append('\n');
            }
        }

        sb.Append("  db:\n    kind: database\n    model: oltp\n    instances: ").Append(Pick(["1", "3"]))
          .Append("\n    storage_per_node: ").Append(Pick(Sizes)).Append("\n    operations:\n      write:\n        type: write\n");
        if (shape == 2)
        {
            var consumers = random.Next(1, 300);
            sb.Append("  q:\n    kind: queue\n    consumers: [").Append(string.Join(", ", Enumerable.Range(0, consumers).Select(c => $"worker{c}.handle"))).Append("]\n    operations:\n      publish: {}\n");
            for (var c = 0; c < consumers; c++)
            {
                sb.Append(Inv($"  worker{c}:\n    kind: worker\n    capacity: {Pick(Capacities)}\n    operations:\n      handle:\n        calls:\n          - to: db.write\n            timeout: 1s\n            retries: {random.Next(0, 11)}\n"));
            }
        }

        return sb.ToString();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
