using Plumbline.Analysis.Slo;
using Plumbline.Reporting.Review;

namespace Plumbline.Reporting.Slo;

/// <summary>Writes the SLO report as a Markdown document: a section per SLO, its alerts as a table and in plain words.</summary>
public static class SloMarkdownRenderer
{
    public static void Write(TextWriter writer, SloReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.Write($"# SLOs for {E(report.SystemName)}\n\n");
        writer.Write($"Alert windows: {E(SloSections.WindowsLine(report))}.\n");
        foreach (var slo in report.Slos)
        {
            writer.Write($"\n## {E(slo.Name)}\n\n| | |\n|---|---|\n");
            foreach (var (label, text, _) in SloSections.Lines(slo))
            {
                writer.Write($"| {label} | {E(text)} |\n");
            }

            if (slo.Alerts.IsEmpty)
            {
                writer.Write("\nNo burn-rate alerts: the alert windows are an empty list.\n");
                continue;
            }

            writer.Write("\n| window | severity | budget | long | short | burn rate | error ratio | full outage fires after |\n");
            writer.Write("|---|---|--:|--:|--:|--:|--:|--:|\n");
            foreach (var alert in slo.Alerts)
            {
                writer.Write("| " + string.Join(" | ", SloSections.AlertCells(alert).Select(E)) + " |\n");
            }

            writer.Write('\n');
            foreach (var alert in slo.Alerts)
            {
                writer.Write($"- **{E(alert.Window.Name)}** {E(SloWords.Alert(slo, alert))}\n");
            }

            foreach (var problem in SloSections.Problems(slo))
            {
                writer.Write($"- Does not fit: {E(problem)}\n");
            }
        }

        if (report.Notes.Length > 0)
        {
            writer.Write("\n## Notes\n\n");
            foreach (var note in report.Notes)
            {
                writer.Write($"- {E(note)}\n");
            }
        }
    }

    private static string E(string text) => ReviewMarkdownRenderer.Escape(text);
}
