using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace Plumbline.Cli.Tests;

/// <summary>
/// <c>plumbline diff</c> through the CLI in-process. A design and a changed copy (one component removed, one timeout
/// tightened, traffic doubled) give exactly the expected changes, and the figures move as worked out by hand:
/// <list type="bullet">
/// <item>peak load = rate x peak_to_average: browse 100/s x 2 = 200/s before, 400/s after;</item>
/// <item>peak utilisation = peak load / (capacity x instances): web 200 / (500 x 2) = 20% to 400 / 1000 = 40%; db 200 / 2000 = 10% to 20%; audit 200 / 1000 = 20% to none;</item>
/// <item>availability = web (1 - 0.001^2, two instances) x audit 0.99 x db 0.9995 = 0.989504010495 before; without audit 0.999999 x 0.9995 = 0.9994990005 after;</item>
/// <item>cost = instances x 0.0816 USD/h (m7g.large, assumed) x 730 h = 59.568 USD each: 4 = 238.272 before, 3 = 178.704 after (-25%); audit's 59.568 gone.</item>
/// </list>
/// </summary>
public sealed class DiffCommandTests : IDisposable
{
    private const string Today = "2026-12-01";

    private const string Before = """
        plumbline: 1
        system:
          name: shop
        requirements:
          peak_to_average: 2
        workflows:
          browse:
            entry: web.list
            rate: 100/s
            criticality: high
        components:
          web:
            kind: service
            instances: 2
            capacity: 500/s
            availability: 99.9%
            operations:
              list:
                calls:
                  - to: db.query
                    timeout: 200ms
                  - to: audit.record
                    timeout: 100ms
          audit:
            kind: service
            instances: 1
            capacity: 1000/s
            availability: 99%
            operations:
              record: {}
          db:
            kind: database
            model: oltp
            instances: 1
            capacity: 2000/s
            availability: 99.95%
            operations:
              query: {}
        """;

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>The copy: audit and the call to it removed, the call to db from 200ms to 100ms, browse from 100/s to 200/s.</summary>
    private static string After => Before
        .Replace("          - to: audit.record\n            timeout: 100ms\n", string.Empty, StringComparison.Ordinal)
        .Replace("  audit:\n    kind: service\n    instances: 1\n    capacity: 1000/s\n    availability: 99%\n    operations:\n      record: {}\n", string.Empty, StringComparison.Ordinal)
        .Replace("timeout: 200ms", "timeout: 100ms", StringComparison.Ordinal)
        .Replace("rate: 100/s", "rate: 200/s", StringComparison.Ordinal);

    private (string Before, string After) Files() => (_dir.Write("before.yaml", Before), _dir.Write("after.yaml", After.ReplaceLineEndings("\n")));

    [Fact]
    public void The_copy_differs_by_exactly_its_three_edits()
    {
        Assert.NotEqual(Before, After);
        Assert.DoesNotContain("audit", After, StringComparison.Ordinal);
        var (before, after) = Files();
        using var json = Json(CliRun.Of("diff", before, after, "--today", Today, "--format", "json"));

        var changes = json.RootElement.GetProperty("changes").EnumerateArray().Select(c =>
            $"{c.GetProperty("kind").GetString()} {c.GetProperty("area").GetString()} {c.GetProperty("name").GetString()}" +
            string.Concat(c.GetProperty("fields").EnumerateArray().Select(f => $" {f.GetProperty("field").GetString()}: {f.GetProperty("before").GetString()} -> {f.GetProperty("after").GetString()}")))
            .ToList();
        Assert.Equal(
        [
            "removed component audit",
            "changed call web.list -> db.query timeout: 200ms -> 100ms",
            "removed call web.list -> audit.record",
            "changed workflow browse rate: 100/s -> 200/s",
        ], changes);
    }

    [Fact]
    public void The_figures_move_as_worked_out_by_hand()
    {
        var (before, after) = Files();
        using var json = Json(CliRun.Of("diff", before, after, "--today", Today, "--format", "json"));
        var figures = json.RootElement.GetProperty("figures").EnumerateArray()
            .ToDictionary(f => f.GetProperty("figure").GetString() + " " + f.GetProperty("subject").GetString());

        Assert.Equal(["peak_utilisation web", "peak_utilisation db", "peak_utilisation audit", "availability browse"], figures.Keys);
        AssertMove(figures["peak_utilisation web"], 200.0 / (500 * 2), 400.0 / (500 * 2));
        AssertMove(figures["peak_utilisation db"], 200.0 / 2000, 400.0 / 2000);
        AssertMove(figures["peak_utilisation audit"], 200.0 / 1000, null);
        var web = 1 - (0.001 * 0.001);
        AssertMove(figures["availability browse"], web * 0.99 * 0.9995, web * 0.9995);

        var cost = json.RootElement.GetProperty("cost");
        var instance = 0.0816m * 730;
        Assert.Equal("USD", cost.GetProperty("currency").GetString());
        Assert.Equal(4 * instance, cost.GetProperty("total").GetProperty("before").GetDecimal());
        Assert.Equal(3 * instance, cost.GetProperty("total").GetProperty("after").GetDecimal());
        Assert.Equal(-0.25m, cost.GetProperty("total").GetProperty("relative").GetDecimal());
        var audit = Assert.Single(cost.GetProperty("components").EnumerateArray());
        Assert.Equal("audit", audit.GetProperty("subject").GetString());
        Assert.Equal(instance, audit.GetProperty("before").GetDecimal());
        Assert.Equal(JsonValueKind.Null, audit.GetProperty("after").ValueKind);
    }

    [Fact]
    public void Findings_about_the_removed_component_are_resolved_and_none_introduced()
    {
        var (before, after) = Files();
        using var json = Json(CliRun.Of("diff", before, after, "--today", Today, "--format", "json"));
        var findings = json.RootElement.GetProperty("findings");

        Assert.Empty(findings.GetProperty("introduced").EnumerateArray());
        Assert.Equal(
            ["blast-radius@audit", "single-point-of-failure@audit"],
            findings.GetProperty("resolved").EnumerateArray().Select(f => f.GetProperty("key").GetString()).Order(StringComparer.Ordinal));

        // The other way round, the same findings are introduced.
        using var back = Json(CliRun.Of("diff", after, before, "--today", Today, "--format", "json"));
        Assert.Equal(
            ["blast-radius@audit", "single-point-of-failure@audit"],
            back.RootElement.GetProperty("findings").GetProperty("introduced").EnumerateArray().Select(f => f.GetProperty("key").GetString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("cost:10%", false, true)]   // cost fell by 25%; back, it rose by a third (178.704 to 238.272)
    [InlineData("cost:34%", false, false)]  // a rise of 33.3% is not more than 34%
    [InlineData("availability", false, true)]
    [InlineData("utilisation:15%", true, true)]  // db goes from 10% to 20% (web was over 15% already); back, audit arrives at 20%
    [InlineData("utilisation:50%", false, false)]
    [InlineData("high", false, false)]      // the findings introduced back are medium and low
    [InlineData("medium", false, true)]
    [InlineData("low,cost:50%", false, true)]
    public void Guardrails_fail_the_change_that_breaks_them(string failOn, bool forward, bool backward)
    {
        var (before, after) = Files();

        Assert.Equal(forward ? 1 : 0, CliRun.Of("diff", before, after, "--today", Today, "--fail-on", failOn).Exit);
        Assert.Equal(backward ? 1 : 0, CliRun.Of("diff", after, before, "--today", Today, "--fail-on", failOn).Exit);
    }

    [Fact]
    public void The_markdown_comment_says_what_moved_and_which_guardrail_broke()
    {
        var (before, after) = Files();
        var run = CliRun.Of("diff", after, before, "--today", Today, "--fail-on", "cost:10%,availability");

        Assert.Equal(1, run.Exit);
        Assert.Contains("**Cost:** 178.70 USD to 238.27 USD a month (+33%).", run.Out, StringComparison.Ordinal);
        Assert.Contains("- the monthly cost rose by 33.3%, more than 10%: 178.70 USD to 238.27 USD", run.Out, StringComparison.Ordinal);
        Assert.Contains("- browse's availability fell from 99.9499% to 98.95%", run.Out, StringComparison.Ordinal);
        Assert.Contains("| added | component `audit` | | | |", run.Out, StringComparison.Ordinal);
        Assert.Contains("| peak utilisation | web | 40% | 20% | -50% |", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_design_compared_with_itself_has_no_change()
    {
        var run = CliRun.Of("diff", Repository.Example("pastebin.yaml"), Repository.Example("pastebin.yaml"), "--today", Today, "--fail-on", "low,cost:0%,availability,utilisation:1%");

        Assert.Equal(0, run.Exit);
        Assert.Contains("**Changes:** no element changed. **Findings:** 0 introduced (0 high), 0 resolved.", run.Out, StringComparison.Ordinal);
        Assert.Contains("Guardrails: all kept.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulated_slo_results_move_when_both_sides_give_them()
    {
        var before = _dir.Write("before.json", ReportCommandTests.SimulationJson("pastebin", 0.9995, met: true));
        var after = _dir.Write("after.json", ReportCommandTests.SimulationJson("pastebin", 0.98, met: false));

        using var json = Json(CliRun.Of("diff", Repository.Example("pastebin.yaml"), Repository.Example("pastebin.yaml"), "--today", Today, "--format", "json",
            "--simulation-before", before, "--simulation-after", after));

        var move = Assert.Single(json.RootElement.GetProperty("figures").EnumerateArray());
        Assert.Equal("simulated_slo", move.GetProperty("figure").GetString());
        Assert.Equal("peak / read-paste-availability", move.GetProperty("subject").GetString());
        AssertMove(move, 0.9995, 0.98);
        Assert.Equal((0.98 - 0.9995) / 0.9995, move.GetProperty("relative").GetDouble(), 1e-12);
        Assert.Equal(2, CliRun.Of("diff", Repository.Example("pastebin.yaml"), Repository.Example("pastebin.yaml"), "--simulation-before", before).Exit);
    }

    [Fact]
    public void The_ci_workflow_in_the_docs_runs_options_the_command_takes()
    {
        var workflow = File.ReadAllText(Path.Combine(Repository.Root, "docs", "ci", "design-diff.yml"));
        var failOn = System.Text.RegularExpressions.Regex.Match(workflow, @"--fail-on (\S+)").Groups[1].Value;
        Assert.Equal("high,cost:10%,availability,utilisation:80%", failOn);
        Assert.Contains("./plumbline diff \"origin/${{ github.base_ref }}:$DESIGN\" \"$DESIGN\"", workflow, StringComparison.Ordinal);
        Assert.Contains("gh pr comment", workflow, StringComparison.Ordinal);

        var (before, after) = Files();
        var run = CliRun.Of("diff", before, after, "--today", Today, "--fail-on", failOn);
        Assert.Equal(0, run.Exit);
        Assert.Contains("Guardrails: all kept.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_side_may_be_a_git_revision()
    {
        var repo = _dir.File("repo");
        Directory.CreateDirectory(repo);
        Git(repo, "init", "-q");
        File.WriteAllText(Path.Combine(repo, "design.yaml"), Before);
        Git(repo, "add", "design.yaml");
        Git(repo, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "first");
        File.WriteAllText(Path.Combine(repo, "design.yaml"), After);

        var read = Plumbline.Engine.Files.SourceFile.ReadRevision("HEAD:design.yaml", repo);
        Assert.Null(read.Error);
        Assert.Equal(Before, System.Text.Encoding.UTF8.GetString(read.Bytes!));

        var missing = Plumbline.Engine.Files.SourceFile.ReadRevision("HEAD:nothing.yaml", repo);
        Assert.Equal("PL1017", missing.Error!.Code);
        Assert.Contains("git cannot read it", missing.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cli_reads_a_revision_of_this_repository()
    {
        // Tests run inside the repository, so HEAD:examples/... names a committed example.
        var run = CliRun.Of("diff", "HEAD:examples/url-shortener.yaml", Repository.Example("url-shortener.yaml"), "--today", Today, "--format", "json");

        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("HEAD:examples/url-shortener.yaml", json.RootElement.GetProperty("before").GetString());
    }

    [Fact]
    public void An_unknown_revision_exits_2_with_where_and_why()
    {
        var run = CliRun.Of("diff", "no-such-revision-xyz:design.yaml", Repository.Example("pastebin.yaml"));

        Assert.Equal(2, run.Exit);
        Assert.Contains("PL1017", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cost")]
    [InlineData("cost:ten")]
    [InlineData("utilisation:0%")]
    [InlineData("severe")]
    public void A_guardrail_that_is_not_one_exits_2(string failOn)
    {
        var run = CliRun.Of("diff", Repository.Example("pastebin.yaml"), Repository.Example("pastebin.yaml"), "--fail-on", failOn);

        Assert.Equal(2, run.Exit);
        Assert.Contains("is not a guardrail", run.Error, StringComparison.Ordinal);
    }

    private static JsonDocument Json(CliRun run)
    {
        Assert.True(run.Exit == 0, run.Error);
        return JsonDocument.Parse(run.Out);
    }

    private static void AssertMove(JsonElement figure, double before, double? after)
    {
        Assert.Equal(before, figure.GetProperty("before").GetDouble(), 1e-12);
        if (after is { } a)
        {
            Assert.Equal(a, figure.GetProperty("after").GetDouble(), 1e-12);
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, figure.GetProperty("after").ValueKind);
        }
    }

    private static void Git(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {process.StandardError.ReadToEnd()}");
    }
}
