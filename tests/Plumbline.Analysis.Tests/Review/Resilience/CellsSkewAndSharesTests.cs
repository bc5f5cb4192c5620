using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Review;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Resilience;

/// <summary>Cells, skew, consumer shares and sequential timeouts, through the real loader, against hand arithmetic.</summary>
public sealed class CellsSkewAndSharesTests
{
    // A shared service (300 instances) in front of a store split into 100 pods, each with its own primary.
    private static string Pods(string cells) => $$"""
        plumbline: 1
        system: { name: shop }
        workflows:
          checkout: { entry: app.checkout, rate: 100/s, type: write, criticality: critical }
        components:
          app:
            kind: service
            instances: 300
            zones: [a, b, c]
            availability: 99%
            {{cells}}
            operations:
              checkout:
                calls:
                  - { to: pod-db.write, timeout: 200ms }
          pod-db:
            kind: database
            instances: 100
            replicas: 100
            zones: [a, b]
            cells: { count: 100, key: shop_id, router: app }
            operations: { write: { type: write } }
        """;

    [Fact]
    public void One_cell_failing_takes_its_share_of_the_traffic_not_the_whole_tier()
    {
        var context = ReviewKit.Context(Pods(string.Empty));
        var radius = context.BlastRadiusOf("pod-db");

        // 1 of 100 cells: 1% of checkout, under the 50% the rule reports.
        Assert.Equal(100, radius.Cells);
        Assert.Equal(0.01, Assert.Single(radius.Fails).Share, 12);
        Assert.Equal(0.01, radius.FailedTrafficShare, 12);
        Assert.DoesNotContain(ReviewKit.Review(Pods(string.Empty)).Of("blast-radius"), f => f.Subject == "pod-db");

        // Without cells the same store is one failure unit: 100% of checkout.
        var whole = ReviewKit.Context(Pods(string.Empty).Replace("    cells: { count: 100, key: shop_id, router: app }\n", string.Empty, StringComparison.Ordinal));
        Assert.Equal(1.0, whole.BlastRadiusOf("pod-db").FailedTrafficShare, 12);
    }

    [Fact]
    public void A_request_sees_its_own_cells_instances_not_every_cells()
    {
        // 300 instances over 100 cells: 3 per cell at 99% each, one in each of zones a, b, c (99.99% each by
        // default): an instance serves when it and its zone are up, 0.99 x 0.9999; the cell fails when all 3 are down.
        var cells = ReviewKit.Context(Pods("cells: { count: 100, key: shop_id }")).Availability.Of("app");
        Assert.Equal(3, cells.Parallel);
        Assert.Equal(1 - Math.Pow(1 - (0.99 * 0.9999), 3), cells.Value, 12);

        // As one pool, all 300 are parallel copies.
        Assert.Equal(300, ReviewKit.Context(Pods(string.Empty)).Availability.Of("app").Parallel);

        // A store's shard lives in one cell: still the 2 copies of a shard (1 + 100 / 100).
        Assert.Equal(2, ReviewKit.Context(Pods(string.Empty)).Availability.Of("pod-db").Parallel);
    }

    private static string Flash(string hottest) => $$"""
        plumbline: 1
        system: { name: shop }
        workflows:
          checkout:
            entry: api.checkout
            rate: 1000/s
            peak_rate: 2000/s
            type: write
            skew: { key: shop_id, hottest: {{hottest}} }
        components:
          api:
            kind: service
            instances: 20
            capacity: 500/s
            operations:
              checkout:
                calls:
                  - { to: orders-db.write, timeout: 200ms }
          orders-db:
            kind: database
            engine: mysql
            instances: 10
            shard_key: shop_id
            capacity: 400/s
            operations: { write: { type: write } }
        """;

    [Fact]
    public void The_hottest_key_at_peak_is_held_against_one_shards_capacity()
    {
        // 2,000/s over 10 shards: 200/s each; the hot shop adds 2,000 x 30% x (1 - 1/10) = 540/s: 740/s of 400/s.
        var finding = Assert.Single(ReviewKit.Review(Flash("30%")).Of("hot-key-over-capacity"));
        Assert.Equal("hot-key-over-capacity@checkout:orders-db", finding.Key);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Contains("200/s even share + 540/s hot = 740/s, 185% of its 400/s", finding.Message, StringComparison.Ordinal);

        // 10%: 200 + 180 = 380/s, 95%: above the 70% target, under capacity.
        Assert.Equal(Severity.Medium, Assert.Single(ReviewKit.Review(Flash("10%")).Of("hot-key-over-capacity")).Severity);

        // 2%: 200 + 36 = 236/s, 59%: fits.
        Assert.Empty(ReviewKit.Review(Flash("2%")).Of("hot-key-over-capacity"));
    }

    [Fact]
    public void The_hottest_cell_is_held_against_one_cells_capacity()
    {
        // A service in 4 cells of 2 instances at 100/s: 200/s per cell. Peak 400/s: 100/s each; the hot tenant
        // at 50% adds 400 x 50% x 3/4 = 150/s: 250/s, 125% of one cell's 200/s.
        var finding = Assert.Single(ReviewKit.Review("""
            plumbline: 1
            system: { name: saas }
            workflows:
              ingest: { entry: edge.post, rate: 400/s, peak_rate: 400/s, type: write, skew: { key: tenant_id, hottest: 50% } }
            components:
              edge:
                kind: load_balancer
                operations:
                  post:
                    calls:
                      - { to: api.post, timeout: 1s }
              api:
                kind: service
                instances: 8
                capacity: 100/s
                cells: { count: 4, key: tenant_id, router: edge }
                operations: { post: { type: write } }
            """).Of("hot-key-over-capacity"));
        Assert.Contains("one of api's 4 cells: 100/s even share + 150/s hot = 250/s, 125% of its 200/s", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sequential_calls_each_wait_their_timeout_against_the_callers()
    {
        // 15 calls one after another to a slow callee, 500ms each: 7.5s, under a caller waiting 5s.
        const string Design = """
            plumbline: 1
            system: { name: shop }
            workflows:
              page: { entry: edge.get, rate: 10/s }
            components:
              edge:
                kind: load_balancer
                operations:
                  get:
                    calls:
                      - { to: api.page, timeout: 5s }
              api:
                kind: service
                operations:
                  page:
                    calls:
                      - { to: db.get, count: 15, timeout: 500ms }
              db:
                kind: database
                operations: { get: {} }
            """;
        var finding = Assert.Single(ReviewKit.Review(Design).Of("timeout-inversion"));
        Assert.Contains("needs 7.5s", finding.Message, StringComparison.Ordinal);
        Assert.Contains("db.get 15 calls in turn x (500ms) = 7.5s", finding.Message, StringComparison.Ordinal);

        // With one retry each: 15 x 2 x 500ms = 15s.
        var context = ReviewKit.Context(Design.Replace("timeout: 500ms }", "timeout: 500ms, retries: 1 }", StringComparison.Ordinal));
        Assert.Equal(15.0, TimeoutBudget.Of(context.Graph, context.Graph.IndexOf(new OperationRef("api", "page"))).Seconds, 9);

        // Made in parallel, the caller waits for the slowest once: 500ms.
        Assert.Empty(ReviewKit.Review(Design.Replace("count: 15,", "count: 15, parallel: true,", StringComparison.Ordinal)).Of("timeout-inversion"));
    }

    private static string Queue(string consumer) => $$"""
        plumbline: 1
        system: { name: chat }
        workflows:
          post: { entry: api.post, rate: 1000/s, peak_rate: 1000/s, type: write }
        components:
          api:
            kind: service
            operations:
              post:
                calls:
                  - { to: events.publish, async: true }
          events:
            kind: queue
            dead_letter: true
            consumers: [{{consumer}}]
            operations: { publish: { type: write } }
          mailer:
            kind: worker
            instances: 2
            capacity: 10/s
            operations: { send: { type: write } }
        """;

    [Fact]
    public void A_consumer_taking_a_share_is_sized_for_that_share()
    {
        // The mailer takes 1% of 1,000/s: 10/s, against 2 x 10/s = 20/s; it keeps up with a publish rate of 20 / 1% = 2,000/s.
        var shared = ReviewKit.Context(Queue("{ to: mailer.send, share: 1% }"));
        var flow = Assert.Single(shared.Estimate.Queues);
        Assert.Equal(2000, flow.ConsumerCapacity.Value!.Value, 9);
        Assert.Equal(0, flow.BacklogPerHour.Value!.Value, 9);
        Assert.Equal(10, shared.Estimate.Operations.Single(o => o.Component == "mailer").Peak.Value!.Value, 9);
        Assert.Empty(ReviewKit.Review(Queue("{ to: mailer.send, share: 1% }")).Of("queue-backlog-grows"));

        // Taking every message: 1,000/s against 20/s, (1,000 - 20) x 3600 = 3,528,000 an hour.
        var all = Assert.Single(ReviewKit.Context(Queue("mailer.send")).Estimate.Queues);
        Assert.Equal(3_528_000, all.BacklogPerHour.Value!.Value, 6);

        // 5% of 1,000/s = 50/s against 20/s: (1,000 - 400) x 5% x 3600 = 108,000 of its messages an hour.
        var five = Assert.Single(ReviewKit.Context(Queue("{ to: mailer.send, share: 5% }")).Estimate.Queues);
        Assert.Equal(400, five.ConsumerCapacity.Value!.Value, 9);
        Assert.Equal(108_000, five.BacklogPerHour.Value!.Value, 6);
    }
}
