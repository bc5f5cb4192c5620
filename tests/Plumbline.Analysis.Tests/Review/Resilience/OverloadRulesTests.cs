using Plumbline.Analysis.Review;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Resilience;

/// <summary>
/// Bulkheads and admission control, through the real loader, against hand arithmetic: a limit below what Little's law
/// says the peak keeps in flight, a shared dependency the lesser workflows' retries can take from the critical ones,
/// and retry amplification answered by a bound that admits no more than the bottom sustains.
/// </summary>
public sealed class OverloadRulesTests
{
    // Checkout (critical, 400/s at peak) and browse (medium, 2,000/s at peak) share api (4 instances) and db (3,000/s).
    // Browse calls search (mean 50 ms) through a bulkhead, and db.read (mean 5 ms) with 2 retries.
    private static string Shop(string searchBulkhead = "{ max_concurrent: 10, max_queued: 5 }", string readExtra = "", string dbExtra = "") => $$"""
        plumbline: 1
        system: { name: shop }
        workflows:
          checkout: { entry: api.checkout, rate: 100/s, peak_rate: 400/s, type: write, criticality: critical }
          browse: { entry: api.browse, rate: 500/s, peak_rate: 2000/s, criticality: medium }
        components:
          api:
            kind: service
            instances: 4
            capacity: 1000/s
            operations:
              checkout:
                calls:
                  - { to: db.write, timeout: 200ms }
              browse:
                calls:
                  - { to: search.query, timeout: 200ms, bulkhead: {{searchBulkhead}} }
                  - { to: db.read, timeout: 200ms, retries: { max: 2, backoff: exponential, base: 10ms, jitter: full }{{readExtra}} }
          search:
            kind: search
            instances: 2
            capacity: 2000/s
            operations:
              query: { latency: { mean: 50ms, p99: 200ms } }
          db:
            kind: database
            capacity: 3000/s{{dbExtra}}
            operations:
              write: { type: write, latency: { p50: 5ms } }
              read: { type: read, latency: { p50: 5ms } }
        """;

    [Fact]
    public void A_bulkhead_below_the_peak_in_flight_is_raised_with_its_arithmetic()
    {
        // 2,000/s over 4 api instances = 500/s each, x 50 ms = 25 in flight against 10: 1 - 10/25 = 60% rejected.
        var finding = Assert.Single(ReviewKit.Findings(Shop(), "concurrency-limit-below-peak"));
        Assert.Equal("concurrency-limit-below-peak@api.browse->search.query", finding.Key);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal(
            "api.browse->search.query's bulkhead lets 10 calls be in flight per instance of api, but at peak each of its 4 instances makes 500/s of them, each taking 50ms: 25 in flight (rate x time); it rejects about 60% of them at a normal peak and the request fails",
            finding.Message);
        Assert.Equal(Severity.Medium, Assert.Single(ReviewKit.Findings(
            Shop("{ max_concurrent: 10 }, fallback: show no suggestions"), "concurrency-limit-below-peak")).Severity);
        Assert.Empty(ReviewKit.Findings(Shop("{ max_concurrent: 30 }"), "concurrency-limit-below-peak"));
    }

    [Fact]
    public void An_admission_limit_below_the_peak_in_flight_is_raised()
    {
        // db at peak: 400/s writes + 2,000/s reads x 1.0101 expected attempts (1% of attempts fail: 1 + 0.01 + 0.0001)
        // = 2,420/s, x 5 ms = 12.1 in flight against 8: 1 - 8 / 12.101 = 33.9% shed.
        var finding = Assert.Single(ReviewKit.Findings(Shop(dbExtra: "\n    admission: { max_in_flight: 8 }"), "concurrency-limit-below-peak"),
            f => f.Subject == "db");
        Assert.Equal(
            "db admits 8 requests in flight per instance, but at peak its one instance receives 2420/s taking 5ms on average: 12.1 in flight (rate x time); it sheds about 33.9% of its requests at a normal peak",
            finding.Message);
        Assert.DoesNotContain(ReviewKit.Findings(Shop(dbExtra: "\n    admission: { max_in_flight: 20 }"), "concurrency-limit-below-peak"), f => f.Subject == "db");
    }

    [Fact]
    public void A_shared_dependency_the_lesser_retries_can_take_is_raised()
    {
        // Browse's 2,000/s x 3 attempts = 6,000/s on db when it slows; + checkout's 400/s = 6,400/s against 3,000/s.
        var finding = Assert.Single(ReviewKit.Findings(Shop(), "shared-dependency-without-bulkhead"));
        Assert.Equal("shared-dependency-without-bulkhead@db", finding.Key);
        Assert.Equal(
            "db carries critical checkout (400/s at peak) and lesser browse; when it slows and every layer retries, the lesser workflows send it up to 6000/s, and 400/s + 6000/s = 6400/s is above the 3000/s it sustains: the lesser traffic takes the capacity the critical workflows wait on",
            finding.Message);
    }

    [Fact]
    public void A_bulkhead_that_bounds_the_lesser_retries_below_the_room_left_answers_it()
    {
        // 3 in flight x 4 api instances / 5 ms = 2,400/s at most; 400 + 2,400 = 2,800/s, within 3,000/s.
        Assert.Empty(ReviewKit.Findings(Shop(readExtra: ", bulkhead: { max_concurrent: 3 }"), "shared-dependency-without-bulkhead"));

        // 4 in flight: 3,200/s; 400 + 3,200 = 3,600/s is still above 3,000/s.
        var loose = Assert.Single(ReviewKit.Findings(Shop(readExtra: ", bulkhead: { max_concurrent: 4 }"), "shared-dependency-without-bulkhead"));
        Assert.Contains("the bulkheads on their calls still let 3200/s through, and 400/s + 3200/s = 3600/s", loose.Message, StringComparison.Ordinal);

        // The 3-slot bulkhead holds browse's normal 500/s per api instance x 5 ms = 2.5 in flight: it rejects nothing at peak.
        Assert.DoesNotContain(ReviewKit.Findings(Shop(readExtra: ", bulkhead: { max_concurrent: 3 }"), "concurrency-limit-below-peak"),
            f => f.Subject.EndsWith("db.read", StringComparison.Ordinal));
    }

    [Fact]
    public void Admission_by_criticality_answers_it_and_admission_alone_does_not()
    {
        Assert.Empty(ReviewKit.Findings(Shop(dbExtra: "\n    admission: { max_queue_time: 50ms, by_criticality: true }"), "shared-dependency-without-bulkhead"));
        var finding = Assert.Single(ReviewKit.Findings(Shop(dbExtra: "\n    admission: { max_queue_time: 50ms }"), "shared-dependency-without-bulkhead"));
        Assert.EndsWith("its admission control sheds critical and lesser requests alike", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_retries_or_without_a_lesser_workflow_it_is_not_raised()
    {
        Assert.Empty(ReviewKit.Findings(Shop().Replace("retries: { max: 2, backoff: exponential, base: 10ms, jitter: full }", "retries: 0", StringComparison.Ordinal),
            "shared-dependency-without-bulkhead"));
        Assert.Empty(ReviewKit.Findings(Shop().Replace("criticality: medium", "criticality: high", StringComparison.Ordinal), "shared-dependency-without-bulkhead"));
    }

    // Three layers of 3 attempts: 27 attempts on db.read, whose retried call from mid carries a bulkhead.
    private static string Chain(string bulkhead, string dbExtra = "") => $$"""
        plumbline: 1
        system: { name: reads }
        workflows:
          read: { entry: edge.get, rate: 100/s, peak_rate: 300/s }
        components:
          edge:
            kind: load_balancer
            operations:
              get:
                calls:
                  - { to: api.get, timeout: 1s, retries: { max: 2, backoff: exponential, base: 10ms, jitter: full } }
          api:
            kind: service
            instances: 2
            capacity: 1000/s
            operations:
              get:
                calls:
                  - { to: mid.get, timeout: 500ms, retries: { max: 2, backoff: exponential, base: 10ms, jitter: full } }
          mid:
            kind: service
            instances: 2
            capacity: 1000/s
            operations:
              get:
                calls:
                  - { to: db.read, timeout: 100ms, retries: { max: 2, backoff: exponential, base: 10ms, jitter: full }{{bulkhead}} }
          db:
            kind: database
            capacity: 2000/s{{dbExtra}}
            operations:
              read: { type: read, latency: { mean: 10ms } }
        """;

    [Fact]
    public void Retry_amplification_is_answered_by_a_bound_within_what_the_bottom_sustains()
    {
        // 20 in flight x 2 mid instances / 10 ms = 4,000/s, above db's 2,000/s: still raised, with the arithmetic.
        var loose = Assert.Single(ReviewKit.Findings(Chain(", bulkhead: { max_concurrent: 20 }"), "retry-amplification"));
        Assert.Equal(
            "db.read can get 27 attempts per request when every layer retries, above the 10x threshold: edge.get -> api.get (x3) -> mid.get (x3) -> db.read (x3) = 27x; the retried call's bulkhead admits 4000/s (20 in flight x 2 instances of mid / 10ms), above the 2000/s db sustains",
            loose.Message);

        // 5 in flight: 1,000/s, within 2,000/s.
        Assert.Empty(ReviewKit.Findings(Chain(", bulkhead: { max_concurrent: 5 }"), "retry-amplification"));

        // Admission control on db: 10 in flight x 1 instance / 10 ms = 1,000/s; or an adaptive limit.
        Assert.Empty(ReviewKit.Findings(Chain(string.Empty, "\n    admission: { max_in_flight: 10 }"), "retry-amplification"));
        Assert.Empty(ReviewKit.Findings(Chain(string.Empty, "\n    admission: { adaptive: true }"), "retry-amplification"));
        Assert.Single(ReviewKit.Findings(Chain(string.Empty), "retry-amplification"));
    }
}
