namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>A backup whose restore was never tested, or not for six months: it may not restore, or not in time.</summary>
public sealed class BackupRestoreUntested : IRule
{
    /// <summary>A restore test older than this many days no longer counts: about six months.</summary>
    public const int MaxAgeDays = 183;

    public RuleInfo Info { get; } = new("backup-restore-untested", ProcessStep.Resilience, Severity.Medium,
        "A backup's restore is untested or stale",
        "A backup is only as good as the last restore that worked: formats, permissions, sizes and runbooks drift, and the first real restore is the worst time to find out it takes two days or fails.",
        "Run a restore drill (into a scratch environment, timed against the recovery-time objective) at least every six months and record its date in backup.restore_tested.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var today = context.Options.Today;
        foreach (var component in context.Design.Components)
        {
            if (component.Backup is not { } backup)
            {
                continue;
            }

            if (backup.RestoreTested is not { } tested)
            {
                yield return Info.At(context.KeySpan(component.Path + "/backup"), component.Name,
                    $"{component.Name} is backed up but no restore has been tested (no backup.restore_tested)");
                continue;
            }

            var age = today.DayNumber - tested.DayNumber;
            if (age > MaxAgeDays)
            {
                yield return Info.At(context.Span(component.Path + "/backup/restore_tested"), component.Name,
                    $"{component.Name}'s last restore test was on {tested:yyyy-MM-dd}, {age} days before {today:yyyy-MM-dd}, more than six months ago");
            }
        }
    }
}
