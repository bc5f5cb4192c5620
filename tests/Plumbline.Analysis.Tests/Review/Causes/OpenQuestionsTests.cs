using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Causes;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Causes;

/// <summary>
/// The questions of the process a design leaves unanswered are one reviewer comment, "Open questions: ...": one group,
/// each question still a finding with its place and key; questions answered leave it, and risks never join it.
/// </summary>
public sealed class OpenQuestionsTests
{
    /// <summary>A shop with SLOs, telemetry, runbooks and zones, and none of the process's paperwork.</summary>
    private const string Shop = """
        plumbline: 1
        system: { name: shop OWNERS }
        workflows:
          checkout: { entry: api.checkout, rate: 20/s, criticality: critical }
          browse: { entry: api.browse, rate: 200/s }
        components:
          api:
            kind: service
            instances: 3
            zones: [a, b, c]
            operations:
              checkout: { calls: [{ to: orders-db.insert, timeout: 200ms }] }
              browse: { calls: [{ to: orders-db.query, timeout: 200ms }] }
          orders-db:
            kind: database
            replicas: 2
            zones: [a, b, c]
            operations:
              insert: { type: write, idempotent: true }
              query: {}
        slos:
          - { name: checkout-ok, workflow: checkout, sli: availability, objective: 99.9% }
        operations:
          telemetry: { metrics: prometheus, traces: opentelemetry, logs: loki }
        DEPENDENCIES
        LOAD
        """;

    private static string ShopWith(string owners = "", string dependencies = "", string load = "") =>
        Shop.Replace(" OWNERS", owners, StringComparison.Ordinal)
            .Replace("DEPENDENCIES", dependencies, StringComparison.Ordinal)
            .Replace("LOAD", load, StringComparison.Ordinal);

    [Fact]
    public void The_questions_left_open_are_one_group_each_still_a_finding()
    {
        var report = ReviewKit.Report(ShopWith());

        var group = Assert.Single(report.Groups, g => g.Cause == FindingCauses.OpenQuestions);
        var rules = group.All.Select(f => f.Rule.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                "no-business-outcomes", "no-cost-budget", "no-load-scenario", "no-milestones", "no-personas", "no-rollback-plan",
                "on-call-missing", "scope-without-boundaries", "scope-without-success-criteria", "system-without-owners",
            ],
            rules);
        Assert.Equal(Severity.Low, group.Severity);
        Assert.All(group.All, f => Assert.Equal(FindingCauses.OpenQuestions, f.Cause));

        // Every question keeps its own key (acceptances and the baseline use it) and counts once in the totals.
        Assert.Contains(report.Findings, f => f.Key == "no-rollback-plan@rollback");
        Assert.Single(report.Groups, g => g.All.Any(f => f.Rule.Id == "no-personas"));
    }

    [Fact]
    public void A_question_answered_leaves_the_list()
    {
        var report = ReviewKit.Report(ShopWith(owners: ", owners: [shop-team]"));
        var group = Assert.Single(report.Groups, g => g.Cause == FindingCauses.OpenQuestions);
        Assert.DoesNotContain(group.All, f => f.Rule.Id == "system-without-owners");
        Assert.Empty(report.Findings.Of("system-without-owners"));
    }

    [Fact]
    public void A_dependency_no_component_stands_for_is_a_question_and_one_on_the_path_a_risk_of_its_own()
    {
        var report = ReviewKit.Report(ShopWith(dependencies: """
            requirements:
              dependencies:
                - { name: dns-provider, direction: upstream, owner: Acme }
                - { name: orders-store, direction: upstream, owner: Acme, component: orders-db }
            """));

        var question = Assert.Single(report.Findings, f => f.Key == "dependency-without-sla@dns-provider");
        Assert.Equal(Severity.Low, question.Severity);
        Assert.Equal(FindingCauses.OpenQuestions, question.Cause);
        Assert.Equal("upstream dependency dns-provider has no SLA and no component stands for it, so what it lends the design's availability is unstated", question.Message);

        var risk = Assert.Single(report.Findings, f => f.Key == "dependency-without-sla@orders-store");
        Assert.Equal(Severity.Medium, risk.Severity);
        Assert.Equal(risk.Key, risk.Cause);
    }

    [Fact]
    public void A_workflow_no_load_scenario_drives_is_a_question_and_one_driven_short_of_its_peak_a_risk_of_its_own()
    {
        var report = ReviewKit.Report(ShopWith(load: """
            validation:
              load:
                - { name: checkout-peak, workflows: [checkout], shape: { ramp: 1x to 1.2x, over: 10m, hold: 30m }, expect: { slos: met } }
            """));

        // Both workflows peak at 3x their average (the assumed peak): checkout is driven to 1.2x, browse
        // by nothing.
        var browse = Assert.Single(report.Findings, f => f.Key == "load-below-peak@browse");
        Assert.Equal(FindingCauses.OpenQuestions, browse.Cause);
        var checkout = Assert.Single(report.Findings, f => f.Key == "load-below-peak@checkout");
        Assert.Equal(checkout.Key, checkout.Cause);
    }

    [Fact]
    public void Telemetry_without_metrics_is_listed_under_no_slos_only_when_no_slo_is_set()
    {
        var none = ReviewKit.Report(ShopWith().Replace("metrics: prometheus, ", string.Empty, StringComparison.Ordinal)
            .Replace("  - { name: checkout-ok, workflow: checkout, sli: availability, objective: 99.9% }\n", string.Empty, StringComparison.Ordinal)
            .Replace("slos:\n", string.Empty, StringComparison.Ordinal));
        var group = Assert.Single(none.Groups, g => g.Cause == "unstated@slos");
        Assert.Equal("no-slos@slos", group.Head.Key);
        Assert.Equal(["telemetry-incomplete@telemetry"], group.Related.Select(f => f.Key));

        // With an SLO set, telemetry that cannot measure it is a risk of its own.
        var some = ReviewKit.Report(ShopWith().Replace("metrics: prometheus, ", string.Empty, StringComparison.Ordinal));
        var telemetry = Assert.Single(some.Findings, f => f.Rule.Id == "telemetry-incomplete");
        Assert.Equal(telemetry.Key, telemetry.Cause);
    }

    [Fact]
    public void Risks_left_unstated_never_join_the_questions()
    {
        var report = ReviewKit.Report(ShopWith());
        var group = Assert.Single(report.Groups, g => g.Cause == FindingCauses.OpenQuestions);
        string[] risks = ["traffic-without-growth", "no-runbooks", "no-secrets-store", "no-trust-boundaries", "critical-workflow-without-chaos"];
        Assert.All(risks, r => Assert.Contains(report.Findings, f => f.Rule.Id == r));
        Assert.DoesNotContain(group.All, f => risks.Contains(f.Rule.Id));
    }
}
