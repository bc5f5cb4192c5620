using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Spoofing: anything that reaches a queue can publish to it, and its consumers trust what they get.</summary>
public sealed class QueueAcceptsUnauthenticatedProducers : ThreatRule
{
    public override RuleInfo Info { get; } = new("queue-accepts-unauthenticated-producers", ProcessStep.Security, Severity.Medium,
        "A queue takes messages from producers it does not authenticate",
        "Consumers act on whatever the queue delivers; if publishing needs no credential, any process that reaches the broker can forge work for them (a refund, a notification, a record).",
        "Authenticate producers to the broker (mtls, SASL/SCRAM, IAM) with the queue's security.authn or security.authn.services, and authorise which may publish.");

    public override Stride Stride => Stride.Spoofing;

    public override int? Cwe => 345;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var flow in context.Model.Flows)
        {
            if (flow.Kind is FlowKind.Entry or FlowKind.Delivery || context.Design.FindComponent(flow.To)?.Kind != ComponentKind.Queue)
            {
                continue;
            }

            yield return Raise(context, flow.Id, flow.Path,
                $"{flow.Describe} publishes {ThreatContext.Carrying(flow)}; the queue's authentication of producers is {flow.Authn}",
                ThreatContext.SeverityOf(flow), flow.Authn);
        }
    }
}
