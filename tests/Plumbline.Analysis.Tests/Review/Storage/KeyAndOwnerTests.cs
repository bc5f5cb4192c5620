using Plumbline.Analysis.Review;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Storage;

public sealed class KeyAndOwnerTests
{
    [Theory]
    [InlineData("created_at", true)]
    [InlineData("createdAt", true)]
    [InlineData("(day, hour)", true)]
    [InlineData("(country, status)", true)]
    [InlineData("is_active", true)]
    [InlineData("(conversation, month)", false)]
    [InlineData("user_id", false)]
    [InlineData("h3 resolution-5 cell", false)]
    public void Shard_keys_made_only_of_time_or_few_valued_fields_are_hot(string key, bool hot)
    {
        var store = $"    kind: database\n    engine: cassandra\n    instances: 6\n    shard_key: \"{key}\"";
        var entity = "  - entity: E\n    owner: store\n    access:\n      - point_lookup(id)";
        var findings = ReviewKit.Findings(StorageKit.Design(entity, store), "hot-partition-risk");
        Assert.Equal(hot, findings.Count == 1);
    }

    [Fact]
    public void A_risky_key_on_one_instance_is_a_plan_and_low()
    {
        var store = "    kind: database\n    engine: postgresql\n    shard_key: country";
        var entity = "  - entity: E\n    owner: store\n    access:\n      - point_lookup(id)";
        Assert.Equal(Severity.Low, Assert.Single(ReviewKit.Findings(StorageKit.Design(entity, store), "hot-partition-risk")).Severity);
    }

    [Theory]
    [InlineData("time_series(time, sensor)", "cassandra", true)]
    [InlineData("time_series(sensor, time)", "cassandra", false)]
    [InlineData("time_series(time, sensor)", "timescaledb", false)]
    public void Time_first_series_are_hot_on_stores_partitioned_by_key(string pattern, string engine, bool hot)
    {
        var entity = $"  - entity: Reading\n    owner: store\n    access:\n      - {pattern}";
        var findings = ReviewKit.Findings(StorageKit.Design(entity, $"    kind: database\n    engine: {engine}"), "hot-partition-risk");
        Assert.Equal(hot, findings.Count == 1);
        if (hot)
        {
            Assert.Equal("hot-partition-risk@Reading:time_series", findings[0].Key);
            Assert.Contains("lead with sensor", findings[0].Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("    kind: service", "1d", "high")]                         // stateless: lost on deploy
    [InlineData("    kind: cache\n    engine: redis", "30d", "medium")]     // only copy in memory
    [InlineData("    kind: cache\n    engine: redis", "1d", "none")]        // ephemeral by design
    [InlineData("    kind: cache\n    engine: redis\n    backup: { every: 1h }", "30d", "none")]
    [InlineData("    kind: service\n    stateless: false", "30d", "none")]
    public void Entities_need_a_durable_owner(string owner, string retention, string expected)
    {
        var entity = $"  - entity: Session\n    owner: store\n    retention: {retention}\n    access:\n      - point_lookup(id)";
        var findings = ReviewKit.Findings(StorageKit.Design(entity, owner), "entity-without-durable-owner");
        Assert.Equal(expected, findings.Count == 0 ? "none" : findings[0].Severity.ToString().ToLowerInvariant());
    }

    [Fact]
    public void Derived_cache_data_is_low()
    {
        var entity = "  - entity: Timeline\n    owner: store\n    retention: 7d\n    derived_from: [Post]\n    access:\n      - point_lookup(user)";
        var finding = Assert.Single(ReviewKit.Findings(StorageKit.Design(entity + "\n  - { entity: Post }", "    kind: cache\n    engine: redis"), "entity-without-durable-owner"));
        Assert.Contains("Post can rebuild it", finding.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.Low, finding.Severity);
    }

    [Fact]
    public void Derivation_is_read_from_derived_from_never_from_the_source_text()
    {
        var design = ReviewKit.Load("""
            plumbline: 1
            system: { name: t }
            data:
              - { entity: Post, owner: db }
              - { entity: A, owner: index, derived_from: [Post] }
              - { entity: B, owner: index, derived_from: [indexer] }
              - { entity: C, owner: index, source: rebuilt nightly from Post }
            components:
              db: { kind: database }
              index: { kind: search }
              indexer: { kind: worker }
            """);
        Assert.Equal([true, true, false], design.Data.Skip(1).Select(e => e.IsDerived));
        Assert.Equal(["C"], ReviewKit.Review(design).Of("search-index-as-system-of-record").Select(f => f.Subject));
    }

    [Theory]
    [InlineData("    kind: database\n    engine: dynamodb", true)]
    [InlineData("    kind: database\n    engine: dynamodb\n    description: strongly consistent reads only", true)] // text is not read
    [InlineData("    kind: database\n    engine: dynamodb\n    consistency: strong", false)]
    [InlineData("    kind: database\n    engine: postgresql\n    consistency: eventual", true)]
    [InlineData("    kind: search\n    engine: opensearch", true)]
    [InlineData("    kind: database\n    engine: postgresql", false)]
    [InlineData("    kind: database\n    engine: scylladb\n    instances: 3\n    replicas: 6\n    quorum: 2 of 3", false)]       // 2 + 2 > 3: quorums overlap
    [InlineData("    kind: database\n    engine: scylladb\n    instances: 3\n    replicas: 6\n    quorum: { reads: 1 of 3, writes: 2 of 3 }", true)] // 1 + 2 = 3
    [InlineData("    kind: database\n    engine: cassandra\n    instances: 3\n    replicas: 6\n    quorum: { reads: 1 of 3, writes: 3 of 3 }", false)] // 1 + 3 > 3
    public void Strong_consistency_needs_a_store_that_gives_it(string store, bool fires)
    {
        var entity = "  - entity: Balance\n    owner: store\n    consistency: strong\n    access:\n      - point_lookup(account)";
        Assert.Equal(fires, ReviewKit.Findings(StorageKit.Design(entity, store), "strong-consistency-on-eventual-store").Count == 1);
    }

    [Theory]
    [InlineData("strong", false)]
    [InlineData("eventual", true)]
    public void An_operation_consistency_overrides_its_store(string level, bool fires)
    {
        var design = StorageKit.Design("  - entity: Balance\n    owner: store\n    consistency: strong\n    access:\n      - point_lookup(account)",
            "    kind: database\n    engine: cassandra").Replace("operations: { op: {} }", $"operations: {{ op: {{ consistency: {level} }} }}", StringComparison.Ordinal);
        var findings = ReviewKit.Findings(design, "strong-consistency-on-eventual-store");
        Assert.Equal(fires, findings.Count == 1);
        if (fires)
        {
            Assert.Contains("store.op", findings[0].Message, StringComparison.Ordinal);
        }
    }
}
