using Plumbline.Analysis.Estimates;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>Each propagation rule on a small design with a hand-computed expectation.</summary>
public sealed class PropagationTests
{
    private const string Header = """
        plumbline: 1
        system: { name: t }
        requirements: { peak_to_average: 3 }
        workflows:
          w:
            entry: a.run
            rate: 10/s

        """;

    /// <summary>a.run -(3 attempts)-> api.create -(4 attempts, async)-> queue.publish, whose delivery starts a new chain.</summary>
    internal static readonly string QueueChain = Header + """
            components:
              a: { kind: service, operations: { run: { calls: [ { to: api.create, timeout: 1s, retries: 2 } ] } } }
              api: { kind: service, operations: { create: { calls: [ { to: queue.publish, async: true, retries: 3 } ] } } }
              queue:
                kind: queue
                dead_letter: true
                consumers: [worker.consume]
                operations: { publish: { type: write, idempotent: true } }
              worker: { kind: worker, operations: { consume: { calls: [ { to: db.insert, timeout: 1s, retries: 2 } ] } } }
              db: { kind: database, operations: { insert: { type: write, idempotent: true } } }
            """;

    private static double Average(EstimateReport report, string op) =>
        report.Operations.Single(o => o.Operation == op).Average.Value!.Value;

    private static double Peak(EstimateReport report, string op) =>
        report.Operations.Single(o => o.Operation == op).Peak.Value!.Value;

    private static EstimateReport Estimate(string components) =>
        Estimator.Estimate(TestDesigns.Load(Header + components));

    [Fact]
    public void Fan_out_multiplies_the_callers_load()
    {
        var report = Estimate("""
            components:
              a: { kind: service, operations: { run: { calls: [ { to: b.get, count: 3, timeout: 1s } ] } } }
              b: { kind: service, operations: { get: {} } }
            """);

        Assert.Equal(30, Average(report, "b.get"), 9);
        Assert.Equal(90, Peak(report, "b.get"), 9);
    }

    [Fact]
    public void Probability_takes_its_share_of_the_callers_load()
    {
        var report = Estimate("""
            components:
              a: { kind: service, operations: { run: { calls: [ { to: b.get, probability: 0.1, timeout: 1s } ] } } }
              b: { kind: service, operations: { get: {} } }
            """);

        Assert.Equal(1, Average(report, "b.get"), 9);
    }

    [Fact]
    public void A_call_after_a_cache_call_runs_on_its_misses()
    {
        var report = Estimate("""
            components:
              a:
                kind: service
                operations:
                  run:
                    calls:
                      - { to: cache.get, timeout: 10ms }
                      - { to: db.get, timeout: 50ms }
              cache: { kind: cache, hit_ratio: 0.9, operations: { get: {} } }
              db: { kind: database, operations: { get: {} } }
            """);

        Assert.Equal(10, Average(report, "cache.get"), 9);
        Assert.Equal(1, Average(report, "db.get"), 9);
    }

    [Fact]
    public void A_read_through_cache_calls_its_store_on_misses_only()
    {
        var report = Estimate("""
            components:
              a: { kind: service, operations: { run: { calls: [ { to: cache.get, timeout: 50ms } ] } } }
              cache:
                kind: cache
                hit_ratio: 80%
                operations: { get: { calls: [ { to: db.get, timeout: 40ms } ] } }
              db: { kind: database, operations: { get: {} } }
            """);

        Assert.Equal(2, Average(report, "db.get"), 9);
    }

    [Fact]
    public void A_stated_probability_wins_over_the_cache_rule()
    {
        var report = Estimate("""
            components:
              a:
                kind: service
                operations:
                  run:
                    calls:
                      - { to: cache.get, timeout: 10ms }
                      - { to: db.get, probability: 0.5, timeout: 50ms }
              cache: { kind: cache, hit_ratio: 0.9, operations: { get: {} } }
              db: { kind: database, operations: { get: {} } }
            """);

        Assert.Equal(5, Average(report, "db.get"), 9);
    }

    [Fact]
    public void Async_hand_off_reaches_the_queue_and_every_consumer()
    {
        var report = Estimate("""
            components:
              a: { kind: service, operations: { run: { calls: [ { to: q.publish, async: true } ] } } }
              q: { kind: queue, dead_letter: true, consumers: [w.consume, x.consume], operations: { publish: {} } }
              w: { kind: worker, operations: { consume: { calls: [ { to: db.insert, count: 2, timeout: 1s } ] } } }
              x: { kind: worker, operations: { consume: {} } }
              db: { kind: database, operations: { insert: {} } }
            """);

        Assert.Equal(10, Average(report, "q.publish"), 9);
        Assert.Equal(10, Average(report, "w.consume"), 9);
        Assert.Equal(10, Average(report, "x.consume"), 9);
        Assert.Equal(20, Average(report, "db.insert"), 9);
    }

    [Fact]
    public void Retries_add_the_expected_attempts_at_the_failure_probability()
    {
        var report = Estimate("""
            components:
              a: { kind: service, operations: { run: { calls: [ { to: b.get, timeout: 1s, retries: { max: 2, backoff: exponential, base: 10ms, jitter: full } } ] } } }
              b: { kind: service, operations: { get: {} } }
            """);

        // 10/s x (1 + 0.01 + 0.0001)
        Assert.Equal(10.101, Average(report, "b.get"), 9);
    }

    [Fact]
    public void Worst_case_amplification_is_the_product_over_three_layers()
    {
        var report = Estimate("""
            components:
              a: { kind: service, operations: { run: { calls: [ { to: b.run, timeout: 10s, retries: 2 } ] } } }
              b: { kind: service, operations: { run: { calls: [ { to: c.run, timeout: 3s, retries: 3 } ] } } }
              c: { kind: service, operations: { run: { calls: [ { to: d.get, timeout: 1s, retries: 1 } ] } } }
              d: { kind: database, operations: { get: {} } }
            """);

        var amplification = report.Operations.Single(o => o.Operation == "d.get").WorstCaseAmplification;
        Assert.Equal(24, amplification.Value!.Value, 9); // 3 x 4 x 2
        Assert.Equal(3, amplification.Inputs.Length);
        Assert.All(amplification.Inputs, i => Assert.True(i.Line > 0));
    }

    [Fact]
    public void Utilisation_and_instances_needed_follow_capacity_times_instances()
    {
        var report = Estimate("""
            components:
              a: { kind: service, instances: 2, capacity: 10/s, operations: { run: {} } }
            """);

        var a = report.Components.Single(c => c.Component == "a");
        Assert.Equal(20, a.Capacity.Value!.Value, 9);
        Assert.Equal(0.5, a.AverageUtilisation.Value!.Value, 9);  // 10 / (10 x 2)
        Assert.Equal(1.5, a.PeakUtilisation.Value!.Value, 9);     // 30 / 20
        Assert.Equal(5, a.InstancesNeeded.Value!.Value, 9);       // ceil(30 / (10 x 0.7)) = ceil(4.29)
    }

    [Fact]
    public void Reads_scale_with_replicas_and_writes_with_primaries()
    {
        var report = Estimate("""
            components:
              a:
                kind: service
                operations:
                  run:
                    calls:
                      - { to: db.get, count: 10, timeout: 1s }
                      - { to: db.insert, timeout: 1s }
              db:
                kind: database
                instances: 1
                replicas: 2
                capacity: { reads: 100/s, writes: 50/s }
                operations: { get: {}, insert: {} }
            """);

        var db = report.Components.Single(c => c.Component == "db");
        // reads: 300/s peak over 100/s x 3 nodes = 1.0; writes: 30/s over 50/s = 0.6
        Assert.Equal(1.0, db.PeakUtilisation.Value!.Value, 9);
        Assert.Equal(300, db.Capacity.Value!.Value, 9);
        Assert.Equal(300, db.PeakReads.Value!.Value, 9);
        Assert.Equal(30, db.PeakWrites.Value!.Value, 9);
    }

    [Fact]
    public void Headroom_months_follow_compound_growth()
    {
        var design = TestDesigns.Load("""
            plumbline: 1
            system: { name: t }
            requirements: { peak_to_average: 2, growth: 100%/year }
            workflows:
              w: { entry: a.run, rate: 10/s }
            components:
              a: { kind: service, capacity: 40/s, operations: { run: {} } }
            """);

        var a = Estimator.Estimate(design).Components.Single();
        Assert.Equal(0.5, a.PeakUtilisation.Value!.Value, 9);
        Assert.Equal(12, a.HeadroomMonths.Value!.Value, 6); // ln 2 / ln 2^(1/12)
    }

    [Fact]
    public void Storage_is_capped_by_retention_and_sharded_by_node_size()
    {
        var design = TestDesigns.Load("""
            plumbline: 1
            system: { name: t }
            workflows:
              w: { entry: db.insert, rate: 1M/month, type: write }
            data:
              - entity: Event
                owner: db
                record_size: 1KB
                new_records: 1M/month
                retention: 182.625d
            components:
              db: { kind: database, instances: 1, replicas: 2, storage_per_node: 2GB, capacity: { writes: 1/s }, operations: { insert: {} } }
            """);

        var report = Estimator.Estimate(design);
        var storage = report.Storage.Single();
        Assert.Equal(1e9, storage.NewBytesPerMonth.Value!.Value, 3);
        var year = storage.Horizons.Single(h => h.Months == 12);
        Assert.Equal(6e6, year.Records.Value!.Value, 3);          // retention is 6 months
        Assert.Equal(6e9, year.Bytes.Value!.Value, 0);
        Assert.Equal(18e9, year.Replicated.Value!.Value, 0);      // three copies
        var owner = report.StorageByOwner.Single();
        Assert.Equal(3, owner.ShardsForStorage.Value!.Value);      // 6 GB / 2 GB per node
        Assert.Equal(2, owner.ShardsForWrites.Value!.Value);       // peak 1.14/s / (1/s x 0.7)
    }

    [Fact]
    public void A_queue_backlog_grows_when_consumers_fall_short()
    {
        var report = Estimate("""
            components:
              a: { kind: service, operations: { run: { calls: [ { to: q.publish, async: true } ] } } }
              q: { kind: queue, dead_letter: true, consumers: [w.consume], operations: { publish: {} } }
              w: { kind: worker, instances: 2, capacity: 5/s, operations: { consume: {} } }
            """);

        var queue = report.Queues.Single();
        Assert.Equal(30, queue.PublishPeak.Value!.Value, 9);
        Assert.Equal(10, queue.ConsumerCapacity.Value!.Value, 9);
        Assert.Equal(20 * 3600, queue.BacklogPerHour.Value!.Value, 6);
    }

    [Fact]
    public void A_cache_hot_set_is_a_fifth_of_a_days_reads()
    {
        var design = TestDesigns.Load("""
            plumbline: 1
            system: { name: t }
            requirements: { peak_to_average: 3 }
            workflows:
              w: { entry: a.run, rate: 100/s }
            data:
              - { entity: Item, owner: db, record_size: 1KB, new_records: 1/s }
            components:
              a:
                kind: service
                operations:
                  run:
                    calls:
                      - { to: cache.get, timeout: 10ms }
                      - { to: db.get, timeout: 50ms }
              cache: { kind: cache, hit_ratio: 0.9, memory: 1GB, instances: 2, operations: { get: {} } }
              db: { kind: database, operations: { get: {} } }
            """);

        var cache = Estimator.Estimate(design).Caches.Single();
        Assert.Equal(8_640_000, cache.ReadsPerDay.Value!.Value, 3);       // 100/s x 86,400
        Assert.Equal(1000, cache.ItemSize.Value!.Value);
        Assert.Equal(1.728e9, cache.HotSet.Value!.Value, 0);              // 0.2 x 8.64M x 1 KB
        Assert.Equal(2e9, cache.Memory.Value!.Value);
        Assert.Equal(0.864, cache.Fit.Value!.Value, 9);
    }

    [Fact]
    public void A_workflow_peak_rate_overrides_the_peak_factor()
    {
        var design = TestDesigns.Load("""
            plumbline: 1
            system: { name: t }
            requirements: { peak_to_average: 3 }
            workflows:
              w: { entry: a.run, rate: 10/s, peak_rate: 50/s }
            components:
              a: { kind: service, operations: { run: {} } }
            """);

        var traffic = Estimator.Estimate(design).Traffic.Single();
        Assert.Equal(50, traffic.Peak.Value!.Value);
        Assert.Equal("peak_rate", traffic.Peak.Formula);
    }

    [Fact]
    public void Per_user_rates_scale_with_monthly_active_users()
    {
        var design = TestDesigns.Load("""
            plumbline: 1
            system: { name: t }
            requirements: { users: { monthly_active: 1M }, peak_to_average: 2 }
            workflows:
              w: { entry: a.run, per_user: 30/month, response: 1KB }
            components:
              a: { kind: service, operations: { run: {} } }
            """);

        var report = Estimator.Estimate(design);
        var expected = 30e6 / 2_629_800;
        Assert.Equal(expected, report.Traffic.Single().Average.Value!.Value, 9);
        Assert.Equal(expected * 1000, report.InternetEgress.Value!.Value, 6);
        Assert.Contains(report.Traffic.Single().Average.Inputs, i => i.Name == "monthly_active" && i.Line == 3);
    }

    [Fact]
    public void A_cdn_sends_only_its_misses_to_the_origin()
    {
        // 10/s at the CDN with a 95% hit ratio: 5% of it, 0.5/s, reaches the origin.
        var report = Estimate("""
            components:
              a: { kind: service, operations: { run: { calls: [ { to: cdn.get, timeout: 1s } ] } } }
              cdn:
                kind: cdn
                hit_ratio: 95%
                operations:
                  get:
                    calls:
                      - { to: origin.get, timeout: 1s }
              origin: { kind: object_store, operations: { get: {} } }
            """);

        Assert.Equal(10, Average(report, "cdn.get"), 9);
        Assert.Equal(0.5, Average(report, "origin.get"), 9);
    }

    [Fact]
    public void Retry_amplification_is_one_calculation_and_a_queue_delivery_starts_a_new_chain()
    {
        // a.run -(3 attempts)-> api.create -(4 attempts, async)-> queue.publish => 12x at the queue.
        // The queue delivers to worker.consume: a new chain (a failed publish delivers nothing, and
        // the consumer retries on its own clock), so worker.consume is 1x and db.insert, behind
        // 3 attempts, is 3x, not 36x.
        var design = TestDesigns.Load(QueueChain);
        var report = Estimator.Estimate(design);
        double Amplification(string op) => report.Operations.Single(o => o.Operation == op).WorstCaseAmplification.Value!.Value;

        Assert.Equal(3, Amplification("api.create"));
        Assert.Equal(12, Amplification("queue.publish"));
        Assert.Equal(1, Amplification("worker.consume"));
        Assert.Equal(3, Amplification("db.insert"));
        Assert.Equal("a.run -> api.create (x3) -> queue.publish (x4) = 12x", report.Operations.Single(o => o.Operation == "queue.publish").AmplificationPath);
    }

    [Fact]
    public void A_range_scan_returns_the_rows_it_declares_and_a_response_size_wins()
    {
        // 10/s read 50 rows of 200 B from the store: 10 x 50 x 200 = 100 KB/s out of the store, into a;
        // b.get states a 2 KB response: 10 x 2 KB = 20 KB/s out of b, into a.
        var report = Estimate("""
            components:
              a: { kind: service, operations: { run: { calls: [ { to: db.history, timeout: 1s }, { to: b.get, timeout: 1s } ] } } }
              b: { kind: service, operations: { get: { type: read, response: 2KB } } }
              db: { kind: database, operations: { history: { type: read, rows: 50 } } }
            data:
              - { entity: Event, owner: db, record_size: 200B, access: ["range_scan(user, time)"] }
            """);
        double Egress(string c) => report.Bandwidth.Single(b => b.Component == c).Egress.Value!.Value;

        Assert.Equal(100_000, Egress("db"), 6);
        Assert.Equal(20_000, Egress("b"), 6);
        Assert.Equal(120_000, report.Bandwidth.Single(b => b.Component == "a").Ingress.Value!.Value, 6);
    }

    [Fact]
    public void A_response_that_cannot_be_sized_is_unknown_not_zero()
    {
        // A range scan without rows, and a service without a response size: both unknown, and said why.
        var report = Estimate("""
            components:
              a: { kind: service, operations: { run: { calls: [ { to: db.history, timeout: 1s }, { to: b.get, timeout: 1s } ] } } }
              b: { kind: service, operations: { get: { type: read } } }
              db: { kind: database, operations: { history: { type: read } } }
            data:
              - { entity: Event, owner: db, record_size: 200B, access: ["range_scan(user, time)"] }
            """);
        var db = report.Bandwidth.Single(b => b.Component == "db").Egress;
        var b = report.Bandwidth.Single(b => b.Component == "b").Egress;

        Assert.Null(db.Value);
        Assert.Contains("db.history reads a range (range_scan(user, time)) and states no rows or response", db.Formula, StringComparison.Ordinal);
        Assert.Null(b.Value);
        Assert.Contains("b.get states no response size", b.Formula, StringComparison.Ordinal);
        Assert.Null(report.Bandwidth.Single(x => x.Component == "a").Ingress.Value);
    }
}
