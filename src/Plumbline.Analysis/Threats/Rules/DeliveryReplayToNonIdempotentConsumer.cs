using Plumbline.Analysis.Review;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Tampering: a queue redelivers (or an attacker replays) a message to a consumer that applies it twice.</summary>
public sealed class DeliveryReplayToNonIdempotentConsumer : ThreatRule
{
    public override RuleInfo Info { get; } = new("delivery-replay-to-non-idempotent-consumer", ProcessStep.Security, Severity.Medium,
        "A consumer applies a replayed message twice",
        "Queues deliver at least once, and a replayed or duplicated message looks like a new one: a consumer that is not idempotent writes it again, silently altering counts, balances or records.",
        "Make the consumer operation idempotent (idempotent: true, with a message id or deduplication token it checks) so a redelivery changes nothing.");

    public override Stride Stride => Stride.Tampering;

    public override int? Cwe => 294;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var flow in context.Model.Flows)
        {
            if (flow.Kind != FlowKind.Delivery || !flow.Writes)
            {
                continue;
            }

            var consumer = context.Design.FindComponent(flow.To)?.FindOperation(flow.ToOperation);
            var answered = consumer?.Idempotent == true ? $"idempotent: true ({ThreatModel.Dotted(consumer.Path + "/idempotent")})" : null;
            yield return Answered(context, flow.Id, flow.Path,
                $"{flow.Describe} writes {ThreatContext.Carrying(flow)} and a redelivered message applies again unless the consumer is idempotent",
                ThreatContext.SeverityOf(flow), answered);
        }
    }
}
