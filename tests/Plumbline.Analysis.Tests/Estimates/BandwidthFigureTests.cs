using Plumbline.Analysis.Estimates;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>
/// What each component's ingress and egress is summed from, line by line: requests and responses of the workflows, records
/// read and written along each call (a cache's are the records of the store behind it), and what makes a figure unknown.
/// 1KB is 1,000 bytes.
/// </summary>
public sealed class BandwidthFigureTests
{
    private static EstimateReport Estimate(string yaml) => Estimator.Estimate(TestDesigns.Load(yaml));

    /// <summary>
    /// read: 10/s; browse is per user with no users (no rate); idle runs at 0/s. api.get calls the cache (50% hits), links on
    /// a miss, scans 2 rows of logs (read by range; its largest record is a 5 KB Log) and adds one; spare takes no traffic.
    /// </summary>
    private const string Design = """
        plumbline: 1
        system: { name: t }
        requirements: { peak_to_average: 2 }
        workflows:
          read: { entry: api.get, rate: 10/s, request: 1KB, response: 4KB }
          browse: { entry: api.get, per_user: 10/day, request: 1KB, response: 8KB }
          idle: { entry: api.ping, rate: 0/s }
        data:
          - { entity: Link, owner: links, record_size: 1KB }
          - { entity: Log, owner: logs, record_size: 5KB, access: [range_scan(user)] }
          - { entity: Tail, owner: logs, record_size: 3KB }
        components:
          api:
            kind: service
            operations:
              get: { calls: [ { to: cache.get, timeout: 1s }, { to: links.get, timeout: 1s }, { to: logs.scan, timeout: 1s }, { to: logs.add, timeout: 1s } ] }
              ping: { calls: [ { to: ext.call, timeout: 1s } ] }
          cache: { kind: cache, hit_ratio: 0.5, operations: { get: {} } }
          links: { kind: database, operations: { get: {} } }
          logs: { kind: database, operations: { scan: { rows: 2 }, add: { type: write } } }
          ext: { kind: external, operations: { call: {} } }
          spare: { kind: service, operations: { run: {} } }
        """;

    [Fact]
    public void Each_flow_is_an_input_of_the_ingress_and_egress_it_adds_to()
    {
        var report = Estimate(Design);

        // Only components something flows through: not ext (its only caller runs at 0/s) nor spare.
        Assert.Equal(["api", "cache", "links", "logs"], report.Bandwidth.Select(b => b.Component));
        var api = report.Bandwidth[0];

        // In: read's requests 10/s x 1,000 B; the cache's hits, 10/s x one Link of 1,000 B (the store behind it); the misses,
        // 5/s x 1,000 B; the scan, 10/s x 2 rows x 5,000 B. 125,000 B/s. browse has no rate, so nothing of it counts.
        Assert.Equal(
            [("read requests", 10_000), ("api.get->cache.get reads: 1 record x 1000 B", 10_000), ("api.get->links.get reads: 1 record x 1000 B", 5_000), ("api.get->logs.scan reads: 2 rows x 5000 B", 100_000)],
            api.Ingress.Inputs.Select(i => (i.Name, Math.Round(i.Value, 6))));
        Assert.Equal(125_000, api.Ingress.Value!.Value, 6);

        // Out: read's responses, 10/s x 4,000 B, and the Log it writes, 10/s x 5,000 B (a write moves one record even where
        // reads are by range).
        Assert.Equal(
            [("read responses", 40_000), ("api.get->logs.add writes: 1 record x 5000 B", 50_000)],
            api.Egress.Inputs.Select(i => (i.Name, Math.Round(i.Value, 6))));
        Assert.Equal(90_000, api.Egress.Value!.Value, 6);

        var cache = report.Bandwidth[1];
        Assert.Equal(0, cache.Ingress.Value!.Value);
        Assert.Empty(cache.Ingress.Inputs);
        Assert.Equal(10_000, cache.Egress.Value!.Value, 6);
        Assert.Equal([50_000.0], report.Bandwidth[3].Ingress.Inputs.Select(i => Math.Round(i.Value, 6)));
        Assert.Equal(100_000, report.Bandwidth[3].Egress.Value!.Value, 6);

        // To the internet: read's responses only (browse has no rate).
        Assert.Equal([("read: average x response", 40_000)], report.InternetEgress.Inputs.Select(i => (i.Name, Math.Round(i.Value, 6))));
        Assert.Equal(40_000, report.InternetEgress.Value!.Value, 6);
    }

    private static string Externals(int count) => $$"""
        plumbline: 1
        system: { name: t }
        workflows:
          read: { entry: api.get, rate: 10/s }
        components:
          api: { kind: service, operations: { get: { calls: [ {{string.Join(", ", Enumerable.Range(1, count).Select(i => $"{{ to: e{i}.call, timeout: 1s }}"))}} ] } } }
        {{string.Join("\n", Enumerable.Range(1, count).Select(i => $"  e{i}: {{ kind: external, operations: {{ call: {{}} }} }}"))}}
        """;

    [Fact]
    public void An_unknown_figure_names_three_reasons_and_counts_past_them()
    {
        var three = Estimate(Externals(3)).Bandwidth[0].Ingress;
        Assert.False(three.IsKnown);
        Assert.Equal("unknown: e1.call states no response size; e2.call states no response size; e3.call states no response size (state response or rows on the operation)", three.Formula);

        var four = Estimate(Externals(4)).Bandwidth[0].Ingress;
        Assert.Equal("unknown: e1.call states no response size; e2.call states no response size; e3.call states no response size; ... (state response or rows on the operation)", four.Formula);
    }

    [Fact]
    public void A_cache_whose_store_states_no_record_size_moves_an_unknown_amount()
    {
        var report = Estimate("""
            plumbline: 1
            system: { name: t }
            workflows:
              read: { entry: api.get, rate: 10/s }
            data:
              - { entity: Item, owner: db }
            components:
              api: { kind: service, operations: { get: { calls: [ { to: cache.get, timeout: 1s }, { to: db.get, timeout: 1s } ] } } }
              cache: { kind: cache, hit_ratio: 0.5, operations: { get: {} } }
              db: { kind: database, operations: { get: {} } }
            """);
        var cache = report.Bandwidth.Single(b => b.Component == "cache");
        Assert.False(cache.Egress.IsKnown);
        Assert.Equal("unknown: cache.get states no response size (state response or rows on the operation)", cache.Egress.Formula);
    }
}
