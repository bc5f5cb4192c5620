namespace Plumbline.Analysis.Review.Rules.Recovery;

/// <summary>A store less durable than the durability its data is promised.</summary>
public sealed class DurabilityTargetUnmet : IRule
{
    public RuleInfo Info { get; } = new("durability-target-unmet", ProcessStep.Storage, Severity.High,
        "A store is less durable than its data is promised",
        "Durability is the chance the data survives a year. It comes from the number of copies, how often one fails, how fast a lost one is replaced, and whether the copies can all be lost together; a promise of eleven nines on two copies in one zone is not kept by hope.",
        "Add copies, spread them over zones and regions, replace lost copies faster (replication.repair), or promise what the store delivers.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var store in context.Recovery.Stores)
        {
            if (store.DurabilityTarget is not { } target || store.Durability.Durability.Value is not { } durability || durability >= target.Durability)
            {
                continue;
            }

            var shared = store.Durability.SharedDomain is { } domain ? $"; every copy is in {domain}" : string.Empty;
            yield return Info.At(context.KeySpan(store.Path), store.Component,
                RecoveryText.Invariant($"{store.Component} loses data with a chance of {1 - durability:G3} a year ({store.Copies.Value:0} copies{shared}), more than the {1 - target.Durability:G3} that {target.Source}'s durability allows"));
        }
    }
}
