using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Graph;
using Xunit;

namespace Plumbline.Analysis.Tests.Availability;

/// <summary>Blast radius: which workflows fail or degrade, and their share of traffic, by hand.</summary>
public sealed class BlastRadiusFigureTests
{
    internal const string Design = """
        plumbline: 1
        system: { name: links }
        workflows:
          redirect: { entry: edge.get, rate: 60/s, criticality: critical }
          shorten: { entry: edge.create, rate: 30/s, type: write }
          stats: { entry: edge.stats, rate: 10/s, criticality: low }
        components:
          edge:
            kind: service
            instances: 3
            zones: [a, b, c]
            operations:
              get:
                calls:
                  - { to: db.get, probability: 0.1, timeout: 50ms }
              create:
                type: write
                calls:
                  - { to: db.insert, timeout: 100ms }
              stats:
                calls:
                  - { to: reports.daily, timeout: 1s }
          reports:
            kind: service
            instances: 2
            zones: [a, b]
            operations:
              daily:
                calls:
                  - { to: db.query, timeout: 500ms, fallback: serve yesterday's report }
          db:
            kind: database
            replicas: 1
            zones: [a, b]
            operations:
              get: {}
              insert: { type: write, idempotent: true }
              query: {}
        """;

    private static ComponentBlastRadius RadiusOf(string yaml, string component)
    {
        var design = TestDesigns.Load(yaml);
        return BlastRadius.Of(design, CallGraph.Build(design), Estimator.Estimate(design), component);
    }

    [Fact]
    public void A_store_fails_the_share_of_each_workflow_that_reaches_it_and_degrades_the_rest()
    {
        var radius = RadiusOf(Design, "db");

        Assert.Equal(["redirect", "shorten"], radius.Fails.Select(f => f.Workflow));
        Assert.Equal(0.1, radius.Fails[0].Share, 1e-12);
        Assert.Equal(1, radius.Fails[1].Share, 1e-12);
        Assert.Equal(["stats"], radius.Degrades.Select(d => d.Workflow));

        // (60/s x 10% + 30/s x 100%) / 100/s = 36%; stats is 10/s of 100/s = 10%.
        Assert.True(radius.TrafficKnown);
        Assert.Equal(0.36, radius.FailedTrafficShare, 1e-9);
        Assert.Equal(0.1, radius.DegradedTrafficShare, 1e-9);
    }

    [Fact]
    public void The_entry_service_fails_everything()
    {
        var radius = RadiusOf(Design, "edge");
        Assert.Equal(["redirect", "shorten", "stats"], radius.Fails.Select(f => f.Workflow));
        Assert.Equal(1, radius.FailedTrafficShare, 1e-9);
        Assert.Empty(radius.Degrades);
    }

    [Fact]
    public void Without_rates_every_workflow_weighs_the_same()
    {
        var design = Design.Replace("rate: 60/s", "per_user: 6/day", StringComparison.Ordinal)
            .Replace("rate: 30/s", "per_user: 3/day", StringComparison.Ordinal)
            .Replace("rate: 10/s", "per_user: 1/day", StringComparison.Ordinal);
        var radius = RadiusOf(design, "db");
        Assert.False(radius.TrafficKnown);
        Assert.Equal((0.1 + 1) / 3, radius.FailedTrafficShare, 1e-9);
    }
}
