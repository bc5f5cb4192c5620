using Plumbline.Analysis.Estimates;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>
/// What each operation's load is summed from, input by input: the workflows entering at it (a per-user rate with no users
/// counts 0) and each caller's load times probability, count and expected attempts (at the default 1% failure per attempt),
/// each with where it is written; and the retry amplification along the way.
/// </summary>
public sealed class LoadFigureTests
{
    /// <summary>
    /// read: 100/s (200/s at peak) into api.get, which calls the cache (80% hits), then db.get on a miss with 2 retries;
    /// browse is per user with no users stated; api.put publishes 10/s to a queue delivering to mailer.
    /// </summary>
    private const string Design = """
        plumbline: 1
        system: { name: t }
        requirements: { peak_to_average: 2 }
        workflows:
          read: { entry: api.get, rate: 100/s }
          browse: { entry: api.get, per_user: 10/day }
          write: { entry: api.put, rate: 10/s, type: write }
        components:
          cache: { kind: cache, hit_ratio: 0.8, operations: { get: {} } }
          db: { kind: database, operations: { get: {} } }
          api:
            kind: service
            operations:
              get: { calls: [ { to: cache.get, timeout: 1s }, { to: db.get, timeout: 1s, retries: { max: 2, backoff: exponential } } ] }
              put: { type: write, calls: [ { to: events.publish, async: true } ] }
          events: { kind: queue, dead_letter: true, consumers: [ mailer.send ], operations: { publish: { type: write } } }
          mailer: { kind: worker, operations: { send: { type: write } } }
        """;

    private static OperationLoad Operation(EstimateReport report, string name) => report.Operations.Single(o => o.Operation == name);

    [Fact]
    public void Each_input_is_a_workflow_entering_or_a_caller_s_share()
    {
        var report = Estimator.Estimate(TestDesigns.Load(Design));

        // api.get: read's 100/s (200/s at peak) and browse's, which has no rate without users: 0, not unknown.
        var get = Operation(report, "api.get");
        Assert.Equal([("workflow read", 100), ("workflow browse", 0)], get.Average.Inputs.Select(i => (i.Name, i.Value)));
        Assert.Equal([("workflow read at peak", 200), ("workflow browse at peak", 0)], get.Peak.Inputs.Select(i => (i.Name, i.Value)));
        Assert.Equal("/workflows/read/entry", get.Average.Inputs[0].Source);

        // db.get: 100/s x 0.2 (the cache's misses) x 1 x (1 + 0.01 + 0.0001) expected attempts of 3 = 20.202/s, at the call.
        var db = Operation(report, "db.get").Average.Inputs.Single();
        Assert.Equal("from api.get: load x p 0.2 (cache miss) x count 1 x attempts 1.0101", db.Name);
        Assert.Equal(20.202, db.Value, 9);
        Assert.Equal("/components/api/operations/get/calls/1", db.Source);
        Assert.Equal(40.404, Operation(report, "db.get").Peak.Inputs.Single().Value, 9);

        Assert.Equal("from api.get: load x p 1 x count 1 x attempts 1", Operation(report, "cache.get").Average.Inputs.Single().Name);
        Assert.Equal("from api.put: load x p 1 x count 1 x attempts 1 (async)", Operation(report, "events.publish").Average.Inputs.Single().Name);

        // The queue's delivery has no call in the file: it is listed at the consumer.
        var delivered = Operation(report, "mailer.send").Average.Inputs.Single();
        Assert.Equal("delivered from events.publish", delivered.Name);
        Assert.Equal(10, delivered.Value, 9);
        Assert.Equal("/components/mailer", delivered.Source);
    }

    [Fact]
    public void Only_a_retried_call_amplifies_and_says_along_which_path()
    {
        var report = Estimator.Estimate(TestDesigns.Load(Design));

        // db.get: 1 + 2 retries = 3 attempts; the cache's call has none: 1, and no path to describe.
        var db = Operation(report, "db.get");
        Assert.Equal(3, db.WorstCaseAmplification.Value);
        Assert.Equal([3.0], db.WorstCaseAmplification.Inputs.Select(i => i.Value));
        Assert.Contains("db.get", db.AmplificationPath, StringComparison.Ordinal);
        var cache = Operation(report, "cache.get");
        Assert.Equal(1, cache.WorstCaseAmplification.Value);
        Assert.Equal(string.Empty, cache.AmplificationPath);
    }
}
