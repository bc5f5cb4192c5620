using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Spoofing: a call to an external service with no TLS, so the vendor's identity is never checked.</summary>
public sealed class ExternalCallWithoutTls : ThreatRule
{
    public override RuleInfo Info { get; } = new("external-call-without-tls", ProcessStep.Security, Severity.High,
        "A call to an external service does not verify who answers",
        "Without TLS (and its certificate check) anything on the path can answer in the vendor's place: a DNS or routing mistake, or an attacker, receives the request and returns what it likes.",
        "Call the vendor over TLS with certificate verification: state the call's security.in_transit, the external component's security.in_transit, or security.encryption.in_transit.");

    public override Stride Stride => Stride.Spoofing;

    public override int? Cwe => 295;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var flow in context.Model.Flows)
        {
            if (flow.Kind == FlowKind.Entry || context.Design.FindComponent(flow.To)?.Kind != ComponentKind.External)
            {
                continue;
            }

            yield return Raise(context, flow.Id, flow.Path,
                $"{flow.Describe} calls an external service; its encryption in transit is {flow.InTransit}",
                ThreatSeverity.Of(ThreatContext.ImpactOf(flow), Exposure.CrossBoundary), flow.InTransit);
        }
    }
}
