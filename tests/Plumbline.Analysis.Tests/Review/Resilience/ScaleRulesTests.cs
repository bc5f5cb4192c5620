using Plumbline.Analysis.Review;
using Plumbline.Analysis.Tests.Estimates;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Resilience;

/// <summary>Capacity, headroom, autoscaling, queues and caches against the estimate, by hand.</summary>
public sealed class ScaleRulesTests
{
    private static string Service(string api, string requirements = "peak_to_average: 3") => $$"""
        plumbline: 1
        system: { name: notes }
        requirements: { {{requirements}} }
        workflows:
          read-note: { entry: api.get_note, rate: 100/s }
        components:
          api:
            kind: service
            capacity: 100/s
        {{api}}
            operations: { get_note: {} }
        """;

    [Theory]
    [InlineData(2, Severity.High)]     // 300/s over 200/s: 150%
    [InlineData(4, Severity.Medium)]   // 300/s over 400/s: 75%, above the 70% target
    public void Peak_above_capacity_is_high_and_above_the_target_medium(int instances, Severity severity)
    {
        var finding = Assert.Single(ReviewKit.Review(Service($"    instances: {instances}")).Of("over-capacity-at-peak"));
        Assert.Equal(severity, finding.Severity);
    }

    [Fact]
    public void Peak_within_the_target_passes() =>
        Assert.Empty(ReviewKit.Review(Service("    instances: 5")).Of("over-capacity-at-peak"));

    [Fact]
    public void The_over_capacity_message_gives_the_numbers()
    {
        var finding = Assert.Single(ReviewKit.Review(Service("    instances: 2")).Of("over-capacity-at-peak"));
        Assert.Equal("api runs at 150% of its capacity (all operations) at peak (300/s against 200/s over 2 instances), above 100%; it needs 5 instances to run at 70%", finding.Message);
    }

    [Fact]
    public void Headroom_is_months_until_growth_takes_peak_to_capacity()
    {
        // 60% at peak; ln(1 / 0.6) / ln(1.1) = 5.36 months.
        var finding = Assert.Single(ReviewKit.Review(Service("    instances: 5", "peak_to_average: 3, growth: 10%/month")).Of("headroom-under-six-months"));
        Assert.Equal("api runs at 60% at peak with 5 instances; at 10%/month growth it reaches 100% in 5.36 months (ln(1 / 0.6) / ln(1.1))", finding.Message);

        // ln(1 / 0.6) / ln(1.05) = 10.5 months.
        Assert.Empty(ReviewKit.Review(Service("    instances: 5", "peak_to_average: 3, growth: 5%/month")).Of("headroom-under-six-months"));
        Assert.Empty(ReviewKit.Review(Service("    instances: 5")).Of("headroom-under-six-months"));
    }

    [Fact]
    public void Headroom_counts_what_autoscaling_can_add()
    {
        // At max 10 instances peak is 30%: ln(1 / 0.3) / ln(1.1) = 12.6 months.
        var findings = ReviewKit.Review(Service("    instances: 5\n    autoscaling: { min: 5, max: 10 }", "peak_to_average: 3, growth: 10%/month"));
        Assert.Empty(findings.Of("headroom-under-six-months"));
        Assert.Empty(findings.Of("over-capacity-at-peak"));
    }

    [Theory]
    [InlineData(3, Severity.Medium)]   // at max: 300/s over 300/s = 100%, not over
    [InlineData(2, Severity.High)]     // at max: 150%
    public void Autoscaling_max_must_cover_the_instances_the_peak_needs(int max, Severity severity)
    {
        var finding = Assert.Single(ReviewKit.Review(Service($"    instances: 2\n    autoscaling: {{ min: 2, max: {max}, target_utilisation: 60% }}")).Of("autoscaling-max-below-peak"));
        Assert.Equal(severity, finding.Severity);

        // ceil(300 / (100 x 60%)) = 5.
        Assert.StartsWith("api needs 5 instances at peak (300/s / (100/s x 60% target))", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Autoscaling_that_reaches_the_peak_passes() =>
        Assert.Empty(ReviewKit.Review(Service("    instances: 2\n    autoscaling: { min: 2, max: 5, target_utilisation: 60% }")).Of("autoscaling-max-below-peak"));

    private static string Queue(int instances, string capacity) => $$"""
        plumbline: 1
        system: { name: shop }
        requirements: { peak_to_average: 3 }
        workflows:
          place-order: { entry: api.place_order, rate: 10/s, type: write }
        components:
          api:
            kind: service
            operations:
              place_order:
                calls:
                  - { to: order-events.publish, async: true }
          order-events:
            kind: queue
            dead_letter: true
            consumers: [mailer.send_receipt]
            operations:
              publish: { type: write }
          mailer:
            kind: worker
            instances: {{instances}}
            capacity: {{capacity}}
            operations: { send_receipt: {} }
        """;

    [Fact]
    public void A_backlog_that_drains_after_the_peak_is_medium()
    {
        // 30/s at peak against 20/s: (30 - 20) x 3600 = 36,000 an hour.
        var finding = Assert.Single(ReviewKit.Review(Queue(1, "20/s")).Of("queue-backlog-grows"));
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Equal("order-events receives 30/s at peak but its slowest consumer handles 20/s: the backlog grows by 36000 messages an hour until the peak passes", finding.Message);
    }

    [Fact]
    public void A_backlog_that_grows_even_at_average_is_high() =>
        Assert.Equal(Severity.High, Assert.Single(ReviewKit.Review(Queue(1, "5/s")).Of("queue-backlog-grows")).Severity);

    [Fact]
    public void Consumers_that_keep_up_pass() =>
        Assert.Empty(ReviewKit.Review(Queue(2, "20/s")).Of("queue-backlog-grows"));

    [Fact]
    public void A_cache_whose_hot_set_exceeds_its_memory()
    {
        var finding = Assert.Single(ReviewKit.Review("""
            plumbline: 1
            system: { name: catalog }
            workflows:
              view-product: { entry: api.get_product, rate: 100/s }
            data:
              - { entity: Product, owner: products-db, record_size: 10KB }
            components:
              api:
                kind: service
                operations:
                  get_product:
                    calls:
                      - { to: product-cache.get, timeout: 20ms, fallback: read the database }
                      - { to: products-db.get, timeout: 100ms }
              product-cache:
                kind: cache
                memory: 1GB
                hit_ratio: 0.9
                operations: { get: {} }
              products-db:
                kind: database
                operations: { get: {} }
            """).Of("cache-too-small"));

        // 100/s x 86,400 s = 8.64M reads a day; 20% x 8.64M x 10KB = 17.28GB against 1GB.
        Assert.Equal("product-cache's hot set is 17.3 GB (20% of 8.64M reads a day x 10 KB), 17.3x its 1 GB of memory", finding.Message);
    }

    [Fact]
    public void Capacity_unstated_skips_managed_and_external_components()
    {
        var findings = ReviewKit.Review("""
            plumbline: 1
            system: { name: notes }
            workflows:
              read-note: { entry: lb.get, rate: 50/s, criticality: critical }
            components:
              lb:
                kind: load_balancer
                operations:
                  get:
                    calls:
                      - { to: api.get_note, timeout: 1s }
              api:
                kind: service
                stateless: false
                operations:
                  get_note:
                    calls:
                      - { to: vendor.lookup, timeout: 1s }
                      - { to: store.get, timeout: 1s }
              vendor:
                kind: external
                operations: { lookup: {} }
              store:
                kind: object_store
                sla: 99.9%
                operations: { get: {} }
            """).Of("capacity-unstated");
        var finding = Assert.Single(findings);
        Assert.Equal("capacity-unstated@api", finding.Key);
        Assert.Equal(Severity.Low, finding.Severity);
    }

    [Fact]
    public void Cache_too_small_names_the_records_that_cap_the_hot_set()
    {
        // 50 items a request over 1M links: 100 MB, against 64 MB of memory: 1.56x.
        var yaml = CacheSizingTests.Design(", count: 50").Replace("memory: 1GB", "memory: 64MB", StringComparison.Ordinal);
        var finding = Assert.Single(ReviewKit.Review(yaml).Of("cache-too-small"));
        Assert.Equal("cache's hot set is 100 MB (20% of the 1M records that exist, of 432M reads a day, x 500 B), 1.56x its 64 MB of memory", finding.Message);
        Assert.Empty(ReviewKit.Review(CacheSizingTests.Design(", count: 50")).Of("cache-too-small"));
    }
}
