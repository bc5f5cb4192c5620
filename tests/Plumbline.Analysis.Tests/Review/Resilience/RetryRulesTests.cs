using Plumbline.Analysis.Review;
using Plumbline.Analysis.Tests.Availability;
using Plumbline.Analysis.Tests.Estimates;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Resilience;

/// <summary>Retry amplification, backoff, jitter and idempotency.</summary>
public sealed class RetryRulesTests
{
    [Fact]
    public void The_finding_names_the_call_that_crosses_the_threshold_and_shows_the_path()
    {
        var finding = Assert.Single(ReviewKit.Review(RetryAmplificationTests.Layers).Of("retry-amplification"));
        Assert.Equal("retry-amplification@db.insert", finding.Key);
        Assert.Equal("db.insert can get 18 attempts per request when every layer retries, above the 10x threshold: edge.checkout -> api.checkout (x3) -> orders.create (x3) -> db.insert (x2) = 18x", finding.Message);
    }

    [Fact]
    public void The_finding_flags_the_figure_the_estimate_gives_and_nothing_past_a_queue()
    {
        // The estimate gives queue.publish 3 x 4 = 12 attempts (Estimates/PropagationTests); check flags it at the same
        // figure (threshold 10x), and nothing past the queue, whose delivery starts a new chain.
        var findings = ReviewKit.Review(PropagationTests.QueueChain).Of("retry-amplification");
        var finding = Assert.Single(findings);
        Assert.Equal("retry-amplification@queue.publish", finding.Key);
        Assert.Contains("queue.publish can get 12 attempts per request", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_threshold_comes_from_the_options()
    {
        var design = ReviewKit.Load(RetryAmplificationTests.Layers);
        var findings = Reviewer.Review(design, new ReviewOptions(ReviewKit.Today, AmplificationThreshold: 5)).Findings.Of("retry-amplification");

        // orders.create and events.publish reach 9 > 5 first; db.insert's caller is then already above, so it is not reported again.
        Assert.Equal(["retry-amplification@events.publish", "retry-amplification@orders.create"], findings.Select(f => f.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Retries_without_delay_and_delays_without_jitter()
    {
        var findings = ReviewKit.Review("""
            plumbline: 1
            system: { name: notes }
            workflows:
              read: { entry: api.get, rate: 5/s }
            components:
              api:
                kind: service
                operations:
                  get:
                    calls:
                      - { to: db.a, timeout: 10ms, retries: 2 }
                      - { to: db.b, timeout: 10ms, retries: { max: 2, backoff: exponential } }
                      - { to: db.c, timeout: 10ms, retries: { max: 2, backoff: exponential, base: 5ms } }
                      - { to: db.d, timeout: 10ms, retries: { max: 2, backoff: exponential, base: 5ms, jitter: none } }
                      - { to: db.e, timeout: 10ms, retries: { max: 2, backoff: linear, base: 5ms, jitter: equal } }
                      - { to: db.f, timeout: 10ms, retries: { max: 0 } }
              db:
                kind: database
                operations: { a: {}, b: {}, c: {}, d: {}, e: {}, f: {} }
            """);
        Assert.Equal(["api.get->db.a", "api.get->db.b"], findings.Of("retry-without-backoff").Select(f => f.Subject));
        Assert.Equal(["api.get->db.c", "api.get->db.d"], findings.Of("retry-without-jitter").Select(f => f.Subject));
    }

    private static string Idempotency(string target, string endpoint) => $$"""
        plumbline: 1
        system: { name: shop }
        workflows:
          place-order: { entry: api.place_order, rate: 5/s, type: write }
        api:
          endpoints:
            - { name: place_order, route: POST /orders, workflow: place-order{{endpoint}} }
        components:
          api:
            kind: service
            operations:
              place_order:
                type: write
                calls:
                  - to: db.{{target}}
                    timeout: 200ms
                    retries: { max: 1, backoff: exponential, base: 50ms, jitter: full }
          db:
            kind: database
            operations:
              insert_order: {}
              save: { type: write, idempotent: false }
              upsert: { type: write, idempotent: true }
              get_order: {}
        """;

    [Theory]
    [InlineData("insert_order", "", Severity.Medium)]             // a write by its name, idempotency unstated everywhere
    [InlineData("insert_order", ", idempotency: none", Severity.High)]
    [InlineData("insert_order", ", idempotency: key", Severity.Low)]
    [InlineData("save", ", idempotency: key", Severity.High)]     // explicitly not idempotent
    public void A_retried_write_is_rated_by_what_the_design_says_about_idempotency(string target, string endpoint, Severity severity)
    {
        var finding = Assert.Single(ReviewKit.Review(Idempotency(target, endpoint)).Of("retry-without-idempotency"));
        Assert.Equal(severity, finding.Severity);
        Assert.Equal($"retry-without-idempotency@api.place_order->db.{target}", finding.Key);
    }

    [Theory]
    [InlineData("upsert")]
    [InlineData("get_order")]
    public void Idempotent_writes_and_reads_may_be_retried(string target) =>
        Assert.Empty(ReviewKit.Review(Idempotency(target, "")).Of("retry-without-idempotency"));
}
