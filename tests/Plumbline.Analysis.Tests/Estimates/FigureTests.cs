using Plumbline.Analysis.Estimates;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>
/// Every figure the estimate produces, on small designs with the arithmetic written out: these tests alone (not the CLI's
/// goldens) fail when a figure changes. A month is the average month, 30.4375 days = 2,629,800 s; 1KB is 1,000 bytes.
/// </summary>
public sealed class FigureTests
{
    private const double SecondsPerMonth = 2_629_800;

    private static EstimateReport Estimate(string yaml) => Estimator.Estimate(TestDesigns.Load(yaml));

    private static ComponentBandwidth Bandwidth(EstimateReport report, string component) =>
        report.Bandwidth.Single(b => b.Component == component);

    private static ComponentCapacity Capacity(EstimateReport report, string component) =>
        report.Components.Single(c => c.Component == component);

    private const string Traffic = """
        plumbline: 1
        system: { name: t }
        requirements: { peak_to_average: 2 }
        workflows:
          read: { entry: api.get, rate: 10/s, request: 1KB, response: 4KB }
          write: { entry: api.put, rate: 2/s, request: 3KB, type: write }
        data:
          - { entity: Item, owner: db, record_size: 2KB }
        components:
          api:
            kind: service
            operations:
              get: { calls: [ { to: db.get, count: 2, timeout: 1s } ] }
              put: { calls: [ { to: db.insert, timeout: 1s } ] }
          db: { kind: database, operations: { get: { response: 500B }, insert: { type: write } } }
        """;

    [Fact]
    public void Each_component_s_bandwidth_is_what_flows_in_and_out_of_it()
    {
        var report = Estimate(Traffic);

        // api takes in the requests (10/s x 1,000 B + 2/s x 3,000 B = 16,000 B/s) and db's responses
        // (10/s x 2 calls x 500 B = 10,000 B/s): 26,000 B/s. It sends out its responses (10/s x 4,000 B = 40,000 B/s)
        // and the records it writes (2/s x 2,000 B = 4,000 B/s): 44,000 B/s.
        var api = Bandwidth(report, "api");
        Assert.Equal(26_000, api.Ingress.Value!.Value, 6);
        Assert.Equal(44_000, api.Egress.Value!.Value, 6);

        // db takes in the written records, 4,000 B/s, and sends out its responses, 10,000 B/s.
        var db = Bandwidth(report, "db");
        Assert.Equal(4_000, db.Ingress.Value!.Value, 6);
        Assert.Equal(10_000, db.Egress.Value!.Value, 6);

        // Egress to the internet: the workflows' responses only, 10/s x 4,000 B.
        Assert.Equal(40_000, report.InternetEgress.Value!.Value, 6);
    }

    [Fact]
    public void A_read_without_a_response_size_moves_rows_times_the_largest_record()
    {
        var report = Estimate("""
            plumbline: 1
            system: { name: t }
            requirements: { peak_to_average: 2 }
            workflows:
              read: { entry: api.get, rate: 5/s }
            data:
              - { entity: Small, owner: db, record_size: 1KB }
              - { entity: Large, owner: db, record_size: 3KB }
            components:
              api: { kind: service, operations: { get: { calls: [ { to: db.list, timeout: 1s }, { to: db.get, timeout: 1s } ] } } }
              db: { kind: database, operations: { list: { rows: 4 }, get: {} } }
            """);

        // list: 5/s x 4 rows x 3,000 B = 60,000 B/s; get: 5/s x 1 record x 3,000 B = 15,000 B/s.
        Assert.Equal(75_000, Bandwidth(report, "db").Egress.Value!.Value, 6);
        Assert.Equal(75_000, Bandwidth(report, "api").Ingress.Value!.Value, 6);
    }

    private static string Store(string capacity, string operations = "get: {}, insert: { type: write }") => $$"""
        plumbline: 1
        system: { name: t }
        requirements: { peak_to_average: 2, growth: 10%/month }
        workflows:
          read: { entry: db.get, rate: 30/s }
          write: { entry: db.insert, rate: 10/s, type: write }
        components:
          db: { kind: database, instances: 2, replicas: 1, capacity: {{capacity}}, operations: { {{operations}} } }
        """;

    [Fact]
    public void Writes_bind_when_primaries_run_fuller_than_every_copy_serving_reads()
    {
        // Peak reads 60/s over 3 copies x 50/s = 40%; peak writes 20/s over 2 primaries x 20/s = 50%: writes bind.
        var db = Capacity(Estimate(Store("{ reads: 50/s, writes: 20/s }")), "db");
        Assert.Equal(40, db.Capacity.Value!.Value, 9);
        Assert.Equal(0.5, db.PeakUtilisation.Value!.Value, 9);
        Assert.Equal(10.0 / 40, db.AverageUtilisation.Value!.Value, 9);
        Assert.Equal(2, db.InstancesNeeded.Value!.Value); // ceil(20 / (20 x 0.7)) = ceil(1.43)
        Assert.Equal(60, db.PeakReads.Value!.Value, 9);
        Assert.Equal(20, db.PeakWrites.Value!.Value, 9);
        Assert.Equal(80, db.PeakLoad.Value!.Value, 9);
        Assert.Equal(40, db.AverageLoad.Value!.Value, 9);

        // ln(1 / 0.5) / ln(1.1) = 7.27 months at 10% a month.
        Assert.Equal(Math.Log(2) / Math.Log(1.1), db.HeadroomMonths.Value!.Value, 9);
    }

    [Fact]
    public void Reads_bind_over_primaries_and_replicas_when_they_run_fuller()
    {
        // Peak reads 60/s over (2 + 1) x 25/s = 75/s: 80%; writes 50%: reads bind.
        var db = Capacity(Estimate(Store("{ reads: 25/s, writes: 20/s }")), "db");
        Assert.Equal(75, db.Capacity.Value!.Value, 9);
        Assert.Equal(0.8, db.PeakUtilisation.Value!.Value, 9);
        Assert.Equal(30.0 / 75, db.AverageUtilisation.Value!.Value, 9);
        Assert.Equal(4, db.InstancesNeeded.Value!.Value); // ceil(60 / (25 x 0.7)) = ceil(3.43)
    }

    [Fact]
    public void One_rate_serves_all_operations_on_the_primaries()
    {
        // (60 + 20)/s over 2 x 50/s = 80%.
        var db = Capacity(Estimate(Store("50/s")), "db");
        Assert.Equal(100, db.Capacity.Value!.Value, 9);
        Assert.Equal(0.8, db.PeakUtilisation.Value!.Value, 9);
        Assert.Equal(0.4, db.AverageUtilisation.Value!.Value, 9);
        Assert.Equal(3, db.InstancesNeeded.Value!.Value); // ceil(80 / 35) = ceil(2.29)
    }

    [Fact]
    public void An_operation_s_own_capacity_binds_when_it_runs_fuller_than_the_component()
    {
        // get: 60/s over 2 x 20/s = 150%, against 80% for the component's 50/s.
        var db = Capacity(Estimate(Store("50/s", "get: { capacity: 20/s }, insert: { type: write }")), "db");
        Assert.Equal(40, db.Capacity.Value!.Value, 9);
        Assert.Equal(1.5, db.PeakUtilisation.Value!.Value, 9);
        Assert.Equal(0.75, db.AverageUtilisation.Value!.Value, 9);
        Assert.Equal(5, db.InstancesNeeded.Value!.Value); // ceil(60 / 14) = ceil(4.29)
        Assert.Equal(0, db.HeadroomMonths.Value!.Value); // already past capacity
        Assert.Equal("capacity (get)", db.Capacity.Name);
    }

    [Fact]
    public void Of_two_operations_with_their_own_capacity_the_fuller_binds()
    {
        // get: 60/s over 2 x 100/s = 30%; insert: 20/s over 2 x 10/s = 100%.
        var db = Capacity(Estimate(Store("500/s", "get: { capacity: 100/s }, insert: { type: write, capacity: 10/s }")), "db");
        Assert.Equal(20, db.Capacity.Value!.Value, 9);
        Assert.Equal(1.0, db.PeakUtilisation.Value!.Value, 9);
        Assert.Equal("capacity (insert)", db.Capacity.Name);
    }

    [Fact]
    public void An_operation_capacity_that_runs_emptier_than_the_component_does_not_bind()
    {
        // get: 60/s over 2 x 1,000/s = 3%; the component's 50/s: 80%.
        var db = Capacity(Estimate(Store("50/s", "get: { capacity: 1000/s }, insert: { type: write }")), "db");
        Assert.Equal(100, db.Capacity.Value!.Value, 9);
        Assert.Equal(0.8, db.PeakUtilisation.Value!.Value, 9);
    }

    private const string Growing = """
        plumbline: 1
        system: { name: t }
        requirements: { peak_to_average: 2, growth: 10%/month }
        workflows:
          write: { entry: db.insert, rate: 1/s, type: write }
        data:
          - { entity: Item, owner: db, record_size: 1KB, new_records: 1000/month, initial_records: 50000, retention: 1y }
        components:
          db: { kind: database, instances: 2, replicas: 4, storage_per_node: 100MB, operations: { insert: { type: write } } }
        """;

    [Fact]
    public void Records_at_a_horizon_are_the_initial_ones_and_the_integral_of_the_growing_rate_over_the_retention()
    {
        var options = new EstimateOptions(HorizonsMonths: [12, 24]);
        var item = Estimator.Estimate(TestDesigns.Load(Growing), options).Storage.Single();

        // At 12 months: 50,000 + 1,000 x (1.1^12 - 1) / ln 1.1 = 50,000 + 22,436.6.
        var at12 = 50_000 + (1000 * (Math.Pow(1.1, 12) - 1) / Math.Log(1.1));
        Assert.Equal(at12, item.Horizons[0].Records.Value!.Value, 6);
        Assert.Equal(at12 * 1000, item.Horizons[0].Bytes.Value!.Value, 3);

        // At 24 months only the last 12 are kept: 50,000 + 1,000 x 1.1^12 x (1.1^12 - 1) / ln 1.1.
        var at24 = 50_000 + (1000 * Math.Pow(1.1, 12) * (Math.Pow(1.1, 12) - 1) / Math.Log(1.1));
        Assert.Equal(at24, item.Horizons[1].Records.Value!.Value, 6);

        // Copies: 1 + 4 replicas / 2 primaries = 3.
        Assert.Equal(3, item.ReplicationFactor, 9);
        Assert.Equal(at24 * 1000 * 3, item.Horizons[1].Replicated.Value!.Value, 3);

        // New data a month: 1,000 x 1,000 B; kept over a year's retention at today's rate: 12 x that.
        Assert.Equal(1000, item.NewRecordsPerMonth.Value!.Value, 9);
        Assert.Equal(1_000_000, item.NewBytesPerMonth.Value!.Value, 6);
        Assert.Equal(12_000_000, item.AtRetention.Value!.Value, 6);
    }

    [Fact]
    public void A_store_holds_its_entities_replicated_data_and_needs_shards_for_one_copy()
    {
        var options = new EstimateOptions(HorizonsMonths: [12, 24]);
        var owner = Estimator.Estimate(TestDesigns.Load(Growing), options).StorageByOwner.Single();
        var at24 = 50_000 + (1000 * Math.Pow(1.1, 12) * (Math.Pow(1.1, 12) - 1) / Math.Log(1.1));

        Assert.Equal(at24 * 1000 * 3, owner.Horizons[1].Value!.Value, 3);

        // One copy at 24 months: 50,000 + 1,000 x 3.1384 x 22.4366 = 120,415 records x 1,000 B = 120.4 MB, over 100 MB a node:
        // 2 shards; at 12 months 72.4 MB: 1.
        Assert.Equal(2, owner.ShardsForStorage.Value!.Value);
        Assert.Equal([1.0, 2.0], owner.ShardsForStorageAt.Select(f => f.Value!.Value));

        // Writes: 2/s at peak over 2 primaries with no write capacity: unknown, not zero.
        Assert.False(owner.ShardsForWrites.IsKnown);
    }

    [Fact]
    public void Stored_data_past_a_node_needs_as_many_shards_as_it_fills()
    {
        var options = new EstimateOptions(HorizonsMonths: [24]);
        var owner = Estimator.Estimate(TestDesigns.Load(Growing.Replace("100MB", "20MB", StringComparison.Ordinal)), options).StorageByOwner.Single();

        // 120.4 MB / 20 MB = 6.02: 7 shards.
        Assert.Equal(7, owner.ShardsForStorage.Value!.Value);
    }

    [Fact]
    public void Shards_for_writes_follow_the_write_capacity_at_the_target()
    {
        var report = Estimate(Growing.Replace("storage_per_node: 100MB", "capacity: { reads: 100/s, writes: 1/s }", StringComparison.Ordinal));

        // Peak writes 2/s over 1/s x 0.7: ceil(2.86) = 3.
        Assert.Equal(3, report.StorageByOwner.Single().ShardsForWrites.Value!.Value);
        Assert.False(report.StorageByOwner.Single().ShardsForStorage.IsKnown);
    }

    [Fact]
    public void Without_growth_records_grow_at_today_s_rate_up_to_the_retention()
    {
        var yaml = Growing.Replace(", growth: 10%/month", string.Empty, StringComparison.Ordinal);
        var item = Estimator.Estimate(TestDesigns.Load(yaml), new EstimateOptions(HorizonsMonths: [6, 24])).Storage.Single();

        Assert.Equal(50_000 + 6_000, item.Horizons[0].Records.Value!.Value, 6);
        Assert.Equal(50_000 + 12_000, item.Horizons[1].Records.Value!.Value, 6);
    }

    [Fact]
    public void A_rate_per_second_is_counted_in_average_months()
    {
        var yaml = Growing.Replace("1000/month", "2/s", StringComparison.Ordinal);
        var item = Estimator.Estimate(TestDesigns.Load(yaml)).Storage.Single();

        Assert.Equal(2 * SecondsPerMonth, item.NewRecordsPerMonth.Value!.Value, 3);
    }
}
