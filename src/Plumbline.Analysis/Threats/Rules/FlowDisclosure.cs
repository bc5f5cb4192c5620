using Plumbline.Analysis.Review;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Information disclosure: sensitive data travels unencrypted.</summary>
public sealed class FlowDisclosure : ThreatRule
{
    public override RuleInfo Info { get; } = new("flow-disclosure", ProcessStep.Security, Severity.High,
        "Sensitive data travels unencrypted",
        "Traffic in plaintext can be read by anything on the path: a packet capture on a shared host, a mirrored port, a proxy's log. Inside a data centre as outside it, sensitive data in clear is one misstep from a breach.",
        "Encrypt the flow with TLS: security.encryption.in_transit, the callee's security.in_transit, or the call's security.in_transit.");

    public override Stride Stride => Stride.InformationDisclosure;

    public override int? Cwe => 319;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var flow in context.Model.Flows)
        {
            if (!flow.IsSensitive)
            {
                continue;
            }

            var path = flow.Kind == FlowKind.Entry ? context.WorkflowOf(flow)!.Path : flow.Path;
            yield return Raise(context, flow.Id, path,
                $"{flow.Describe} carries {ThreatContext.Carrying(flow)} {ThreatContext.Describe(flow.Exposure)}; its encryption in transit is {flow.InTransit}",
                ThreatContext.SeverityOf(flow), flow.InTransit);
        }
    }
}
