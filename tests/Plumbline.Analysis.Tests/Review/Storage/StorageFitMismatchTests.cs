using Plumbline.Analysis.Review;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Storage;

public sealed class StorageFitMismatchTests
{
    private const string Oltp = "    kind: database\n    engine: postgresql\n    model: oltp";

    private static string Entity(string access, string size = "1KB", string rate = "10/s", string extra = "") =>
        $"  - entity: E\n    owner: store\n    record_size: {size}\n    new_records: {rate}\n    retention: forever\n{extra}    access:\n      - {access}";

    [Theory]
    [InlineData("20M/month", true)]   // 20M x 60 months = 1.2B records: at volume
    [InlineData("16M/month", false)]  // 960M records at 60 months: under 1B
    public void Aggregates_on_a_row_store_are_flagged_only_at_a_billion_records(string rate, bool fires)
    {
        var findings = ReviewKit.Findings(StorageKit.Design(Entity("aggregate(account)", rate: rate), Oltp), "storage-fit-mismatch");
        Assert.Equal(fires, findings.Count == 1);
        if (fires)
        {
            Assert.Equal(Severity.Medium, findings[0].Severity);
            Assert.Contains("1.2B records at 60 months", findings[0].Message, StringComparison.Ordinal);
            Assert.Equal("storage-fit-mismatch@E:aggregate", findings[0].Key);
        }
    }

    [Theory]
    [InlineData("1000/s", 1, true)]
    [InlineData("999/s", 1, false)]
    [InlineData("5000/s", 3, false)]
    public void Time_series_on_oltp_needs_a_high_rate_on_one_instance(string rate, int instances, bool fires)
    {
        var store = $"{Oltp}\n    instances: {instances}\n    shard_key: sensor";
        var findings = ReviewKit.Findings(StorageKit.Design(Entity("time_series(sensor, time)", rate: rate), store), "storage-fit-mismatch");
        Assert.Equal(fires, findings.Count == 1);
    }

    [Theory]
    [InlineData("50KB", true)]
    [InlineData("500KB", false)]
    public void Point_lookups_on_an_object_store_are_flagged_for_small_records(string size, bool fires)
    {
        var store = "    kind: object_store\n    engine: s3";
        var findings = ReviewKit.Findings(StorageKit.Design(Entity("point_lookup(id)", size: size), store), "storage-fit-mismatch");
        Assert.Equal(fires, findings.Count == 1);
    }

    [Fact]
    public void Full_text_on_a_key_value_store_is_unfit_and_says_why()
    {
        var store = "    kind: database\n    engine: dynamodb";
        var finding = Assert.Single(ReviewKit.Findings(StorageKit.Design(Entity("full_text"), store), "storage-fit-mismatch"));
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Contains("key_value, inferred from its engine dynamodb", finding.Message, StringComparison.Ordinal);
        Assert.Contains("add a search index", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Redis_sorted_sets_serve_ranges()
    {
        var store = "    kind: cache\n    engine: redis";
        Assert.Empty(ReviewKit.Findings(StorageKit.Design(Entity("range_scan(user, rank)"), store), "storage-fit-mismatch"));
        var memcached = "    kind: cache\n    engine: memcached";
        Assert.Single(ReviewKit.Findings(StorageKit.Design(Entity("range_scan(user, rank)"), memcached), "storage-fit-mismatch"));
    }

    [Fact]
    public void Blobs_are_left_to_blob_in_database()
    {
        var yaml = StorageKit.Design(Entity("blob", size: "200KB"), Oltp);
        Assert.Empty(ReviewKit.Findings(yaml, "storage-fit-mismatch"));
        var blob = Assert.Single(ReviewKit.Findings(yaml, "blob-in-database"));
        Assert.Equal(Severity.Medium, blob.Severity);
    }

    [Theory]
    [InlineData("2MB", "high")]
    [InlineData("1MB", "none")]    // exactly 1 MB is not over the line
    public void Records_over_a_megabyte_are_blobs_whatever_the_access(string size, string expected)
    {
        var findings = ReviewKit.Findings(StorageKit.Design(Entity("point_lookup(id)", size: size), Oltp), "blob-in-database");
        Assert.Equal(expected == "high", findings.Count == 1 && findings[0].Severity == Severity.High);
        Assert.Equal(expected == "none", findings.Count == 0);
    }
}
