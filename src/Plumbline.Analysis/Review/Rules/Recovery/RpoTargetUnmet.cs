namespace Plumbline.Analysis.Review.Rules.Recovery;

/// <summary>A store that loses more writes in some failure than the tightest RPO its data or workflows state.</summary>
public sealed class RpoTargetUnmet : IRule
{
    public RuleInfo Info { get; } = new("rpo-target-unmet", ProcessStep.Resilience, Severity.High,
        "A failure loses more data than the RPO allows",
        "The recovery point objective is a promise about data: after a failure, at most this much of the most recent writes may be gone. A store that replicates asynchronously, keeps one copy, or can only restore from a backup loses more than that in some failure, and the promise is broken the day that failure comes.",
        "Replicate synchronously or by quorum (replication.mode) with copies in other zones, or regions for a region's loss; take backups at least as often as the RPO for corruption (backup.every, continuous archiving); or state the RPO the design can keep and accept the gap with a reason.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var store in context.Recovery.Stores)
        {
            if (store.Rpo is not { } target || LossyQueueUnderLosslessPromise.Applies(store))
            {
                continue;
            }

            var misses = store.Domains.Where(d => d.Rpo.Value is { } v && v > target.Seconds).ToList();
            if (misses.Count == 0)
            {
                continue;
            }

            var parts = misses.Select(d => $"{RecoveryText.Loss(d.Rpo.Value!.Value)} {RecoveryText.When(d.Scope)} ({d.Why}; {d.Rpo.Formula})");
            yield return Info.At(context.KeySpan(store.Path), store.Component,
                $"{store.Component} loses {string.Join("; and ", parts)}, but {target.Source} allows {RecoveryText.Time(target.Seconds)} (rpo, line {context.Design.SourceMap.LineOf(target.SourcePath)})");
        }
    }
}
