using Plumbline.Analysis.Review;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Operations;

/// <summary>The good examples get no high finding from the storage, operations, security, cost and validation rules.</summary>
public sealed class ExamplesTests
{
    private static readonly HashSet<string> Ours = new(StringComparer.Ordinal)
    {
        "storage-fit-mismatch", "blob-in-database", "strong-consistency-on-eventual-store", "data-outgrows-node", "hot-partition-risk",
        "entity-without-durable-owner", "sharded-store-without-shard-key", "search-index-as-system-of-record",
        "no-slos", "workflow-missing-slo", "telemetry-incomplete", "slo-window-unusual",
        "no-runbooks", "component-without-runbook", "runbook-incomplete", "no-rollback-plan", "on-call-missing",
        "no-encryption-at-rest", "no-encryption-in-transit", "no-trust-boundaries", "component-outside-boundaries",
        "internet-entry-without-rate-limit", "unauthenticated-write-endpoint", "no-secrets-store", "secrets-not-rotated",
        "no-audit-trail", "pii-without-retention", "accepted-risk-incomplete",
        "no-cost-budget", "budget-alerts-missing", "cost-budget-mismatch",
        "no-load-scenario", "critical-workflow-without-chaos", "scenario-without-expectation", "load-below-peak",
    };

    public static TheoryData<string> GoodExamples()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (!name.StartsWith("weak", StringComparison.Ordinal))
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Fact]
    public void Every_rule_of_these_areas_is_registered()
    {
        var registered = RuleRegistry.All.Select(r => r.Info.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(Ours.Except(registered));
    }

    [Theory]
    [MemberData(nameof(GoodExamples))]
    public void Good_examples_get_no_high_finding(string example)
    {
        var report = Reviewer.Review(TestDesigns.Example(example), ReviewKit.Options);
        var high = report.Findings.Where(f => Ours.Contains(f.Rule.Id) && f.Severity == Severity.High).Select(f => $"{f.Key}: {f.Message}").ToList();
        Assert.True(high.Count == 0, string.Join(Environment.NewLine, high));
    }
}
