using System.Text.Json;
using Xunit;

namespace Plumbline.Cli.Tests;

/// <summary>Team rule files through <c>plumbline check --rules</c> and discovery next to the design.</summary>
public sealed class CheckRulesOptionTests
{
    private static string TeamRules => Path.Combine(Repository.Root, "tests", "Plumbline.Analysis.Tests", "Review", "Custom", "Fixtures", "team.rules.yaml");

    private static string[] JsonKeys(string output)
    {
        using var json = JsonDocument.Parse(output);
        return [.. json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("key").GetString()!)];
    }

    [Fact]
    public void A_rule_file_given_with_rules_adds_its_findings()
    {
        using var temp = new TempFolder();
        var design = temp.Write("shop.yaml", Designs.Valid);

        var run = CliRun.Of("check", design, "--rules", TeamRules, "--format", "json", "--fail-on", "none", "--today", "2026-11-25");

        Assert.True(run.Exit == 0, run.Error);
        var keys = JsonKeys(run.Out);
        Assert.Contains("team-owner-required@web", keys);
    }

    [Fact]
    public void A_rule_file_next_to_the_design_is_found_unless_discovery_is_off()
    {
        using var temp = new TempFolder();
        var design = temp.Write("shop.yaml", Designs.Valid);
        File.Copy(TeamRules, temp.File("team.rules.yaml"));

        var found = CliRun.Of("check", design, "--format", "json", "--fail-on", "none", "--today", "2026-11-25");
        var off = CliRun.Of("check", design, "--format", "json", "--fail-on", "none", "--today", "2026-11-25", "--no-rule-discovery");

        Assert.Contains("team-owner-required@web", JsonKeys(found.Out));
        Assert.DoesNotContain("team-owner-required@web", JsonKeys(off.Out));
    }

    [Fact]
    public void A_broken_rule_file_stops_the_review_with_positioned_errors()
    {
        using var temp = new TempFolder();
        var design = temp.Write("shop.yaml", Designs.Valid);
        var rules = temp.Write("bad.yaml", """
            plumbline-rules: 1
            rules:
              - id: team-x
                title: x
                step: resilience
                severity: urgent
                applies_to: components
                require: { owner: present }
                why: because it matters a great deal
                fix: do the thing
            """);

        var run = CliRun.Of("check", design, "--rules", rules, "--today", "2026-11-25");

        Assert.Equal(2, run.Exit);
        Assert.Contains("bad.yaml:6:15", run.Error, StringComparison.Ordinal);
        Assert.Contains("PL4006", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void A_team_rule_has_no_docs_link_of_ours()
    {
        using var temp = new TempFolder();
        var design = temp.Write("shop.yaml", Designs.Valid);

        var run = CliRun.Of("check", design, "--rules", TeamRules, "--format", "sarif", "--fail-on", "none", "--today", "2026-11-25",
            "--rule-docs", "https://example.org/plumbline/docs/rules/");

        using var json = JsonDocument.Parse(run.Out);
        var rules = json.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var team = rules.Single(r => r.GetProperty("id").GetString() == "team-owner-required");
        Assert.False(team.TryGetProperty("helpUri", out _));
        Assert.Contains("**Why it matters.**", team.GetProperty("help").GetProperty("markdown").GetString(), StringComparison.Ordinal);
        var builtIn = rules.Single(r => r.GetProperty("id").GetString() == "missing-timeout");
        Assert.Equal("https://example.org/plumbline/docs/rules/missing-timeout.md", builtIn.GetProperty("helpUri").GetString());
    }
}
