using Plumbline.Analysis.Recovery;
using Plumbline.Reporting.Estimates;
using Plumbline.Reporting.Formatting;
using Plumbline.Reporting.Terminal;

namespace Plumbline.Reporting.Recovery;

/// <summary>Writes a recovery report as plain text: per store, each failure's RPO and RTO against its targets; with explain, every figure's working.</summary>
public static class RecoveryTextRenderer
{
    public static void Write(TextWriter writer, RecoveryReport report, bool explain)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer = TerminalWriter.Over(writer);
        writer.WriteLine(RecoverySections.Title(report));
        writer.WriteLine($"  {RecoverySections.Note}");
        WriteStores(writer, report, explain, "");
        WriteAssumptions(writer, report);
    }

    /// <summary>The stores' tables, indented; the estimate's recovery section uses it too.</summary>
    internal static void WriteStores(TextWriter writer, RecoveryReport report, bool explain, string indent)
    {
        if (report.Stores.IsEmpty)
        {
            writer.WriteLine();
            writer.WriteLine(indent + "No stores: nothing the design keeps can be lost.");
            return;
        }

        foreach (var section in RecoverySections.Stores(report))
        {
            writer.WriteLine();
            writer.WriteLine(indent + section.Title);
            foreach (var line in section.Lines)
            {
                writer.WriteLine($"{indent}  {line}");
            }

            var table = new TextTable(section.Headers);
            foreach (var row in section.Rows)
            {
                table.Add(row);
            }

            table.Write(writer, indent + "  ");
            if (explain)
            {
                foreach (var figure in section.Figures)
                {
                    foreach (var line in ExplanationWriter.Lines(figure))
                    {
                        writer.WriteLine($"{indent}      {line}");
                    }
                }
            }
        }
    }

    internal static void WriteAssumptions(TextWriter writer, RecoveryReport report)
    {
        if (report.Assumptions.IsEmpty)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("Assumed (the design does not say)");
        foreach (var assumption in report.Assumptions)
        {
            writer.WriteLine($"  - {assumption}");
        }
    }
}
