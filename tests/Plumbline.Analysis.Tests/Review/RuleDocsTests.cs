using System.Text.RegularExpressions;
using Plumbline.Analysis.Review;
using Xunit;

namespace Plumbline.Analysis.Tests.Review;

/// <summary>
/// Every rule has a docs page, docs/rules/&lt;id&gt;.md, whose "Fails" design makes the rule fire and
/// whose "Passes" design does not. The snippets are complete designs, run through the real loader
/// and reviewer, so the docs cannot drift from the rules.
/// </summary>
public sealed partial class RuleDocsTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleRegistry.All)
        {
            data.Add(rule.Info.Id);
        }

        return data;
    }

    [Fact]
    public void Rule_ids_are_unique_kebab_case()
    {
        var ids = RuleRegistry.All.Select(r => r.Info.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", id));
    }

    [Fact]
    public void Every_rule_says_why_and_how_to_fix()
    {
        Assert.All(RuleRegistry.All, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Info.Title), r.Info.Id);
            Assert.True(r.Info.Why.Length > 20, $"{r.Info.Id}: why is too short");
            Assert.True(r.Info.Fix.Length > 10, $"{r.Info.Id}: fix is too short");
        });
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_docs_failing_design_fires_the_rule(string id)
    {
        var (fails, _, catalog) = Snippets(id);
        var findings = Review(fails, catalog);
        Assert.True(findings.Any(f => f.Rule.Id == id), $"docs/rules/{id}.md: the 'Fails' design does not fire {id}; it fires: {string.Join(", ", findings.Select(f => f.Key).Distinct())}");
        Assert.All(findings.Where(f => f.Rule.Id == id), f => Assert.True(f.Span.Start.Line > 0, $"{f.Key} has no position"));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_docs_passing_design_does_not_fire_the_rule(string id)
    {
        var (_, passes, catalog) = Snippets(id);
        var findings = Review(passes, catalog).Where(f => f.Rule.Id == id).ToList();
        Assert.True(findings.Count == 0, $"docs/rules/{id}.md: the 'Passes' design fires {id}: {string.Join("; ", findings.Select(f => f.Message))}");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_docs_page_shows_the_rules_metadata(string id)
    {
        var rule = RuleRegistry.Find(id)!;
        var text = Page(id);
        Assert.StartsWith($"# {id}", text, StringComparison.Ordinal);
        Assert.Contains("## Why", text, StringComparison.Ordinal);
        Assert.Contains("## How to fix", text, StringComparison.Ordinal);
        Assert.Contains(Step(rule.Info.Step), text, StringComparison.Ordinal);
    }

    internal static string Step(ProcessStep step) => Design.Text.EnumNames.ToSnake(step);

    /// <summary>Reviews a docs design; with a page's Catalog block, priced at that catalog (the price file the design names) with its own prices applied.</summary>
    internal static IReadOnlyList<Finding> Review(string yaml, string? catalog = null)
    {
        var design = ReviewKit.Load(yaml);
        var options = ReviewKit.Options;
        if (catalog is not null)
        {
            var loaded = Design.Pricing.CatalogLoader.LoadText("catalog.yaml", catalog);
            Assert.True(loaded.Success, string.Join(Environment.NewLine, loaded.Diagnostics));
            options = options with { Prices = Design.Pricing.DesignPricing.WithOverrides(loaded.Catalog!, design.Cost.Prices) };
        }

        return Reviewer.Review(design, options).Findings;
    }

    private static string Page(string id)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "rules", id + ".md");
        Assert.True(File.Exists(path), $"rule {id} has no docs page docs/rules/{id}.md");
        return File.ReadAllText(path);
    }

    private static (string Fails, string Passes, string? Catalog) Snippets(string id)
    {
        var text = Page(id);
        return (Block(text, "## Fails", id), Block(text, "## Passes", id), text.Contains("\n## Catalog\n", StringComparison.Ordinal) ? Block(text, "## Catalog", id) : null);
    }

    private static string Block(string text, string heading, string id)
    {
        var at = text.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(at >= 0, $"docs/rules/{id}.md has no '{heading}' section");
        var match = YamlBlock().Match(text, at);
        Assert.True(match.Success, $"docs/rules/{id}.md: no ```yaml block under '{heading}'");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("```yaml\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
