using Plumbline.Analysis.Explain;
using Plumbline.Analysis.Slo;
using Plumbline.Design.Text;
using Plumbline.Reporting.Estimates;
using Plumbline.Reporting.Formatting;

namespace Plumbline.Reporting.Slo;

/// <summary>
/// Writes the SLO report for a terminal: per SLO its objective, error budget as time and as requests,
/// what the design composes beside it, and its alerts in a table; with explain, each alert in plain
/// words and every figure's derivation.
/// </summary>
public static class SloTextRenderer
{
    public static void Write(TextWriter writer, SloReport report, bool explain)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteLine($"SLOs for {T(report.SystemName)}: {report.Slos.Length} SLO{(report.Slos.Length == 1 ? string.Empty : "s")}");
        writer.WriteLine($"Alert windows: {SloSections.WindowsLine(report)}");
        foreach (var slo in report.Slos)
        {
            writer.WriteLine();
            writer.WriteLine(T(slo.Name));
            foreach (var (label, text, figures) in SloSections.Lines(slo))
            {
                writer.WriteLine($"  {label,-10}  {T(text)}");
                if (explain)
                {
                    WriteExplanations(writer, figures);
                }
            }

            if (slo.Alerts.IsEmpty)
            {
                writer.WriteLine("  alerts      none: the alert windows are an empty list");
                continue;
            }

            writer.WriteLine("  alerts");
            var table = new TextTable("window", "severity", ">budget", ">long", ">short", ">burn rate", ">error ratio", ">full outage fires after");
            foreach (var alert in slo.Alerts)
            {
                table.Add(SloSections.AlertCells(alert));
            }

            table.Write(writer, "    ");
            foreach (var problem in SloSections.Problems(slo))
            {
                writer.WriteLine($"    ! {T(problem)}");
            }

            if (explain)
            {
                foreach (var alert in slo.Alerts)
                {
                    writer.WriteLine();
                    writer.WriteLine($"    {T(alert.Name)} {T(SloWords.Alert(slo, alert))}");
                    WriteExplanations(writer, [alert.Factor, alert.Threshold, alert.FailuresPerMinute, alert.FullOutageDetection, alert.BudgetSpentAtDetection, alert.TimeToExhaust]);
                }
            }
        }

        if (report.Notes.Length > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Notes");
            foreach (var note in report.Notes)
            {
                writer.WriteLine($"  - {T(note)}");
            }
        }
    }

    private static void WriteExplanations(TextWriter writer, IEnumerable<Figure> figures)
    {
        foreach (var figure in figures)
        {
            foreach (var line in ExplanationWriter.Lines(figure))
            {
                writer.WriteLine("      " + line);
            }
        }
    }

    /// <summary>One value from the design on one line, its control characters escaped.</summary>
    private static string T(string text) => TerminalText.Escape(text);
}
