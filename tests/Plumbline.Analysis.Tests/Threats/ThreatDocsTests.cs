using Plumbline.Analysis.Threats;
using Xunit;

namespace Plumbline.Analysis.Tests.Threats;

/// <summary>docs/threats.md lists every threat rule with its STRIDE category and CWE, and its severity grid is the arithmetic's.</summary>
public sealed class ThreatDocsTests
{
    private static string Page() => File.ReadAllText(Path.Combine(Repository.Root, "docs", "threats.md"));

    [Fact]
    public void Every_threat_rule_has_a_row_with_its_category_and_cwe()
    {
        var page = Page();
        foreach (var rule in ThreatCatalogue.Rules)
        {
            var cwe = rule.Cwe is { } n ? $"CWE-{n}" : "-";
            Assert.Contains($"[{rule.Info.Id}](rules/{rule.Info.Id}.md) | {cwe} | {rule.Info.Title} |", page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("| public (1) | 1 info | 2 low | 3 low |")]
    [InlineData("| internal (2) | 2 low | 4 medium | 6 medium |")]
    [InlineData("| confidential, personal (3) | 3 low | 6 medium | 9 high |")]
    [InlineData("| restricted (4) | 4 medium | 8 high | 12 high |")]
    public void The_severity_grid_is_the_products(string row)
    {
        Assert.Contains(row, Page(), StringComparison.Ordinal);
        var cells = row.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var impact = int.Parse(cells[0][^2..^1], System.Globalization.CultureInfo.InvariantCulture);
        for (var likelihood = 1; likelihood <= 3; likelihood++)
        {
            var parts = cells[likelihood].Split(' ');
            Assert.Equal(impact * likelihood, int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(parts[1], Name(ThreatSeverity.Of(impact * likelihood)));
        }
    }

    private static string Name(Plumbline.Analysis.Review.Severity severity) => severity.ToString().ToLowerInvariant();
}
