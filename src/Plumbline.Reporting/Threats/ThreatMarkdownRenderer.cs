using System.Text;
using Plumbline.Analysis.Review;
using Plumbline.Analysis.Threats;
using Plumbline.Design.Text;
using Plumbline.Reporting.Review;
using Plumbline.Reporting.Terminal;

namespace Plumbline.Reporting.Threats;

/// <summary>
/// The threat model as a Markdown document: a summary, one table of threats with status (open first), the data
/// flows with their boundaries and controls, and what was assumed. Text from the design is escaped.
/// </summary>
public static class ThreatMarkdownRenderer
{
    public static void Write(TextWriter writer, ThreatReport report, string file)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append("# Threat model: ").Append(E(report.System)).Append("\n\n");
        sb.Append(FormattableString.Invariant($"{report.Threats.Length} threats from {report.RuleCount} rules: **{report.Count(ThreatStatus.Open)} open** ({report.Open(Severity.High)} high, {report.Open(Severity.Medium)} medium, {report.Open(Severity.Low)} low, {report.Open(Severity.Info)} info), {report.Count(ThreatStatus.Accepted)} accepted, {report.Count(ThreatStatus.Mitigated)} mitigated. Judged as of {report.Today:yyyy-MM-dd}.\n\n"));
        sb.Append("## Threats\n\n| Status | Severity | STRIDE | Threat | Where | Answer |\n|---|---|---|---|---|---|\n");
        foreach (var e in report.Threats)
        {
            var t = e.Threat;
            var answer = e.Status switch
            {
                ThreatStatus.Mitigated => "mitigated by " + t.MitigatedBy,
                ThreatStatus.Accepted => ThreatWords.Acceptance(e),
                _ => e.AcceptanceExpired ? ThreatWords.Acceptance(e) + "; " + t.Rule.Fix : t.Rule.Fix,
            };
            sb.Append("| ").Append(ThreatWords.Id(e.Status))
              .Append(" | ").Append(StepNames.SeverityId(t.Severity))
              .Append(" | ").Append(ThreatWords.Name(t.Stride)).Append(t.Cwe is null ? string.Empty : " (" + ThreatWords.Cwe(t.Cwe) + ")")
              .Append(" | **").Append(E(t.Key)).Append("**: ").Append(E(t.Message))
              .Append(" | ").Append(E(ThreatWords.Place(t, file)))
              .Append(" | ").Append(E(answer)).Append(" |\n");
        }

        sb.Append("\n## Data flows\n\n| Flow | Kind | Carries | Boundaries | Exposure | Authentication | In transit |\n|---|---|---|---|---|---|---|\n");
        foreach (var f in report.Flows)
        {
            sb.Append("| ").Append(E(f.Describe))
              .Append(" | ").Append(ThreatWords.Id(f.Kind))
              .Append(" | ").Append(f.Carries.IsEmpty ? "-" : E(string.Join(", ", f.Carries) + " (" + EnumNames.ToSnake(f.Classification) + ")"))
              .Append(" | ").Append(E((f.FromBoundary ?? "-") + " -> " + (f.ToBoundary ?? "-")))
              .Append(" | ").Append(ThreatWords.Id(f.Exposure))
              .Append(" | ").Append(E(f.Authn.ToString()))
              .Append(" | ").Append(E(f.InTransit.ToString())).Append(" |\n");
        }

        if (!report.Assumptions.IsEmpty)
        {
            sb.Append("\n## Assumed\n\n");
            foreach (var a in report.Assumptions)
            {
                sb.Append("- ").Append(E(a)).Append('\n');
            }
        }

        TerminalWriter.Over(writer).Write(sb.ToString());
    }

    private static string E(string text) => ReviewMarkdownRenderer.Escape(text);
}
