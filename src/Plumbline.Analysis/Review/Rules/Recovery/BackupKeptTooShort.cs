using Plumbline.Analysis.Recovery;

namespace Plumbline.Analysis.Review.Rules.Recovery;

/// <summary>Backups kept for less time than a mistake takes to notice (30 days, or the data's retention if shorter), or less than the time between them.</summary>
public sealed class BackupKeptTooShort : IRule
{
    public RuleInfo Info { get; } = new("backup-kept-too-short", ProcessStep.OnCall, Severity.Medium,
        "Backups are kept for less time than a mistake takes to notice",
        "Logical corruption is found late: a bad migration or a bug that rewrites records is often noticed weeks later, by a customer or a month-end report. Once the last backup from before the mistake has expired, the data cannot be brought back.",
        "Keep backups (backup.keep) at least 30 days, or as long as the data itself is kept if that is shorter, and longer than the time between backups.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var store in context.Recovery.Stores)
        {
            var component = context.Design.FindComponent(store.Component)!;
            if (component.Backup?.Keep is not { } keep)
            {
                continue;
            }

            var retention = store.Entities.Select(name => context.Design.Data.First(e => e.Name == name))
                .Select(e => e.RetainForever || e.Retention is null ? double.PositiveInfinity : e.Retention.Value.Seconds).DefaultIfEmpty(double.PositiveInfinity).Max();
            var needed = Math.Min(RecoveryDefaults.NoticeWindowSeconds, retention);
            var every = component.Backup.Every?.Seconds ?? 0;
            if (keep.Seconds < every)
            {
                yield return Info.At(context.Span(component.Path + "/backup/keep"), store.Component,
                    $"{store.Component} keeps backups for {RecoveryText.Time(keep.Seconds)}, less than the {RecoveryText.Time(every)} between them: most of the time no backup exists");
            }
            else if (keep.Seconds < needed)
            {
                var why = needed < RecoveryDefaults.NoticeWindowSeconds ? $"the {RecoveryText.Time(needed)} its data is kept" : "the 30 days a mistake can take to notice";
                yield return Info.At(context.Span(component.Path + "/backup/keep"), store.Component,
                    $"{store.Component} keeps backups for {RecoveryText.Time(keep.Seconds)}, less than {why}");
            }
        }
    }
}
