using Plumbline.Analysis.Review;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Storage;

public sealed class DataOutgrowsNodeTests
{
    private static string Entity(string rate, string size, string retention = "forever") =>
        $"  - entity: E\n    owner: store\n    record_size: {size}\n    new_records: {rate}\n    retention: {retention}\n    access:\n      - point_lookup(id)";

    [Fact]
    public void A_node_filling_within_a_year_is_high_with_the_month()
    {
        // 100M x 1KB = 100 GB a month: 1.1 TB at month 11 is the first over 1.05 TB; 1.2 TB at 12 months.
        var store = "    kind: database\n    engine: postgresql\n    storage_per_node: 1.05TB";
        var finding = Assert.Single(ReviewKit.Findings(StorageKit.Design(Entity("100M/month", "1KB"), store), "data-outgrows-node"));
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal("data-outgrows-node@store", finding.Key);
        Assert.Contains("1.2 TB (one copy) at 12 months", finding.Message, StringComparison.Ordinal);
        Assert.Contains("from month 11", finding.Message, StringComparison.Ordinal);
        Assert.Contains("on one instance with no shard_key", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compound_growth_sets_the_month_and_a_long_runway_is_low()
    {
        // 50%/year is g = 1.5^(1/12) a month; records(t) = 100M (g^t - 1) / ln g. 500 B each passes 4 TB when
        // g^t > 1 + 8e9 ln g / 1e8 = 3.7031, t > ln 3.7031 / ln g = 38.75: month 39, 60-month horizon.
        var store = "    kind: database\n    engine: postgresql\n    shard_key: code\n    storage_per_node: 4TB";
        var yaml = StorageKit.Design(Entity("100M/month", "500B", "5y"), store, "requirements: { growth: 50%/year }");
        var finding = Assert.Single(ReviewKit.Findings(yaml, "data-outgrows-node"));
        Assert.Equal(Severity.Low, finding.Severity);
        Assert.Contains("at 60 months", finding.Message, StringComparison.Ordinal);
        Assert.Contains("from month 39", finding.Message, StringComparison.Ordinal);
        Assert.Contains("shard_key code is declared but not yet used", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shards_share_the_data()
    {
        // 100 GB a month on 4 shards: 1.5 TB each at 60 months, over 1.01 TB; 4.1 TB > 4.04 TB first at month 41; 6 shards needed.
        var store = "    kind: database\n    engine: postgresql\n    instances: 4\n    shard_key: device\n    storage_per_node: 1.01TB";
        var finding = Assert.Single(ReviewKit.Findings(StorageKit.Design(Entity("100M/month", "1KB"), store), "data-outgrows-node"));
        Assert.Equal(Severity.Low, finding.Severity);
        Assert.Contains("6 TB (one copy) at 60 months, 1.5 TB on each of its 4 instances", finding.Message, StringComparison.Ordinal);
        Assert.Contains("from month 41", finding.Message, StringComparison.Ordinal);
        Assert.Contains("it needs 6 instances at 60 months", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_quotes_the_estimates_shards_at_the_horizon_it_names()
    {
        // 100 GB a month on 4 shards of 290 GB: 1.2 TB at 12 months is 300 GB a shard, already over, so the
        // finding is at 12 months and needs ceil(1.2 TB / 290 GB) = 5 instances: the estimate's "shards for
        // storage at 12 months". The estimate's table shows the longest horizon, 6 TB at 60 months: 21.
        var store = "    kind: database\n    engine: postgresql\n    instances: 4\n    shard_key: device\n    storage_per_node: 290GB";
        var yaml = StorageKit.Design(Entity("100M/month", "1KB"), store);
        var finding = Assert.Single(ReviewKit.Findings(yaml, "data-outgrows-node"));
        var estimate = Plumbline.Analysis.Estimates.Estimator.Estimate(TestDesigns.Load(yaml));
        var owner = estimate.StorageByOwner.Single(o => o.Component == "store");

        Assert.Contains("at 12 months", finding.Message, StringComparison.Ordinal);
        Assert.Contains("it needs 5 instances at 12 months", finding.Message, StringComparison.Ordinal);
        Assert.Equal("shards for storage at 12 months", owner.ShardsForStorageAt[0].Name);
        Assert.Equal(5, owner.ShardsForStorageAt[0].Value);
        Assert.Equal("shards for storage at 60 months", owner.ShardsForStorage.Name);
        Assert.Equal(21, owner.ShardsForStorage.Value);
    }

    [Fact]
    public void Database_instances_without_a_shard_key_each_hold_everything_but_a_search_cluster_spreads()
    {
        var database = "    kind: database\n    engine: postgresql\n    instances: 4\n    storage_per_node: 1.01TB";
        var finding = Assert.Single(ReviewKit.Findings(StorageKit.Design(Entity("100M/month", "1KB"), database), "data-outgrows-node"));
        Assert.Contains("its 4 instances have no shard_key, so each holds all of it", finding.Message, StringComparison.Ordinal);

        var search = "    kind: search\n    engine: elasticsearch\n    instances: 8\n    storage_per_node: 1.01TB";
        Assert.Empty(ReviewKit.Findings(StorageKit.Design(Entity("100M/month", "1KB") + "\n    source: derived from Doc", search), "data-outgrows-node"));
    }

    [Fact]
    public void Object_stores_and_unsized_entities_are_not_checked()
    {
        var bucket = "    kind: object_store\n    engine: s3\n    storage_per_node: 1GB";
        Assert.Empty(ReviewKit.Findings(StorageKit.Design(Entity("100M/month", "1KB"), bucket), "data-outgrows-node"));
        var unsized = "  - entity: E\n    owner: store\n    new_records: 100M/month\n    access:\n      - point_lookup(id)";
        Assert.Empty(ReviewKit.Findings(StorageKit.Design(unsized, "    kind: database\n    storage_per_node: 1GB"), "data-outgrows-node"));
    }
}
