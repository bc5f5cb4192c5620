using System.Text.RegularExpressions;
using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Custom;
using Plumbline.Design.Model;
using Xunit;
using static Plumbline.Analysis.Tests.Review.Custom.CustomRuleKit;

namespace Plumbline.Analysis.Tests.Review.Custom;

/// <summary>Custom rules inside a real review: findings, keys, positions, acceptance, and the sample file and docs.</summary>
public sealed partial class CustomRuleReviewTests
{
    private static System.Collections.Immutable.ImmutableArray<IRule> TeamRules() => Load(Fixtures.TeamRules);

    [Fact]
    public void The_sample_rule_file_loads_clean()
    {
        var result = RuleFileLoader.LoadText(Fixtures.TeamRulesPath, Fixtures.TeamRules);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(
            ["team-owner-required", "team-call-timeout-budget", "team-bounded-retries", "team-daily-backups", "team-store-naming", "team-fast-reads", "team-slo-window"],
            result.Rules.Select(r => r.Info.Id));
    }

    [Fact]
    public void A_review_with_extra_rules_includes_their_findings_with_their_keys()
    {
        var rules = TeamRules();
        var report = Reviewer.Review(LoadedDesign, ReviewKit.Options, rules);
        var custom = report.Findings.Where(f => f.Rule.Id.StartsWith("team-", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "team-bounded-retries@edge.shorten->links-db.put",
                "team-call-timeout-budget@edge.shorten->links-db.put",
                "team-daily-backups@links-db",
                "team-fast-reads@links-db.get",
                "team-owner-required@counter",
            ],
            custom.Select(f => f.Key).Order(StringComparer.Ordinal));

        var owner = custom.Single(f => f.Rule.Id == "team-owner-required");
        Assert.Equal("counter has no owner", owner.Message);
        Assert.Equal(Severity.Medium, owner.Severity);
        Assert.Equal(ProcessStep.OrgAlignment, owner.Rule.Step);
        Assert.Equal(LineOf("\n  counter:") + ":3", owner.Span.Start.ToString());

        var timeout = custom.Single(f => f.Rule.Id == "team-call-timeout-budget");
        Assert.Equal("edge.shorten->links-db.put waits 2s for one attempt", timeout.Message);
        Assert.Equal(Severity.High, timeout.Severity);

        Assert.Equal("links-db: 'backup.keep' is 7d, below the min of 30d", custom.Single(f => f.Rule.Id == "team-daily-backups").Message);
        Assert.All(rules, rule => Assert.Contains(rule, report.Rules));
    }

    [Fact]
    public void A_custom_finding_is_accepted_by_its_key_like_any_other()
    {
        var design = ReviewKit.Load(DesignYaml + """

            security:
              accepted_risks:
                - finding: team-owner-required@counter
                  reason: The counter is being folded into edge this quarter.
                  until: 2027-03-31
            """);
        var report = Reviewer.Review(design, ReviewKit.Options, TeamRules());
        Assert.DoesNotContain(report.Findings, f => f.Key == "team-owner-required@counter");
        Assert.Contains(report.Accepted, a => a.Finding.Key == "team-owner-required@counter");
        Assert.DoesNotContain(report.Findings, f => f.Rule.Id == "unmatched-acceptance");
    }

    [Fact]
    public void A_custom_rule_counts_in_its_steps_score()
    {
        var report = Reviewer.Review(LoadedDesign, ReviewKit.Options, TeamRules());
        var withoutCustom = Reviewer.Review(LoadedDesign, ReviewKit.Options);
        var step = report.Scores.Single(s => s.Step == ProcessStep.OrgAlignment);
        var before = withoutCustom.Scores.Single(s => s.Step == ProcessStep.OrgAlignment);
        Assert.Equal(before.Rules + 1, step.Rules);
        Assert.Equal(before.Medium + 1, step.Medium);
    }

    public static TheoryData<string, string[], string> Targets() => new()
    {
        { "components", ["edge", "counter", "links-cache", "links-db", "clicks-queue"], "edge:" },
        { "operations", ["edge.get_link", "edge.shorten", "counter.count", "links-cache.get", "links-db.get", "links-db.put", "clicks-queue.publish"], "get_link:" },
        { "calls", ["edge.get_link->links-cache.get", "edge.get_link->links-db.get", "edge.shorten->links-db.put", "edge.shorten->clicks-queue.publish"], "to: links-cache.get" },
        { "workflows", ["redirect", "shorten"], "redirect:\n    entry" },
        { "entities", ["link", "click"], "entity: link" },
        { "endpoints", ["redirect", "create-link"], "name: redirect\n" },
        { "slos", ["redirect-availability", "redirect-latency"], "name: redirect-availability" },
        { "personas", ["visitor", "marketer"], "name: visitor" },
        { "dependencies", ["geoip-vendor", "mail-vendor"], "name: geoip-vendor" },
        { "decisions", ["ADR-1", "ADR-2"], "id: ADR-1" },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void Each_target_names_its_elements_by_their_stable_name_at_their_key(string target, string[] subjects, string firstAt)
    {
        // 'name' is always there (the element's own key, or its stable name), so 'absent' fires on every element.
        var findings = Check(RuleFile(target, "{ name: absent }"));
        Assert.Equal(subjects, findings.Select(f => f.Subject));
        Assert.Equal(DesignYaml.IndexOf(firstAt, StringComparison.Ordinal), findings[0].Span.Offset);
        Assert.Equal($"{subjects[0]}: 'name' is set to {subjects[0]}", findings[0].Message);
    }

    [Fact]
    public void A_design_without_text_gives_no_custom_findings()
    {
        var design = LoadedDesign with { SourceMap = SourceMap.Empty };
        var context = new ReviewContext(design, ReviewKit.Options);
        Assert.All(TeamRules(), rule => Assert.Empty(rule.Check(context)));
    }

    [Fact]
    public void A_regex_that_would_backtrack_for_ages_answers_at_once()
    {
        // With backtracking, '^(\w+\s?)*$' tries 2^80 splits of the 80 'a's before failing on '!'; the non-backtracking engine reads the value once.
        var design = ReviewKit.Load("""
            plumbline: 1
            system: { name: t }
            components:
              slow:
                kind: service
                description: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!
            """);
        var finding = Assert.Single(Check(RuleFile("components", @"{ description: { matches: '^(\w+\s?)*$' } }"), design));
        Assert.EndsWith("which does not match '^(\\w+\\s?)*$'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_docs_show_the_sample_rule_file_in_full()
    {
        var page = Fixtures.DocsPage;
        var at = page.IndexOf("## A full example", StringComparison.Ordinal);
        Assert.True(at >= 0, "docs/custom-rules.md has no '## A full example' section");
        var block = YamlBlock().Match(page, at);
        Assert.True(block.Success, "no ```yaml block under '## A full example'");
        Assert.Equal(Fixtures.TeamRules, block.Groups[1].Value);
    }

    [Fact]
    public void The_docs_list_every_code_predicate_target_step_and_severity()
    {
        var page = Fixtures.DocsPage;
        Assert.All(RuleFileDiagnostics.Codes, code => Assert.Contains(code, page, StringComparison.Ordinal));
        Assert.All(RuleFileLoader.Targets, t => Assert.Contains($"`{t}`", page, StringComparison.Ordinal));
        Assert.All(RuleFileLoader.Steps, s => Assert.Contains($"`{s}`", page, StringComparison.Ordinal));
        Assert.All(RuleFileLoader.Severities, s => Assert.Contains($"`{s}`", page, StringComparison.Ordinal));
        Assert.All(["present", "absent", "equals", "not", "in", "not_in", "min", "max", "matches"], p => Assert.Contains($"`{p}`", page, StringComparison.Ordinal));
        Assert.Contains("--rules", page, StringComparison.Ordinal);
    }

    private static int LineOf(string text) => DesignYaml[..DesignYaml.IndexOf(text, StringComparison.Ordinal)].Count(c => c == '\n') + 2;

    [GeneratedRegex("```yaml\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
