using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Graph;
using Xunit;

namespace Plumbline.Analysis.Tests.Availability;

/// <summary>
/// The blast radius counts the share of a workflow's requests a failure reaches as the availability model counts it:
/// a call made on a share s of executions as (1 - s + s x the callee's figure), so s is what the callee's failure takes.
/// </summary>
public sealed class BlastRadiusShareTests
{
    private const double Precision = 1e-12;

    /// <summary>
    /// db is called by api.never on 0% of executions, by api.batch with count 0.5 (one call per two executions),
    /// by api.some on 20% of executions with count 0.5, and by api.always on every one; a 99% database, a 100% api.
    /// </summary>
    private const string Design = """
        plumbline: 1
        system: { name: shares }
        workflows:
          never: { entry: api.never, rate: 10/s }
          batch: { entry: api.batch, rate: 20/s }
          some: { entry: api.some, rate: 30/s }
          always: { entry: api.always, rate: 40/s }
        components:
          api:
            kind: service
            availability: 100%
            operations:
              never:
                calls:
                  - { to: db.get, probability: 0, timeout: 1s }
              batch:
                calls:
                  - { to: db.get, count: 0.5, timeout: 1s }
              some:
                calls:
                  - { to: db.get, probability: 0.2, count: 0.5, timeout: 1s }
              always:
                calls:
                  - { to: db.get, timeout: 1s }
          db:
            kind: database
            availability: 99%
            operations: { get: {} }
        """;

    private static (ComponentBlastRadius Radius, AvailabilityModel Model) Analyse(string yaml, string component)
    {
        var design = TestDesigns.Load(yaml);
        var graph = CallGraph.Build(design);
        return (BlastRadius.Of(design, graph, Estimator.Estimate(design), component), new AvailabilityModel(design, graph));
    }

    [Fact]
    public void A_call_made_on_no_execution_leaves_its_workflow_out_of_the_callees_blast_radius()
    {
        var (radius, model) = Analyse(Design, "db");

        // The model: never = 1 - 0 + 0 x 0.99 = 1, so db's failure costs it nothing.
        Assert.Equal(1, model.OfWorkflow("never")!.Value, Precision);
        Assert.DoesNotContain("never", radius.Fails.Select(f => f.Workflow));
        Assert.DoesNotContain("never", radius.Degrades.Select(f => f.Workflow));
        Assert.Empty(radius.Degrades);
        Assert.Equal(0, radius.DegradedTrafficShare, Precision);
    }

    [Fact]
    public void A_count_below_one_exposes_every_execution_that_makes_the_call()
    {
        var (radius, model) = Analyse(Design, "db");

        // The model: batch = 1 - 1 + 1 x 0.99 = 0.99 (the batched call carries every execution), some = 1 - 0.2 + 0.2 x 0.99
        // = 0.998, always = 0.99. So db's failure takes 100% of batch, 20% of some (not 10%) and 100% of always.
        Assert.Equal(0.99, model.OfWorkflow("batch")!.Value, Precision);
        Assert.Equal(0.998, model.OfWorkflow("some")!.Value, Precision);
        Assert.Equal(["batch", "some", "always"], radius.Fails.Select(f => f.Workflow));
        Assert.Equal([1, 0.2, 1], radius.Fails.Select(f => Math.Round(f.Share, 12)));

        // (20/s x 1 + 30/s x 0.2 + 40/s x 1) / (10 + 20 + 30 + 40)/s = 66/100.
        Assert.Equal(0.66, radius.FailedTrafficShare, Precision);
    }

    [Fact]
    public void The_store_behind_a_cache_that_always_hits_is_outside_the_workflows_blast_radius()
    {
        // A cache with a 100% hit ratio calls db on its misses, 0% of executions: 1 - 0 + 0 x 0.99 = 1 for hit, and db's
        // failure takes none of it; miss reads db after a cache that hits 90%: 10% of it.
        var (radius, model) = Analyse("""
            plumbline: 1
            system: { name: cached }
            workflows:
              hit: { entry: api.hit, rate: 30/s }
              miss: { entry: api.miss, rate: 10/s }
            components:
              api:
                kind: service
                availability: 100%
                operations:
                  hit:
                    calls:
                      - { to: always.get, timeout: 10ms, fallback: read the database }
                      - { to: db.get, timeout: 100ms }
                  miss:
                    calls:
                      - { to: often.get, timeout: 10ms, fallback: read the database }
                      - { to: db.get, timeout: 100ms }
              always: { kind: cache, hit_ratio: 1, operations: { get: {} } }
              often: { kind: cache, hit_ratio: 0.9, operations: { get: {} } }
              db: { kind: database, availability: 99%, operations: { get: {} } }
            """, "db");

        Assert.Equal(1, model.OfWorkflow("hit")!.Value, Precision);
        Assert.Equal(["miss"], radius.Fails.Select(f => f.Workflow));
        Assert.Equal(0.1, radius.Fails[0].Share, Precision);
        Assert.Empty(radius.Degrades);

        // 10/s x 0.1 over 40/s.
        Assert.Equal(0.025, radius.FailedTrafficShare, Precision);
    }

    [Fact]
    public void A_hand_off_degrades_by_the_share_that_makes_it()
    {
        // Hand-offs to worker.run: on 0% of never's executions (left out), with count 0.01 on every one of batch's (each
        // execution rides on a batch: 100%), on 25% of some's (25%). Degraded traffic: (20/s x 1 + 30/s x 0.25) / 60/s.
        var (radius, _) = Analyse("""
            plumbline: 1
            system: { name: handoffs }
            workflows:
              never: { entry: api.never, rate: 10/s }
              batch: { entry: api.batch, rate: 20/s }
              some: { entry: api.some, rate: 30/s }
            components:
              api:
                kind: service
                operations:
                  never:
                    calls:
                      - { to: worker.run, probability: 0, async: true }
                  batch:
                    calls:
                      - { to: worker.run, count: 0.01, async: true }
                  some:
                    calls:
                      - { to: worker.run, probability: 0.25, async: true }
              worker: { kind: service, operations: { run: {} } }
            """, "worker");

        Assert.Empty(radius.Fails);
        Assert.Equal(["batch", "some"], radius.Degrades.Select(d => d.Workflow));
        Assert.Equal(1, radius.Degrades[0].Share, Precision);
        Assert.Equal(0.25, radius.Degrades[1].Share, Precision);
        Assert.Equal(27.5 / 60, radius.DegradedTrafficShare, Precision);
    }
}
