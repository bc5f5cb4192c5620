using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Rules.Resilience;
using Xunit;

namespace Plumbline.Analysis.Tests.Review;

/// <summary>
/// A severity is never higher than the harm the finding names: paperwork the design leaves open is low, a missing
/// objective is medium, and an unreachable availability objective is rated by how fast the design alone spends its
/// error budget.
/// </summary>
public sealed class SeverityByHarmTests
{
    /// <summary>A design that states its components and a critical workflow and none of the paperwork around them.</summary>
    private const string Bare = """
        plumbline: 1
        system: { name: shop }
        workflows:
          checkout: { entry: api.checkout, rate: 20/s, criticality: critical }
        components:
          api: { kind: service, operations: { checkout: { calls: [{ to: orders-db.insert, timeout: 200ms }] } } }
          orders-db: { kind: database, operations: { insert: { type: write, idempotent: true } } }
          cache: { kind: cache, operations: { get: {} } }
        requirements:
          scope: { in: [checkout] }
        business:
          outcomes:
            - { name: revenue, kind: revenue }
          metrics:
            - { name: conversion }
        decisions:
          - { id: D-1, title: Orders in one database, status: accepted, options: [one database] }
        """;

    [Theory]
    [InlineData("scope-without-success-criteria")]
    [InlineData("scope-without-boundaries")]
    [InlineData("outcome-without-metric")]
    [InlineData("metric-without-target")]
    [InlineData("system-without-owners")]
    [InlineData("no-cost-budget")]
    [InlineData("no-rollback-plan")]
    [InlineData("on-call-missing")]
    [InlineData("no-load-scenario")]
    [InlineData("decision-without-alternatives")]
    public void Paperwork_left_open_is_low_even_beside_a_critical_workflow(string rule)
    {
        var finding = Assert.Single(ReviewKit.Findings(Bare, rule));
        Assert.Equal(Severity.Low, finding.Severity);
        Assert.Equal(Severity.Low, finding.Rule.Severity);
    }

    [Fact]
    public void No_slos_is_medium_with_a_critical_workflow_and_names_it()
    {
        var finding = Assert.Single(ReviewKit.Findings(Bare, "no-slos"));
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Equal("no SLOs are set for the 1 workflow(s), critical ones included (checkout): nothing says how reliable or fast they must be", finding.Message);
    }

    private static string Path(string objective) => $$"""
        plumbline: 1
        system: { name: shop }
        workflows:
          checkout: { entry: api.checkout, rate: 20/s, criticality: critical }
        components:
          api:
            kind: service
            availability: 99.9%
            operations:
              checkout:
                calls:
                  - { to: orders-db.insert, timeout: 200ms }
          orders-db:
            kind: database
            availability: 99.9%
            operations:
              insert: { type: write, idempotent: true }
        slos:
          - { name: checkout-ok, workflow: checkout, sli: availability, objective: {{objective}} }
        """;

    // The path reaches 0.999 x 0.999 = 0.998001, so 0.001999 of requests fail on paper. The burn rate is that over the
    // budget: 0.001999 / 0.0005 = 3.998 (high), / 0.0015 = 1.3327 (medium), / 0.001998 = 1.0005005 (low).
    [Theory]
    [InlineData("99.95%", Severity.High, "4x")]
    [InlineData("99.85%", Severity.Medium, "1.33x")]
    [InlineData("99.8002%", Severity.Low, "1.001x")]
    public void An_unreachable_availability_objective_is_rated_by_its_paper_burn_rate(string objective, Severity severity, string burn)
    {
        var finding = Assert.Single(ReviewKit.Findings(Path(objective), "slo-unreachable-availability"));
        Assert.Equal(severity, finding.Severity);
        Assert.EndsWith($"; that alone burns the error budget at {burn}", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_objective_the_path_reaches_is_not_reported() =>
        Assert.Empty(ReviewKit.Findings(Path("99.8%"), "slo-unreachable-availability"));

    [Fact]
    public void A_shortfall_of_five_hundred_millionths_of_a_point_is_low()
    {
        // One component at 99.94999995% against 99.95%: 5.0000005e-4 of requests fail against a budget of 5e-4, a burn
        // rate of 1.000001: the objective is missed by a millionth of its budget.
        var finding = Assert.Single(ReviewKit.Findings("""
            plumbline: 1
            system: { name: shop }
            workflows:
              checkout: { entry: api.checkout, rate: 20/s, criticality: critical }
            components:
              api: { kind: service, availability: 99.94999995%, operations: { checkout: {} } }
            slos:
              - { name: checkout-ok, workflow: checkout, sli: availability, objective: 99.95% }
            """, "slo-unreachable-availability"));
        Assert.Equal(Severity.Low, finding.Severity);
        Assert.Equal(
            "checkout-ok asks 99.95% of checkout, but its synchronous path reaches only 99.949999%: api.checkout 99.95%; "
            + "the weakest link is api: 1 instance at 99.95% = 99.95%; that alone burns the error budget at 1.000001x",
            finding.Message);
    }

    [Theory]
    [InlineData(0.9, Severity.Low)]
    [InlineData(1.0999, Severity.Low)]
    [InlineData(1.1, Severity.Medium)]
    [InlineData(1.9999, Severity.Medium)]
    [InlineData(2, Severity.High)]
    [InlineData(228, Severity.High)]
    public void The_bands_of_the_burn_rate(double burn, Severity severity) =>
        Assert.Equal(severity, SloUnreachableAvailability.SeverityOf(burn));
}
