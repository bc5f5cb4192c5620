using Plumbline.Analysis.Review;
using Plumbline.Analysis.Tests.Availability;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Resilience;

/// <summary>The blast-radius rule on the figures of Availability/BlastRadiusFigureTests.</summary>
public sealed class BlastRadiusTests
{
    [Fact]
    public void A_wide_radius_with_nothing_at_risk_is_a_listing_not_a_finding()
    {
        // edge takes down everything, but runs 3 instances over 3 zones and no SLO asks more than it reaches: its radius
        // is in the report's blast radius section (Availability/BlastRadiusFigureTests), not a finding.
        Assert.Empty(ReviewKit.Review(BlastRadiusFigureTests.Design).Of("blast-radius"));
    }

    [Fact]
    public void The_rule_reports_a_lone_component_that_takes_down_a_critical_workflow()
    {
        var findings = ReviewKit.Review(BlastRadiusFigureTests.Design.Replace("instances: 3\n    zones: [a, b, c]", "instances: 1\n    zones: [a]", StringComparison.Ordinal)).Of("blast-radius");

        // edge takes down redirect (critical); db fails only 10% of redirects and 36% of traffic; reports 10%.
        var finding = Assert.Single(findings);
        Assert.Equal("blast-radius@edge", finding.Key);
        Assert.Equal(Severity.Low, finding.Severity);
        Assert.Equal("if edge fails, redirect (critical), shorten (medium), stats (low) fail: 100% of all traffic", finding.Message);
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
