namespace Plumbline.Analysis.Review.Rules.Recovery;

/// <summary>A store whose writes are down longer in some failure than the tightest RTO its data or workflows state.</summary>
public sealed class RtoTargetUnmet : IRule
{
    public RuleInfo Info { get; } = new("rto-target-unmet", ProcessStep.Resilience, Severity.High,
        "A failure keeps a store down longer than the RTO allows",
        "The recovery time objective says how long the business can be without a store. A manual failover, a slow detection or a restore from backup takes longer than that in some failure, so the outage outlasts the promise even when everything goes to plan.",
        "Fail over automatically with copies in another zone or region (failover, replication), restore faster (smaller shards, a faster restore_rate, a warm standby instead of a restore), or state the RTO the design can keep and accept the gap with a reason.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var store in context.Recovery.Stores)
        {
            if (store.Rto is not { } target)
            {
                continue;
            }

            var misses = store.Domains.Where(d => d.Rto.Value is { } v && v > target.Seconds).ToList();
            if (misses.Count == 0)
            {
                continue;
            }

            var parts = misses.Select(d => $"{RecoveryText.Down(d.Rto.Value!.Value)} {RecoveryText.When(d.Scope)} ({d.Why}; {d.Rto.Formula})");
            yield return Info.At(context.KeySpan(store.Path), store.Component,
                $"{store.Component} is down {string.Join("; and ", parts)}, but {target.Source} allows {RecoveryText.Time(target.Seconds)} (rto, line {context.Design.SourceMap.LineOf(target.SourcePath)})");
        }
    }
}
