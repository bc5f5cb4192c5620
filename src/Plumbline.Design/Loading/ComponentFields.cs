using System.Collections.Immutable;
using Plumbline.Design.Model;

namespace Plumbline.Design.Loading;

/// <summary>
/// The component fields that only some kinds take (a cache's <c>hit_ratio</c>, a queue's <c>consumers</c>,
/// a store's <c>partitions</c>...); every other component field applies to every kind. The binder refuses a
/// field on a kind it does not apply to, and a test holds the JSON Schema's per-kind branches to this table,
/// so an editor completes exactly what the loader accepts.
/// </summary>
public static class ComponentFields
{
    private static readonly ImmutableArray<ComponentKind> Stores =
        [ComponentKind.Database, ComponentKind.Cache, ComponentKind.ObjectStore, ComponentKind.Search, ComponentKind.Queue];

    private static readonly ImmutableArray<ComponentKind> Hosted =
        [.. Enum.GetValues<ComponentKind>().Where(k => k is not (ComponentKind.Client or ComponentKind.External))];

    /// <summary>Each kind-specific field, the kinds that take it, and how a message names them; in the order the binder checks them.</summary>
    public static ImmutableArray<KindSpecificField> KindSpecific { get; } =
    [
        new("hit_ratio", "caches and CDNs", [ComponentKind.Cache, ComponentKind.Cdn]),
        new("consumers", "queues", [ComponentKind.Queue]),
        new("dead_letter", "queues", [ComponentKind.Queue]),
        new("partitions", "queues and stores", Stores),
        new("storage_per_node", "stores", Stores),
        new("shard_key", "stores", Stores),
        new("model", "stores", Stores),
        new("backup", "stores", Stores),
        new("storage_class", "stores", Stores),
        new("runs_on", "every kind but client and external", Hosted),
        new("size", "every kind but client and external", Hosted),
        new("cells", "every kind but client and external", Hosted),
        new("admission", "every kind but client and external", Hosted),
        new("quorum", "stores", Stores),
        new("consistency", "stores", Stores),
        new("replication", "stores", Stores),
        new("failover", "stores", Stores),
    ];

    /// <summary>Whether a component of <paramref name="kind"/> takes <paramref name="field"/> (any field of <see cref="FormatKeys"/>' component).</summary>
    public static bool AppliesTo(string field, ComponentKind kind)
    {
        foreach (var entry in KindSpecific)
        {
            if (string.Equals(entry.Field, field, StringComparison.Ordinal))
            {
                return entry.Kinds.Contains(kind);
            }
        }

        return FormatKeys.All["component"].Contains(field, StringComparer.Ordinal);
    }
}

/// <summary>A component field only some kinds take.</summary>
/// <param name="Field">The key in the design file.</param>
/// <param name="AppliesTo">How a message names the kinds that take it ("caches and CDNs").</param>
/// <param name="Kinds">The kinds that take it.</param>
public sealed record KindSpecificField(string Field, string AppliesTo, ImmutableArray<ComponentKind> Kinds);
