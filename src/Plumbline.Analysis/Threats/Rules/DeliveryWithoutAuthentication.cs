using Plumbline.Analysis.Review;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Spoofing: a consumer takes deliveries without authenticating to the broker.</summary>
public sealed class DeliveryWithoutAuthentication : ThreatRule
{
    public override RuleInfo Info { get; } = new("delivery-without-authentication", ProcessStep.Security, Severity.Medium,
        "A consumer reads a queue without authenticating",
        "A consumer that needs no credential to read can be joined by any process that reaches the broker, which then receives (and acknowledges away) messages meant for the real consumer.",
        "Authenticate consumers to the broker (mtls, SASL, IAM) with the consumer's security.authn or security.authn.services.");

    public override Stride Stride => Stride.Spoofing;

    public override int? Cwe => 306;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var flow in context.Model.Flows)
        {
            if (flow.Kind != FlowKind.Delivery || flow.Carries.IsEmpty)
            {
                continue;
            }

            yield return Raise(context, flow.Id, flow.Path,
                $"{flow.Describe} delivers {ThreatContext.Carrying(flow)}; the consumer's authentication is {flow.Authn}",
                ThreatContext.SeverityOf(flow), flow.Authn);
        }
    }
}
