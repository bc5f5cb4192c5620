using Plumbline.Analysis.Review;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Resilience;

/// <summary>Blast radius: which workflows fail or degrade, and their share of traffic, by hand.</summary>
public sealed class BlastRadiusTests
{
    private const string Design = """
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

    [Fact]
    public void A_store_fails_the_share_of_each_workflow_that_reaches_it_and_degrades_the_rest()
    {
        var radius = ReviewKit.Context(Design).BlastRadiusOf("db");

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
        var radius = ReviewKit.Context(Design).BlastRadiusOf("edge");
        Assert.Equal(["redirect", "shorten", "stats"], radius.Fails.Select(f => f.Workflow));
        Assert.Equal(1, radius.FailedTrafficShare, 1e-9);
        Assert.Empty(radius.Degrades);
    }

    [Fact]
    public void A_wide_radius_with_nothing_at_risk_is_a_listing_not_a_finding()
    {
        // edge takes down everything, but runs 3 instances over 3 zones and no SLO asks more than it reaches: its radius
        // is in the report's blast radius section (BlastRadiusOf above), not a finding.
        Assert.Empty(ReviewKit.Review(Design).Of("blast-radius"));
    }

    [Fact]
    public void The_rule_reports_a_lone_component_that_takes_down_a_critical_workflow()
    {
        var findings = ReviewKit.Review(Design.Replace("instances: 3\n    zones: [a, b, c]", "instances: 1\n    zones: [a]", StringComparison.Ordinal)).Of("blast-radius");

        // edge takes down redirect (critical); db fails only 10% of redirects and 36% of traffic; reports 10%.
        var finding = Assert.Single(findings);
        Assert.Equal("blast-radius@edge", finding.Key);
        Assert.Equal(Severity.Low, finding.Severity);
        Assert.Equal("if edge fails, redirect (critical), shorten (medium), stats (low) fail: 100% of all traffic", finding.Message);
    }

    [Fact]
    public void Without_rates_every_workflow_weighs_the_same()
    {
        var design = Design.Replace("rate: 60/s", "per_user: 6/day", StringComparison.Ordinal)
            .Replace("rate: 30/s", "per_user: 3/day", StringComparison.Ordinal)
            .Replace("rate: 10/s", "per_user: 1/day", StringComparison.Ordinal);
        var radius = ReviewKit.Context(design).BlastRadiusOf("db");
        Assert.False(radius.TrafficKnown);
        Assert.Equal((0.1 + 1) / 3, radius.FailedTrafficShare, 1e-9);
    }

    [Fact]
    public void A_lone_component_below_the_slo_it_takes_down_is_medium()
    {
        var findings = ReviewKit.Review("""
            plumbline: 1
            system: { name: shop }
            workflows:
              checkout: { entry: api.checkout, rate: 20/s, criticality: critical }
            components:
              api:
                kind: service
                availability: 99.9%
                operations: { checkout: {} }
            slos:
              - { name: checkout-ok, workflow: checkout, sli: availability, objective: 99.95% }
            """).Of("blast-radius");
        var finding = Assert.Single(findings);
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.EndsWith("on its own it reaches 99.9%, below the 99.95% SLO of what it takes down", finding.Message, StringComparison.Ordinal);
    }
}
