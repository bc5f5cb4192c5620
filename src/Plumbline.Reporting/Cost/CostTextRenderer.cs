using Plumbline.Analysis.Cost;
using Plumbline.Reporting.Formatting;

namespace Plumbline.Reporting.Cost;

/// <summary>Writes a cost report as plain text for a terminal; with explain, every bill line's arithmetic follows its component.</summary>
public static class CostTextRenderer
{
    public static void Write(TextWriter writer, CostReport report, bool explain)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteLine(CostSections.Title(report));
        writer.WriteLine($"  {CostSections.CatalogLine(report)}");
        writer.WriteLine($"  {CostSections.ConventionsLine(report)}");

        var now = CostSections.Now(report);
        Table(writer, now, explain, report.Currency);
        foreach (var line in CostSections.NotPriced(report))
        {
            writer.WriteLine($"  {line}");
        }

        if (CostSections.BudgetLine(report) is { } budget)
        {
            writer.WriteLine();
            writer.WriteLine(budget);
        }

        writer.WriteLine();
        writer.WriteLine("Per unit (now)");
        foreach (var line in CostSections.UnitLines(report))
        {
            writer.WriteLine($"  {line}");
        }

        Table(writer, CostSections.Growth(report), explain: false, report.Currency);
        if (!report.Idle.IsEmpty)
        {
            Table(writer, CostSections.Idle(report), explain: false, report.Currency);
            writer.WriteLine($"  {CostSections.IdleTotal(report)}");
        }

        if (!report.Notes.IsEmpty)
        {
            writer.WriteLine();
            writer.WriteLine("Notes");
            foreach (var note in report.Notes)
            {
                writer.WriteLine($"  - {note}");
            }
        }
    }

    private static void Table(TextWriter writer, CostSection section, bool explain, string currency)
    {
        writer.WriteLine();
        writer.WriteLine(section.Title);
        if (!explain)
        {
            var table = new TextTable(section.Headers);
            foreach (var row in section.Rows)
            {
                table.Add(row.Cells);
            }

            table.Write(writer);
        }
        else
        {
            foreach (var row in section.Rows)
            {
                var table = new TextTable(section.Headers);
                table.Add(row.Cells);
                table.Write(writer);
                foreach (var line in row.Lines)
                {
                    foreach (var text in CostSections.Explain(line, currency))
                    {
                        writer.WriteLine("      " + text);
                    }
                }

                writer.WriteLine();
            }
        }

        if (section.Note is not null)
        {
            writer.WriteLine($"  {section.Note}");
        }
    }
}
