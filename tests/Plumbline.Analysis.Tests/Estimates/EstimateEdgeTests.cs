using Plumbline.Analysis.Estimates;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>
/// The edges of the estimate's arithmetic, each worked by hand: which capacity binds on a tie, which consumer of a queue
/// sets its pace and which capacity of it counts, the estimate's notes on what it could not size, and the guards of the
/// hot key's and concurrency's formulas.
/// </summary>
public sealed class EstimateEdgeTests
{
    private static EstimateReport Estimate(string yaml) => Estimator.Estimate(TestDesigns.Load(yaml));

    private static ComponentCapacity Db(string capacity, string operations) => Estimate($$"""
        plumbline: 1
        system: { name: t }
        requirements: { peak_to_average: 2 }
        workflows:
          read: { entry: db.get, rate: 30/s }
          list: { entry: db.list, rate: 30/s }
        components:
          db: { kind: database, {{capacity}}operations: { {{operations}} } }
        """).Components.Single();

    [Fact]
    public void On_a_tie_the_first_capacity_considered_binds()
    {
        // Peak reads 60/s over 100/s and peak writes 60/s over 100/s: both 60%; reads are considered first.
        var reads = Db("capacity: { reads: 100/s, writes: 100/s }, ", "get: {}, list: { type: write }");
        Assert.Equal("capacity (reads)", reads.Capacity.Name);
        Assert.Equal(0.6, reads.PeakUtilisation.Value!.Value, 12);

        // get and list each 60/s over their own 100/s: both 60%; get, the first, binds.
        var operation = Db(string.Empty, "get: { capacity: 100/s }, list: { capacity: 100/s }");
        Assert.Equal("capacity (get)", operation.Capacity.Name);
        Assert.Equal(0.6, operation.PeakUtilisation.Value!.Value, 12);
    }

    private static QueueFlow Queue(string consumers, string workers) => Estimate($$"""
        plumbline: 1
        system: { name: t }
        workflows:
          post: { entry: api.post, rate: 100/s, peak_rate: 100/s, type: write }
        components:
          api: { kind: service, operations: { post: { calls: [ { to: events.publish, async: true } ] } } }
          events: { kind: queue, dead_letter: true, {{consumers}}operations: { publish: { type: write } } }
        {{workers}}
        """).Queues.Single();

    [Fact]
    public void Of_consumers_that_keep_up_with_the_same_rate_the_first_sets_the_backlog_s_share()
    {
        // mailer: 1 x 10/s over a 25% share keeps up with 40/s; audit: 2 x 10/s over 50%, 40/s too. mailer, the first, sets
        // the pace: (100 - 40) x 25% x 3,600 = 54,000 of its messages an hour.
        var flow = Queue("consumers: [{ to: mailer.send, share: 25% }, { to: audit.log, share: 50% }], ", """
              mailer: { kind: worker, instances: 1, capacity: 10/s, operations: { send: { type: write } } }
              audit: { kind: worker, instances: 2, capacity: 10/s, operations: { log: { type: write } } }
            """);
        Assert.Equal([40.0, 40], flow.ConsumerCapacity.Inputs.Select(i => Math.Round(i.Value, 9)));
        Assert.Equal("the publish rate the slowest consumer keeps up with: its capacity per instance x instances / the share of messages it takes", flow.ConsumerCapacity.Formula);
        Assert.Equal(54_000, flow.BacklogPerHour.Value!.Value, 6);
        Assert.Equal(0.25, flow.BacklogPerHour.Inputs[2].Value, 12);
    }

    [Fact]
    public void A_later_consumer_slower_than_an_earlier_one_sets_the_pace()
    {
        // audit: 2 x 10/s over 50% = 40/s; mailer after it: 1 x 12/s over 40% = 30/s, slower: (100 - 30) x 40% x 3,600 = 100,800.
        var flow = Queue("consumers: [{ to: audit.log, share: 50% }, { to: mailer.send, share: 40% }], ", """
              mailer: { kind: worker, instances: 1, capacity: 12/s, operations: { send: { type: write } } }
              audit: { kind: worker, instances: 2, capacity: 10/s, operations: { log: { type: write } } }
            """);
        Assert.Equal(30, flow.ConsumerCapacity.Value!.Value, 9);
        Assert.Equal(100_800, flow.BacklogPerHour.Value!.Value, 6);
    }

    [Fact]
    public void A_consumer_s_capacity_is_its_operation_s_else_its_total_else_its_writes()
    {
        // mailer.send states 5/s itself (mailer 50/s in all); audit 20/s in all; archive 8/s of writes.
        var flow = Queue("consumers: [mailer.send, audit.log, archive.put], ", """
              mailer: { kind: worker, capacity: 50/s, operations: { send: { type: write, capacity: 5/s } } }
              audit: { kind: worker, capacity: 20/s, operations: { log: { type: write } } }
              archive: { kind: worker, capacity: { writes: 8/s }, operations: { put: { type: write } } }
            """);
        Assert.Equal(
            [("mailer.send capacity x instances", 5), ("audit.log capacity x instances", 20), ("archive.put capacity x instances", 8)],
            flow.ConsumerCapacity.Inputs.Select(i => (i.Name, i.Value)));
        Assert.Equal("the slowest consumer's capacity per instance x instances", flow.ConsumerCapacity.Formula);
    }

    [Fact]
    public void A_queue_without_consumers_has_no_consumer_capacity()
    {
        var flow = Queue(string.Empty, string.Empty);
        Assert.False(flow.ConsumerCapacity.IsKnown);
        Assert.Equal("no consumers", flow.ConsumerCapacity.Formula);
    }

    [Fact]
    public void The_notes_say_what_was_assumed_and_what_could_not_be_sized()
    {
        // read states its peak rate, write does not: the default factor of 3 is noted. Hand-offs from a to b and back loop.
        // api and eight workers carry load with no capacity; the external service is not counted.
        var workers = string.Join("\n", Enumerable.Range(1, 7).Select(i => $"  w{i}: {{ kind: worker, operations: {{ run: {{ type: write }} }} }}"));
        var report = Estimate($$"""
            plumbline: 1
            system: { name: t }
            workflows:
              read: { entry: api.get, rate: 10/s, peak_rate: 20/s }
              write: { entry: a.run, rate: 1/s, type: write }
            components:
              api: { kind: service, operations: { get: { calls: [ { to: ext.call, timeout: 1s } {{string.Concat(Enumerable.Range(1, 7).Select(i => $", {{ to: w{i}.run, async: true }}"))}} ] } } }
              ext: { kind: external, operations: { call: {} } }
              a: { kind: worker, operations: { run: { type: write, calls: [ { to: b.run, async: true } ] } } }
              b: { kind: worker, operations: { run: { type: write, calls: [ { to: a.run, async: true } ] } } }
            {{workers}}
            """);
        Assert.Contains("No peak_to_average is stated: peak is taken as 3x the average. State requirements.peak_to_average.", report.Notes);
        Assert.Contains("Async hand-offs form a loop; load along the loop is counted once.", report.Notes);

        // api, a, b and w1..w7: 10 loaded components without capacity, the first 8 named.
        Assert.Contains("No capacity stated for 10 loaded component(s), so their utilisation is unknown: api, a, b, w1, w2, w3, w4, w5, ....", report.Notes);
    }

    [Fact]
    public void Eight_unsized_components_are_all_named()
    {
        var workers = string.Join("\n", Enumerable.Range(1, 7).Select(i => $"  w{i}: {{ kind: worker, operations: {{ run: {{ type: write }} }} }}"));
        var report = Estimate($$"""
            plumbline: 1
            system: { name: t }
            requirements: { peak_to_average: 2 }
            workflows:
              read: { entry: api.get, rate: 10/s }
            components:
              api: { kind: service, operations: { get: { calls: [ {{string.Join(", ", Enumerable.Range(1, 7).Select(i => $"{{ to: w{i}.run, async: true }}"))}} ] } } }
            {{workers}}
            """);
        Assert.Contains("No capacity stated for 8 loaded component(s), so their utilisation is unknown: api, w1, w2, w3, w4, w5, w6, w7.", report.Notes);
    }

    [Fact]
    public void Shards_for_writes_follow_a_store_s_one_capacity_or_say_why_there_are_none()
    {
        var owners = Estimate("""
            plumbline: 1
            system: { name: t }
            requirements: { peak_to_average: 2 }
            workflows:
              write: { entry: api.post, rate: 10/s, type: write }
            data:
              - { entity: Item, owner: db, record_size: 1KB }
              - { entity: Log, owner: logs, record_size: 1KB }
              - { entity: Old, owner: cold, record_size: 1KB }
            components:
              api: { kind: service, operations: { post: { calls: [ { to: db.insert, timeout: 1s }, { to: cold.insert, timeout: 1s } ] } } }
              db: { kind: database, capacity: 10/s, operations: { insert: { type: write } } }
              logs: { kind: database, capacity: 10/s, operations: { insert: { type: write } } }
              cold: { kind: database, operations: { insert: { type: write } } }
            """).StorageByOwner;

        // Only the stores that own data. db: 20/s of writes at peak over 10/s (its one capacity) x 70%: ceil(2.86) = 3.
        Assert.Equal(["db", "logs", "cold"], owners.Select(o => o.Component));
        Assert.Equal(3, owners[0].ShardsForWrites.Value);
        Assert.Equal("no writes reach it", owners[1].ShardsForWrites.Formula);
        Assert.Equal("no write capacity stated", owners[2].ShardsForWrites.Formula);
    }

    [Fact]
    public void The_formulas_refuse_null_and_keep_their_edges()
    {
        var design = TestDesigns.Load("""
            plumbline: 1
            system: { name: t }
            workflows:
              read: { entry: db.get, rate: 1/s }
            data:
              - { entity: Item, owner: db, record_size: 1KB }
            components:
              db: { kind: database, operations: { get: { reads: [Item] } } }
            """);
        var component = design.Components[0];
        var operation = component.Operations[0];
        var entity = design.Data[0];
        Assert.True(HotKey.Touches(operation, entity, component, ["Item"]));
        Assert.Throws<ArgumentNullException>(() => HotKey.Touches(null!, entity, component, ["Item"]));
        Assert.Throws<ArgumentNullException>(() => HotKey.Touches(operation, null!, component, ["Item"]));
        Assert.Throws<ArgumentNullException>(() => HotKey.Touches(design.Components[0].Operations[0] with { Reads = [] }, entity, null!, ["Item"]));
        Assert.Throws<ArgumentNullException>(() => HotKey.HottestShare(null!));
        Assert.Throws<ArgumentNullException>(() => Concurrency.TypicalSeconds(null!, []));
        Assert.Throws<ArgumentNullException>(() => Concurrency.OwnTypical(null!));
        Assert.Throws<ArgumentNullException>(() => Concurrency.PeakInstances(null!));
        Assert.Throws<ArgumentNullException>(() => Estimator.Estimate((LoadModel)null!));

        // No slots at no time admit nothing more than unbounded; 0/0 would say NaN.
        Assert.Equal(double.PositiveInfinity, Concurrency.Admits(0, 0));

        // H(1e6, 2): 100,000 terms summed, the rest as the integral of x^-2 from 100,000.5 to 1,000,000.5, 1/100,000.5 -
        // 1/1,000,000.5 = 9.0e-6; the whole is pi^2/6 - 1/1e6 + 1/(2 x 1e12) to 1e-12.
        Assert.Equal((Math.PI * Math.PI / 6) - 1e-6 + 5e-13, HotKey.Harmonic(1e6, 2), 11);

        // H(1e6, 1.5) = zeta(1.5) - n^-0.5 / 0.5 + n^-1.5 / 2 = 2.6123753487 - 0.002 + 5e-10 (Euler-Maclaurin), where the
        // integral's (b^-0.5 - a^-0.5) / -0.5 is 0.0043245 and would be 0.0010811 multiplied by -0.5.
        Assert.Equal(2.612375348685488 - 0.002 + 5e-10, HotKey.Harmonic(1e6, 1.5), 8);
    }
}
