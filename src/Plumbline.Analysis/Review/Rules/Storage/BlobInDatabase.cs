using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Storage;

/// <summary>Large binary records (blob access, or records over 1 MB) kept in a database, cache, index or queue instead of an object store.</summary>
public sealed class BlobInDatabase : IRule
{
    public RuleInfo Info { get; } = new("blob-in-database", ProcessStep.Storage, Severity.Medium,
        "Blobs are stored in a database instead of an object store",
        "Large values make every replica, backup, restore, cache and query that touches them slow and expensive, and many stores cap value sizes; an object store holds them for a fraction of the price.",
        "Put the bytes in an object store (with a CDN in front if they are served to users) and keep only their key and metadata in the database.");

    private const string GenericReason = "large values bloat storage, replication and backups; keep the bytes in an object store and their key in the record";

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        foreach (var entity in design.Data)
        {
            if (entity.Owner is not { } ownerName || design.FindComponent(ownerName) is not { } owner
                || owner.Kind is not (ComponentKind.Database or ComponentKind.Cache or ComponentKind.Search or ComponentKind.Queue))
            {
                continue;
            }

            var model = StorageFit.ModelOf(owner, out _);
            if (model == StorageModel.Object)
            {
                continue;
            }

            var blobIndex = -1;
            for (var j = 0; j < entity.Access.Length && blobIndex < 0; j++)
            {
                blobIndex = entity.Access[j].Kind == AccessPatternKind.Blob ? j : -1;
            }

            var big = entity.RecordSize is { } size && size.Bytes > StorageFit.BlobRecordBytes;
            if (blobIndex < 0 && !big)
            {
                continue;
            }

            var reason = owner.Kind == ComponentKind.Queue
                ? "brokers cap message sizes (1 MB by default in Kafka) and every consumer re-reads the bytes; publish the object's key, not its content"
                : model is { } m && StorageFit.Find(AccessPatternKind.Blob, m) is { } entry ? entry.Reason : GenericReason;
            var where = model is { } known ? $"{owner.Name} ({EnumNames.Text(known)})" : owner.Name;
            yield return big
                ? Info.At(context.Span(entity.Path + "/record_size"), entity.Name,
                    $"{entity.Name} records are {entity.RecordSize} each, over the 1MB blob line, and live in {where}: {reason}", Severity.High)
                : Info.At(context.Span($"{entity.Path}/access/{blobIndex}"), entity.Name,
                    $"{entity.Name} is accessed as a blob but lives in {where}: {reason}");
        }
    }
}
