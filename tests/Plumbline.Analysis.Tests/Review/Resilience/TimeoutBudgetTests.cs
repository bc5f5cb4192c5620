using Plumbline.Analysis.Review;
using Plumbline.Analysis.Availability;
using Plumbline.Design.Model;
using Plumbline.Design.Units;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Resilience;

/// <summary>Backoff delays, worst-case times and timeout inversions, by hand.</summary>
public sealed class TimeoutBudgetTests
{
    private static RetryPolicy Policy(int max, BackoffKind? backoff, double baseMs, double? capMs = null) =>
        new(max, backoff, Duration.FromMilliseconds(baseMs), capMs is { } c ? Duration.FromMilliseconds(c) : null, JitterKind.Full);

    [Fact]
    public void Exponential_delays_double_up_to_the_cap()
    {
        var policy = Policy(4, BackoffKind.Exponential, 10, capMs: 40);
        Assert.Equal([0.010, 0.020, 0.040, 0.040], Enumerable.Range(1, 4).Select(k => Math.Round(TimeoutBudget.Delay(policy, k), 9)));
        Assert.Equal(0.110, TimeoutBudget.TotalDelay(policy), 9);
    }

    [Fact]
    public void Linear_and_constant_delays()
    {
        Assert.Equal(0.010 + 0.020 + 0.030, TimeoutBudget.TotalDelay(Policy(3, BackoffKind.Linear, 10)), 9);
        Assert.Equal(0.030, TimeoutBudget.TotalDelay(Policy(3, BackoffKind.Constant, 10)), 9);
        Assert.Equal(0, TimeoutBudget.TotalDelay(new RetryPolicy(2, null, null, null, null)));
    }

    private const string Design = """
        plumbline: 1
        system: { name: notes }
        workflows:
          read-note: { entry: gateway.get, rate: 50/s }
        components:
          gateway:
            kind: gateway
            operations:
              get:
                calls:
                  - { to: api.get_note, timeout: 150ms }
          api:
            kind: service
            operations:
              get_note:
                latency: { p50: 2ms, p99: 10ms }
                calls:
                  - { to: cache.get, timeout: 100ms }
                  - to: db.get
                    timeout: 50ms
                    retries: { max: 2, backoff: exponential, base: 10ms, jitter: full }
          cache:
            kind: cache
            operations: { get: {} }
          db:
            kind: database
            operations:
              get: { latency: { p99: 20ms } }
        """;

    [Fact]
    public void The_worst_case_is_own_latency_plus_the_longest_retry_loop()
    {
        var context = ReviewKit.Context(Design);
        var api = context.Graph.IndexOf(new OperationRef("api", "get_note"));
        var worst = TimeoutBudget.Of(context.Graph, api);

        // p99 10ms + db.get: 3 attempts x 50ms + (10ms + 20ms) backoff = 190ms; the cache's 100ms is shorter.
        Assert.Equal(0.190, worst.Seconds, 9);
        Assert.True(worst.HasCalls);
        Assert.Equal("p99 10ms + db.get 3 x 50ms + 30ms backoff = 190ms", worst.Arithmetic);
    }

    [Fact]
    public void A_timeout_below_the_callees_retry_loop_is_an_inversion_with_the_arithmetic()
    {
        var finding = Assert.Single(ReviewKit.Review(Design).Of("timeout-inversion"));
        Assert.Equal("timeout-inversion@gateway.get->api.get_note", finding.Key);
        Assert.Equal("gateway.get->api.get_note waits 150ms, but api.get_note needs 190ms to retry one failing call to the end: p99 10ms + db.get 3 x 50ms + 30ms backoff = 190ms", finding.Message);

        Assert.Empty(ReviewKit.Review(Design.Replace("timeout: 150ms", "timeout: 190ms", StringComparison.Ordinal)).Of("timeout-inversion"));
    }

    [Fact]
    public void An_attempt_without_a_timeout_waits_the_callees_own_worst_case()
    {
        var context = ReviewKit.Context(Design.Replace("- { to: cache.get, timeout: 100ms }", "- { to: cache.get }", StringComparison.Ordinal)
            .Replace("timeout: 50ms", "timeout: 10ms", StringComparison.Ordinal));
        var api = context.Graph.IndexOf(new OperationRef("api", "get_note"));

        // cache.get states no latency: 0; db.get: 3 x 10ms + 30ms = 60ms; so 10ms + 60ms.
        Assert.Equal(0.070, TimeoutBudget.Of(context.Graph, api).Seconds, 9);
    }

    [Fact]
    public void A_callee_without_calls_is_not_an_inversion_even_when_slow()
    {
        var findings = ReviewKit.Review("""
            plumbline: 1
            system: { name: notes }
            workflows:
              read-note: { entry: api.get_note, rate: 50/s }
            components:
              api:
                kind: service
                operations:
                  get_note:
                    calls:
                      - { to: db.get, timeout: 10ms }
              db:
                kind: database
                operations:
                  get: { latency: { p99: 50ms } }
            """).Of("timeout-inversion");
        Assert.Empty(findings);
    }

    [Fact]
    public void Missing_timeouts_are_high_on_a_critical_path()
    {
        var findings = ReviewKit.Review("""
            plumbline: 1
            system: { name: notes }
            workflows:
              read-note: { entry: api.get_note, rate: 50/s, criticality: critical }
              export: { entry: api.export, rate: 1/s, criticality: low }
            components:
              api:
                kind: service
                operations:
                  get_note:
                    calls:
                      - to: db.get
                  export:
                    calls:
                      - to: db.scan
                      - { to: audit.publish, async: true }
              audit:
                kind: queue
                operations: { publish: {} }
              db:
                kind: database
                operations: { get: {}, scan: {} }
            """).Of("missing-timeout");
        Assert.Equal(["missing-timeout@api.get_note->db.get", "missing-timeout@api.export->db.scan"], findings.Select(f => f.Key));
        Assert.Equal([Severity.High, Severity.Medium], findings.Select(f => f.Severity));
    }
}
