using Plumbline.Analysis.Estimates;
using Plumbline.Design.Text;
using Plumbline.Design.Units;
using Plumbline.Reporting.Formatting;
using Plumbline.Reporting.Terminal;

namespace Plumbline.Reporting.Estimates;

/// <summary>Writes an estimate as plain-text tables for a terminal; with explain, each figure's derivation follows its row.</summary>
public static class EstimateTextRenderer
{
    public static void Write(TextWriter writer, EstimateReport report, bool explain)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);

        // Names, notes and paths come from the file: everything goes out through the terminal's sanitising writer.
        writer = TerminalWriter.Over(writer);
        var sections = EstimateSections.Build(report);
        writer.WriteLine($"Estimates for {TerminalText.Escape(report.SystemName)}");
        writer.WriteLine($"  {EstimateSections.Calendar(report)}");
        foreach (var section in sections)
        {
            if (section.Rows.Count == 0)
            {
                continue;
            }

            writer.WriteLine();
            writer.WriteLine(section.Title);
            if (section.Note is not null)
            {
                writer.WriteLine($"  {section.Note}");
            }

            if (!explain)
            {
                var table = new TextTable(section.Headers);
                foreach (var row in section.Rows)
                {
                    table.Add(row.Cells);
                }

                table.Write(writer);
                continue;
            }

            foreach (var row in section.Rows)
            {
                var table = new TextTable(section.Headers);
                table.Add(row.Cells);
                table.Write(writer);
                foreach (var figure in row.Figures)
                {
                    foreach (var line in ExplanationWriter.Lines(figure))
                    {
                        writer.WriteLine("      " + line);
                    }
                }

                writer.WriteLine();
            }
        }

        writer.WriteLine();
        writer.WriteLine($"Egress to the internet: {FigureText.Format(report.InternetEgress)} ({(report.InternetEgress.Value is { } egress ? Quantities.Bytes(egress * Calendar.SecondsPerMonthIn(report.Month)) : "?")}/month)");
        if (explain)
        {
            foreach (var line in ExplanationWriter.Lines(report.InternetEgress))
            {
                writer.WriteLine("      " + line);
            }
        }

        if (report.Sensitivity is { } sensitivity)
        {
            WriteSensitivity(writer, sensitivity);
        }

        if (report.Notes.Length > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Notes");
            foreach (var note in report.Notes)
            {
                writer.WriteLine($"  - {note}");
            }
        }
    }

    private static void WriteSensitivity(TextWriter writer, SensitivityReport sensitivity)
    {
        writer.WriteLine();
        writer.WriteLine($"Sensitivity: each input moved by -{Quantities.Percent(sensitivity.Step)} and +{Quantities.Percent(sensitivity.Step)}, ranked by how far it moves the headlines");
        foreach (var headline in sensitivity.Headlines)
        {
            var subject = string.IsNullOrEmpty(headline.Subject) ? string.Empty : $" ({headline.Subject})";
            writer.WriteLine($"  {headline.Name}: {FigureText.Format(headline.Value, headline.Unit)}{subject}");
        }

        var table = new TextTable(["#", "input", "source", .. sensitivity.Headlines.Select(h => ">" + ShortName(h.Name))]);
        var rank = 1;
        foreach (var row in EstimateSections.TopSensitivity(sensitivity))
        {
            table.Add([
                rank++.ToString(System.Globalization.CultureInfo.InvariantCulture),
                row.Input.Name,
                row.Input.Line > 0 ? $"line {row.Input.Line}" : row.Input.Path,
                .. row.Down.Select((d, i) => $"{Quantities.Change(d)} / {Quantities.Change(row.Up[i])}"),
            ]);
        }

        writer.WriteLine();
        table.Write(writer);
        var hidden = sensitivity.Rows.Length - table.RowCount;
        if (hidden > 0)
        {
            writer.WriteLine($"  ... {hidden} more inputs move the headlines less (see --format json)");
        }
    }

    internal static string ShortName(string headline) => headline switch
    {
        "busiest component's peak utilisation" => "busiest util",
        "instances needed" => "instances",
        "egress to the internet" => "egress",
        _ when headline.StartsWith("storage", StringComparison.Ordinal) => "storage",
        _ => headline,
    };
}
