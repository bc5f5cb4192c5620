using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>A store of record with no backup: replicas copy a bad write or a dropped table as faithfully as a good one.</summary>
public sealed class StatefulWithoutBackup : IRule
{
    public RuleInfo Info { get; } = new("stateful-without-backup", ProcessStep.Resilience, Severity.High,
        "A stateful store has no backup",
        "Replication protects against losing a machine, not against losing data: a bug, a bad migration or an operator's mistake replicates instantly, and only a backup taken before it brings the data back.",
        "Add backup: { every, keep, restore_tested } to the store: point-in-time recovery or snapshots at least daily, kept long enough to notice a mistake, and a restore drill on the calendar.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var owners = context.Design.Data.Where(e => e.Owner is not null).GroupBy(e => e.Owner!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Name).ToList(), StringComparer.Ordinal);
        foreach (var component in context.Design.Components)
        {
            if (component.Backup is not null || component.Kind is ComponentKind.Cache or ComponentKind.Queue or ComponentKind.External or ComponentKind.Client)
            {
                continue;
            }

            var entities = owners.GetValueOrDefault(component.Name) ?? [];
            var storeOfRecord = component.Kind is ComponentKind.Database or ComponentKind.ObjectStore;
            if (!storeOfRecord && !(component.IsStateful && entities.Count > 0))
            {
                continue;
            }

            var holds = entities.Count > 0 ? $" but holds {string.Join(", ", entities)}" : string.Empty;
            yield return Info.At(context.KeySpan(component.Path), component.Name,
                $"{component.Name} ({EnumNames.Text(component.Kind)}) has no backup{holds}; replicas copy a bad write or a dropped table as faithfully as a good one");
        }
    }
}
