using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Config;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Config;

/// <summary>
/// The project configuration and the baseline as the review applies them: severities set and rules turned off by the
/// last matching setting, scoped by subject and file; known findings left out and gone keys listed; the files' formats
/// with positioned errors; the baseline's text sorted and stable.
/// </summary>
public sealed class ProjectConfigTests
{
    private const string Timeouts = """
        plumbline: 1
        system: { name: shop }
        workflows:
          browse: { entry: web.list, rate: 10/s }
          buy: { entry: web.order, rate: 1/s, type: write }
        components:
          web:
            kind: service
            operations:
              list: { calls: [ { to: db.query } ] }
              order: { calls: [ { to: db.insert } ] }
          db: { kind: database, operations: { query: {}, insert: {} } }
        """;

    private static readonly IReadOnlySet<string> Ids = RuleRegistry.All.Select(r => r.Info.Id).ToHashSet(StringComparer.Ordinal);

    private static ProjectConfig Config(string text)
    {
        var result = ProjectConfigLoader.LoadText(".plumbline.yaml", text, Ids);
        Assert.True(result.Success, string.Join('\n', result.Diagnostics));
        return result.Value!;
    }

    private static ReviewReport Review(string design, ProjectConfig? config = null, Baseline? baseline = null, string path = "shop.yaml") =>
        Reviewer.Review(ReviewKit.Load(design), ReviewKit.Options with { Config = config?.For(path), Baseline = baseline });

    [Theory]
    [InlineData("web", "web", true)]
    [InlineData("web", "webapp", false)]
    [InlineData("web.*", "web.list->db.query", true)]
    [InlineData("*->db.*", "web.list->db.query", true)]
    [InlineData("*->db.*", "web.list->cache.get", false)]
    [InlineData("*-workers", "job-workers", true)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "ac", false)]
    [InlineData("*", "", true)]
    [InlineData("teams/*/shop.yaml", "teams/a/shop.yaml", true)]
    [InlineData("teams/a/*.yaml", "teams/b/shop.yaml", false)]
    [InlineData("**x", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaay", false)]
    public void A_glob_matches_any_run_with_a_star_and_one_character_with_a_question_mark(string pattern, string text, bool expected) =>
        Assert.Equal(expected, Glob.Matches(pattern, text));

    [Fact]
    public void A_setting_turns_a_rules_findings_off_or_sets_their_severity_and_the_last_match_decides()
    {
        var config = Config("""
            plumbline-config: 1
            rules:
              - { rule: missing-timeout, severity: off, reason: driver timeouts everywhere }
              - { rule: missing-timeout, severity: high, reason: but orders must state theirs, subjects: ["web.order->*"] }
            """);

        var report = Review(Timeouts, config);

        var disabled = Assert.Single(report.Disabled);
        Assert.Equal("missing-timeout@web.list->db.query", disabled.Finding.Key);
        Assert.Equal("driver timeouts everywhere", disabled.Setting.Reason);
        var order = Assert.Single(report.Findings, f => f.Rule.Id == "missing-timeout");
        Assert.Equal("missing-timeout@web.order->db.insert", order.Key);
        Assert.Equal(Severity.High, order.Severity);   // the rule says medium: no workflow here is critical
        Assert.Equal("but orders must state theirs", order.Setting!.Reason);
        Assert.True(report.HasFindingsAtOrAbove(Severity.High));
    }

    [Fact]
    public void A_setting_scoped_to_files_applies_only_to_a_design_they_match()
    {
        var config = Config("""
            plumbline-config: 1
            rules:
              - { rule: missing-timeout, severity: off, reason: legacy designs, files: ["legacy/*.yaml"] }
            """);

        Assert.Equal(2, Review(Timeouts, config, path: "legacy/shop.yaml").Disabled.Length);
        Assert.Empty(Review(Timeouts, config, path: "new/shop.yaml").Disabled);
        Assert.Empty(Review(Timeouts, config, path: null!).Disabled);   // a design outside the configuration's folder
    }

    [Fact]
    public void A_baseline_leaves_known_findings_out_and_lists_the_keys_no_finding_has()
    {
        var all = Review(Timeouts).Findings.Select(f => f.Key).ToList();
        var known = all.Where(k => k != "missing-timeout@web.order->db.insert").Append("gone-rule@nothing").ToList();
        var baseline = Baseline.LoadText("b.yaml", Baseline.Write(known, "shop.yaml")).Value!;

        var report = Review(Timeouts, baseline: baseline);

        Assert.Equal(["missing-timeout@web.order->db.insert"], report.Findings.Select(f => f.Key));
        Assert.Equal(all.Count - 1, report.Baselined.Length);
        Assert.Equal(["gone-rule@nothing"], report.BaselineGone);
    }

    [Fact]
    public void A_baseline_is_written_sorted_once_per_key_and_quoted_so_any_subject_reads_back()
    {
        var keys = new[] { "b@2", "a@x: \"quoted\" # not a comment", "a@\u001b]0;title\u0007", "b@2", "open-question@Is it \\ fine?" };

        var text = Baseline.Write(keys, "designs/shop.yaml");
        var read = Baseline.LoadText("b.yaml", text);

        Assert.True(read.Success, string.Join('\n', read.Diagnostics));
        Assert.Equal(keys.Distinct().Order(StringComparer.Ordinal), read.Value!.Keys);
        Assert.Equal(text, Baseline.Write(Enumerable.Reverse(keys), "designs/shop.yaml"));
        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("\"a@\\u001B]0;title\\u0007\"", text, StringComparison.Ordinal);
        Assert.StartsWith("# Plumbline baseline", text, StringComparison.Ordinal);
        Assert.Equal("plumbline-baseline: 1\nfindings: []\n", Baseline.Write([], "x.yaml").Split('\n', 4)[3]);
    }

    [Fact]
    public void Every_problem_in_a_configuration_is_reported_at_its_place_in_one_run()
    {
        var result = ProjectConfigLoader.LoadText(".plumbline.yaml", """
            plumbline-config: 1
            rulez: []
            rules:
              - rule: missing-timeot
                severity: high
                reason: typo
              - rule: missing-timeout
                severity: critical
                reason: no such severity
              - rule: missing-timeout
                severity: low
                reason: ""
              - just a string
            """, Ids);

        Assert.False(result.Success);
        var errors = result.Diagnostics.Select(d => $"{d.Span.Start} {d.Code}").ToList();
        Assert.Equal(["2:1 PL6001", "4:11 PL6006", "8:15 PL6005", "12:13 PL6002", "13:5 PL6003"], errors);
        Assert.Contains("did you mean 'missing-timeout'?", result.Diagnostics[1].Help, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configuration_or_baseline_of_another_version_is_refused_and_a_missing_version_is_an_error()
    {
        var config = ProjectConfigLoader.LoadText("c.yaml", "plumbline-config: 2\nrules: []\n", Ids);
        var baseline = Baseline.LoadText("b.yaml", "findings: []\n");

        Assert.Equal(["PL6004"], config.Diagnostics.Select(d => d.Code));
        Assert.Equal(["PL6002"], baseline.Diagnostics.Select(d => d.Code));
        Assert.False(baseline.Success);
    }

    [Fact]
    public void A_baseline_entry_that_is_no_key_is_an_error_and_a_repeated_one_a_warning()
    {
        var result = Baseline.LoadText("b.yaml", """
            plumbline-baseline: 1
            findings:
              - "no-slos@slos"
              - "no-slos@slos"
              - "@nothing"
              - [a, list]
            """);

        Assert.Equal(["4:5 PL6008", "5:5 PL6007", "6:5 PL6003"], result.Diagnostics.Select(d => $"{d.Span.Start} {d.Code}"));
        Assert.False(result.Success);
    }

    [Fact]
    public void Every_configuration_diagnostic_code_is_documented()
    {
        var page = File.ReadAllText(Path.Combine(Repository.Root, "docs", "config.md"));
        Assert.All(ConfigDiagnostics.Codes, code => Assert.Contains($"| {code} |", page, StringComparison.Ordinal));
    }
}
