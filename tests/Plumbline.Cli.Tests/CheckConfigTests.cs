using System.Text.Json;
using Xunit;

namespace Plumbline.Cli.Tests;

/// <summary>
/// Team control through <c>plumbline check</c>: a project configuration next to the design or named with --config
/// (severities set, rules turned off, each with a reason, by subject and by file), and a baseline of known findings
/// (--write-baseline, --baseline), with every refusal a positioned error and exit 2.
/// </summary>
public sealed class CheckConfigTests
{
    private const string Today = "2026-11-25";

    /// <summary>Designs.Valid with no timeout on either call: two missing-timeout findings, web.order's on a critical path.</summary>
    private static readonly string NoTimeouts = Designs.Valid
        .Replace("            timeout: 100ms\n", string.Empty, StringComparison.Ordinal)
        .Replace("            timeout: 200ms\n", string.Empty, StringComparison.Ordinal);

    private const string TurnOffSlos = """
        plumbline-config: 1
        rules:
          - rule: no-slos
            severity: off
            reason: objectives live in the SLO repository, not in designs
        """;

    private static CliRun Check(params string[] args) => CliRun.Of(["check", .. args, "--today", Today]);

    [Fact]
    public void The_design_without_timeouts_differs_from_the_valid_one_only_there()
    {
        Assert.DoesNotContain("timeout:", NoTimeouts, StringComparison.Ordinal);
        Assert.Equal(Designs.Valid.Split('\n').Length - 2, NoTimeouts.Split('\n').Length);
    }

    /// <summary>Every open finding's key in check's JSON: each cause's head and the findings listed under it.</summary>
    private static List<string> OpenKeys(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("findings").EnumerateArray()
            .SelectMany(f => f.GetProperty("related").EnumerateArray().Prepend(f))
            .Select(f => f.GetProperty("key").GetString()!)];
    }

    [Fact]
    public void A_configuration_next_to_the_design_turns_a_rule_off_with_its_reason_unless_discovery_is_off()
    {
        using var temp = new TempFolder();
        var design = temp.Write("shop.yaml", Designs.Valid);
        temp.Write(".plumbline.yaml", TurnOffSlos);

        var json = Check(design, "--format", "json", "--fail-on", "none");
        var text = Check(design, "--fail-on", "none");
        var off = Check(design, "--format", "json", "--fail-on", "none", "--no-config");

        Assert.True(json.Exit == 0, json.Error);
        Assert.DoesNotContain("no-slos@slos", OpenKeys(json.Out));
        using var doc = JsonDocument.Parse(json.Out);
        var disabled = Assert.Single(doc.RootElement.GetProperty("disabled").EnumerateArray());
        Assert.Equal("no-slos@slos", disabled.GetProperty("key").GetString());
        Assert.Equal("off", disabled.GetProperty("setting").GetProperty("severity").GetString());
        Assert.Equal("objectives live in the SLO repository, not in designs", disabled.GetProperty("setting").GetProperty("reason").GetString());
        Assert.Equal(3, disabled.GetProperty("setting").GetProperty("line").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("summary").GetProperty("disabled").GetInt32());

        Assert.Contains("Turned off: 1.", text.Out, StringComparison.Ordinal);
        Assert.Contains("no-slos  (1 finding, ", text.Out, StringComparison.Ordinal);
        Assert.Contains("reason: objectives live in the SLO repository, not in designs", text.Out, StringComparison.Ordinal);

        Assert.Contains("no-slos@slos", OpenKeys(off.Out));
    }

    [Fact]
    public void A_configuration_named_with_config_sets_a_rules_severity_and_says_so_under_the_finding()
    {
        using var temp = new TempFolder();
        var design = temp.Write("shop.yaml", Designs.Valid);
        Directory.CreateDirectory(temp.File("team"));
        var config = temp.Write(Path.Combine("team", "review.yaml"), """
            plumbline-config: 1
            rules:
              - rule: no-slos
                severity: info
                reason: objectives come with the first milestone
            """);

        var json = Check(design, "--config", config, "--format", "json", "--fail-on", "none");
        var text = Check(design, "--config", config, "--fail-on", "none");

        using var doc = JsonDocument.Parse(json.Out);
        var finding = doc.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "no-slos@slos");
        Assert.Equal("info", finding.GetProperty("severity").GetString());
        Assert.Equal("info", finding.GetProperty("setting").GetProperty("severity").GetString());
        Assert.Contains("severity: info, set by", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_with_subjects_changes_only_the_findings_about_them()
    {
        using var temp = new TempFolder();
        var design = temp.Write("shop.yaml", NoTimeouts);
        temp.Write(".plumbline.yaml", """
            plumbline-config: 1
            rules:
              - rule: missing-timeout
                severity: off
                reason: the listing reads a local replica through a driver with its own timeout
                subjects: ["web.list->*"]
            """);

        var run = Check(design, "--format", "json", "--fail-on", "none");

        var keys = OpenKeys(run.Out);
        Assert.DoesNotContain("missing-timeout@web.list->db.query", keys);
        Assert.Contains("missing-timeout@web.order->db.insert", keys);
    }

    [Fact]
    public void A_setting_with_files_applies_only_to_the_designs_they_match()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File(Path.Combine("teams", "a")));
        Directory.CreateDirectory(temp.File(Path.Combine("teams", "b")));
        var a = temp.Write(Path.Combine("teams", "a", "shop.yaml"), Designs.Valid);
        var b = temp.Write(Path.Combine("teams", "b", "shop.yaml"), Designs.Valid);
        temp.Write(".plumbline.yaml", TurnOffSlos + "\n    files: [\"teams/a/*.yaml\"]\n");

        Assert.DoesNotContain("no-slos@slos", OpenKeys(Check(a, "--format", "json", "--fail-on", "none").Out));
        Assert.Contains("no-slos@slos", OpenKeys(Check(b, "--format", "json", "--fail-on", "none").Out));
    }

    [Fact]
    public void A_later_setting_for_the_same_findings_wins()
    {
        using var temp = new TempFolder();
        var design = temp.Write("shop.yaml", Designs.Valid);
        temp.Write(".plumbline.yaml", TurnOffSlos + """

              - rule: no-slos
                severity: low
                reason: on second thought, keep it visible while the objectives are written
            """);

        var run = Check(design, "--format", "json", "--fail-on", "none");

        using var doc = JsonDocument.Parse(run.Out);
        var finding = doc.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "no-slos@slos");
        Assert.Equal("low", finding.GetProperty("severity").GetString());
        Assert.Empty(doc.RootElement.GetProperty("disabled").EnumerateArray());
    }

    [Fact]
    public void A_missing_configuration_file_is_refused_with_exit_2()
    {
        using var temp = new TempFolder();
        var design = temp.Write("shop.yaml", Designs.Valid);

        var run = Check(design, "--config", temp.File("nope.yaml"));

        Assert.Equal(2, run.Exit);
        Assert.Contains("nope.yaml", run.Error, StringComparison.Ordinal);
        Assert.Contains("the project configuration has errors", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void An_invalid_configuration_lists_every_problem_at_its_line_and_column_and_exits_2()
    {
        using var temp = new TempFolder();
        var design = temp.Write("shop.yaml", Designs.Valid);
        temp.Write(".plumbline.yaml", """
            plumbline-config: 1
            rules:
              - rule: no-slo
                severity: off
                reason: typo in the id
              - rule: missing-timeout
                severity: urgent
                reason: a severity that does not exist
              - rule: no-slos
                severity: off
              - rule: no-slos
                severity: low
                reason: an unknown key below
                owner: platform
            """);

        var run = Check(design);

        Assert.Equal(2, run.Exit);
        Assert.Empty(run.Out);
        Assert.Contains(".plumbline.yaml:3:11: error PL6006: no rule has the id 'no-slo'", run.Error, StringComparison.Ordinal);
        Assert.Contains("did you mean 'no-slos'?", run.Error, StringComparison.Ordinal);
        Assert.Contains(".plumbline.yaml:7:15: error PL6005: 'urgent' is not a severity", run.Error, StringComparison.Ordinal);
        Assert.Contains(".plumbline.yaml:9:5: error PL6002: a rule setting needs 'reason'", run.Error, StringComparison.Ordinal);
        Assert.Contains(".plumbline.yaml:14:5: error PL6001: unknown key 'owner' in a rule setting", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_team_rule_id_may_be_configured()
    {
        using var temp = new TempFolder();
        var design = temp.Write("shop.yaml", Designs.Valid);
        var rules = Path.Combine(Repository.Root, "tests", "Plumbline.Analysis.Tests", "Review", "Custom", "Fixtures", "team.rules.yaml");
        var config = temp.Write("team.yaml", """
            plumbline-config: 1
            rules:
              - rule: team-owner-required
                severity: off
                reason: ownership is recorded in the service catalogue
            """);

        var run = Check(design, "--rules", rules, "--config", config, "--format", "json", "--fail-on", "none");

        Assert.True(run.Exit == 0, run.Error);
        Assert.DoesNotContain("team-owner-required@web", OpenKeys(run.Out));
    }

    [Fact]
    public void A_written_baseline_is_sorted_and_stable_and_a_check_against_it_passes()
    {
        using var temp = new TempFolder();
        var design = temp.Write("shop.yaml", Designs.Valid);
        var baseline = temp.File("baseline.yaml");

        var before = Check(design, "--format", "json", "--fail-on", "none");
        var write = Check(design, "--write-baseline", baseline);
        var first = File.ReadAllText(baseline);
        var again = Check(design, "--write-baseline", baseline);
        var judged = Check(design, "--baseline", baseline, "--format", "json", "--fail-on", "low");

        Assert.Equal(0, write.Exit);
        Assert.Equal(0, again.Exit);
        Assert.Equal(first, File.ReadAllText(baseline));
        var keys = OpenKeys(before.Out);
        var listed = first.Split('\n').Where(l => l.StartsWith("  - \"", StringComparison.Ordinal)).Select(l => l[5..^1]).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), listed);
        Assert.Contains("plumbline-baseline: 1\n", first, StringComparison.Ordinal);
        Assert.Contains($"wrote {keys.Count} finding keys to {baseline}", write.Error, StringComparison.Ordinal);

        Assert.True(judged.Exit == 0, judged.Out + judged.Error);
        using var doc = JsonDocument.Parse(judged.Out);
        Assert.Equal(0, doc.RootElement.GetProperty("summary").GetProperty("open").GetInt32());
        Assert.Equal(keys.Count, doc.RootElement.GetProperty("summary").GetProperty("baselined").GetInt32());
        Assert.Contains($"{keys.Count} known findings left out, 0 new findings judged.", judged.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Against_a_baseline_only_a_new_finding_fails_the_check_and_gone_ones_are_counted()
    {
        using var temp = new TempFolder();
        var design = temp.Write("shop.yaml", Designs.Valid);
        var baseline = temp.File("baseline.yaml");
        Assert.Equal(0, Check(design, "--write-baseline", baseline).Exit);
        File.AppendAllText(baseline, "  - \"no-such-rule@gone\"\n");

        File.WriteAllText(design, NoTimeouts);
        var run = Check(design, "--baseline", baseline, "--format", "json");

        // web.order is on the critical workflow, so its missing timeout is high: new, so it fails the check.
        Assert.Equal(1, run.Exit);
        var open = OpenKeys(run.Out);
        Assert.Equal(["missing-timeout@web.list->db.query", "missing-timeout@web.order->db.insert"], open.Order(StringComparer.Ordinal));
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(["no-such-rule@gone"], doc.RootElement.GetProperty("baseline").GetProperty("gone").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("; 1 listed finding gone: write the baseline again (--write-baseline) to drop it.", run.Error, StringComparison.Ordinal);
        Assert.Contains("  gone: no-such-rule@gone", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_invalid_baseline_is_refused_with_exit_2()
    {
        using var temp = new TempFolder();
        var design = temp.Write("shop.yaml", Designs.Valid);
        var bad = temp.Write("bad.yaml", """
            plumbline-baseline: 1
            findings:
              - no-slos@slos
              - just words
            """);

        var missing = Check(design, "--baseline", temp.File("none.yaml"));
        var invalid = Check(design, "--baseline", bad);

        Assert.Equal(2, missing.Exit);
        Assert.Contains("none.yaml", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, invalid.Exit);
        Assert.Contains("bad.yaml:4:5: error PL6007: 'just words' is not a finding key", invalid.Error, StringComparison.Ordinal);
        Assert.Contains("the baseline has errors", invalid.Error, StringComparison.Ordinal);
        Assert.Empty(invalid.Out);
    }

    [Fact]
    public void A_baselined_finding_is_marked_unchanged_in_sarif_and_a_new_one_new()
    {
        using var temp = new TempFolder();
        var design = temp.Write("shop.yaml", Designs.Valid);
        var baseline = temp.File("baseline.yaml");
        Assert.Equal(0, Check(design, "--write-baseline", baseline).Exit);
        File.WriteAllText(design, NoTimeouts);

        var run = Check(design, "--baseline", baseline, "--format", "sarif", "--fail-on", "none");

        using var doc = JsonDocument.Parse(run.Out);
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var states = results.ToDictionary(r => r.GetProperty("partialFingerprints").GetProperty("plumblineKey").GetString()!, r => r.GetProperty("baselineState").GetString());
        Assert.Equal("unchanged", states["no-slos@slos"]);
        Assert.Contains(states, s => s.Key.StartsWith("missing-timeout@", StringComparison.Ordinal) && s.Value == "new");
    }
}
