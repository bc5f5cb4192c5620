using System.Text.Json;
using Plumbline.Analysis.Review;
using Plumbline.Engine;
using Xunit;

namespace Plumbline.Cli.Tests;

public sealed class CheckCommandTests
{
    /// <summary>Every review here is judged as of this day, so goldens do not move with the calendar.</summary>
    private const string Today = "2026-11-25";

    private const string WeakDesign = "weak-design.yaml";

    /// <summary>The share of built-in rules the weak design must fire.</summary>
    private const double WeakDesignCoverage = 0.70;

    public static TheoryData<string> GoodExamples()
    {
        var data = new TheoryData<string>();
        foreach (var name in Examples().Where(n => n != WeakDesign))
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_url_shortener_review_matches_the_golden_file()
    {
        var run = Check("url-shortener.yaml");
        Assert.True(run.Exit == 0, run.Out + run.Error);
        Assert.Equal("", run.Error);
        GoldenFile.Verify("check-url-shortener.txt", Relative(run.Out));
    }

    [Fact]
    public void The_weak_design_review_matches_the_golden_files()
    {
        var text = Check(WeakDesign);
        Assert.Equal(1, text.Exit);
        GoldenFile.Verify("check-weak-design.txt", Relative(text.Out));

        var markdown = Check(WeakDesign, "--format", "markdown");
        Assert.Equal(1, markdown.Exit);
        GoldenFile.Verify("check-weak-design.md", Relative(markdown.Out));
    }

    [Theory]
    [MemberData(nameof(GoodExamples))]
    public void A_good_example_has_no_high_finding(string example)
    {
        var run = Check(example, "--fail-on", "high");
        Assert.True(run.Exit == 0, $"{example} has high findings:\n" + string.Join('\n', Relative(run.Out).Split('\n').Where(l => l.StartsWith("  HIGH", StringComparison.Ordinal))));
    }

    [Theory]
    [MemberData(nameof(GoodExamples))]
    public void A_good_example_pays_for_no_idle_compute(string example)
    {
        // Autoscaled minimums sized for average load with one zone lost; fixed counts for peak with one lost.
        var run = Check(example, "--fail-on", "none");
        Assert.Equal(0, run.Exit);
        Assert.DoesNotContain("key: idle-compute@", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_weak_design_is_valid_and_says_it_is_deliberately_weak()
    {
        var path = Example(WeakDesign);
        var loaded = PlumblineEngine.Default.LoadDesignFile(path);
        Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics.Select(d => d.ToString())));
        Assert.Empty(loaded.Diagnostics);
        var lines = File.ReadAllLines(path);
        Assert.Equal("# yaml-language-server: $schema=../schema/plumbline-v1.schema.json", lines[0]);
        Assert.Contains("deliberately weak", lines[1], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_weak_design_fires_most_of_the_built_in_rules()
    {
        var design = PlumblineEngine.Default.LoadDesignFile(Example(WeakDesign)).Design!;
        var report = Reviewer.Review(design, new ReviewOptions(DateOnly.Parse(Today, System.Globalization.CultureInfo.InvariantCulture)));
        var fired = report.Findings.Concat(report.Accepted.Select(a => a.Finding)).Select(f => f.Rule.Id).ToHashSet(StringComparer.Ordinal);
        var all = RuleRegistry.All.Select(r => r.Info.Id).ToList();
        var share = all.Count(fired.Contains) / (double)all.Count;
        var missed = all.Where(id => !fired.Contains(id));
        Assert.True(share >= WeakDesignCoverage,
            FormattableString.Invariant($"the weak design fires {all.Count(fired.Contains)} of {all.Count} rules ({share:P0}); it misses: {string.Join(", ", missed)}"));
        Assert.True(report.Count(Severity.High) > 0);
    }

    [Theory]
    [InlineData("high")]
    [InlineData("medium")]
    [InlineData("low")]
    [InlineData("none")]
    public void Fail_on_decides_the_exit_code(string failOn)
    {
        foreach (var example in Examples())
        {
            var json = Check(example, "--format", "json", "--fail-on", "none");
            Assert.Equal(0, json.Exit);
            using var doc = JsonDocument.Parse(json.Out);
            var summary = doc.RootElement.GetProperty("summary");
            var atOrAbove = failOn switch
            {
                "high" => summary.GetProperty("high").GetInt32(),
                "medium" => summary.GetProperty("high").GetInt32() + summary.GetProperty("medium").GetInt32(),
                "low" => summary.GetProperty("high").GetInt32() + summary.GetProperty("medium").GetInt32() + summary.GetProperty("low").GetInt32(),
                _ => 0,
            };
            var run = Check(example, "--fail-on", failOn);
            Assert.True((atOrAbove > 0 ? 1 : 0) == run.Exit, $"{example} --fail-on {failOn}: {atOrAbove} findings at or above, exit {run.Exit}");
        }
    }

    [Fact]
    public void The_default_threshold_is_high()
    {
        Assert.Equal(1, Check(WeakDesign).Exit);
        Assert.Equal(0, Check(WeakDesign, "--fail-on", "none").Exit);
    }

    [Fact]
    public void Json_parses_and_every_finding_has_its_keys()
    {
        var run = Check(WeakDesign, "--format", "json");
        Assert.Equal(1, run.Exit);
        Assert.Equal("", run.Error);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal("snapshot", root.GetProperty("system").GetString());
        foreach (var key in new[] { "high", "medium", "low", "info", "open", "accepted", "rules", "rulesPassed" })
        {
            Assert.True(root.GetProperty("summary").TryGetProperty(key, out _), key);
        }

        Assert.Equal(Enum.GetValues<ProcessStep>().Length, root.GetProperty("scores").GetArrayLength());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        foreach (var finding in findings)
        {
            foreach (var key in new[] { "key", "rule", "step", "severity", "file", "message", "why", "fix", "docs" })
            {
                Assert.False(string.IsNullOrEmpty(finding.GetProperty(key).GetString()), key);
            }

            foreach (var key in new[] { "line", "column", "endLine", "endColumn" })
            {
                Assert.True(finding.GetProperty(key).GetInt32() >= 1, key);
            }

            Assert.StartsWith(finding.GetProperty("rule").GetString() + "@", finding.GetProperty("key").GetString(), StringComparison.Ordinal);
            Assert.Contains(finding.GetProperty("severity").GetString(), new[] { "high", "medium", "low", "info" });
        }

        Assert.Equal(findings.Count, root.GetProperty("summary").GetProperty("open").GetInt32());
        foreach (var accepted in root.GetProperty("accepted").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(accepted.GetProperty("reason").GetString()));
            Assert.True(accepted.TryGetProperty("until", out _));
        }
    }

    [Fact]
    public void Sarif_is_one_run_with_every_rule_and_a_result_per_finding()
    {
        var json = Check(WeakDesign, "--format", "json", "--fail-on", "none");
        using var review = JsonDocument.Parse(json.Out);
        var run = Check(WeakDesign, "--format", "sarif");
        Assert.Equal(1, run.Exit);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        var sarifRun = Assert.Single(doc.RootElement.GetProperty("runs").EnumerateArray());
        Assert.Equal(CliApp.Version, sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("version").GetString());
        Assert.Equal(RuleRegistry.All.Length, sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
        Assert.Equal(
            review.RootElement.GetProperty("findings").GetArrayLength() + review.RootElement.GetProperty("accepted").GetArrayLength(),
            sarifRun.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void Verbose_repeats_why_and_fix_under_every_finding()
    {
        var brief = Check(WeakDesign);
        var verbose = Check(WeakDesign, "--verbose");
        var findings = Count(brief.Out, "\n          key: ");
        Assert.Equal(findings, Count(verbose.Out, "\n          why: "));
        Assert.True(Count(brief.Out, "\n          why: ") < findings);
    }

    [Fact]
    public void An_invalid_design_prints_diagnostics_to_stderr_and_exits_2()
    {
        using var dir = new TempFolder();
        var path = dir.Write("broken.yaml", Designs.Invalid);
        var run = CliRun.Of("check", path, "--today", Today);
        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
        Assert.Contains("PL", run.Error, StringComparison.Ordinal);
        Assert.Contains("the design has errors", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_exits_2()
    {
        var run = CliRun.Of("check", "no-such-design.yaml");
        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void The_cost_findings_thresholds_come_from_the_options()
    {
        static string[] Keys(CliRun run) => [.. System.Text.RegularExpressions.Regex.Matches(run.Out, @"key: ((idle-compute|egress-dominates-cost|stale-price-catalog)@\S+)").Select(m => m.Groups[1].Value)];

        // weak-design sends most of its bill out (egress-dominates-cost at the default 50%); no price is older than a year.
        var defaults = Keys(Check("weak-design.yaml", "--fail-on", "none"));
        Assert.Contains("egress-dominates-cost@transfer", defaults);
        Assert.DoesNotContain(defaults, k => k.StartsWith("stale-price-catalog@", StringComparison.Ordinal));

        // A share of 100% never fires; an age of 0 days makes every source read before --today (a year on) stale.
        var moved = Keys(CliRun.Of("check", Example("weak-design.yaml"), "--today", "2027-12-01", "--fail-on", "none", "--egress-share", "100%", "--idle-share", "100%", "--max-price-age", "0"));
        Assert.DoesNotContain(moved, k => k.StartsWith("egress-dominates-cost@", StringComparison.Ordinal) || k.StartsWith("idle-compute@", StringComparison.Ordinal));
        Assert.Contains(moved, k => k.StartsWith("stale-price-catalog@", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--today", "25/11/2026")]
    [InlineData("--today", "2026-02-30")]
    [InlineData("--format", "html")]
    [InlineData("--fail-on", "critical")]
    [InlineData("--idle-share", "a lot")]
    [InlineData("--egress-share", "-5%")]
    [InlineData("--max-price-age", "-1")]
    [InlineData("--max-price-age", "a year")]
    public void A_malformed_option_exits_2(string option, string value)
    {
        var run = CliRun.Of("check", Example("url-shortener.yaml"), option, value);
        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
        Assert.NotEqual("", run.Error);
    }

    [Fact]
    public void Without_today_the_review_runs_as_of_the_clock()
    {
        var run = CliRun.Of("check", Example("url-shortener.yaml"), "--fail-on", "none");
        Assert.Equal(0, run.Exit);
        Assert.StartsWith("Design review: url-shortener", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_describes_the_options_and_exit_codes()
    {
        var run = CliRun.Of("check", "--help");
        Assert.Equal(0, run.Exit);
        Assert.Contains("--fail-on", run.Out, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", run.Out, StringComparison.Ordinal);
        GoldenFile.Verify("help-check.txt", run.Out);
    }

    private static CliRun Check(string example, params string[] options) =>
        CliRun.Of([.. new[] { "check", Example(example), "--today", Today }, .. options]);

    private static string Example(string name) => Repository.Example(name);

    private static IEnumerable<string> Examples() =>
        Directory.GetFiles(Path.Combine(Repository.Root, "examples"), "*.yaml")
            .Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal);

    /// <summary>Paths as a user in the repository root types them, so goldens do not hold this machine's folders.</summary>
    private static string Relative(string output) =>
        output.Replace(Repository.Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
