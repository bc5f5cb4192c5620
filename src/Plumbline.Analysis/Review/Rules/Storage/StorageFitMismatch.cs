using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Storage;

/// <summary>
/// An entity's access pattern that its owning store's model serves badly: full-text search on a
/// key-value store, analytics on a row store at volume, point lookups on an OLAP store. The verdicts
/// and reasons come from <see cref="StorageFit"/>; blobs are left to <see cref="BlobInDatabase"/>.
/// </summary>
public sealed class StorageFitMismatch : IRule
{
    public RuleInfo Info { get; } = new("storage-fit-mismatch", ProcessStep.Storage, Severity.Medium,
        "An access pattern does not fit its store's model",
        "A store serves the access patterns its data model was built for; anything else becomes scans, round trips or a load on the primary that grows with the data, and moving data between stores later is a migration project.",
        "Serve the pattern from a store whose model fits it (a search index for full text, an OLAP store or roll-ups for aggregates, a time-series store for high-rate series), fed from the system of record, or change the owner's model.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        for (var i = 0; i < design.Data.Length; i++)
        {
            var entity = design.Data[i];
            if (entity.Owner is not { } ownerName || design.FindComponent(ownerName) is not { } owner
                || StorageFit.ModelOf(owner, out var inferred) is not { } model)
            {
                continue;
            }

            var records = i < context.Estimate.Storage.Length ? context.Estimate.Storage[i].Horizons[^1].Records.Value : null;
            var seen = new HashSet<AccessPatternKind>();
            for (var j = 0; j < entity.Access.Length; j++)
            {
                var pattern = entity.Access[j];
                if (pattern.Kind == AccessPatternKind.Blob || !seen.Add(pattern.Kind))
                {
                    continue;
                }

                if (StorageFit.Find(pattern.Kind, model) is not { } entry || entry.Level == StorageFitLevel.Good
                    || StorageFit.StrengthOf(owner, pattern.Kind) is not null
                    || !StorageFit.Holds(entry, entity, owner, records))
                {
                    continue;
                }

                var modelText = EnumNames.Text(model) + (inferred is null ? string.Empty : $", inferred from its {inferred}");
                yield return Info.At(context.Span($"{entity.Path}/access/{j}"), $"{entity.Name}:{EnumNames.Text(pattern.Kind)}",
                    $"{entity.Name} is accessed by {pattern.Text} in {owner.Name} ({modelText}){Scale(entry, entity, records, context)}: {entry.Reason}",
                    StorageFit.SeverityOf(entry.Level));
            }
        }
    }

    private static string Scale(StorageFitEntry entry, Entity entity, double? records, ReviewContext context) => entry.When switch
    {
        StorageFitCondition.AtVolume =>
            FormattableString.Invariant($" with {Quantities.Count(records ?? 0)} records at {context.Estimate.Options.Horizons[^1]:0.##} months"),
        StorageFitCondition.HighWriteRateOnOneNode =>
            FormattableString.Invariant($" at {entity.NewRecords?.PerSecond:0.#} new records/s on one instance"),
        StorageFitCondition.SmallRecords => $" with records of {entity.RecordSize}",
        _ => string.Empty,
    };
}
