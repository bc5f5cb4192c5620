using Plumbline.Analysis.Cost;

namespace Plumbline.Reporting.Cost;

/// <summary>Writes a cost report as Markdown: one table per section; with explain, each component's arithmetic as nested lists.</summary>
public static class CostMarkdownRenderer
{
    public static void Write(TextWriter writer, CostReport report, bool explain)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteLine($"# {Escape(CostSections.Title(report))}");
        writer.WriteLine();
        writer.WriteLine(Escape(CostSections.CatalogLine(report)));
        writer.WriteLine(Escape(CostSections.ConventionsLine(report)));
        Table(writer, CostSections.Now(report), explain, report.Currency);
        var notPriced = CostSections.NotPriced(report).ToList();
        if (notPriced.Count > 0)
        {
            writer.WriteLine();
            foreach (var line in notPriced)
            {
                writer.WriteLine($"- {Escape(line)}");
            }
        }

        if (CostSections.BudgetLine(report) is { } budget)
        {
            writer.WriteLine();
            writer.WriteLine(Escape(budget));
        }

        writer.WriteLine();
        writer.WriteLine("## Per unit (now)");
        writer.WriteLine();
        foreach (var line in CostSections.UnitLines(report))
        {
            writer.WriteLine($"- {Escape(line)}");
        }

        Table(writer, CostSections.Growth(report), explain: false, report.Currency);
        if (!report.Idle.IsEmpty)
        {
            Table(writer, CostSections.Idle(report), explain: false, report.Currency);
            writer.WriteLine();
            writer.WriteLine(Escape(CostSections.IdleTotal(report)));
        }

        if (!report.Notes.IsEmpty)
        {
            writer.WriteLine();
            writer.WriteLine("## Notes");
            writer.WriteLine();
            foreach (var note in report.Notes)
            {
                writer.WriteLine($"- {Escape(note)}");
            }
        }
    }

    private static void Table(TextWriter writer, CostSection section, bool explain, string currency)
    {
        writer.WriteLine();
        writer.WriteLine($"## {section.Title}");
        writer.WriteLine();
        writer.WriteLine("| " + string.Join(" | ", section.Headers.Select(h => h.TrimStart('>'))) + " |");
        writer.WriteLine("|" + string.Join("|", section.Headers.Select(h => h.StartsWith('>') ? "---:" : "---")) + "|");
        foreach (var row in section.Rows)
        {
            writer.WriteLine("| " + string.Join(" | ", row.Cells.Select(Escape)) + " |");
        }

        if (section.Note is not null)
        {
            writer.WriteLine();
            writer.WriteLine($"_{Escape(section.Note)}_");
        }

        if (explain && section.Rows.Any(r => r.Lines.Count > 0))
        {
            writer.WriteLine();
            writer.WriteLine("<details><summary>How these were computed</summary>");
            writer.WriteLine();
            foreach (var row in section.Rows.Where(r => r.Lines.Count > 0))
            {
                foreach (var line in row.Lines)
                {
                    var lines = CostSections.Explain(line, currency).ToList();
                    writer.WriteLine($"- **{Escape(row.Subject ?? string.Empty)}**: {Escape(lines[0])}");
                    foreach (var text in lines.Skip(1))
                    {
                        writer.WriteLine($"  - {Escape(text.Trim())}");
                    }
                }
            }

            writer.WriteLine();
            writer.WriteLine("</details>");
        }
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
