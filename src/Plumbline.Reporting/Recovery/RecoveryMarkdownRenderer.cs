using Plumbline.Analysis.Recovery;
using Plumbline.Reporting.Estimates;
using Plumbline.Reporting.Terminal;

namespace Plumbline.Reporting.Recovery;

/// <summary>Writes a recovery report as Markdown: one table per store; with explain, derivations as nested lists.</summary>
public static class RecoveryMarkdownRenderer
{
    public static void Write(TextWriter writer, RecoveryReport report, bool explain)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer = TerminalWriter.Over(writer);
        writer.WriteLine($"# {Escape(RecoverySections.Title(report))}");
        writer.WriteLine();
        writer.WriteLine($"_{Escape(RecoverySections.Note)}_");
        foreach (var section in RecoverySections.Stores(report))
        {
            writer.WriteLine();
            writer.WriteLine($"## {Escape(section.Title)}");
            writer.WriteLine();
            foreach (var line in section.Lines)
            {
                writer.WriteLine($"- {Escape(line)}");
            }

            writer.WriteLine();
            writer.WriteLine("| " + string.Join(" | ", section.Headers.Select(h => h.TrimStart('>'))) + " |");
            writer.WriteLine("|" + string.Join("|", section.Headers.Select(h => h.StartsWith('>') ? "---:" : "---")) + "|");
            foreach (var row in section.Rows)
            {
                writer.WriteLine("| " + string.Join(" | ", row.Select(Escape)) + " |");
            }

            if (explain)
            {
                writer.WriteLine();
                writer.WriteLine("<details><summary>How these were computed</summary>");
                writer.WriteLine();
                foreach (var figure in section.Figures)
                {
                    var lines = ExplanationWriter.Lines(figure).ToList();
                    writer.WriteLine($"- {Escape(lines[0])}");
                    foreach (var line in lines.Skip(1))
                    {
                        writer.WriteLine($"  - {Escape(line.Trim())}");
                    }
                }

                writer.WriteLine();
                writer.WriteLine("</details>");
            }
        }

        if (!report.Assumptions.IsEmpty)
        {
            writer.WriteLine();
            writer.WriteLine("## Assumed (the design does not say)");
            writer.WriteLine();
            foreach (var assumption in report.Assumptions)
            {
                writer.WriteLine($"- {Escape(assumption)}");
            }
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
