using Plumbline.Analysis.Review;
using Plumbline.Analysis.Threats;
using Plumbline.Design.Text;
using Plumbline.Reporting.Review;

namespace Plumbline.Reporting.Threats;

/// <summary>
/// The threat model for a terminal: a header with counts by status and open severity, then the open threats
/// (<c>SEVERITY  path:line:col  [S] rule  message</c>, with key, CWE and the suggested mitigation), the accepted ones
/// with their reason and expiry, the mitigated ones with the control that answers each, and what was assumed.
/// With flows, the data flows too. Plain text: the caller's writer sanitises.
/// </summary>
public static class ThreatTextRenderer
{
    public static void Write(TextWriter writer, ThreatReport report, string file, bool flows = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        var open = report.Count(ThreatStatus.Open);
        writer.WriteLine($"Threat model for {T(report.System)}: {report.Threats.Length} threat{S(report.Threats.Length)} from {report.RuleCount} rules");
        writer.WriteLine($"  {open} open ({report.Open(Severity.High)} high, {report.Open(Severity.Medium)} medium, {report.Open(Severity.Low)} low, {report.Open(Severity.Info)} info), {report.Count(ThreatStatus.Accepted)} accepted, {report.Count(ThreatStatus.Mitigated)} mitigated");
        writer.WriteLine($"  {report.Flows.Length} data flow{S(report.Flows.Length)}, {report.Assets.Length} data asset{S(report.Assets.Length)}, {report.Boundaries.Length} trust boundar{(report.Boundaries.Length == 1 ? "y" : "ies")}");

        Section(writer, "Open", report.Threats.Where(t => t.Status == ThreatStatus.Open), e =>
        {
            writer.WriteLine($"  {StepNames.SeverityLabel(e.Threat.Severity),-6}  {T(ThreatWords.Place(e.Threat, file))}  [{ThreatWords.Letter(e.Threat.Stride)}] {e.Threat.Rule.Id}");
            writer.WriteLine($"          {T(e.Threat.Message)}");
            writer.WriteLine($"          key {T(e.Threat.Key)}{Cwe(e.Threat.Cwe)}");
            if (e.AcceptanceExpired)
            {
                writer.WriteLine($"          {T(ThreatWords.Acceptance(e))}");
            }

            writer.WriteLine($"          mitigate: {e.Threat.Rule.Fix}");
        });
        Section(writer, "Accepted", report.Threats.Where(t => t.Status == ThreatStatus.Accepted), e =>
        {
            writer.WriteLine($"  {StepNames.SeverityLabel(e.Threat.Severity),-6}  {T(ThreatWords.Place(e.Threat, file))}  [{ThreatWords.Letter(e.Threat.Stride)}] {e.Threat.Rule.Id}");
            writer.WriteLine($"          {T(e.Threat.Message)}");
            writer.WriteLine($"          key {T(e.Threat.Key)}{Cwe(e.Threat.Cwe)}");
            writer.WriteLine($"          {T(ThreatWords.Acceptance(e))}");
        });
        Section(writer, "Mitigated", report.Threats.Where(t => t.Status == ThreatStatus.Mitigated), e =>
            writer.WriteLine($"  [{ThreatWords.Letter(e.Threat.Stride)}] {T(e.Threat.Key)}  by {T(e.Threat.MitigatedBy!)}"));

        if (flows)
        {
            writer.WriteLine();
            writer.WriteLine("Data flows");
            foreach (var flow in report.Flows)
            {
                var carries = flow.Carries.IsEmpty ? "-" : string.Join(", ", flow.Carries);
                writer.WriteLine($"  {T(flow.Describe)}  [{ThreatWords.Id(flow.Kind)}, {ThreatWords.Id(flow.Exposure)}]  carries {T(carries)}  authn {T(flow.Authn.ToString())}  in transit {T(flow.InTransit.ToString())}");
            }
        }

        if (!report.Assumptions.IsEmpty)
        {
            writer.WriteLine();
            writer.WriteLine("Assumed");
            foreach (var assumption in report.Assumptions)
            {
                writer.WriteLine($"  - {T(assumption)}");
            }
        }

        if (open > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Accept a threat by its key under security.accepted_risks (finding, reason, owner, until); see docs/threats.md.");
        }
    }

    private static void Section(TextWriter writer, string title, IEnumerable<ThreatEntry> entries, Action<ThreatEntry> write)
    {
        var list = entries.ToList();
        if (list.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine($"{title} ({list.Count})");
        foreach (var entry in list)
        {
            write(entry);
        }
    }

    private static string Cwe(int? cwe) => cwe is null ? string.Empty : " · " + ThreatWords.Cwe(cwe);

    private static string S(int n) => n == 1 ? string.Empty : "s";

    private static string T(string text) => TerminalText.Escape(text);
}
