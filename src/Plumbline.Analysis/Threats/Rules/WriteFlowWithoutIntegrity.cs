using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Tampering: a flow that changes data travels unencrypted, so nothing protects its integrity.</summary>
public sealed class WriteFlowWithoutIntegrity : ThreatRule
{
    public override RuleInfo Info { get; } = new("write-flow-without-integrity", ProcessStep.Security, Severity.High,
        "A write travels without integrity protection",
        "A write in plaintext can be altered on the way by anything on the path (a proxy, a compromised host, a misconfigured mirror); the store then keeps what the attacker sent, in the caller's name.",
        "Encrypt the flow with TLS (which authenticates every byte): security.encryption.in_transit, the callee's security.in_transit, or the call's security.in_transit.");

    public override Stride Stride => Stride.Tampering;

    public override int? Cwe => 924;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var flow in context.Model.Flows)
        {
            if (!flow.Writes || flow.Carries.IsEmpty || flow.Classification == Classification.Public)
            {
                continue;
            }

            var path = flow.Kind == FlowKind.Entry ? context.WorkflowOf(flow)!.Path : flow.Path;
            yield return Raise(context, flow.Id, path,
                $"{flow.Describe} writes {ThreatContext.Carrying(flow)} {ThreatContext.Describe(flow.Exposure)}; its encryption in transit is {flow.InTransit}",
                ThreatContext.SeverityOf(flow), flow.InTransit);
        }
    }
}
