using Plumbline.Analysis.Review;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Completeness;

public sealed class CompletenessRegistryTests
{
    [Fact]
    public void Every_completeness_rule_is_registered_once()
    {
        var ids = RuleRegistry.All.Select(r => r.Info.Id).ToList();
        Assert.All(CompletenessTestKit.RuleIds, id => Assert.Single(ids, id));
    }

    [Theory]
    [InlineData("url-shortener.yaml")]
    [InlineData("pastebin.yaml")]
    [InlineData("chat.yaml")]
    [InlineData("news-feed.yaml")]
    [InlineData("payments-ledger.yaml")]
    [InlineData("ride-hailing.yaml")]
    public void The_good_examples_get_no_high_completeness_finding(string example)
    {
        var findings = Reviewer.Review(TestDesigns.Example(example), ReviewKit.Options).Findings
            .Where(f => CompletenessTestKit.RuleIds.Contains(f.Rule.Id) && f.Severity == Severity.High)
            .Select(f => f.Key + ": " + f.Message)
            .ToList();
        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    [Fact]
    public void A_design_of_only_a_system_points_every_finding_at_a_line()
    {
        var findings = ReviewKit.Review("""
            plumbline: 1
            system: { name: bare }
            workflows:
              browse: { entry: web.get, per_user: 10/month }
            components:
              web: { kind: service, operations: { get: {} } }
            """);
        var mine = findings.Where(f => CompletenessTestKit.RuleIds.Contains(f.Rule.Id)).ToList();
        Assert.Contains(mine, f => f.Key == "scope-without-success-criteria@scope");
        Assert.Contains(mine, f => f.Key == "no-business-outcomes@outcomes");
        Assert.Contains(mine, f => f.Key == "no-milestones@milestones");
        Assert.Contains(mine, f => f.Key == "system-without-owners@bare");
        Assert.Contains(mine, f => f.Key == "per-user-workflow-without-users@browse");
        Assert.All(mine, f => Assert.True(f.Span.Start.Line > 0, $"{f.Key} has no line"));
    }
}
