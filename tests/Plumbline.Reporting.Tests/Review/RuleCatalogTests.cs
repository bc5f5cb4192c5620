using System.Text;
using System.Text.RegularExpressions;
using Plumbline.Analysis.Review;
using Plumbline.Reporting.Review;
using Xunit;

namespace Plumbline.Reporting.Tests.Review;

/// <summary>
/// docs/rules/README.md, the catalogue index, is generated from <see cref="RuleRegistry.All"/>: this
/// test fails when the file and the registry disagree, and <c>PLUMBLINE_ACCEPT=1</c> rewrites it.
/// </summary>
public sealed partial class RuleCatalogTests
{
    [Fact]
    public void The_rules_readme_lists_exactly_the_built_in_rules()
    {
        var path = Path.Combine(Repository.Root, "docs", "rules", "README.md");
        var expected = Render(RuleRegistry.All.Select(r => r.Info));
        GoldenFile.VerifyAt(path, expected);
        var actual = File.ReadAllText(path).ReplaceLineEndings("\n");
        var listed = RowId().Matches(actual).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(RuleRegistry.All.Select(r => r.Info.Id).Order(StringComparer.Ordinal), listed);
    }

    /// <summary>The index: rules in process order, then by severity and id; each id links to its page.</summary>
    internal static string Render(IEnumerable<RuleInfo> rules)
    {
        var ordered = rules.OrderBy(r => StepNames.Rank(r.Step)).ThenBy(r => r.Severity).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var sb = new StringBuilder();
        sb.Append("# Review rules\n\n");
        sb.Append("<!-- Generated from RuleRegistry.All by tests/Plumbline.Reporting.Tests/Review/RuleCatalogTests.cs: do not edit.\n");
        sb.Append("     Regenerate with: PLUMBLINE_ACCEPT=1 dotnet test --project tests/Plumbline.Reporting.Tests -->\n\n");
        sb.Append(FormattableString.Invariant($"`plumbline check` runs these {ordered.Count} rules, listed in the order of the design process. "));
        sb.Append("Each page says why the rule matters, how to fix what it finds, and shows a design that fails and one that passes. ");
        sb.Append("The severity is the rule's default; a finding may be raised (on a critical workflow, say). ");
        sb.Append("How the review works, and how to accept a finding: [../review.md](../review.md).\n\n");
        sb.Append("| Rule | Step | Severity | Title |\n");
        sb.Append("|---|---|---|---|\n");
        foreach (var rule in ordered)
        {
            sb.Append("| [").Append(rule.Id).Append("](").Append(rule.Id).Append(".md) | ")
              .Append(StepNames.Name(rule.Step)).Append(" | ")
              .Append(StepNames.SeverityId(rule.Severity)).Append(" | ")
              .Append(ReviewMarkdownRenderer.Escape(rule.Title)).Append(" |\n");
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^\| \[([a-z0-9-]+)\]\(\1\.md\) \|", RegexOptions.Multiline)]
    private static partial Regex RowId();
}
