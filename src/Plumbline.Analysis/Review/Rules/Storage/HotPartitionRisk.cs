using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Storage;

/// <summary>
/// A shard key that concentrates load: a time-ordered field (every new write lands on the newest
/// shard) or a field with few distinct values (the biggest value sets one shard's load); or a
/// time_series pattern keyed by time first on a store that partitions by its key.
/// </summary>
public sealed class HotPartitionRisk : IRule
{
    public RuleInfo Info { get; } = new("hot-partition-risk", ProcessStep.Storage, Severity.Medium,
        "The shard key will create hot partitions",
        "Sharding only adds capacity if the load spreads; a time-ordered key sends every write to one shard and a low-cardinality key caps the shard count and overloads the shard of the biggest value, so the cluster saturates while most nodes idle.",
        "Shard on a high-cardinality field that spreads writes (a user, account or device id), or lead with one and add the time or category after it (a compound key such as (device, day)).");

    private static readonly HashSet<string> TimeFields = new(StringComparer.Ordinal)
    {
        "created_at", "updated_at", "inserted_at", "posted_at", "timestamp", "ts", "time", "datetime", "date", "day", "week", "month", "year", "hour", "minute", "sequence", "seq",
    };

    private static readonly HashSet<string> FewValueFields = new(StringComparer.Ordinal)
    {
        "status", "state", "country", "region", "type", "kind", "category", "gender", "language", "locale", "currency", "tier", "plan", "priority",
        "enabled", "active", "deleted", "flag", "bool", "boolean", "visibility",
    };

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        foreach (var component in design.Components)
        {
            if (string.IsNullOrWhiteSpace(component.ShardKey))
            {
                continue;
            }

            var fields = Fields(component.ShardKey);
            if (fields.Count == 0 || !fields.All(f => IsTime(f) || IsFewValued(f)) || SkewStated(context, component))
            {
                continue; // a skew stated over the shard key replaces the guess from its name: hot-key-over-capacity holds its figures
            }

            var explanation = fields.All(IsTime)
                ? "a time-ordered key: every new write lands on the shard holding the newest range while the others idle"
                : "a key with few distinct values: there can be no more shards than values, and the biggest value (the largest country, the commonest status) loads one shard";
            yield return Info.At(context.Span(component.Path + "/shard_key"), component.Name,
                $"{component.Name} is sharded on {component.ShardKey}, {explanation}",
                component.Instances > 1 || component.Partitions > 1 ? Severity.Medium : Severity.Low);
        }

        foreach (var entity in design.Data)
        {
            if (entity.Owner is not { } ownerName || design.FindComponent(ownerName) is not { } owner
                || StorageFit.ModelOf(owner, out _) is not (StorageModel.WideColumn or StorageModel.KeyValue or StorageModel.Document))
            {
                continue;
            }

            for (var j = 0; j < entity.Access.Length; j++)
            {
                var pattern = entity.Access[j];
                if (pattern.Kind != AccessPatternKind.TimeSeries || pattern.Fields.Length == 0 || !IsTime(Normalise(pattern.Fields[0])))
                {
                    continue;
                }

                var series = pattern.Fields.Length > 1 ? $"lead with {pattern.Fields[1]} and bucket the time after it" : "key each point by the series it belongs to first, then the time";
                yield return Info.At(context.Span($"{entity.Path}/access/{j}"), $"{entity.Name}:time_series",
                    $"{entity.Name} is keyed by {pattern.Text} in {owner.Name}, time first: every write goes to the newest time range, one partition at a time; {series}");
                break;
            }
        }
    }

    /// <summary>
    /// Whether the design states how its traffic falls on <paramref name="store"/>'s shard key: a skew on that key of an
    /// entity the store owns, or of a workflow that reaches the store.
    /// </summary>
    private static bool SkewStated(ReviewContext context, Component store)
    {
        var key = store.ShardKey!.Trim().TrimStart('(').TrimEnd(')');
        bool Over(Skew? skew) => skew?.Key is { } k && KeyNames.Same(k, key);
        return context.Design.Data.Any(e => e.Owner == store.Name && Over(e.Skew))
            || context.Design.Workflows.Any(w => Over(w.Skew) && context.ComponentsOf(w).Contains(store.Name));
    }

    internal static bool IsTime(string field) =>
        TimeFields.Contains(field) || field.EndsWith("_at", StringComparison.Ordinal) || field.EndsWith("_time", StringComparison.Ordinal)
        || field.EndsWith("_date", StringComparison.Ordinal) || field.EndsWith("_ts", StringComparison.Ordinal) || field.EndsWith("_day", StringComparison.Ordinal);

    internal static bool IsFewValued(string field) =>
        FewValueFields.Contains(field) || field.StartsWith("is_", StringComparison.Ordinal) || field.StartsWith("has_", StringComparison.Ordinal)
        || field.EndsWith("_status", StringComparison.Ordinal) || field.EndsWith("_type", StringComparison.Ordinal) || field.EndsWith("_country", StringComparison.Ordinal);

    /// <summary>The fields of a shard key, normalised: "(Device, Day)" is device and day; "createdAt" is created_at.</summary>
    internal static List<string> Fields(string shardKey) =>
        [.. shardKey.Trim().TrimStart('(').TrimEnd(')').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Normalise)];

    private static string Normalise(string field)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            if (char.IsAsciiLetterUpper(c) && i > 0 && char.IsAsciiLetterLower(field[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }

        return builder.ToString().Trim('_');
    }
}
