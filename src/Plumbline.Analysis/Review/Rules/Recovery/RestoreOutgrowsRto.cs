namespace Plumbline.Analysis.Review.Rules.Recovery;

/// <summary>A restore that meets the RTO today but not once the data has grown: with the month it stops.</summary>
public sealed class RestoreOutgrowsRto : IRule
{
    public RuleInfo Info { get; } = new("restore-outgrows-rto", ProcessStep.OnCall, Severity.Medium,
        "A restore will outgrow the RTO as the data grows",
        "A restore takes as long as the data takes to copy back, and the data grows every month: the drill that took 40 minutes at launch takes six hours in year three, while the RTO stays where it was. The gap opens silently unless someone does the arithmetic.",
        "Plan for the month it happens: shard the store further (each shard restores in parallel), restore faster (backup.restore_rate, snapshots that restore lazily), keep a warm standby in another zone or region so a restore is the last resort, or archive old data out of the store.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var store in context.Recovery.Stores)
        {
            if (store.RestoreOutgrowsRtoMonth is not { } month || store.Rto is not { } target)
            {
                continue;
            }

            var today = store.Restore[0].Value ?? 0;
            var last = store.Restore[^1];
            var horizon = context.Recovery.HorizonsMonths[^1];
            yield return Info.At(context.KeySpan(store.Path + "/backup"), store.Component,
                RecoveryText.Invariant($"{store.Component} restores in {RecoveryText.Time(today)} today but in {RecoveryText.Time(last.Value ?? 0)} at {horizon:0.##} months; it passes the {RecoveryText.Time(target.Seconds)} RTO of {target.Source} in month {month:0}"));
        }
    }
}
