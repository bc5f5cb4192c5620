using Plumbline.Analysis.Estimates;
using Xunit;

namespace Plumbline.Analysis.Tests.Estimates;

/// <summary>
/// Which calls run only on a cache's misses: the call straight after a lookup in a cache, not the call after a write to
/// one (docs/estimates.md, "Cache misses fall through").
/// </summary>
public sealed class CacheMissTests
{
    // A redirect: look the link up (90% hits), read the database on a miss, fill the cache after a miss, and publish a click
    // for every redirect. 100 redirects/s.
    private const string Redirect = """
        plumbline: 1
        system: { name: t }
        workflows:
          redirect: { entry: edge.get_link, rate: 100/s }
        components:
          edge:
            kind: service
            operations:
              get_link:
                calls:
                  - { to: cache.get, timeout: 20ms }
                  - { to: db.get, timeout: 50ms }
                  - { to: cache.set, probability: 0.1, timeout: 20ms }
                  - { to: clicks.publish, async: true }
          cache: { kind: cache, hit_ratio: 90%, operations: { get: { type: read }, set: { type: write } } }
          db: { kind: database, operations: { get: { type: read } } }
          clicks: { kind: queue, dead_letter: true, consumers: [ counter.record ], operations: { publish: { type: write } } }
          counter: { kind: worker, operations: { record: { type: write } } }
        """;

    private static double Average(EstimateReport report, string operation) =>
        report.Operations.Single(o => o.Operation == operation).Average.Value ?? double.NaN;

    [Fact]
    public void The_call_after_a_lookup_runs_on_the_misses_and_the_call_after_a_fill_on_every_request()
    {
        var report = Estimator.Estimate(TestDesigns.Load(Redirect));

        // db.get follows cache.get, a lookup: 100/s x (1 - 0.9) = 10/s, no retries.
        Assert.Equal(10, Average(report, "db.get"), 9);
        // cache.set states its own share: 100/s x 0.1 = 10/s.
        Assert.Equal(10, Average(report, "cache.set"), 9);
        // clicks.publish follows cache.set, a write: every redirect publishes, 100/s (not 10/s, the misses), and the
        // queue delivers each click to its one consumer.
        Assert.Equal(100, Average(report, "clicks.publish"), 9);
        Assert.Equal(100, Average(report, "counter.record"), 9);
        var publish = report.Operations.Single(o => o.Operation == "clicks.publish").Average.Inputs.Single();
        Assert.Equal("from edge.get_link: load x p 1 x count 1 x attempts 1 (async)", publish.Name);
    }

    [Fact]
    public void An_operation_of_unstated_type_is_a_lookup_or_a_write_by_its_name()
    {
        // "put" is a write by its name, "lookup" a read: the call after cache.put runs on every request, the call after
        // cache.lookup on the 20% of misses.
        var design = Redirect
            .Replace("get: { type: read }, set: { type: write }", "lookup: {}, put: {}", StringComparison.Ordinal)
            .Replace("to: cache.get,", "to: cache.lookup,", StringComparison.Ordinal)
            .Replace("to: cache.set,", "to: cache.put,", StringComparison.Ordinal)
            .Replace("hit_ratio: 90%", "hit_ratio: 80%", StringComparison.Ordinal);
        var report = Estimator.Estimate(TestDesigns.Load(design));

        Assert.Equal(20, Average(report, "db.get"), 9);
        Assert.Equal(100, Average(report, "clicks.publish"), 9);
    }
}
