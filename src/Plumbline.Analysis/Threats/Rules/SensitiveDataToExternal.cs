using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Information disclosure: sensitive data goes to a third party the design grants nothing.</summary>
public sealed class SensitiveDataToExternal : ThreatRule
{
    public override RuleInfo Info { get; } = new("sensitive-data-to-external", ProcessStep.Security, Severity.High,
        "Sensitive data goes to a third party without a grant",
        "Data sent to a vendor is disclosed to the vendor, its subprocessors and its breaches; privacy law makes the sender answerable (a processor agreement, a transfer basis), and a review should see the decision made on purpose.",
        "Grant the external component the entities it receives (components.<vendor>.security.grants) once the transfer is agreed, or send less (a truncated or tokenised field).");

    public override Stride Stride => Stride.InformationDisclosure;

    public override int? Cwe => 359;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var flow in context.Model.Flows)
        {
            if (flow.Kind == FlowKind.Entry || !flow.IsSensitive || context.Design.FindComponent(flow.To) is not { Kind: ComponentKind.External } vendor)
            {
                continue;
            }

            var sensitive = flow.Carries.Where(n => context.Model.Entity(n) is { } e && (e.Pii || ThreatModel.Effective(e) >= Classification.Confidential)).ToList();
            var granted = vendor.Security is { } s && sensitive.All(n => s.Grants.Contains(n));
            yield return Answered(context, flow.Id, flow.Path,
                $"{flow.Describe} sends {string.Join(", ", sensitive)} to an external service",
                ThreatSeverity.Of(flow.Classification, Exposure.CrossBoundary),
                granted ? $"grants {string.Join(", ", sensitive)} ({ThreatModel.Dotted(vendor.Security!.Path + "/grants")})" : null);
        }
    }
}
