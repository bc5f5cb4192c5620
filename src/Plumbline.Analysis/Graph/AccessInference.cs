using Plumbline.Design.Model;

namespace Plumbline.Analysis.Graph;

/// <summary>Reads or writes, from the file or from the operation's name.</summary>
internal static class AccessInference
{
    private static readonly string[] WriteWords =
        ["insert", "write", "create", "update", "delete", "put", "post", "publish", "send", "set", "append", "save", "store", "upsert", "remove", "enqueue", "produce", "record", "charge", "capture", "refund", "transfer", "upload", "index", "ingest", "add", "patch"];

    // The words as they follow a separator, made once (this runs for every operation, several times per review).
    private static readonly string[] AfterUnderscore = [.. WriteWords.Select(w => "_" + w)];
    private static readonly string[] AfterDash = [.. WriteWords.Select(w => "-" + w)];

    public static AccessType Infer(Operation op)
    {
        if (op.Type is { } t)
        {
            return t;
        }

        var name = op.Name.ToLowerInvariant();
        for (var i = 0; i < WriteWords.Length; i++)
        {
            if (name.StartsWith(WriteWords[i], StringComparison.Ordinal) || name.Contains(AfterUnderscore[i], StringComparison.Ordinal) || name.Contains(AfterDash[i], StringComparison.Ordinal))
            {
                return AccessType.Write;
            }
        }

        return AccessType.Read;
    }
}
