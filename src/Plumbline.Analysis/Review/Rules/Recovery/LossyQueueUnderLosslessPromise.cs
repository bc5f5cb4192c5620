using Plumbline.Analysis.Recovery;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Recovery;

/// <summary>A queue of one copy that acknowledges writes a workflow promised never to lose (rpo: 0).</summary>
public sealed class LossyQueueUnderLosslessPromise : IRule
{
    public RuleInfo Info { get; } = new("queue-loses-acknowledged-writes", ProcessStep.Resilience, Severity.High,
        "A queue of one copy acknowledges writes that must never be lost",
        "A queue with one instance and no replication acknowledges a message as soon as that one machine has it. When the machine or its disk goes, every message not yet consumed goes with it, and the producer was already told it was safe: exactly what a \"nothing lost\" promise (rpo: 0) rules out.",
        "Keep every message on several brokers before acknowledging it (replication: { copies: 3, mode: quorum } with quorum.writes 2 of 3, acks=all), or have the producer keep the write (a transactional outbox) until the consumer has it.");

    /// <summary>A queue with one copy under a lossless promise; the RPO rule leaves it to this one.</summary>
    internal static bool Applies(StoreRecovery store) =>
        store.Kind == ComponentKind.Queue && store.Copies.Value == 1 && (store.LosslessWorkflows.Length > 0 || store.Rpo is { Seconds: 0 });

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var store in context.Recovery.Stores)
        {
            if (!Applies(store))
            {
                continue;
            }

            var promise = store.LosslessWorkflows.Length > 0
                ? (store.LosslessWorkflows.Length == 1 ? "workflow " : "workflows ") + string.Join(", ", store.LosslessWorkflows)
                : store.Rpo!.Source;
            yield return Info.At(context.KeySpan(store.Path), store.Component,
                $"{store.Component} keeps one copy of each message and acknowledges it at once, so losing its instance loses every message not yet consumed; {promise} promise{(store.LosslessWorkflows.Length == 1 || store.LosslessWorkflows.IsEmpty ? "s" : string.Empty)} nothing is lost (rpo: 0)");
        }
    }
}
