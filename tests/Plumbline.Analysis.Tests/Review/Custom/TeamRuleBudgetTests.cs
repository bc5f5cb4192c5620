using System.Text;
using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Custom;
using Xunit;
using static Plumbline.Analysis.Tests.Review.Custom.CustomRuleKit;

namespace Plumbline.Analysis.Tests.Review.Custom;

/// <summary>Team rules cannot make a review run for minutes: patterns run in linear time, and all team rules share a time budget.</summary>
public sealed class TeamRuleBudgetTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_catastrophic_pattern_over_a_thousand_names_runs_in_linear_time()
    {
        // '^(a+)+$' against 'aaa...ab' backtracks 2^n ways in a backtracking engine: 2^40 steps per name, a thousand names.
        var design = new StringBuilder("plumbline: 1\nsystem: { name: many }\ncomponents:\n");
        for (var i = 0; i < 1000; i++)
        {
            design.Append("  ").Append(new string('a', 40)).Append(i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).Append("b: { kind: service }\n");
        }

        var loaded = TestDesigns.Load(design.ToString());
        var rules = RuleFile("components", "{ name: { matches: '^(a+)+$' } }");
        var findings = await Task.Run(() => Check(rules, loaded), TestContext.Current.CancellationToken);
        Assert.Equal(1000, findings.Count);
        Assert.All(findings, f => Assert.Contains("which does not match '^(a+)+$'", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void When_the_budget_is_spent_the_remaining_team_rules_are_skipped_and_one_finding_names_them()
    {
        var rules = Load(Fixtures.TeamRules);
        using var spent = new CancellationTokenSource();
        spent.Cancel();
        var options = new ReviewOptions(ReviewKit.Today) { TeamRuleDeadline = spent.Token, TeamRuleTimeBudget = TimeSpan.FromSeconds(5) };
        var report = Reviewer.Review(LoadedDesign, options, rules);

        Assert.DoesNotContain(report.Findings, f => f.Rule.Id.StartsWith("team-", StringComparison.Ordinal) && f.Rule != TeamRuleBudget.Info);
        var budget = Assert.Single(report.Findings, f => f.Rule == TeamRuleBudget.Info);
        Assert.Equal("team-rules-time-budget@team-rules", budget.Key);
        Assert.Equal(Severity.High, budget.Severity);
        Assert.Equal(
            "team rules ran out of their 5 s time budget: 7 of 7 did not finish (team-owner-required, team-call-timeout-budget, team-bounded-retries, "
            + "team-daily-backups, team-store-naming, team-fast-reads, team-slo-window), so their findings are missing from this review",
            budget.Message);

        // It points at the first rule that did not finish, in its rule file.
        Assert.Equal("team.rules.yaml", budget.Span.Path);
    }

    [Fact]
    public void Within_the_budget_team_rules_run_and_nothing_is_said()
    {
        using var ample = new CancellationTokenSource();
        var report = Reviewer.Review(LoadedDesign, new ReviewOptions(ReviewKit.Today) { TeamRuleDeadline = ample.Token }, Load(Fixtures.TeamRules));
        Assert.Contains(report.Findings, f => f.Rule.Id == "team-owner-required");
        Assert.DoesNotContain(report.Findings, f => f.Rule == TeamRuleBudget.Info);
    }
}
