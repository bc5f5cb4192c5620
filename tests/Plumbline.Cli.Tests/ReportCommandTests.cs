using System.Text.RegularExpressions;
using Xunit;

namespace Plumbline.Cli.Tests;

/// <summary>
/// <c>plumbline report</c> through the CLI in-process: every example's document in Markdown (golden) and HTML, the
/// sections in the order of the design process, the format taken from the output file, and text from a hostile design
/// shown as written, never as markup.
/// </summary>
public sealed partial class ReportCommandTests : IDisposable
{
    private const string Today = "2026-12-01";

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Examples() => Repository.ExampleNames();

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_has_its_markdown_document(string name)
    {
        var run = CliRun.Of("report", Repository.Example(name + ".yaml"), "--today", Today);

        Assert.Equal(0, run.Exit);
        Assert.Equal(string.Empty, run.Error);
        GoldenFile.Verify($"report-{name}.md", Relative(run.Out));
    }

    [Fact]
    public void The_sections_follow_the_design_process()
    {
        var run = CliRun.Of("report", Repository.Example("url-shortener.yaml"), "--today", Today);

        var headings = run.Out.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
        [
            "## 1. Requirements and open questions", "## 2. Business outcomes and trade-offs", "## 3. API and data model", "## 4. Architecture",
            "## 5. Storage", "## 6. Resilience", "## 7. Scale estimates", "## 8. SLOs and alerting", "## 9. Security and threats", "## 10. Recovery",
            "## 11. Cost", "## 12. Validation by simulation", "## 13. Decisions", "## 14. Milestones", "## 15. Review findings by step",
        ], headings);
        Assert.Contains("Not simulated for this document", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_format_comes_from_the_output_file()
    {
        var html = _dir.File("design.html");
        var md = _dir.File("design.md");

        Assert.Equal(0, CliRun.Of("report", Repository.Example("pastebin.yaml"), "--today", Today, "--out", html).Exit);
        Assert.Equal(0, CliRun.Of("report", Repository.Example("pastebin.yaml"), "--today", Today, "-o", md).Exit);

        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(html), StringComparison.Ordinal);
        Assert.Equal(CliRun.Of("report", Repository.Example("pastebin.yaml"), "--today", Today).Out, File.ReadAllText(md));
    }

    [Fact]
    public void Simulate_runs_the_simulation_into_the_document_and_says_how()
    {
        var run = CliRun.Of("report", Repository.Example("pastebin.yaml"), "--today", Today, "--simulate", "--duration", "5s", "--seed", "7");

        Assert.Equal(0, run.Exit);
        var section = run.Out[run.Out.IndexOf("## 12. Validation by simulation", StringComparison.Ordinal)..run.Out.IndexOf("## 13. Decisions", StringComparison.Ordinal)];
        Assert.Contains("a simulation run for this document (plumbline report --simulate): seed 7, steady runs of 5s, every scenario", section, StringComparison.Ordinal);
        Assert.Contains("Simulation of pastebin: seed 7", section, StringComparison.Ordinal);
        Assert.Contains("Scenario steady:", section, StringComparison.Ordinal);
    }

    [Fact]
    public void A_results_file_shows_in_the_document_and_says_where_it_came_from()
    {
        var results = _dir.Write("sim.json", SimulationJson("pastebin", 0.9985, met: false));

        var run = CliRun.Of("report", Repository.Example("pastebin.yaml"), "--today", Today, "--simulation", results);

        Assert.Equal(0, run.Exit);
        var section = run.Out[run.Out.IndexOf("## 12. Validation by simulation", StringComparison.Ordinal)..run.Out.IndexOf("## 13. Decisions", StringComparison.Ordinal)];
        Assert.Contains($"Figures from the results file {results} (plumbline simulate --format json, seed 42).", section, StringComparison.Ordinal);
        Assert.Contains("**1 expected SLO was broken.**", section, StringComparison.Ordinal);
        Assert.Contains("| peak | read-paste-availability | read-paste | availability | 99.9% | 99.85% | no | yes |", section, StringComparison.Ordinal);
        Assert.DoesNotContain("```text", section, StringComparison.Ordinal);
    }

    [Fact]
    public void A_results_file_of_another_system_or_not_json_is_refused()
    {
        var other = _dir.Write("other.json", SimulationJson("chat", 1, met: true));
        var broken = _dir.Write("broken.json", "{ \"system\": ");

        var wrong = CliRun.Of("report", Repository.Example("pastebin.yaml"), "--simulation", other);
        var unreadable = CliRun.Of("report", Repository.Example("pastebin.yaml"), "--simulation", broken);
        var both = CliRun.Of("report", Repository.Example("pastebin.yaml"), "--simulation", other, "--simulate");

        Assert.Equal(2, wrong.Exit);
        Assert.Contains("simulated 'chat', not 'pastebin'", wrong.Error, StringComparison.Ordinal);
        Assert.Equal(2, unreadable.Exit);
        Assert.Contains("is not the JSON of plumbline simulate --format json", unreadable.Error, StringComparison.Ordinal);
        Assert.Equal(2, both.Exit);
    }

    /// <summary>What <c>plumbline simulate --format json</c> writes, cut to the fields a results file is read for.</summary>
    internal static string SimulationJson(string system, double achieved, bool met) => $$"""
        { "system": "{{system}}", "seed": 42, "scenarios": [ { "name": "peak", "slos": [
          { "name": "read-paste-availability", "workflow": "read-paste", "sli": "availability", "objective": 0.999,
            "achieved": {{achieved.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "met": {{(met ? "true" : "false")}}, "expected": true } ] } ] }
        """;

    [Fact]
    public void An_output_file_of_another_kind_needs_a_format()
    {
        var run = CliRun.Of("report", Repository.Example("pastebin.yaml"), "--out", _dir.File("design.pdf"));

        Assert.Equal(2, run.Exit);
        Assert.Contains("ends in neither .md nor .html", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("design.pdf")));
    }

    [Fact]
    public void An_invalid_design_exits_2_with_its_diagnostics()
    {
        var path = _dir.Write("broken.yaml", "plumbline: 1\nsystem:\n  name: x\ncomponents:\n  a:\n    kind: nonsense\n");

        var run = CliRun.Of("report", path);

        Assert.Equal(2, run.Exit);
        Assert.Contains("nonsense", run.Out + run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_has_a_standalone_html_document(string name)
    {
        var run = CliRun.Of("report", Repository.Example(name + ".yaml"), "--today", Today, "--format", "html");

        Assert.Equal(0, run.Exit);
        Assert.StartsWith("<!DOCTYPE html>", run.Out, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"toc\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("@media print", run.Out, StringComparison.Ordinal);

        // Offline: nothing is loaded from elsewhere (no script, style sheet, image or font by address).
        Assert.DoesNotMatch(@"<(script|link|img|iframe|object|embed)\b", run.Out);
        Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", run.Out);

        // Every contents entry points at a heading that exists.
        foreach (Match link in TocLink().Matches(run.Out))
        {
            Assert.Contains($"id=\"{link.Groups[1].Value}\"", run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Text_from_a_hostile_design_is_shown_as_written_not_as_markup()
    {
        const string Script = "<script>alert(1)</script>";
        const string Image = "<img src=x onerror=alert(2)>";
        const string Link = "[click](javascript:alert(3))";
        const string Quote = "\\\"><b>bold</b> & co";
        var design = _dir.Write("hostile.yaml", $$"""
            plumbline: 1
            system:
              name: hostile
              summary: "{{Script}}"
            requirements:
              scope:
                in: ["{{Image}}", "{{Link}}"]
              open_questions:
                - question: "{{Quote}}"
                  owner: "<i>owner</i>"
            workflows:
              browse:
                description: "{{Script}}"
                entry: web.list
                rate: 20/s
            components:
              web:
                kind: service
                description: "{{Image}}"
                instances: 2
                capacity: 100/s
                operations:
                  list: {}
            decisions:
              - id: ADR-1
                title: "{{Link}}"
                context: "{{Script}}"
            """);

        var run = CliRun.Of("report", design, "--today", Today, "--format", "html");

        Assert.Equal(0, run.Exit);
        var tags = HtmlTag().Matches(run.Out).Select(m => m.Groups[1].Value.ToLowerInvariant()).Distinct().Order().ToList();
        Assert.All(tags, tag => Assert.Contains(tag, AllowedTags));
        Assert.DoesNotContain("javascript:", string.Concat(Href().Matches(run.Out).Select(m => m.Value)), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>bold", run.Out, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", run.Out, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", run.Out, StringComparison.Ordinal);
        Assert.Contains("[click](javascript:alert(3))", run.Out, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;b&gt;bold&lt;/b&gt; &amp; co", run.Out, StringComparison.Ordinal);
    }

    private static readonly string[] AllowedTags =
    [
        "!doctype", "a", "body", "code", "details", "em", "figure", "h1", "h2", "h3", "h4", "head", "html", "li", "main", "meta", "nav", "ol", "p", "pre",
        "strong", "style", "summary", "table", "tbody", "td", "th", "thead", "title", "tr", "ul", "svg", "g", "path", "rect", "ellipse", "polygon", "polyline",
        "line", "text", "tspan", "defs", "marker", "circle",
    ];

    /// <summary>The output with the repository's root left out of paths, so the golden files hold wherever the repository is.</summary>
    private static string Relative(string output) =>
        output.Replace(Repository.Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);

    [GeneratedRegex("<a href=\"#(s[0-9]+)\">")]
    private static partial Regex TocLink();

    [GeneratedRegex("<(!?[A-Za-z][A-Za-z0-9]*)")]
    private static partial Regex HtmlTag();

    [GeneratedRegex("href=\"[^\"]*\"")]
    private static partial Regex Href();
}
