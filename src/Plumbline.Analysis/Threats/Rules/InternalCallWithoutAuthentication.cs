using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Spoofing: a call inside one boundary carrying sensitive data with no service authentication.</summary>
public sealed class InternalCallWithoutAuthentication : ThreatRule
{
    public override RuleInfo Info { get; } = new("internal-call-without-authentication", ProcessStep.Security, Severity.Medium,
        "A call carries sensitive data inside a boundary without authentication",
        "A network boundary is one wall; once anything inside it is compromised, every service that trusts the network hands sensitive data to whoever asks (lateral movement).",
        "Authenticate service-to-service calls (mtls, signed tokens) with security.authn.services or the callee's security.authn.");

    public override Stride Stride => Stride.Spoofing;

    public override int? Cwe => 287;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var flow in context.Model.Flows)
        {
            if (flow.Kind is FlowKind.Entry or FlowKind.Delivery || flow.CrossesBoundary || !flow.IsSensitive
                || context.Design.FindComponent(flow.To)?.Kind is ComponentKind.External or ComponentKind.Queue or ComponentKind.Cache)
            {
                continue;
            }

            yield return Raise(context, flow.Id, flow.Path,
                $"{flow.Describe} carries {ThreatContext.Carrying(flow)} inside {flow.ToBoundary ?? "one network"}; its authentication is {flow.Authn}",
                ThreatSeverity.Of(flow.Classification, Exposure.Internal), flow.Authn);
        }
    }
}
