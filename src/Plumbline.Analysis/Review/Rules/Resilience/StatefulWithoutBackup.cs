using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Plumbline.Design.Text;
using Plumbline.Design.Units;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>
/// A store of record with no backup: replicas copy a bad write or a dropped table as faithfully as a good one.
/// It looks at what the component keeps: data derived from elsewhere (<c>derived_from</c>) is not the only copy,
/// and data kept a day or less has expired before a daily backup could bring it back.
/// </summary>
public sealed class StatefulWithoutBackup : IRule
{
    /// <summary>Data kept this long or less is gone before a daily backup could restore it.</summary>
    public static readonly Duration Ephemeral = Duration.FromDays(1);

    public RuleInfo Info { get; } = new("stateful-without-backup", ProcessStep.Resilience, Severity.High,
        "A stateful store has no backup",
        "Replication protects against losing a machine, not against losing data: a bug, a bad migration or an operator's mistake replicates instantly, and only a backup taken before it brings the data back.",
        "Add backup: { every, keep, restore_tested } to the store: point-in-time recovery or snapshots at least daily, kept long enough to notice a mistake, and a restore drill on the calendar. A service cannot take backup: keep its data in a store that is backed up, or, if the data is a copy rebuilt from elsewhere, name its source in the entity's derived_from.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var owned = context.Design.Data.Where(e => e.Owner is not null).GroupBy(e => e.Owner!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var component in context.Design.Components)
        {
            if (component.Backup is not null || component.Kind is ComponentKind.Cache or ComponentKind.Queue or ComponentKind.External or ComponentKind.Client)
            {
                continue;
            }

            var all = owned.GetValueOrDefault(component.Name) ?? [];
            var records = all.Where(e => !e.IsDerived && !(e.Retention is { } r && r <= Ephemeral && !e.RetainForever)).ToList();
            var storeOfRecord = component.Kind is ComponentKind.Database or ComponentKind.ObjectStore;
            if (records.Count == 0 && (all.Count > 0 || !storeOfRecord))
            {
                continue; // everything it holds is derived or expires within a day
            }

            if (!storeOfRecord && !component.IsStateful)
            {
                continue;
            }

            var holds = records.Count > 0 ? $" but holds {string.Join(", ", records.Select(e => e.Name))}" : string.Empty;
            var fix = ComponentFields.AppliesTo("backup", component.Kind)
                ? "replicas copy a bad write or a dropped table as faithfully as a good one"
                : $"a {EnumNames.Text(component.Kind)} cannot take backup:, so keep them in a store that is backed up, or name what they are rebuilt from in derived_from";
            yield return Info.At(context.KeySpan(component.Path), component.Name,
                $"{component.Name} ({EnumNames.Text(component.Kind)}) has no backup{holds}; {fix}");
        }
    }
}
