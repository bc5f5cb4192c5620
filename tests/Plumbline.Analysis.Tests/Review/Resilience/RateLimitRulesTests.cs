using Plumbline.Analysis.Review;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Resilience;

/// <summary>Rules that read rate limits as a structure, through the real loader, against hand arithmetic.</summary>
public sealed class RateLimitRulesTests
{
    // A checkout writes twice to a store of 10 shards on shop_id, 300/s each.
    private static string Shards(string limit, string shardKey = "shop_id") => $$"""
        plumbline: 1
        system: { name: shop }
        workflows:
          checkout: { entry: api.checkout, rate: 100/s, type: write }
        components:
          api:
            kind: service
            instances: 4
            capacity: 500/s
            rate_limit: {{limit}}
            operations:
              checkout:
                calls:
                  - { to: orders-db.write, timeout: 200ms, count: 2 }
          orders-db:
            kind: database
            instances: 10
            shard_key: {{shardKey}}
            capacity: 300/s
            operations: { write: { type: write } }
        """;

    [Fact]
    public void A_per_key_limit_above_one_shard_is_raised_with_its_arithmetic()
    {
        // 200/s per shop x 2 writes = 400/s on the one shard holding the shop, of 3,000/s over 10 shards = 300/s: 133%.
        var finding = Assert.Single(ReviewKit.Review(Shards("200/s per shop")).Of("rate-limit-over-partition"));
        Assert.Equal("rate-limit-over-partition@api->orders-db", finding.Key);
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Equal(
            "api's rate_limit 200/s per shop lets one shop send orders-db 200/s x 2 = 400/s; the one of its 10 shards that holds it takes 300/s (133%)",
            finding.Message);
    }

    [Theory]
    [InlineData("100/s per shop")]                   // 100 x 2 = 200/s, within 300/s
    [InlineData("200/s per app per shop")]           // a pair's counter does not bound one shop
    [InlineData("200/s")]                            // global
    [InlineData("200/s per user")]                   // another key than the store's
    public void The_fixed_twins_are_not_raised(string limit) =>
        Assert.Empty(ReviewKit.Review(Shards(limit)).Of("rate-limit-over-partition"));

    [Fact]
    public void A_per_tenant_limit_is_held_against_one_cell()
    {
        // 4 cells of 2 instances at 100/s: 200/s a cell. 250/s per tenant through edge: 125% of one cell.
        var yaml = """
            plumbline: 1
            system: { name: saas }
            workflows:
              ingest: { entry: edge.post, rate: 100/s, type: write }
            components:
              edge:
                kind: load_balancer
                rate_limit: [10000/s, { rate: 250/s, per: tenant }]
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
            """;
        var finding = Assert.Single(ReviewKit.Review(yaml).Of("rate-limit-over-partition"));
        Assert.Equal("edge's rate_limit 250/s per tenant lets one tenant send api 250/s x 1 = 250/s; the one of its 4 cells that holds it takes 200/s (125%)", finding.Message);
        Assert.Empty(ReviewKit.Review(yaml.Replace("rate: 250/s", "rate: 150/s", StringComparison.Ordinal)).Of("rate-limit-over-partition"));
    }

    // The hot-key design of CellsSkewAndSharesTests: peak 2,000/s over 10 shards of 400/s, the hottest shop at 30%.
    private static string Flash(string limit) => $$"""
        plumbline: 1
        system: { name: shop }
        workflows:
          checkout:
            entry: api.checkout
            rate: 1000/s
            peak_rate: 2000/s
            type: write
            skew: { key: shop_id, hottest: 30% }
        components:
          api:
            kind: service
            instances: 20
            capacity: 500/s
            {{limit}}
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
    public void A_per_key_limit_on_the_skews_key_caps_the_hottest_key()
    {
        // Unlimited: 200/s even + 2,000 x 30% x 0.9 = 540/s hot = 740/s (185%).
        Assert.Equal(Severity.High, Assert.Single(ReviewKit.Review(Flash(string.Empty)).Of("hot-key-over-capacity")).Severity);

        // 100/s per shop: the hottest shop is at most 100 / 2,000 = 5%: 200 + 2,000 x 5% x 0.9 = 290/s, 72.5% of 400/s:
        // over the 70% target, under capacity.
        var capped = Assert.Single(ReviewKit.Review(Flash("rate_limit: 100/s per shop")).Of("hot-key-over-capacity"));
        Assert.Equal(Severity.Medium, capped.Severity);
        Assert.Contains("hottest shop_id (5% of its ", capped.Message, StringComparison.Ordinal);
        Assert.Contains(" on orders-db, capped by api's rate_limit 100/s per shop)", capped.Message, StringComparison.Ordinal);
        Assert.Contains("200/s even share + 90/s hot = 290/s", capped.Message, StringComparison.Ordinal);

        // 20/s per shop: 1%, 200 + 18 = 218/s, 54.5%: fits.
        Assert.Empty(ReviewKit.Review(Flash("rate_limit: 20/s per shop")).Of("hot-key-over-capacity"));

        // A limit per another key, or per a pair, does not cap one shop.
        Assert.Equal(Severity.High, Assert.Single(ReviewKit.Review(Flash("rate_limit: 20/s per user")).Of("hot-key-over-capacity")).Severity);
        Assert.Equal(Severity.High, Assert.Single(ReviewKit.Review(Flash("rate_limit: 20/s per app per shop")).Of("hot-key-over-capacity")).Severity);
    }

    private static string Public(string limit, string isPublic = ", public: questions are read anonymously") => $$"""
        plumbline: 1
        system: { name: qa }
        workflows:
          view: { entry: web.page, rate: 500/s{{isPublic}} }
        components:
          web:
            kind: service
            {{limit}}
            operations: { page: {} }
        """;

    [Fact]
    public void A_public_entry_limited_only_globally_is_raised_and_a_per_client_limit_answers_it()
    {
        var finding = Assert.Single(ReviewKit.Review(Public("rate_limit: 5000/s")).Of("public-entry-with-global-limit-only"));
        Assert.Equal("public-entry-with-global-limit-only@view", finding.Key);
        Assert.Equal("view is public and its only rate limits are global (web: 5K/s): one anonymous client can spend all of it", finding.Message);

        Assert.Empty(ReviewKit.Review(Public("rate_limit: [5000/s, 20/s per ip]")).Of("public-entry-with-global-limit-only"));
        Assert.Empty(ReviewKit.Review(Public("rate_limit: 5000/s", string.Empty)).Of("public-entry-with-global-limit-only"));
        Assert.Empty(ReviewKit.Review(Public(string.Empty)).Of("public-entry-with-global-limit-only"));
    }
}
