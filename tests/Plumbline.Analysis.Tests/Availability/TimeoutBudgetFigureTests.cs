using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;
using Plumbline.Design.Units;
using Xunit;

namespace Plumbline.Analysis.Tests.Availability;

/// <summary>Backoff delays and worst-case times, by hand.</summary>
public sealed class TimeoutBudgetFigureTests
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

    internal const string Design = """
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

    private static CallGraph GraphOf(string yaml) => CallGraph.Build(TestDesigns.Load(yaml));

    [Fact]
    public void The_worst_case_is_own_latency_plus_the_longest_retry_loop()
    {
        var graph = GraphOf(Design);
        var api = graph.IndexOf(new OperationRef("api", "get_note"));
        var worst = TimeoutBudget.Of(graph, api);

        // p99 10ms + db.get: 3 attempts x 50ms + (10ms + 20ms) backoff = 190ms; the cache's 100ms is shorter.
        Assert.Equal(0.190, worst.Seconds, 9);
        Assert.True(worst.HasCalls);
        Assert.Equal("p99 10ms + db.get 3 x 50ms + 30ms backoff = 190ms", worst.Arithmetic);
    }

    [Fact]
    public void An_attempt_without_a_timeout_waits_the_callees_own_worst_case()
    {
        var graph = GraphOf(Design.Replace("- { to: cache.get, timeout: 100ms }", "- { to: cache.get }", StringComparison.Ordinal)
            .Replace("timeout: 50ms", "timeout: 10ms", StringComparison.Ordinal));
        var api = graph.IndexOf(new OperationRef("api", "get_note"));

        // cache.get states no latency: 0; db.get: 3 x 10ms + 30ms = 60ms; so 10ms + 60ms.
        Assert.Equal(0.070, TimeoutBudget.Of(graph, api).Seconds, 9);
    }
}
