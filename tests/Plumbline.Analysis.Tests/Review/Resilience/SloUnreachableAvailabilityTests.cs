using Plumbline.Analysis.Review;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Resilience;

/// <summary>slo-unreachable-availability: an SLO the synchronous path cannot reach, on the estimate's own figure.</summary>
public sealed class SloUnreachableAvailabilityTests
{
    [Fact]
    public void An_unreachable_slo_is_high_and_shows_the_same_figure_as_the_estimate()
    {
        var review = ReviewKit.Context("""
            plumbline: 1
            system: { name: shop }
            workflows:
              checkout: { entry: api.checkout, rate: 20/s }
            components:
              api:
                kind: service
                instances: 2
                availability: 99%
                operations:
                  checkout:
                    calls:
                      - { to: db.insert, timeout: 200ms }
              db:
                kind: database
                availability: 99.9%
                operations:
                  insert: { type: write, idempotent: true }
            slos:
              - { name: checkout-ok, workflow: checkout, sli: availability, objective: 99.95% }
            """);
        var findings = Reviewer.Review(review.Design, review.Options).Findings.Where(f => f.Rule.Id == "slo-unreachable-availability");

        // api: 1 - 0.01^2 = 0.9999; db: 0.999; together 0.9989001, a paper burn rate of 0.0010999 / 0.0005 = 2.1998.
        var finding = Assert.Single(findings);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal(0.9989001, review.Estimate.Workflows.Single().Availability.Availability.Value!.Value, 1e-12);
        Assert.Equal(
            "checkout-ok asks 99.95% of checkout, but its synchronous path reaches only 99.89001%: api.checkout 99.99% x db.insert 99.9%; "
            + "the weakest link is db: 1 copy of its shard at 99.9% = 99.9%; that alone burns the error budget at 2.2x",
            finding.Message);
    }

    [Fact]
    public void An_slo_that_differs_only_past_the_usual_digits_says_so_with_more_digits()
    {
        // 0.99995 x 0.99995 = 0.9999000025 meets 99.99%; 0.99995 x 0.999949 = 0.99989900 does not.
        var findings = ReviewKit.Review("""
            plumbline: 1
            system: { name: shop }
            workflows:
              checkout: { entry: api.checkout, rate: 20/s }
            components:
              api:
                kind: service
                availability: 99.995%
                operations:
                  checkout:
                    calls:
                      - { to: db.insert, timeout: 200ms }
              db:
                kind: database
                availability: 99.99499%
                operations:
                  insert: { type: write, idempotent: true }
            slos:
              - { name: checkout-ok, workflow: checkout, sli: availability, objective: 99.99% }
            """).Where(f => f.Rule.Id == "slo-unreachable-availability");

        // 0.99995 x 0.9999499 = 0.99989990...: printed 99.98999% against 99.99%, never "99.99% ... reaches 99.99%".
        Assert.Contains("asks 99.99% of checkout, but its synchronous path reaches only 99.98999%", Assert.Single(findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_journey_tighter_than_its_steps_can_compose_is_a_finding()
    {
        // Each step runs on one instance at 99.9% (no zones): the journey composes 99.9%^2 = 99.8001%, below 99.9%.
        var findings = ReviewKit.Review("""
            plumbline: 1
            system: { name: accounts }
            workflows:
              register: { entry: web.register, rate: 2/s, type: write }
              verify: { entry: web.verify, rate: 1/s, type: write }
            components:
              web: { kind: service, availability: 99.9%, operations: { register: { type: write }, verify: { type: write } } }
            slos:
              - { name: sign-up, journey: [register, verify], sli: availability, objective: 99.9% }
            """);

        var finding = Assert.Single(findings, f => f.Key == "slo-unreachable-availability@sign-up");
        Assert.Contains("99.8001%", finding.Message, StringComparison.Ordinal);
    }
}
