using Plumbline.Analysis.Review;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Resilience;

/// <summary>Single points of failure, zones, chain depth, degradation, state, queues and backups.</summary>
public sealed class ArchitectureRulesTests
{
    private static string Checkout(string criticality, string api, string db, string call = "{ to: db.insert, timeout: 200ms }") => $$"""
        plumbline: 1
        system: { name: shop }
        workflows:
          checkout: { entry: api.checkout, rate: 20/s, criticality: {{criticality}} }
        components:
          api:
            kind: service
        {{api}}
            operations:
              checkout:
                calls:
                  - {{call}}
          db:
            kind: database
        {{db}}
            operations:
              insert: { type: write, idempotent: true }
        """;

    private const string Redundant = "    instances: 2\n    zones: [a, b]";
    private const string Replicated = "    replicas: 1\n    zones: [a, b]";

    [Theory]
    [InlineData("critical", Severity.High)]
    [InlineData("high", Severity.Medium)]
    public void One_instance_is_a_single_point_of_failure_rated_by_the_workflow(string criticality, Severity severity)
    {
        var finding = Assert.Single(ReviewKit.Review(Checkout(criticality, "    instances: 1", Replicated)).Of("single-point-of-failure"));
        Assert.Equal("single-point-of-failure@api", finding.Key);
        Assert.Equal(severity, finding.Severity);
        Assert.Equal($"api runs one instance, and checkout ({criticality}) fails when it does", finding.Message);
    }

    [Fact]
    public void Medium_and_low_workflows_are_not_reported() =>
        Assert.Empty(ReviewKit.Review(Checkout("medium", "    instances: 1", "    zones: [a]")).Of("single-point-of-failure"));

    [Fact]
    public void A_store_with_no_replica_keeps_its_data_on_one_node()
    {
        var finding = Assert.Single(ReviewKit.Review(Checkout("critical", Redundant, "    zones: [a, b]")).Of("single-point-of-failure"));
        Assert.Equal("db keeps its data on one node with no replica, and checkout (critical) fails when it does", finding.Message);
    }

    [Fact]
    public void A_component_in_one_zone_on_a_multi_zone_path()
    {
        var finding = Assert.Single(ReviewKit.Review(Checkout("critical", "    instances: 3\n    zones: [a]", Replicated)).Of("single-point-of-failure"));
        Assert.Equal("api has all its instances in zone a while the rest of the path spans a, b, and checkout (critical) fails when it does", finding.Message);
    }

    [Fact]
    public void Autoscaling_minimum_counts_as_instances() =>
        Assert.Empty(ReviewKit.Review(Checkout("critical", "    instances: 1\n    zones: [a, b]\n    autoscaling: { min: 2, max: 4 }", Replicated)).Of("single-point-of-failure"));

    [Fact]
    public void A_call_with_a_fallback_makes_no_single_point_of_failure() =>
        Assert.Equal(["single-point-of-failure@api"], ReviewKit.Review(Checkout("critical", "    instances: 1", "    instances: 1",
            "{ to: db.insert, timeout: 200ms, fallback: queue the order }")).Of("single-point-of-failure").Select(f => f.Key));

    [Theory]
    [InlineData("    zones: [a]", "    replicas: 1\n    zones: [a]", Severity.High)]
    [InlineData("    instances: 2", "    replicas: 1", Severity.Medium)]
    public void A_critical_workflow_in_one_zone_or_none(string api, string db, Severity severity)
    {
        var finding = Assert.Single(ReviewKit.Review(Checkout("critical", api, db)).Of("single-zone-design"));
        Assert.Equal(severity, finding.Severity);
    }

    [Fact]
    public void Two_zones_pass_the_zone_rule() =>
        Assert.Empty(ReviewKit.Review(Checkout("critical", Redundant, Replicated)).Of("single-zone-design"));

    private static string Chain(int hops, string criticality)
    {
        var lines = new List<string>
        {
            "plumbline: 1",
            "system: { name: chain }",
            "workflows:",
            $"  w: {{ entry: s0.op, rate: 1/s, criticality: {criticality} }}",
            "components:",
        };
        for (var i = 0; i <= hops; i++)
        {
            lines.Add($"  s{i}:");
            lines.Add("    kind: service");
            lines.Add(i < hops ? $"    operations: {{ op: {{ calls: [{{ to: s{i + 1}.op, timeout: 1s }}] }} }}" : "    operations: { op: {} }");
        }

        return string.Join('\n', lines) + "\n";
    }

    [Theory]
    [InlineData(6, "critical", Severity.Medium)]
    [InlineData(6, "high", Severity.Low)]
    public void A_chain_deeper_than_five_hops(int hops, string criticality, Severity severity)
    {
        var finding = Assert.Single(ReviewKit.Review(Chain(hops, criticality)).Of("deep-sync-chain"));
        Assert.Equal(severity, finding.Severity);
        Assert.Equal($"w ({criticality}) waits on a chain of 6 synchronous hops: s0.op -> s1.op -> s2.op -> s3.op -> s4.op -> s5.op -> s6.op", finding.Message);
    }

    [Theory]
    [InlineData(5, "critical")]
    [InlineData(8, "medium")]
    public void Five_hops_or_an_unimportant_workflow_pass(int hops, string criticality) =>
        Assert.Empty(ReviewKit.Review(Chain(hops, criticality)).Of("deep-sync-chain"));

    [Theory]
    [InlineData("{ to: db.insert, timeout: 200ms }", true)]
    [InlineData("{ to: db.insert, timeout: 200ms, fallback: queue the order }", false)]
    [InlineData("{ to: db.insert, async: true }", false)]
    public void A_critical_workflow_needs_some_way_to_degrade(string call, bool fires) =>
        Assert.Equal(fires, ReviewKit.Review(Checkout("critical", Redundant, Replicated, call)).Of("no-degradation-path").Count == 1);

    [Fact]
    public void A_stateful_service_passes_when_a_standing_decision_lists_it_in_its_components()
    {
        const string Design = """
            plumbline: 1
            system: { name: chat }
            components:
              ws-gateway:
                kind: service
                stateless: false
                operations: { connect: {} }
            """;
        Assert.Single(ReviewKit.Review(Design).Of("stateful-service"));
        Assert.Single(ReviewKit.Review(Design + "\n" + """
            decisions:
              - id: ADR-1
                title: ws-gateway holds each client's websocket connection
                decision: sticky connections; clients reconnect to another instance on failure
            """).Of("stateful-service")); // the text names it; only components counts
        Assert.Empty(ReviewKit.Review(Design + "\n" + """
            decisions:
              - id: ADR-1
                title: The websocket gateway holds each client's connection
                status: accepted
                components: [ws-gateway]
            """).Of("stateful-service"));
        Assert.Single(ReviewKit.Review(Design + "\n" + """
            decisions:
              - id: ADR-1
                title: The websocket gateway holds each client's connection
                status: rejected
                components: [ws-gateway]
            """).Of("stateful-service"));
    }

    [Theory]
    [InlineData("2026-05-26", false)]  // 183 days before 2026-11-25
    [InlineData("2026-05-25", true)]   // 184 days
    public void A_restore_test_counts_for_six_months(string tested, bool fires)
    {
        var findings = ReviewKit.Review($$"""
            plumbline: 1
            system: { name: shop }
            components:
              db:
                kind: database
                backup: { every: 1d, keep: 30d, restore_tested: {{tested}} }
                operations: { get: {} }
            """).Of("backup-restore-untested");
        Assert.Equal(fires, findings.Count == 1);
    }

    [Fact]
    public void Stores_of_record_need_a_backup_but_caches_and_queues_do_not()
    {
        var findings = ReviewKit.Review("""
            plumbline: 1
            system: { name: shop }
            data:
              - { entity: Session, owner: sessions }
            components:
              db:
                kind: database
                operations: { get: {} }
              files:
                kind: object_store
                operations: { get: {} }
              sessions:
                kind: service
                stateless: false
                operations: { get: {} }
              cache:
                kind: cache
                operations: { get: {} }
              events:
                kind: queue
                dead_letter: true
                consumers: [sessions.get]
                operations: { publish: {} }
            """).Of("stateful-without-backup");
        Assert.Equal(["db", "files", "sessions"], findings.Select(f => f.Subject));
        Assert.All(findings, f => Assert.Equal(Severity.High, f.Severity));
        Assert.Contains("a service cannot take backup:", findings[2].Message, StringComparison.Ordinal);
        Assert.Contains("replicas copy a bad write", findings[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("retention: 30d", true)]
    [InlineData("retention: 1d", false)]                       // expired before a daily backup could restore it
    [InlineData("retention: 30d, derived_from: [Message]", false)] // a copy of what db keeps
    public void A_backup_is_asked_for_what_is_the_only_copy(string fields, bool fires)
    {
        var findings = ReviewKit.Review($$"""
            plumbline: 1
            system: { name: chat }
            data:
              - { entity: Message, owner: db }
              - { entity: History, owner: channels, {{fields}} }
            components:
              db:
                kind: database
                backup: { every: 1d, keep: 30d }
                operations: { get: {} }
              channels:
                kind: service
                stateless: false
                operations: { get: {} }
            """).Of("stateful-without-backup");
        Assert.Equal(fires, findings.Count == 1);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData(", derived_from: [Message]", false)]
    public void Sensitive_data_in_one_copy_is_not_counted_when_it_is_derived(string fields, bool fires)
    {
        var findings = ReviewKit.Review($$"""
            plumbline: 1
            system: { name: chat }
            data:
              - { entity: Message, owner: db, classification: confidential }
              - { entity: History, owner: channels, classification: confidential, retention: 30d{{fields}} }
            components:
              db:
                kind: database
                instances: 1
                replicas: 2
                backup: { every: 1d, keep: 30d }
                operations: { get: {} }
              channels:
                kind: service
                stateless: false
                operations: { get: {} }
            """).Of("sensitive-data-single-copy");
        Assert.Equal(fires, findings.Count == 1);
        Assert.All(findings, f => Assert.Contains("losing the instance", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_queue_read_by_a_downstream_system_has_consumers()
    {
        const string Design = """
            plumbline: 1
            system: { name: shop }
            components:
              exports:
                kind: queue
                dead_letter: true
                operations: { publish: {} }
            """;
        Assert.Single(ReviewKit.Review(Design).Of("queue-without-consumers"));
        Assert.Empty(ReviewKit.Review(Design + "\n" + """
            requirements:
              dependencies:
                - { name: data-lake, direction: downstream, component: exports }
            """).Of("queue-without-consumers"));
    }

    [Theory]
    [InlineData("critical", "", Severity.High)]
    [InlineData("critical", ", fallback: estimate the tax locally", Severity.Medium)]
    [InlineData("high", "", Severity.Medium)]
    public void External_calls_without_a_breaker_are_high_when_a_critical_workflow_has_no_way_around(string criticality, string fallback, Severity severity)
    {
        var finding = Assert.Single(ReviewKit.Review($$"""
            plumbline: 1
            system: { name: shop }
            requirements:
              dependencies:
                - { name: tax-service, direction: upstream, component: tax }
            workflows:
              checkout: { entry: api.checkout, rate: 20/s, criticality: {{criticality}} }
            components:
              api:
                kind: service
                operations:
                  checkout:
                    calls:
                      - { to: tax.quote, timeout: 500ms{{fallback}} }
              tax:
                kind: service
                operations: { quote: {} }
            """).Of("external-call-without-breaker"));
        Assert.Equal(severity, finding.Severity);
        Assert.StartsWith("api.checkout->tax.quote calls tax, which stands for the upstream dependency tax-service, with no circuit breaker", finding.Message, StringComparison.Ordinal);
    }
}
