using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Graph;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>
/// The numbers a design compiles to: which of them sensitivity may move (only what the design or a default states), where
/// each is read from, and the loads propagated from them, worked by hand.
/// </summary>
public sealed class LoadModelTests
{
    /// <summary>
    /// 1M users each reading 86.4 times a day: 1,000/s; no peak_to_average, so 3 (the default). api.get calls the cache (80%
    /// hits, the first component), then db.get on a miss, then db.scan half the time, 3 rows each. api.put takes 10/s
    /// (50/s at peak) and publishes to a queue whose consumer takes 5% of the messages.
    /// </summary>
    private const string Design = """
        plumbline: 1
        system: { name: t }
        requirements: { users: { monthly_active: 1M } }
        workflows:
          read: { entry: api.get, per_user: 86.4/day }
          write: { entry: api.put, rate: 10/s, peak_rate: 50/s, type: write }
        data:
          - { entity: Item, owner: db, record_size: 1KB, new_records: 10/s }
          - { entity: Log, owner: db, record_size: 2KB }
        components:
          cache: { kind: cache, hit_ratio: 0.8, operations: { get: {} } }
          db: { kind: database, operations: { get: {}, scan: {} } }
          api:
            kind: service
            operations:
              get: { calls: [ { to: cache.get, timeout: 1s }, { to: db.get, timeout: 1s }, { to: db.scan, probability: 50%, count: 3, timeout: 1s } ] }
              put: { type: write, calls: [ { to: events.publish, async: true } ] }
          events: { kind: queue, dead_letter: true, consumers: [{ to: mailer.send, share: 5% }], operations: { publish: { type: write } } }
          mailer: { kind: worker, operations: { send: { type: write } } }
        """;

    private static LoadModel Compile(string yaml) => LoadModel.Compile(TestDesigns.Load(yaml));

    private static double Load(LoadModel model, double[] loads, string operation) =>
        loads[model.Graph.Operations.Select((o, i) => (o.RefText, i)).Single(x => x.RefText == operation).i];

    [Fact]
    public void Sensitivity_moves_only_what_the_design_or_a_default_states_and_each_says_where()
    {
        var model = Compile(Design);

        // No growth (NaN), no stated peak rate for read, the cache's miss call and the unstated calls are not inputs; the
        // queue's 5% share is, derived from the consumer list.
        Assert.Equal(
            [
                (InputKind.Users, "users.monthly_active", "/requirements/users/monthly_active"),
                (InputKind.PeakFactor, "peak_to_average", "default"),
                (InputKind.WorkflowRate, "read per_user", "/workflows/read/per_user"),
                (InputKind.WorkflowRate, "write rate", "/workflows/write/rate"),
                (InputKind.WorkflowPeakRate, "write peak_rate", "/workflows/write/peak_rate"),
                (InputKind.CallProbability, "api.get->db.scan probability", "/components/api/operations/get/calls/2/probability"),
                (InputKind.CallProbability, "events.publish->mailer.send probability", "derived"),
                (InputKind.FanOut, "api.get->db.scan count", "/components/api/operations/get/calls/2/count"),
                (InputKind.HitRatio, "cache hit_ratio", "/components/cache/hit_ratio"),
                (InputKind.RecordSize, "Item record_size", "/data/0/record_size"),
                (InputKind.RecordSize, "Log record_size", "/data/1/record_size"),
                (InputKind.NewRecords, "Item new_records", "/data/0/new_records"),
            ],
            model.Inputs.OrderBy(i => i.Kind).ThenBy(i => i.Slot).Select(i => (i.Kind, i.Name, i.Path)));
        Assert.Equal(0, model.Inputs.Single(i => i.Kind == InputKind.PeakFactor).Line);
        Assert.Equal(3, model.Inputs.Single(i => i.Kind == InputKind.Users).Line);
        Assert.Equal([1e6, 3, 0.001, 10, 50, 0.5, 0.05, 3, 0.8, 1000, 2000, 10], model.Inputs.OrderBy(i => i.Kind).ThenBy(i => i.Slot).Select(i => Math.Round(i.Baseline, 12)));

        // A stated peak_to_average is read where it is written.
        var stated = Compile(Design.Replace("requirements: { ", "requirements: { peak_to_average: 2, ", StringComparison.Ordinal));
        Assert.Equal("/requirements/peak_to_average", stated.Inputs.Single(i => i.Kind == InputKind.PeakFactor).Path);
    }

    [Fact]
    public void Each_value_is_read_from_its_own_slot()
    {
        var model = Compile(Design);
        var values = model.BaselineValues();
        Assert.Equal(1e6, model.Value(values, InputKind.Users, 0));
        Assert.Equal(3, model.Value(values, InputKind.PeakFactor, 0));
        Assert.True(double.IsNaN(model.Value(values, InputKind.Growth, 0)));
        Assert.Equal(10, model.Value(values, InputKind.WorkflowRate, 1));
        Assert.Equal(50, model.Value(values, InputKind.WorkflowPeakRate, 1));
        Assert.True(double.IsNaN(model.Value(values, InputKind.WorkflowPeakRate, 0)));

        // Every call's probability and count: db.scan's 50% and 3, the delivery's 5% share, 1 for the rest.
        foreach (var edge in model.Graph.Edges)
        {
            var to = model.Graph.Operations[edge.To].RefText;
            Assert.Equal(to == "db.scan" ? 3 : 1, model.Value(values, InputKind.FanOut, edge.Index));
            Assert.Equal(to switch { "db.scan" => 0.5, "mailer.send" => 0.05, _ => 1 }, model.Value(values, InputKind.CallProbability, edge.Index));
        }

        // The cache is component 0, db 1: only the cache states a hit ratio.
        Assert.Equal(0.8, model.HitRatio(values, 0));
        Assert.Equal(0.8, model.Value(values, InputKind.HitRatio, 0));
        Assert.True(double.IsNaN(model.HitRatio(values, 1)));
        Assert.True(double.IsNaN(model.Value(values, InputKind.HitRatio, 1)));
        Assert.Equal(2000, model.RecordSize(values, 1));
        Assert.Equal(2000, model.Value(values, InputKind.RecordSize, 1));
        Assert.Equal(10, model.Value(values, InputKind.NewRecords, 0));
        Assert.True(double.IsNaN(model.Value(values, InputKind.NewRecords, 1)));
        Assert.True(double.IsNaN(model.NewRecordsPerSecond(values, 1)));
    }

    [Fact]
    public void Loads_follow_users_the_cache_s_misses_shares_and_stated_peaks()
    {
        var model = Compile(Design);
        var values = model.BaselineValues();
        var loads = model.Propagate(values);

        // read: 1M x 86.4 / 86,400 s = 1,000/s, 3,000/s at peak; write at its stated 10/s (not times the users), 50/s at peak.
        Assert.Equal(1000, model.WorkflowAverage(values, 0), 9);
        Assert.Equal(3000, model.WorkflowPeak(values, 0), 9);
        Assert.Equal(10, model.WorkflowAverage(values, 1), 9);
        Assert.Equal(50, model.WorkflowPeak(values, 1), 9);

        // db.get takes the cache's misses: 1,000 x (1 - 0.8) = 200/s; db.scan 1,000 x 0.5 x 3 = 1,500/s; mailer 5% of 10/s.
        Assert.Equal(1000, Load(model, loads.Average, "cache.get"), 9);
        Assert.Equal(200, Load(model, loads.Average, "db.get"), 9);
        Assert.Equal(600, Load(model, loads.Peak, "db.get"), 9);
        Assert.Equal(1500, Load(model, loads.Average, "db.scan"), 9);
        Assert.Equal(0.5, Load(model, loads.Average, "mailer.send"), 9);
        Assert.Equal(2.5, Load(model, loads.Peak, "mailer.send"), 9);
    }

    [Fact]
    public void A_cache_with_no_hit_ratio_sends_every_read_on()
    {
        var model = Compile(Design.Replace("hit_ratio: 0.8, ", string.Empty, StringComparison.Ordinal));
        var loads = model.Propagate(model.BaselineValues());
        Assert.Equal(1000, Load(model, loads.Average, "db.get"), 9);
        Assert.DoesNotContain(model.Inputs, i => i.Kind == InputKind.HitRatio);
    }

    [Fact]
    public void A_load_only_at_peak_is_carried_on()
    {
        // write at 0/s on average and 50/s at peak: the queue's consumer takes 5% of the peak, 2.5/s, and nothing on average.
        var model = Compile(Design.Replace("rate: 10/s, peak_rate", "rate: 0/s, peak_rate", StringComparison.Ordinal));
        var loads = model.Propagate(model.BaselineValues());
        Assert.Equal(0, Load(model, loads.Average, "mailer.send"));
        Assert.Equal(2.5, Load(model, loads.Peak, "mailer.send"), 9);
    }

    [Fact]
    public void A_load_only_on_average_is_carried_on()
    {
        // write's peak rate moved to 0/s, as sensitivity moves a value (a design cannot state a peak below its average): the
        // consumer takes 5% of the average, 0.5/s, and nothing at peak.
        var model = Compile(Design);
        var values = model.BaselineValues();
        values[model.Inputs.Single(i => i.Kind == InputKind.WorkflowPeakRate).Slot] = 0;
        var loads = model.Propagate(values);
        Assert.Equal(0.5, Load(model, loads.Average, "mailer.send"), 9);
        Assert.Equal(0, Load(model, loads.Peak, "mailer.send"));
    }

    [Fact]
    public void Null_inputs_are_refused()
    {
        var design = TestDesigns.Load(Design);
        Assert.Throws<ArgumentNullException>(() => LoadModel.Compile(null!, CallGraph.Build(design)));
        Assert.Throws<ArgumentNullException>(() => LoadModel.Compile(design, (CallGraph)null!));
    }
}
