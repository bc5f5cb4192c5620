using System.Collections.Frozen;

namespace Plumbline.Design.Pricing;

/// <summary>
/// The keys the catalog loader accepts in each object of price catalog format version 1, by the
/// object's name in <c>schema/plumbline-prices-v1.schema.json</c>'s <c>$defs</c>. The binder refuses
/// any other key, and a test holds the schema to this table.
/// </summary>
public static class CatalogKeys
{
    /// <summary>The catalog format version this build reads.</summary>
    public const int CurrentVersion = 1;

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> All { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["catalog"] = ["plumbline_prices", "name", "provider", "region", "currency", "conventions", "sources", "instances", "databases", "storage", "transfer", "services", "missing"],
        ["conventions"] = ["hours_per_month", "gigabyte", "free_allowances", "note"],
        ["price_source"] = ["url", "pricing_page", "published", "read_on", "note"],
        ["instance_type"] = ["family", "arch", "vcpu", "memory", "price", "source", "note"],
        ["database_class"] = ["engine", "vcpu", "memory", "price", "source", "note"],
        ["storage_class"] = ["kind", "price", "writes", "reads", "source", "note"],
        ["transfer"] = ["price", "free", "source", "note"],
        ["service_transfer"] = ["price", "free", "note"],
        ["size_tier"] = ["up_to", "price"],
        ["count_tier"] = ["up_to", "price"],
        ["request_price"] = ["price", "per", "free", "per_message", "chunk", "source"],
        ["service"] = ["kind", "price", "lcu", "transfer", "requests", "stored", "source", "note"],
        ["capacity_unit"] = ["price", "processed"],
        ["missing_price"] = ["what", "note"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    internal static FrozenDictionary<string, FrozenSet<string>> Sets { get; } =
        All.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
}
