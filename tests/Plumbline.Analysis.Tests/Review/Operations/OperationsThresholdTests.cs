using Plumbline.Analysis.Review;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Operations;

public sealed class OperationsThresholdTests
{
    private static List<Finding> Findings(string yaml, string ruleId) => ReviewKit.Findings(yaml, ruleId);

    private const string Base = """
        plumbline: 1
        system: { name: t }
        workflows:
          w: { entry: api.op, rate: 10/s }
        components:
          api: { kind: service, operations: { op: {} } }

        """;

    [Theory]
    [InlineData("6d", true)]
    [InlineData("7d", false)]
    [InlineData("90d", false)]
    [InlineData("91d", true)]
    public void Slo_windows_between_a_week_and_a_quarter_are_usual(string window, bool fires)
    {
        var yaml = Base + $"slos:\n  - {{ name: s, workflow: w, sli: availability, objective: 99.9%, window: {window} }}\n";
        Assert.Equal(fires, Findings(yaml, "slo-window-unusual").Count == 1);
    }

    [Theory]
    [InlineData("{ store: vault }", "medium")]
    [InlineData("{ store: vault, rotation: 1y }", "none")]
    [InlineData("{ store: vault, rotation: 366d }", "low")]
    [InlineData("{ store: vault, rotation: 90d }", "none")]
    public void Secrets_rotate_at_least_yearly(string secrets, string expected)
    {
        var findings = Findings(Base + $"security:\n  secrets: {secrets}\n", "secrets-not-rotated");
        Assert.Equal(expected, findings.Count == 0 ? "none" : findings[0].Severity.ToString().ToLowerInvariant());
    }

    [Theory]
    [InlineData("3000 USD/month", "36000 USD/year", "none")]   // equal per month
    [InlineData("3000 USD/month", "3000 EUR/month", "low")]
    [InlineData("3000 USD/month", "3500 USD/month", "medium")]
    [InlineData("3000 USD/month", "2500 USD/month", "low")]
    [InlineData("3000 USD/month", null, "medium")]
    public void The_cost_budget_carries_the_constraint(string constraint, string? budget, string expected)
    {
        var yaml = Base.Replace("workflows:", $"requirements:\n  constraints: {{ budget: {constraint} }}\nworkflows:", StringComparison.Ordinal)
            + (budget is null ? string.Empty : $"cost:\n  budget: {budget}\n  alerts: [80%]\n");
        var findings = Findings(yaml, "cost-budget-mismatch");
        Assert.Equal(expected, findings.Count == 0 ? "none" : findings[0].Severity.ToString().ToLowerInvariant());
    }

    [Theory]
    [InlineData("[]", true)]
    [InlineData("[100%, 120%]", true)]
    [InlineData("[90%, 100%]", false)]
    public void Budget_alerts_must_come_before_the_money_is_spent(string alerts, bool fires)
    {
        var yaml = Base + $"cost:\n  budget: 500 USD/month\n  alerts: {alerts}\n";
        Assert.Equal(fires, Findings(yaml, "budget-alerts-missing").Count == 1);
    }

    [Theory]
    [InlineData("9x", false)]     // peak 100/s over 10/s is 10x; 90% of it is 9x
    [InlineData("8.9x", true)]
    public void Load_must_reach_nine_tenths_of_the_peak_multiple(string rate, bool fires)
    {
        var yaml = Base.Replace("rate: 10/s }", "rate: 10/s, peak_rate: 100/s }", StringComparison.Ordinal)
            + $"validation:\n  load:\n    - {{ name: l, shape: {{ rate: {rate}, hold: 10m }}, expect: {{ slos: met }} }}\n";
        var findings = Findings(yaml, "load-below-peak");
        Assert.Equal(fires, findings.Count == 1);
        if (fires)
        {
            Assert.Contains("at most 8.9x its average, short of its 10x peak (100/s)", findings[0].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_workflow_no_scenario_drives_is_reported()
    {
        var yaml = Base.Replace("components:", "  v: { entry: api.op, rate: 1/s }\ncomponents:", StringComparison.Ordinal)
            + "validation:\n  load:\n    - { name: l, workflows: [w], shape: { rate: 3x, hold: 10m }, expect: { slos: met } }\n";
        var finding = Assert.Single(Findings(yaml, "load-below-peak"));
        Assert.Equal("load-below-peak@v", finding.Key);
        Assert.Contains("no load scenario drives v", finding.Message, StringComparison.Ordinal);
    }
}
