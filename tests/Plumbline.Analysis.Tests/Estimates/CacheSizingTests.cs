using Plumbline.Analysis.Estimates;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>
/// A cache's hot set: a fifth of the distinct items read in a day, capped by the records that exist, each the size of
/// the entity the cache actually holds. Hand-computed, through the real loader.
/// </summary>
public sealed class CacheSizingTests
{
    // 100 requests a second; the store keeps 1M links of 500 B and 1M clicks of 2 KB.
    internal static string Design(string cacheCall, string cacheOps = "get: {}") => $$"""
        plumbline: 1
        system: { name: t }
        workflows:
          w: { entry: a.run, rate: 100/s }
        data:
          - { entity: Link, owner: db, record_size: 500B, initial_records: 1M }
          - { entity: Click, owner: db, record_size: 2KB, initial_records: 1M }
        components:
          a:
            kind: service
            operations:
              run:
                calls:
                  - { to: cache.get, timeout: 10ms{{cacheCall}} }
                  - { to: db.get_link, timeout: 50ms }
          cache: { kind: cache, hit_ratio: 0.9, memory: 1GB, operations: { {{cacheOps}} } }
          db: { kind: database, operations: { get_link: {} } }
        """;

    private static CacheSizing Cache(string yaml) => Estimator.Estimate(TestDesigns.Load(yaml)).Caches.Single();

    [Fact]
    public void The_hot_set_is_capped_by_the_records_that_exist_and_sized_by_the_entity_cached()
    {
        var cache = Cache(Design(string.Empty));

        // 100/s x 86,400 s = 8.64M reads a day, but only 1M links exist: 20% x 1M x 500 B = 100 MB.
        // (Before: the largest record in the store and every read a new item, 20% x 8.64M x 2 KB = 3.456 GB.)
        Assert.Equal(8_640_000, cache.ReadsPerDay.Value!.Value, 3);
        Assert.Equal(500, cache.ItemSize.Value!.Value);
        Assert.Equal(1e8, cache.HotSet.Value!.Value, 0);
        Assert.Contains("at most the records that exist", cache.HotSet.Formula, StringComparison.Ordinal);
        Assert.Equal(0.1, cache.Fit.Value!.Value, 9);
    }

    [Fact]
    public void A_fan_out_read_is_capped_by_the_records_too()
    {
        // 50 items a request: 432M item reads a day, still at most the 1M links that exist: 100 MB.
        var cache = Cache(Design(", count: 50"));
        Assert.Equal(432_000_000, cache.ReadsPerDay.Value!.Value, 3);
        Assert.Equal(1e8, cache.HotSet.Value!.Value, 0);
    }

    [Fact]
    public void What_the_cache_says_it_reads_decides_the_item_size()
    {
        // The cache's get reads Click: 2 KB items, 1M of them: 20% x 1M x 2 KB = 400 MB.
        var cache = Cache(Design(string.Empty, "get: { reads: [Click] }"));
        Assert.Equal(2000, cache.ItemSize.Value!.Value);
        Assert.Equal(4e8, cache.HotSet.Value!.Value, 0);
    }

    [Fact]
    public void Without_record_counts_the_reads_alone_bound_the_hot_set()
    {
        var yaml = Design(string.Empty).Replace(", initial_records: 1M", string.Empty, StringComparison.Ordinal);
        var cache = Cache(yaml);

        // 20% x 8.64M x 500 B = 864 MB.
        Assert.Equal(8.64e8, cache.HotSet.Value!.Value, 0);
        Assert.DoesNotContain("records that exist", cache.HotSet.Formula, StringComparison.Ordinal);
    }
}
