using Plumbline.Design.Loading;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Recovery;

/// <summary>Confidential or restricted data kept in one copy with no backup.</summary>
public sealed class SensitiveDataSingleCopy : IRule
{
    public RuleInfo Info { get; } = new("sensitive-data-single-copy", ProcessStep.Storage, Severity.High,
        "Confidential or restricted data is kept in a single copy",
        "Data classified confidential or restricted is data the business is accountable for: customer records, money, health. Kept on one machine with no backup, one disk failure loses it for good, and no apology restores it.",
        "Keep at least a second copy in another zone (replicas, replication) and a backup in another place (backup: { every, keep, restore_tested }); a service takes neither, so keep the data in a store that does. Data that is a copy of what another store keeps says so in derived_from, and is not counted.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var store in context.Recovery.Stores)
        {
            var component = context.Design.FindComponent(store.Component)!;
            if (store.Copies.Value != 1 || component.Backup is not null)
            {
                continue;
            }

            var sensitive = store.Entities.Select(name => context.Design.Data.First(e => e.Name == name))
                .Where(e => e.Classification is Classification.Confidential or Classification.Restricted && !e.IsDerived).ToList();
            if (sensitive.Count == 0)
            {
                continue;
            }

            yield return Info.At(context.KeySpan(store.Path), store.Component,
                $"{store.Component} keeps {string.Join(", ", sensitive.Select(e => $"{e.Name} ({e.Classification!.Value.ToString().ToLowerInvariant()})"))} in one copy with no backup: losing {(ComponentFields.AppliesTo("backup", component.Kind) ? "its disk" : "the instance")} loses the data");
        }
    }
}
