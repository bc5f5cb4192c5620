using System.Globalization;
using System.Text;
using Xunit;

namespace Plumbline.Cli.Tests;

/// <summary>
/// The small valid designs that once took minutes and gigabytes are past a documented design limit now: each is
/// refused at once with PL3020 at the first thing past the limit, exit 2, before any analysis runs.
/// </summary>
public sealed class DesignLimitsReproductionTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_queue_with_3000_operations_and_3000_consumers_is_refused_at_its_consumers()
    {
        var sb = Header();
        sb.Append("workflows:\n  publish: { entry: api.publish, rate: 100/s }\ncomponents:\n");
        sb.Append("  api: { kind: service, operations: { publish: { calls: [{ to: q.op0, async: true }] } } }\n");
        sb.Append("  q:\n    kind: queue\n    consumers: [").AppendJoin(", ", Enumerable.Range(0, 3000).Select(i => Invariant($"w{i}.handle"))).Append("]\n    operations:\n");
        for (var i = 0; i < 3000; i++)
        {
            sb.Append(Invariant($"      op{i}: {{}}\n"));
        }

        for (var i = 0; i < 3000; i++)
        {
            sb.Append(Invariant($"  w{i}: {{ kind: worker, operations: {{ handle: {{}} }} }}\n"));
        }

        var path = _dir.Write("queue.yaml", sb.ToString());
        var run = CliRun.Of("estimate", path);
        Assert.Equal(2, run.Exit);
        Assert.Contains(":9:16: error PL3020: q delivers its 3,000 operations to 3,000 consumers: with the queues before it, 9,000,000 deliveries, more than the 100,000 a design may have", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fourteen_thousand_workflows_entering_one_service_are_refused_at_the_one_past_the_limit()
    {
        var sb = Header().Append("workflows:\n");
        for (var i = 0; i < 14_000; i++)
        {
            sb.Append(Invariant($"  f{i}: {{ entry: api.op{i}, rate: 1/s }}\n"));
        }

        sb.Append("components:\n  api:\n    kind: service\n    operations:\n");
        for (var i = 0; i < 14_000; i++)
        {
            sb.Append(Invariant($"      op{i}: {{ calls: [{{ to: db.query, timeout: 100ms }}] }}\n"));
        }

        sb.Append("  db: { kind: database, model: oltp, operations: { query: {} } }\n");
        var path = _dir.Write("workflows.yaml", sb.ToString());
        var run = CliRun.Of("check", path, "--today", "2026-11-25");
        Assert.Equal(2, run.Exit);

        // Line 4 is f0, so f1000, the first past the limit, is on line 1,004.
        Assert.Contains(":1004:3: error PL3020: the design has 14,000 workflows, more than the 1,000 a design may have", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_of_ten_thousand_services_with_retries_is_refused_at_its_first_call()
    {
        var sb = Header().Append("workflows:\n  w: { entry: s0.op, rate: 1/s }\ncomponents:\n");
        for (var i = 0; i < 10_000; i++)
        {
            var call = i + 1 < 10_000 ? Invariant($"{{ calls: [{{ to: s{i + 1}.op, timeout: 1s, retries: 1 }}] }}") : "{}";
            sb.Append(Invariant($"  s{i}: {{ kind: service, operations: {{ op: {call} }} }}\n"));
        }

        var path = _dir.Write("chain.yaml", sb.ToString());
        var run = CliRun.Of("check", path, "--today", "2026-11-25");
        Assert.Equal(2, run.Exit);
        Assert.Contains("error PL3020: a chain of 9,999 calls starts at s0.op (s0.op -> s1.op -> s2.op -> ... -> s9998.op -> s9999.op), more than the 64 a design may nest", run.Error, StringComparison.Ordinal);
    }

    private static StringBuilder Header() => new("plumbline: 1\nsystem: { name: big }\n");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
