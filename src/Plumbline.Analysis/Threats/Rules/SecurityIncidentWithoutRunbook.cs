using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Compliance: regulated or restricted data and no runbook for a security incident.</summary>
public sealed class SecurityIncidentWithoutRunbook : ThreatRule
{
    private static readonly string[] Words = ["breach", "leak", "compromise", "compromised", "security incident", "intrusion", "exfiltration", "stolen"];

    public override RuleInfo Info { get; } = new("security-incident-without-runbook", ProcessStep.Security, Severity.Medium,
        "No runbook answers a security incident",
        "Regulations with breach duties (GDPR's 72 hours, HIPAA's breach notification, PCI DSS 12.10, SOC 2 CC7) expect a rehearsed response; without a runbook the first hours of a breach go to deciding who does what.",
        "Add a runbook for a data breach or compromised credential: how it is detected, who is told, how keys are rotated and access revoked, and who notifies whom by when.");

    public override Stride Stride => Stride.InformationDisclosure;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        var regimes = context.Regimes.ToList();
        var restricted = context.Design.Data.Any(e => e.Classification == Classification.Restricted);
        if (regimes.Count == 0 && !restricted)
        {
            yield break;
        }

        var runbooks = context.Design.Operations.Runbooks;
        var answer = runbooks.FirstOrDefault(r => Words.Any(w => r.Failure.Contains(w, StringComparison.OrdinalIgnoreCase)));
        var why = regimes.Count > 0 ? $"the design is under {string.Join(", ", regimes)}" : "the design keeps restricted data";
        yield return Answered(context, "runbooks", "/operations/runbooks",
            $"{why}, and no runbook's failure names a breach, leak or compromise",
            Severity.Medium, answer is null ? null : $"runbook '{answer.Failure}' ({ThreatModel.Dotted(answer.Path)})");
    }
}
