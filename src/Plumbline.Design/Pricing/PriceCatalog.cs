using System.Collections.Frozen;
using System.Collections.Immutable;
using Plumbline.Design.Model;
using Plumbline.Design.Units;

namespace Plumbline.Design.Pricing;

/// <summary>
/// A price catalog: what compute, storage, transfer and managed services cost, each price with the
/// source it was read from. Read from a catalog file by <see cref="CatalogLoader"/>; immutable, with
/// its lookups built once when it is made. All amounts are in <see cref="Currency"/>.
/// </summary>
public sealed class PriceCatalog
{
    private readonly FrozenDictionary<string, InstanceType> _instances;
    private readonly FrozenDictionary<string, StorageClass> _storage;
    private readonly FrozenDictionary<string, TransferPrice> _transfer;
    private readonly FrozenDictionary<string, ServicePrice> _services;
    private readonly FrozenDictionary<string, PriceSource> _sources;

    public PriceCatalog(
        string name,
        string? provider,
        string? region,
        string currency,
        CatalogConventions conventions,
        ImmutableArray<PriceSource> sources,
        ImmutableArray<InstanceType> instances,
        ImmutableArray<StorageClass> storage,
        ImmutableArray<TransferPrice> transfer,
        ImmutableArray<ServicePrice> services,
        ImmutableArray<MissingPrice> missing,
        string origin)
    {
        Name = name;
        Provider = provider;
        Region = region;
        Currency = currency;
        Conventions = conventions;
        Sources = sources;
        Instances = instances;
        Storage = storage;
        Transfer = transfer;
        Services = services;
        Missing = missing;
        Origin = origin;
        _sources = First(sources, s => s.Name);
        _instances = First(instances, i => i.Name);
        _storage = First(storage, s => s.Name);
        _transfer = First(transfer, t => t.Name);
        _services = First(services, s => s.Name);
    }

    /// <summary>The catalog's name, such as <c>aws-us-east-1</c>.</summary>
    public string Name { get; }

    public string? Provider { get; }

    public string? Region { get; }

    /// <summary>Three upper-case letters; every amount in the catalog is in this currency.</summary>
    public string Currency { get; }

    public CatalogConventions Conventions { get; }

    public ImmutableArray<PriceSource> Sources { get; }

    /// <summary>Compute instance types and managed database classes, in file order.</summary>
    public ImmutableArray<InstanceType> Instances { get; }

    public ImmutableArray<StorageClass> Storage { get; }

    public ImmutableArray<TransferPrice> Transfer { get; }

    public ImmutableArray<ServicePrice> Services { get; }

    /// <summary>Prices the catalog says it does not have.</summary>
    public ImmutableArray<MissingPrice> Missing { get; }

    /// <summary>Where the catalog came from: <c>default</c> or the path of the user's file.</summary>
    public string Origin { get; }

    public InstanceType? FindInstance(string name) => _instances.GetValueOrDefault(name);

    public StorageClass? FindStorage(string name) => _storage.GetValueOrDefault(name);

    public TransferPrice? FindTransfer(string name) => _transfer.GetValueOrDefault(name);

    public ServicePrice? FindService(string name) => _services.GetValueOrDefault(name);

    public PriceSource? FindSource(string name) => _sources.GetValueOrDefault(name);

    // The binder reports duplicate names; if one slips through, the first in file order wins.
    private static FrozenDictionary<string, T> First<T>(ImmutableArray<T> items, Func<T, string> key)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            map.TryAdd(key(item), item);
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

/// <summary>What "GB" means in a catalog's prices.</summary>
public enum GigabyteUnit
{
    /// <summary>2^30 bytes, as AWS bills.</summary>
    GiB,

    /// <summary>10^9 bytes.</summary>
    GB,
}

/// <summary>How a catalog's prices are to be read.</summary>
/// <param name="HoursPerMonth">Hours of an always-on instance in a month, such as 730; more than zero.</param>
/// <param name="Gigabyte">What "GB" in a price and in a tier bound means.</param>
/// <param name="FreeAllowances">Whether the free monthly allowances given with prices are subtracted.</param>
public sealed record CatalogConventions(decimal HoursPerMonth, GigabyteUnit Gigabyte, bool FreeAllowances, string? Note)
{
    /// <summary>Bytes in one billed GB: 1,073,741,824 or 1,000,000,000.</summary>
    public decimal BytesPerGigabyte => Gigabyte == GigabyteUnit.GiB ? 1_073_741_824m : 1_000_000_000m;
}

/// <summary>Where prices were read, and when.</summary>
/// <param name="Url">The page the figures were read from.</param>
/// <param name="PricingPage">The provider's own pricing page, when the figures were read elsewhere.</param>
/// <param name="ReadOn">The day the figures were read; the review flags catalogs read long ago.</param>
public sealed record PriceSource(string Name, string Url, string? PricingPage, DateOnly ReadOn, DateOnly? Published, string? Note, string Path);

/// <summary>What an instance type is built for.</summary>
public enum InstanceFamily
{
    General,
    Compute,
    Memory,
    Burstable,
    Storage,
    Accelerated,
}

/// <summary>
/// A compute instance type or a managed database class, priced per hour per instance.
/// <see cref="Engine"/> is set for a managed database class (<c>databases:</c>), null for a compute type.
/// </summary>
public sealed record InstanceType(
    string Name,
    InstanceFamily? Family,
    string? Arch,
    string? Engine,
    int Vcpu,
    ByteSize Memory,
    decimal PerHour,
    string Source,
    string? Note,
    string Path)
{
    public bool IsManagedDatabase => Engine is not null;

    /// <summary>The design path of the <c>cost.prices</c> entry that replaced the catalog's price, or null.</summary>
    public string? OverriddenAt { get; init; }
}

/// <summary>One tier of a tiered price: <see cref="Price"/> applies up to the cumulative <see cref="UpTo"/>; null on the last tier.</summary>
/// <param name="UpTo">In the price's unit: billed GB for data, requests for requests.</param>
public sealed record PriceTier(decimal? UpTo, decimal Price);

/// <summary>
/// A price per unit, flat or in cumulative tiers, with a free monthly allowance. A flat price is
/// one tier with no bound. Units: billed GB (storage per month, transfer) or <see cref="Per"/> requests.
/// </summary>
/// <param name="Per">How many units the tier prices are for: 1 for data, 1,000 for "per 1K requests".</param>
/// <param name="Free">Free units each month (before <see cref="Per"/> is applied).</param>
public sealed record TieredPrice(ImmutableArray<PriceTier> Tiers, decimal Per, decimal Free)
{
    public static TieredPrice Flat(decimal price, decimal per = 1, decimal free = 0) => new([new PriceTier(null, price)], per, free);
}

/// <summary>A price for requests. <see cref="PerMessage"/> and <see cref="Chunk"/> describe how a queue counts them.</summary>
/// <param name="PerMessage">Requests one queue message costs (send, receive, delete); 1 when not a queue.</param>
/// <param name="Chunk">A request counts once per this much payload, or null when size does not matter.</param>
/// <param name="Source">The source of this price when it is not the one of the storage class or service it belongs to.</param>
public sealed record RequestPrice(TieredPrice Price, int PerMessage, ByteSize? Chunk, string? Source);

/// <summary>What a storage class stores.</summary>
public enum StorageKind
{
    Object,
    Block,
    Database,
}

/// <summary>A storage class: a price per GB-month, and for object storage the price of its requests.</summary>
public sealed record StorageClass(
    string Name,
    StorageKind Kind,
    TieredPrice PerGbMonth,
    RequestPrice? Writes,
    RequestPrice? Reads,
    string Source,
    string? Note,
    string Path)
{
    /// <summary>The design path of the <c>cost.prices</c> entry that replaced the catalog's price per GB-month, or null.</summary>
    public string? OverriddenAt { get; init; }
}

/// <summary>Data transfer out, priced per GB; <c>internet</c> is egress to the internet.</summary>
public sealed record TransferPrice(string Name, TieredPrice PerGb, string? Source, string? Note, string Path)
{
    /// <summary>The design path of the <c>cost.prices</c> entry that replaced the catalog's price per GB, or null.</summary>
    public string? OverriddenAt { get; init; }
}

/// <summary>Load balancer capacity units: a price per LCU-hour and the bytes processed in an hour that make one.</summary>
public sealed record LcuPrice(decimal PerHour, ByteSize ProcessedPerHour);

/// <summary>
/// A managed service priced by usage (a CDN, a load balancer, a queue, a serverless cache).
/// Every part is optional; what is null is not charged.
/// </summary>
/// <param name="Kind">The component kind it serves.</param>
/// <param name="PerHour">A fixed price per hour while it exists.</param>
/// <param name="StoredPerGbHour">Price per GB-hour of data stored.</param>
public sealed record ServicePrice(
    string Name,
    ComponentKind Kind,
    decimal? PerHour,
    LcuPrice? Lcu,
    TieredPrice? Transfer,
    RequestPrice? Requests,
    decimal? StoredPerGbHour,
    string Source,
    string? Note,
    string Path);

/// <summary>A price the catalog says it does not have.</summary>
public sealed record MissingPrice(string What, string? Note);
