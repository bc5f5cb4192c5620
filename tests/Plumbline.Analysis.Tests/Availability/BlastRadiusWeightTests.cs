using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Graph;
using Xunit;

namespace Plumbline.Analysis.Tests.Availability;

/// <summary>How the blast radius weighs workflows into its traffic shares when rates are 0, missing or there is no workflow.</summary>
public sealed class BlastRadiusWeightTests
{
    private const double Precision = 1e-12;

    /// <summary>api.one waits on db.get on 40% of its requests, api.two on every one; rates to fill in.</summary>
    private static string Design(string one, string two) => $$"""
        plumbline: 1
        system: { name: weights }
        workflows:
          one: { entry: api.one, {{one}} }
          two: { entry: api.two, {{two}} }
        components:
          api:
            kind: service
            operations:
              one:
                calls:
                  - { to: db.get, probability: 0.4, timeout: 1s }
              two:
                calls:
                  - { to: db.get, timeout: 1s }
          db: { kind: database, operations: { get: {} } }
        """;

    [Fact]
    public void Rates_of_zero_are_no_rate_known_so_every_workflow_weighs_the_same()
    {
        var design = TestDesigns.Load(Design("rate: 0/s", "rate: 0/s"));
        var radius = BlastRadius.Of(design, CallGraph.Build(design), Estimator.Estimate(design), "db");

        // No rate above 0: one and two weigh 1 each, (0.4 + 1) / 2 = 0.7.
        Assert.False(radius.TrafficKnown);
        Assert.Equal(0.7, radius.FailedTrafficShare, Precision);
    }

    [Fact]
    public void A_workflow_the_estimate_has_no_row_for_weighs_nothing_beside_known_rates()
    {
        // The estimate is of a design with workflow one alone, at 10/s; two, added after, has no rate in it: unknown, weight 0,
        // so the failed share is one's: 10/s x 0.4 over 10/s.
        var alone = TestDesigns.Load(Design("rate: 10/s", "rate: 5/s"));
        var estimate = Estimator.Estimate(alone with { Workflows = [alone.Workflows[0]] });
        var radius = BlastRadius.Of(alone, CallGraph.Build(alone), estimate, "db");

        Assert.True(radius.TrafficKnown);
        Assert.Equal(["one", "two"], radius.Fails.Select(f => f.Workflow));
        Assert.Equal(10, radius.Fails[0].Rate!.Value, Precision);
        Assert.Null(radius.Fails[1].Rate);
        Assert.Equal(0.4, radius.FailedTrafficShare, Precision);
    }

    [Fact]
    public void A_design_without_workflows_has_no_traffic_to_share()
    {
        var loaded = TestDesigns.Load(Design("rate: 10/s", "rate: 5/s"));
        var design = loaded with { Workflows = [] };
        var radius = BlastRadius.Of(design, CallGraph.Build(design), null, "db");

        // No workflow weighs anything: 0 of 0 is no share, not NaN.
        Assert.Empty(radius.Fails);
        Assert.Empty(radius.Degrades);
        Assert.Equal(0, radius.FailedTrafficShare);
        Assert.Equal(0, radius.DegradedTrafficShare);
        Assert.False(radius.TrafficKnown);
    }
}
