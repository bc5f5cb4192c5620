using Plumbline.Analysis.Estimates;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>
/// A queue's consumer capacity and backlog when consumers take a share of its messages, and the inputs an operation's load
/// is summed from, each worked by hand.
/// </summary>
public sealed class QueueAndLoadFigureTests
{
    private static QueueFlow Queue(string consumers, string mailer = "instances: 2, capacity: 10/s") =>
        Estimator.Estimate(TestDesigns.Load($$"""
            plumbline: 1
            system: { name: chat }
            workflows:
              post: { entry: api.post, rate: 1000/s, peak_rate: 1000/s, type: write }
            components:
              api: { kind: service, operations: { post: { calls: [ { to: events.publish, async: true } ] } } }
              events: { kind: queue, dead_letter: true, consumers: [{{consumers}}], operations: { publish: { type: write } } }
              mailer: { kind: worker, {{mailer}}, operations: { send: { type: write } } }
              audit: { kind: worker, instances: 1, capacity: 50/s, operations: { log: { type: write } } }
            """)).Queues.Single();

    [Fact]
    public void A_consumer_taking_a_share_keeps_up_with_its_capacity_over_the_share()
    {
        // 2 x 10/s = 20/s over a 1% share keeps up with 2,000/s published: no backlog at 1,000/s.
        var one = Queue("{ to: mailer.send, share: 1% }");
        Assert.Equal(2000, one.ConsumerCapacity.Value!.Value, 9);
        Assert.Equal(2000, one.ConsumerCapacity.Inputs.Single().Value, 9);
        Assert.Equal("the publish rate the slowest consumer keeps up with: its capacity per instance x instances / the share of messages it takes", one.ConsumerCapacity.Formula);
        Assert.Equal(0, one.BacklogPerHour.Value!.Value, 9);

        // 20/s over 5% keeps up with 400/s: (1,000 - 400) x 5% x 3,600 = 108,000 of its messages an hour.
        var five = Queue("{ to: mailer.send, share: 5% }");
        Assert.Equal(400, five.ConsumerCapacity.Value!.Value, 9);
        Assert.Equal(108_000, five.BacklogPerHour.Value!.Value, 6);
        Assert.Equal([1000, 400, 0.05], five.BacklogPerHour.Inputs.Select(i => i.Value));
    }

    [Fact]
    public void The_slowest_consumer_sets_the_pace_whether_or_not_it_takes_a_share()
    {
        // mailer: 20/s over 5% = 400/s; audit: 1 x 50/s of every message = 50/s. audit is slower: (1,000 - 50) x 3,600.
        var flow = Queue("{ to: mailer.send, share: 5% }, audit.log");
        Assert.Equal([400, 50], flow.ConsumerCapacity.Inputs.Select(i => i.Value));
        Assert.Equal(50, flow.ConsumerCapacity.Value!.Value, 9);
        Assert.Equal(950 * 3600, flow.BacklogPerHour.Value!.Value, 6);
        Assert.Equal([1000, 50], flow.BacklogPerHour.Inputs.Select(i => i.Value));

        // Every message to both: 20/s and 50/s, the slowest 20/s, with the plain formula.
        var all = Queue("mailer.send, audit.log");
        Assert.Equal(20, all.ConsumerCapacity.Value!.Value, 9);
        Assert.Equal("the slowest consumer's capacity per instance x instances", all.ConsumerCapacity.Formula);
        Assert.Equal(980 * 3600, all.BacklogPerHour.Value!.Value, 6);
    }

    [Fact]
    public void A_consumer_without_capacity_leaves_the_queue_unsized()
    {
        var flow = Queue("mailer.send", "instances: 2");
        Assert.False(flow.ConsumerCapacity.IsKnown);
        Assert.Equal("a consumer has no capacity stated", flow.ConsumerCapacity.Formula);
        Assert.False(flow.BacklogPerHour.IsKnown);
        Assert.Equal(1000, flow.PublishAverage.Value!.Value, 9);
        Assert.Equal(1000, flow.PublishPeak.Value!.Value, 9);
    }

    [Fact]
    public void Each_caller_adds_its_load_times_probability_count_and_attempts()
    {
        var report = Estimator.Estimate(TestDesigns.Load("""
            plumbline: 1
            system: { name: t }
            requirements: { peak_to_average: 2 }
            workflows:
              read: { entry: api.get, rate: 10/s }
              direct: { entry: db.get, rate: 1/s }
            components:
              api:
                kind: service
                operations:
                  get: { calls: [ { to: db.get, count: 3, probability: 50%, timeout: 1s } ] }
              db: { kind: database, operations: { get: {} } }
            """));
        var db = report.Operations.Single(o => o.Operation == "db.get");

        // The workflow entering at db.get, 1/s (2/s at peak), and api.get's 10/s x 0.5 x 3 = 15/s (30/s at peak): 16/s, 32/s.
        Assert.Equal([1, 15], db.Average.Inputs.Select(i => i.Value));
        Assert.Equal([2, 30], db.Peak.Inputs.Select(i => i.Value));
        Assert.Equal(16, db.Average.Value!.Value, 9);
        Assert.Equal(32, db.Peak.Value!.Value, 9);
    }
}
