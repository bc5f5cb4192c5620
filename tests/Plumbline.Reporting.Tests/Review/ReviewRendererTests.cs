using System.Text.Json;
using Plumbline.Analysis.Review;
using Plumbline.Reporting.Review;
using Xunit;

namespace Plumbline.Reporting.Tests.Review;

public sealed class ReviewRendererTests
{
    [Fact]
    public void Steps_print_brief_and_business_value_then_steps_1_to_10_then_the_thinking_areas()
    {
        Assert.Equal(Enum.GetValues<ProcessStep>().Order(), StepNames.Order.Order());
        Assert.Equal(
            [
                "Requirement brief", "Business value",
                "1. Clarify requirements", "2. API contracts and data model", "3. High-level architecture",
                "4. Storage and access patterns", "5. Resilience", "6. Scale strategy", "7. Observability and operations",
                "8. Security and compliance", "9. Cost and FinOps", "10. Iterate and validate",
                "On-call readiness", "Security thinking", "Org alignment",
            ],
            StepNames.Order.Select(StepNames.Name));
        Assert.Equal("api_and_data", StepNames.Id(ProcessStep.ApiAndData));
        Assert.Equal("on_call", StepNames.Id(ProcessStep.OnCall));
    }

    [Theory]
    [InlineData(0.0, "[----------]   0%")]
    [InlineData(0.05, "[----------]   5%")]
    [InlineData(0.7, "[#######---]  70%")]
    [InlineData(2 / 3.0, "[######----]  66%")]
    [InlineData(0.999, "[#########-]  99%")]
    [InlineData(1.0, "[##########] 100%")]
    public void The_completeness_bar_rounds_down_so_full_means_complete(double completeness, string bar) =>
        Assert.Equal(bar, ReviewTextRenderer.Bar(completeness));

    [Fact]
    public void The_text_report_has_a_header_a_scoreboard_in_process_order_findings_by_step_and_accepted_risks()
    {
        var report = ReviewTestData.Review("shop.yaml", ReviewTestData.WithAcceptance);
        var text = Render(report);

        Assert.StartsWith("Design review: shop (shop.yaml)\nOpen findings: ", text, StringComparison.Ordinal);
        var rows = StepNames.Order.Select(s => text.IndexOf("\n  " + StepNames.Name(s) + " ", StringComparison.Ordinal)).ToList();
        Assert.All(rows, i => Assert.True(i > 0));
        Assert.Equal(rows.Order(), rows);

        var expired = report.Findings.Single(f => f.Rule.Id == "expired-acceptance");
        Assert.Contains($"  MEDIUM  shop.yaml:{expired.Span.Start.Line}:{expired.Span.Start.Column}  {expired.Message}\n", text, StringComparison.Ordinal);
        Assert.Contains("          key: expired-acceptance@bots buying out stock\n", text, StringComparison.Ordinal);
        Assert.Contains("\nAccepted (1)\n  expired-acceptance@scraping  (until 2027-01-31, owner shop-team)\n    reason: rate limiting lands next sprint\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text);
        Assert.All(text.Split('\n'), line => Assert.True(line.Length == line.TrimEnd().Length, $"trailing space: '{line}'"));
    }

    [Fact]
    public void Colour_only_when_asked()
    {
        var report = ReviewTestData.Review("shop.yaml", ReviewTestData.WithAcceptance);
        var plain = Render(report);
        var coloured = Render(report, useColor: true);
        Assert.Contains("\u001b[1;33mMEDIUM\u001b[0m", coloured, StringComparison.Ordinal);
        Assert.Contains("\u001b[1mDesign review: shop\u001b[0m", coloured, StringComparison.Ordinal);
        Assert.Equal(plain, System.Text.RegularExpressions.Regex.Replace(coloured, "\u001b\\[[0-9;]*m", ""));
    }

    [Fact]
    public void Why_and_fix_show_once_per_rule_and_step_unless_verbose()
    {
        var (report, file) = ReviewTestData.ReviewExample(ReviewTestData.WeakDesign);
        var brief = Render(report, file: file);
        var verbose = Render(report, verbose: true, file: file);

        // Each cause's head is printed with its why and fix; the findings that repeat it are listed under it by key.
        var heads = report.Groups.Select(g => g.Head).ToList();
        var groups = heads.Select(f => (f.Rule.Step, f.Rule.Id)).Distinct().Count();
        Assert.Equal(groups, Occurrences(brief, "\n          why: "));
        Assert.Equal(heads.Count, Occurrences(verbose, "\n          why: "));
        Assert.Equal(heads.Count, Occurrences(brief, "\n          key: "));
        Assert.Equal(report.Groups.Count(g => !g.Related.IsEmpty), Occurrences(brief, "\n          same cause ("));
        Assert.All(report.Groups.SelectMany(g => g.Related), f => Assert.Contains("  " + f.Key + "\n", brief, StringComparison.Ordinal));
        Assert.True(groups < heads.Count, "the weak design should fire some rule twice in a step");
    }

    [Fact]
    public void Why_and_fix_wrap_at_the_report_width()
    {
        var (report, file) = ReviewTestData.ReviewExample(ReviewTestData.WeakDesign);
        foreach (var line in Render(report, verbose: true, file: file).Split('\n'))
        {
            if (line.StartsWith("          why: ", StringComparison.Ordinal) || line.StartsWith("          fix: ", StringComparison.Ordinal)
                || line.StartsWith("               ", StringComparison.Ordinal))
            {
                Assert.True(line.Length <= ReviewTextRenderer.Width || !line.Trim().Contains(' ', StringComparison.Ordinal), line);
            }
        }
    }

    [Fact]
    public void A_review_without_findings_says_so()
    {
        var report = new ReviewReport("empty", RuleRegistry.All, [], [], [.. StepNames.Order.Select(s => new StepScore(s, 1, 1, 0, 0, 0, 0))], []);
        var text = Render(report, file: "empty.yaml");
        Assert.Contains("\nNo open findings.\n", text, StringComparison.Ordinal);
        Assert.Contains("[##########] 100%", text, StringComparison.Ordinal);
        var markdown = new StringWriter();
        ReviewMarkdownRenderer.Write(markdown, report, "empty.yaml");
        Assert.Contains("\nNo open findings.\n", markdown.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_report_carries_every_finding_with_its_place_and_rule()
    {
        var report = ReviewTestData.Review("shop.yaml", ReviewTestData.WithAcceptance);
        using var doc = JsonDocument.Parse(ReviewJsonRenderer.Render(report, "shop.yaml"));
        var root = doc.RootElement;
        Assert.Equal("shop", root.GetProperty("system").GetString());
        Assert.Equal(report.Groups.Length, root.GetProperty("findings").GetArrayLength());
        Assert.Equal(report.Findings.Length, root.GetProperty("findings").EnumerateArray().Sum(f => 1 + f.GetProperty("related").GetArrayLength()));
        Assert.Equal(StepNames.Order.Select(StepNames.Id), root.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        var expired = root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == "expired-acceptance");
        Assert.Equal("expired-acceptance@bots buying out stock", expired.GetProperty("key").GetString());
        Assert.Equal("security_thinking", expired.GetProperty("step").GetString());
        Assert.Equal("medium", expired.GetProperty("severity").GetString());
        Assert.Equal("docs/rules/expired-acceptance.md", expired.GetProperty("docs").GetString());
        Assert.True(expired.GetProperty("line").GetInt32() > 1);
        var accepted = root.GetProperty("accepted")[0];
        Assert.Equal("2027-01-31", accepted.GetProperty("until").GetString());
        Assert.Equal("rate limiting lands next sprint", accepted.GetProperty("reason").GetString());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("accepted").GetInt32());
    }

    [Theory]
    [InlineData("get_link", "get\\_link")]
    [InlineData("a | b", "a \\| b")]
    [InlineData("<script>", "\\<script\\>")]
    [InlineData("two\nlines", "two lines")]
    public void Markdown_escapes_text_from_the_design(string text, string escaped) =>
        Assert.Equal(escaped, ReviewMarkdownRenderer.Escape(text));

    [Fact]
    public void The_markdown_document_lists_accepted_risks_in_a_table()
    {
        var report = ReviewTestData.Review("shop.yaml", ReviewTestData.WithAcceptance);
        var writer = new StringWriter();
        ReviewMarkdownRenderer.Write(writer, report, "shop.yaml");
        var text = writer.ToString();
        Assert.StartsWith("# Design review: shop\n", text, StringComparison.Ordinal);
        Assert.Contains("\n## Scoreboard\n", text, StringComparison.Ordinal);
        Assert.Contains("\n### Security thinking\n", text, StringComparison.Ordinal);
        Assert.Contains("| `expired-acceptance@scraping` | rate limiting lands next sprint | 2027-01-31 | shop-team |\n", text, StringComparison.Ordinal);
    }

    private static string Render(ReviewReport report, bool useColor = false, bool verbose = false, string file = "shop.yaml")
    {
        var writer = new StringWriter { NewLine = "\n" };
        new ReviewTextRenderer(useColor, verbose).Write(writer, report, file);
        return writer.ToString();
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
