using Plumbline.Design.Text;
using Plumbline.Analysis.Estimates;
using Plumbline.Reporting.Formatting;
using Plumbline.Reporting.Terminal;

namespace Plumbline.Reporting.Estimates;

/// <summary>Writes an estimate as Markdown: one table per section; with explain, derivations as nested lists.</summary>
public static class EstimateMarkdownRenderer
{
    public static void Write(TextWriter writer, EstimateReport report, bool explain)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer = TerminalWriter.Over(writer);
        writer.WriteLine($"# Estimates for {Escape(TerminalText.Escape(report.SystemName))}");
        writer.WriteLine();
        writer.WriteLine(Escape(EstimateSections.Calendar(report)));
        foreach (var section in EstimateSections.Build(report))
        {
            WriteSection(writer, section, explain, "##");
        }

        writer.WriteLine();
        writer.WriteLine($"**Egress to the internet:** {FigureText.Format(report.InternetEgress)}");
        if (report.Sensitivity is { } sensitivity)
        {
            writer.WriteLine();
            writer.WriteLine("## Sensitivity");
            writer.WriteLine();
            writer.WriteLine($"Each input moved by -{Quantities.Percent(sensitivity.Step)} / +{Quantities.Percent(sensitivity.Step)}; the change in each headline.");
            writer.WriteLine();
            foreach (var headline in sensitivity.Headlines)
            {
                writer.WriteLine($"- {headline.Name}: {FigureText.Format(headline.Value, headline.Unit)}{(string.IsNullOrEmpty(headline.Subject) ? string.Empty : $" ({headline.Subject})")}");
            }

            writer.WriteLine();
            writer.WriteLine("| input | source | " + string.Join(" | ", sensitivity.Headlines.Select(h => EstimateTextRenderer.ShortName(h.Name))) + " |");
            writer.WriteLine("|---|---|" + string.Concat(sensitivity.Headlines.Select(_ => "---:|")));
            foreach (var row in EstimateSections.TopSensitivity(sensitivity))
            {
                writer.WriteLine($"| {Escape(row.Input.Name)} | {(row.Input.Line > 0 ? $"line {row.Input.Line}" : row.Input.Path)} | " +
                    string.Join(" | ", row.Down.Select((d, i) => $"{Quantities.Change(d)} / {Quantities.Change(row.Up[i])}")) + " |");
            }
        }

        if (report.Notes.Length > 0)
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

    /// <summary>One table of the estimate under a heading of the given level (<c>##</c>); nothing when it has no rows.</summary>
    internal static void WriteSection(TextWriter writer, EstimateSection section, bool explain, string heading)
    {
        if (section.Rows.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine($"{heading} {section.Title}");
        writer.WriteLine();
        if (section.Note is not null)
        {
            writer.WriteLine($"_{section.Note}_");
            writer.WriteLine();
        }

        writer.WriteLine("| " + string.Join(" | ", section.Headers.Select(h => h.TrimStart('>'))) + " |");
        writer.WriteLine("|" + string.Join("|", section.Headers.Select(h => h.StartsWith('>') ? "---:" : "---")) + "|");
        foreach (var row in section.Rows)
        {
            writer.WriteLine("| " + string.Join(" | ", row.Cells.Select(Escape)) + " |");
        }

        if (explain)
        {
            writer.WriteLine();
            writer.WriteLine("<details><summary>How these were computed</summary>");
            writer.WriteLine();
            foreach (var row in section.Rows)
            {
                foreach (var figure in row.Figures)
                {
                    var lines = ExplanationWriter.Lines(figure).ToList();
                    writer.WriteLine($"- **{Escape(row.Cells[0])}**: {Escape(lines[0])}");
                    foreach (var line in lines.Skip(1))
                    {
                        writer.WriteLine($"  - {Escape(line.Trim())}");
                    }
                }
            }

            writer.WriteLine();
            writer.WriteLine("</details>");
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
