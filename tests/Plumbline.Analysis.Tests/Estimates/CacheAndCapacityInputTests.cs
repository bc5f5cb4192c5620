using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Explain;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>
/// Which entities a cache holds and what its hot set is worked from, what a component's loads list, when headroom is unknown,
/// and how a latency objective and an amplification path read, each worked by hand on the cache design of
/// <see cref="CacheSizingTests"/> (100/s; 1M links of 500 B and 1M clicks of 2 KB).
/// </summary>
public sealed class CacheAndCapacityInputTests
{
    private static EstimateReport Estimate(string yaml) => Estimator.Estimate(TestDesigns.Load(yaml));

    private static string Cached(string callee, string calleeOps, string memory = "memory: 1GB, ") =>
        CacheSizingTests.Design(string.Empty)
            .Replace("db.get_link", "db." + callee, StringComparison.Ordinal)
            .Replace("get_link: {}", calleeOps, StringComparison.Ordinal)
            .Replace("memory: 1GB, ", memory, StringComparison.Ordinal);

    [Fact]
    public void A_cache_behind_which_no_entity_is_named_holds_every_entity_of_the_store_and_sizes_by_the_largest()
    {
        // db.get names neither entity: the cache holds both, items of the larger, 2 KB. 8.64M reads a day, at most the 2M
        // records that exist: 20% x 2M x 2,000 B = 800 MB, 0.8 of the 1 GB.
        var cache = Estimate(Cached("get", "get: {}")).Caches.Single();
        Assert.Equal(2000, cache.ItemSize.Value);
        Assert.Equal("Click record_size", cache.ItemSize.Inputs.Single().Name);
        Assert.Equal(8e8, cache.HotSet.Value!.Value, 0);
        Assert.Equal(
            [("hot fraction", 0.2), ("reads per day", 8_640_000), ("records at 12 months (Link, Click)", 2_000_000), ("item size", 2000)],
            cache.HotSet.Inputs.Select(i => (i.Name, Math.Round(i.Value, 6))));
        Assert.Equal(0.8, cache.Fit.Value!.Value, 9);
        Assert.Equal([8e8, 1e9], cache.Fit.Inputs.Select(i => Math.Round(i.Value, 3)));
    }

    [Fact]
    public void What_the_callee_says_it_reads_is_what_the_cache_holds()
    {
        // db.fetch reads Click: 20% x 1M x 2,000 B = 400 MB.
        var cache = Estimate(Cached("fetch", "fetch: { reads: [Click] }")).Caches.Single();
        Assert.Equal(2000, cache.ItemSize.Value);
        Assert.Equal(4e8, cache.HotSet.Value!.Value, 0);
    }

    [Fact]
    public void An_entity_with_no_record_count_leaves_only_the_reads_to_bound_the_hot_set()
    {
        // Click states no count: the reads alone bound it, 20% x 8.64M x 2,000 B = 3.456 GB; no records input.
        var yaml = Cached("get", "get: {}").Replace("record_size: 2KB, initial_records: 1M", "record_size: 2KB", StringComparison.Ordinal);
        var cache = Estimate(yaml).Caches.Single();
        Assert.Equal(3.456e9, cache.HotSet.Value!.Value, 0);
        Assert.Equal(["hot fraction", "reads per day", "item size"], cache.HotSet.Inputs.Select(i => i.Name));
    }

    [Fact]
    public void A_cache_with_no_memory_or_no_sized_store_says_why_it_is_unsized()
    {
        var noMemory = Estimate(Cached("get", "get: {}", memory: string.Empty)).Caches.Single();
        Assert.True(noMemory.HotSet.IsKnown);
        Assert.False(noMemory.Fit.IsKnown);
        Assert.Equal("no memory stated", noMemory.Fit.Formula);

        var unsized = Estimate(Cached("get", "get: {}").Replace("record_size: 500B, ", string.Empty, StringComparison.Ordinal)
            .Replace("record_size: 2KB, ", string.Empty, StringComparison.Ordinal)).Caches.Single();
        Assert.Equal("the backing store's entities have no record_size", unsized.HotSet.Formula);

        var alone = Estimate("""
            plumbline: 1
            system: { name: t }
            workflows:
              w: { entry: cache.get, rate: 10/s }
            components:
              cache: { kind: cache, hit_ratio: 0.9, memory: 1GB, operations: { get: {} } }
            """).Caches.Single();
        Assert.Equal("no miss path to a store (a call after the cache call, or the cache's own calls)", alone.ItemSize.Formula);
    }

    [Fact]
    public void A_component_s_loads_list_its_operations_and_its_reads_and_writes_only_theirs()
    {
        var report = Estimate("""
            plumbline: 1
            system: { name: t }
            requirements: { peak_to_average: 2 }
            workflows:
              read: { entry: db.get, rate: 30/s }
              write: { entry: db.insert, rate: 10/s, type: write }
            components:
              db: { kind: database, capacity: 100/s, operations: { get: {}, insert: { type: write } } }
            """);
        var db = report.Components.Single();
        Assert.Equal([("db.get", 60), ("db.insert", 20)], db.PeakLoad.Inputs.Select(i => (i.Name, i.Value)));
        Assert.Equal([("db.get", 60.0)], db.PeakReads.Inputs.Select(i => (i.Name, i.Value)));
        Assert.Equal([("db.insert", 20.0)], db.PeakWrites.Inputs.Select(i => (i.Name, i.Value)));

        // No growth stated: no headroom in months.
        Assert.False(db.HeadroomMonths.IsKnown);
        Assert.Equal("no growth stated", db.HeadroomMonths.Formula);
    }

    [Fact]
    public void An_objective_met_exactly_is_met()
    {
        var at = new Figure("latency p99", 0.1, FigureUnit.Seconds, "f", []);
        Assert.True(new LatencyObjective("s", "/slos/s", 0.99, 0.1, at, at).Meets);
        Assert.False(new LatencyObjective("s", "/slos/s", 0.99, 0.0999, at, at).Meets);
        Assert.Null(new LatencyObjective("s", "/slos/s", 0.99, 0.1, Figure.Unknown("latency p99", FigureUnit.Seconds, "why"), at).Meets);
    }

    [Fact]
    public void An_amplification_path_is_written_once_or_as_given()
    {
        var figure = new Figure("worst-case retry amplification", 1, FigureUnit.Factor, "f", []);
        var given = new OperationLoad("a.b", "a", AccessType.Read, figure, figure, figure) { AmplificationPath = "a.b (x3) = 3x" };
        Assert.Equal("a.b (x3) = 3x", given.AmplificationPath);

        var calls = 0;
        var described = new OperationLoad("a.b", "a", AccessType.Read, figure, figure, figure) { DescribeAmplification = () => $"call {++calls}" };
        Assert.Equal("call 1", described.AmplificationPath);
        Assert.Equal("call 1", described.AmplificationPath);
    }

    [Fact]
    public void An_input_from_a_default_has_no_line()
    {
        // Item's new records a month: new_records (line 6 of the file) x the seconds of an average month, a default.
        var item = Estimate("""
            plumbline: 1
            system: { name: t }
            workflows:
              w: { entry: db.insert, rate: 1/s, type: write }
            data:
              - { entity: Item, owner: db, record_size: 1KB, new_records: 1/s }
            components:
              db: { kind: database, operations: { insert: { type: write } } }
            """).Storage.Single();
        Assert.Equal([("/data/0/new_records", 6), ("default", 0)], item.NewRecordsPerMonth.Inputs.Select(i => (i.Source, i.Line)));
    }
}
