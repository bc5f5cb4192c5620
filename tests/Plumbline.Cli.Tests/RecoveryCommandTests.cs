using System.Text.Json;
using Xunit;

namespace Plumbline.Cli.Tests;

/// <summary><c>plumbline recovery</c> through the CLI in-process: every example works out, in text, Markdown and JSON, and every good example meets its targets or accepts the gap.</summary>
public sealed class RecoveryCommandTests
{
    private static string Example(string name) => Repository.Example(name);

    public static TheoryData<string> Examples() => Repository.ExampleNames();

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_works_out_its_recovery(string name)
    {
        var run = CliRun.Of("recovery", Example(name + ".yaml"));

        Assert.Equal(0, run.Exit);
        Assert.Equal(string.Empty, run.Error);
        Assert.StartsWith("Recovery of ", run.Out, StringComparison.Ordinal);
        GoldenFile.Verify($"recovery-{name}.txt", run.Out);
    }

    [Fact]
    public void Explain_and_markdown_show_the_working()
    {
        var run = CliRun.Of("recovery", Example("payments-ledger.yaml"), "--format", "markdown", "--explain");

        Assert.Equal(0, run.Exit);
        GoldenFile.Verify("recovery-payments-ledger-explain.md", run.Out);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_states_targets_for_what_it_stores(string name)
    {
        if (name.StartsWith("weak", StringComparison.Ordinal))
        {
            return;
        }

        var run = CliRun.Of("recovery", Example(name + ".yaml"), "--format", "json");
        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(run.Out);
        var stores = json.RootElement.GetProperty("stores").EnumerateArray().ToList();
        Assert.NotEmpty(stores);
        var withTargets = stores.Where(s => s.GetProperty("rpo").ValueKind != JsonValueKind.Null && s.GetProperty("rto").ValueKind != JsonValueKind.Null).ToList();
        Assert.True(withTargets.Count > 0, $"{name}: no store has both an RPO and an RTO target");

        // Every store that holds an entity is held to an RPO, but a cache (its data is rebuilt from its source).
        foreach (var store in stores.Where(s => s.GetProperty("entities").GetArrayLength() > 0 && s.GetProperty("kind").GetString() != "cache"))
        {
            Assert.True(store.GetProperty("rpo").ValueKind != JsonValueKind.Null, $"{name}: {store.GetProperty("component").GetString()} holds data but no RPO applies to it");
        }
    }

    [Fact]
    public void Json_gives_every_failure_with_null_for_an_unbounded_loss()
    {
        var run = CliRun.Of("recovery", Example("weak-design.yaml"), "--format", "json");

        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(run.Out);
        foreach (var store in json.RootElement.GetProperty("stores").EnumerateArray())
        {
            var failures = store.GetProperty("failures").EnumerateArray().ToList();
            Assert.Equal(["instance", "zone", "region", "corruption"], failures.Select(f => f.GetProperty("scope").GetString()));
            foreach (var failure in failures)
            {
                var unbounded = failure.GetProperty("rpoUnbounded").GetBoolean();
                Assert.Equal(unbounded, failure.GetProperty("rpo").GetProperty("value").ValueKind == JsonValueKind.Null);
            }
        }
    }

    [Fact]
    public void An_invalid_design_exits_2_with_its_diagnostics()
    {
        var path = Path.Combine(Path.GetTempPath(), $"plumbline-recovery-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "plumbline: 1\nsystem: { name: x }\ncomponents:\n  db: { kind: database, replication: { mode: sometimes } }\n");
        try
        {
            var run = CliRun.Of("recovery", path);
            Assert.Equal(2, run.Exit);
            Assert.Contains("PL2006", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
