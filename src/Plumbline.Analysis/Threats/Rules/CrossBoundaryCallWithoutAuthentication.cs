using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Spoofing: a call crossing a trust boundary into a component that does not authenticate its caller.</summary>
public sealed class CrossBoundaryCallWithoutAuthentication : ThreatRule
{
    public override RuleInfo Info { get; } = new("cross-boundary-call-without-authentication", ProcessStep.Security, Severity.High,
        "A call crosses a trust boundary without authentication",
        "A component that accepts calls from another zone without checking who calls will take them from anything that can reach it in that zone: one compromised or misrouted host there acts as the legitimate caller.",
        "Authenticate the caller on this flow: mutual TLS or signed tokens (security.authn.services, the callee's security.authn, or the call's security.authn).");

    public override Stride Stride => Stride.Spoofing;

    public override int? Cwe => 306;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var flow in context.Model.Flows)
        {
            if (flow.Kind == FlowKind.Entry || !flow.CrossesBoundary || context.Design.FindComponent(flow.To)?.Kind == ComponentKind.External)
            {
                continue;
            }

            yield return Raise(context, flow.Id, flow.Path,
                $"{flow.Describe} crosses from {flow.FromBoundary ?? "no boundary"} into {flow.ToBoundary ?? "no boundary"} carrying {ThreatContext.Carrying(flow)}; its authentication is {flow.Authn}",
                ThreatSeverity.Of(ThreatContext.ImpactOf(flow), Exposure.CrossBoundary), flow.Authn);
        }
    }
}
