using System.Collections.Immutable;
using System.Globalization;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Loading.Binding;
using Plumbline.Design.Model;
using Plumbline.Design.Units;
using Plumbline.Design.Yaml;

namespace Plumbline.Design.Pricing.Binding;

/// <summary>
/// Turns a catalog's YAML tree into a <see cref="PriceCatalog"/>. Every problem is reported and
/// binding carries on, so one run shows all of them: unknown keys, bad units, prices in another
/// currency or with the wrong period, tiers out of order, sources that are not defined.
/// </summary>
internal sealed class CatalogBinder
{
    private readonly BindContext _context;
    private readonly List<(YamlScalar Name, string Path)> _sourceRefs = [];
    private string _currency = string.Empty;
    private decimal _bytesPerGigabyte = 1_073_741_824m;

    private CatalogBinder(BindContext context) => _context = context;

    public static PriceCatalog? Bind(YamlNode root, BindContext context, string origin) =>
        new CatalogBinder(context).BindRoot(root, origin);

    private PriceCatalog? BindRoot(YamlNode root, string origin)
    {
        var map = MapReader.Open(root, string.Empty, "catalog", _context, KeyTable.Catalog);
        if (map is null)
        {
            return null;
        }

        ReadVersion(map);
        var name = map.RequiredString("name", "the catalog's name, such as aws-us-east-1");
        var currency = map.Required("currency", "the currency of every price, such as USD");
        if (currency is not null)
        {
            if (currency.Value.Length == 3 && currency.Value.All(char.IsAsciiLetterUpper))
            {
                _currency = currency.Value;
            }
            else
            {
                _context.Report(DiagnosticCodes.WrongValue(currency.Span, "/currency", currency.Value, "a currency code of three upper-case letters, such as USD"));
            }
        }

        var conventions = ReadConventions(map);
        var sources = ReadSources(map);
        var instances = ReadInstances(map, "instances", "instance_type", "instance type");
        var databases = ReadInstances(map, "databases", "database_class", "database class");
        var storage = ReadStorage(map);
        var transfer = ReadTransfer(map);
        var services = ReadServices(map);
        var missing = ReadMissing(map);
        CheckSourceReferences(sources);
        ReportDuplicates(instances.Select(i => (i.Name, i.Path)).Concat(databases.Select(d => (d.Name, d.Path))), "instance type");

        return new PriceCatalog(
            name, map.String("provider"), map.String("region"), _currency, conventions, sources,
            instances.AddRange(databases), storage, transfer, services, missing, origin);
    }

    private void ReadVersion(MapReader map)
    {
        var scalar = map.Required("plumbline_prices", $"the catalog format version, {CatalogKeys.CurrentVersion}");
        if (scalar is not null
            && (!scalar.IsPlain || !int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version != CatalogKeys.CurrentVersion))
        {
            _context.Report(DiagnosticCodes.UnsupportedCatalogVersion(scalar.Span, "/plumbline_prices", scalar.Value, CatalogKeys.CurrentVersion));
        }
    }

    private CatalogConventions ReadConventions(MapReader root)
    {
        var map = root.Map("conventions", "conventions");
        if (map is null)
        {
            if (!root.Has("conventions"))
            {
                root.ReportMissing("conventions", "how the prices are read: hours_per_month, gigabyte and free_allowances");
            }

            return new CatalogConventions(730, GigabyteUnit.GiB, FreeAllowances: false, null);
        }

        if (!map.Has("hours_per_month"))
        {
            map.ReportMissing("hours_per_month", "the hours of an always-on instance in a month, such as 730");
        }

        if (!map.Has("gigabyte"))
        {
            map.ReportMissing("gigabyte", "GiB (2^30 bytes, as AWS bills) or GB (10^9 bytes)");
        }

        if (!map.Has("free_allowances"))
        {
            map.ReportMissing("free_allowances", "true to subtract the free monthly allowances, false to ignore them");
        }

        var conventions = new CatalogConventions(
            map.Decimal("hours_per_month", 0, 744) ?? 730,
            ReadGigabyte(map),
            map.Bool("free_allowances") ?? false,
            map.String("note"));
        _bytesPerGigabyte = conventions.BytesPerGigabyte;
        return conventions;
    }

    private GigabyteUnit ReadGigabyte(MapReader map)
    {
        var scalar = map.Scalar("gigabyte");
        switch (scalar?.Value)
        {
            case null:
                return GigabyteUnit.GiB;
            case "GiB":
                return GigabyteUnit.GiB;
            case "GB":
                return GigabyteUnit.GB;
            default:
                _context.Report(DiagnosticCodes.InvalidEnum(scalar.Span, map.ChildPath("gigabyte"), scalar.Value, ["GiB", "GB"], Text.Suggestions.Closest(scalar.Value, ["GiB", "GB"])));
                return GigabyteUnit.GiB;
        }
    }

    private ImmutableArray<PriceSource> ReadSources(MapReader root)
    {
        if (!root.Has("sources"))
        {
            root.ReportMissing("sources", "where the prices were read: a mapping of names to { url, read_on }");
        }

        var builder = ImmutableArray.CreateBuilder<PriceSource>();
        foreach (var (key, node, path) in root.NamedEntries("sources", "price source", IsValidName, DiagnosticCodes.InvalidCatalogName))
        {
            if (MapReader.Open(node, path, "price_source", _context, KeyTable.Catalog) is not { } map)
            {
                continue;
            }

            var url = map.RequiredString("url", "the address of the page the prices were read from");
            var readOn = map.Date("read_on");
            if (readOn is null && !map.Has("read_on"))
            {
                map.ReportMissing("read_on", "the day the prices were read, such as 2026-12-02");
            }

            builder.Add(new PriceSource(key.Value, url, map.String("pricing_page"), readOn ?? DateOnly.MinValue, map.Date("published"), map.String("note"), path));
        }

        return builder.ToImmutable();
    }

    private ImmutableArray<InstanceType> ReadInstances(MapReader root, string key, string def, string what)
    {
        var builder = ImmutableArray.CreateBuilder<InstanceType>();
        foreach (var (name, node, path) in root.NamedEntries(key, what, IsValidName, DiagnosticCodes.InvalidCatalogName))
        {
            if (MapReader.Open(node, path, def, _context, KeyTable.Catalog) is not { } map)
            {
                continue;
            }

            var managed = def == "database_class";
            var family = managed ? null : map.Enum<InstanceFamily>("family");
            var vcpu = map.Int("vcpu", 1, 100_000);
            var memory = map.Unit("memory", ByteSize.Parse);
            var price = HourlyPrice(map, "price", required: true);
            if (vcpu is null && !map.Has("vcpu"))
            {
                map.ReportMissing("vcpu", "the number of virtual CPUs");
            }

            if (memory is null && !map.Has("memory"))
            {
                map.ReportMissing("memory", "the memory, such as 16GiB");
            }

            var source = SourceRef(map);
            if (vcpu is null || memory is null || price is null)
            {
                continue;
            }

            builder.Add(new InstanceType(
                name.Value,
                family,
                managed ? null : map.String("arch"),
                managed ? (map.String("engine") ?? "unspecified") : null,
                vcpu.Value,
                memory.Value,
                price.Value,
                source,
                map.String("note"),
                path));
        }

        return builder.ToImmutable();
    }

    private ImmutableArray<StorageClass> ReadStorage(MapReader root)
    {
        var builder = ImmutableArray.CreateBuilder<StorageClass>();
        foreach (var (name, node, path) in root.NamedEntries("storage", "storage class", IsValidName, DiagnosticCodes.InvalidCatalogName))
        {
            if (MapReader.Open(node, path, "storage_class", _context, KeyTable.Catalog) is not { } map)
            {
                continue;
            }

            var kind = map.Enum<StorageKind>("kind");
            if (kind is null && !map.Has("kind"))
            {
                map.ReportMissing("kind", "object, block or database");
            }

            var price = SizeTiers(map, "price", free: null, "a price per GB-month");
            var writes = map.Map("writes", "request_price") is { } w ? ReadRequests(w) : null;
            var reads = map.Map("reads", "request_price") is { } r ? ReadRequests(r) : null;
            var source = SourceRef(map);
            if (kind is null || price is null)
            {
                continue;
            }

            builder.Add(new StorageClass(name.Value, kind.Value, price, writes, reads, source, map.String("note"), path));
        }

        return builder.ToImmutable();
    }

    private ImmutableArray<TransferPrice> ReadTransfer(MapReader root)
    {
        var builder = ImmutableArray.CreateBuilder<TransferPrice>();
        foreach (var (name, node, path) in root.NamedEntries("transfer", "transfer", IsValidName, DiagnosticCodes.InvalidCatalogName))
        {
            if (MapReader.Open(node, path, "transfer", _context, KeyTable.Catalog) is not { } map)
            {
                continue;
            }

            var price = SizeTiers(map, "price", map.Unit("free", ByteSize.Parse), "a price per GB");
            var source = SourceRef(map);
            if (price is not null)
            {
                builder.Add(new TransferPrice(name.Value, price, source, map.String("note"), path));
            }
        }

        return builder.ToImmutable();
    }

    private ImmutableArray<ServicePrice> ReadServices(MapReader root)
    {
        var builder = ImmutableArray.CreateBuilder<ServicePrice>();
        foreach (var (name, node, path) in root.NamedEntries("services", "service", IsValidName, DiagnosticCodes.InvalidCatalogName))
        {
            if (MapReader.Open(node, path, "service", _context, KeyTable.Catalog) is not { } map)
            {
                continue;
            }

            var kind = map.Enum<ComponentKind>("kind");
            if (kind is null && !map.Has("kind"))
            {
                map.ReportMissing("kind", "the component kind it serves, such as cdn, load_balancer or queue");
            }

            var hourly = HourlyPrice(map, "price", required: false);
            LcuPrice? lcu = null;
            if (map.Map("lcu", "capacity_unit") is { } l)
            {
                var perHour = HourlyPrice(l, "price", required: true);
                var processed = l.Unit("processed", ByteSize.Parse);
                if (processed is null && !l.Has("processed"))
                {
                    l.ReportMissing("processed", "the bytes processed in an hour that make one LCU, such as 1GiB");
                }

                if (perHour is not null && processed is { } p)
                {
                    if (p.Bytes <= 0)
                    {
                        _context.Report(DiagnosticCodes.OutOfRange(l.Mapping["processed"]!.Span, l.ChildPath("processed"), p.ToString(), "more than 0B"));
                    }
                    else
                    {
                        lcu = new LcuPrice(perHour.Value, p);
                    }
                }
            }

            TieredPrice? transfer = null;
            if (map.Map("transfer", "service_transfer") is { } t)
            {
                transfer = SizeTiers(t, "price", t.Unit("free", ByteSize.Parse), "a price per GB");
            }

            var requests = map.Map("requests", "request_price") is { } r ? ReadRequests(r) : null;
            var stored = HourlyPrice(map, "stored", required: false);
            var source = SourceRef(map);
            if (kind is null)
            {
                continue;
            }

            builder.Add(new ServicePrice(name.Value, kind.Value, hourly, lcu, transfer, requests, stored, source, map.String("note"), path));
        }

        return builder.ToImmutable();
    }

    private ImmutableArray<MissingPrice> ReadMissing(MapReader root)
    {
        var node = root.Node("missing");
        if (node is null)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<MissingPrice>();
        foreach (var (item, path) in MapReader.Items(node, root.ChildPath("missing"), _context))
        {
            if (MapReader.Open(item, path, "missing_price", _context, KeyTable.Catalog) is { } map)
            {
                builder.Add(new MissingPrice(map.RequiredString("what", "what is missing"), map.String("note")));
            }
        }

        return builder.ToImmutable();
    }

    private RequestPrice? ReadRequests(MapReader map)
    {
        var per = map.Unit("per", Count.Parse);
        if (per is { Value: <= 0 } zero)
        {
            _context.Report(DiagnosticCodes.OutOfRange(map.Node("per")!.Span, map.ChildPath("per"), zero.ToString(), "more than 0"));
            per = null;
        }

        var free = map.Unit("free", Count.Parse);
        var chunk = map.Unit("chunk", ByteSize.Parse);
        if (chunk is { Bytes: <= 0 })
        {
            _context.Report(DiagnosticCodes.OutOfRange(map.Node("chunk")!.Span, map.ChildPath("chunk"), chunk.Value.ToString(), "more than 0B"));
            chunk = null;
        }

        var price = Tiers(map, "price", "a price per 'per' requests", TierUnit.Requests);
        string? source = null;
        if (map.Scalar("source") is { } sourceNode)
        {
            _sourceRefs.Add((sourceNode, map.ChildPath("source")));
            source = sourceNode.Value;
        }

        return price is null
            ? null
            : new RequestPrice(
                price with { Per = (decimal)(per?.Value ?? 1), Free = (decimal)(free?.Value ?? 0) },
                map.Int("per_message", 1, 100) ?? 1,
                chunk,
                source);
    }

    private TieredPrice? SizeTiers(MapReader map, string key, ByteSize? free, string what)
    {
        var tiers = Tiers(map, key, what, TierUnit.Bytes);
        return tiers is null ? null : tiers with { Free = free is { } f ? Gigabytes(f) : 0 };
    }

    private enum TierUnit
    {
        Bytes,
        Requests,
    }

    /// <summary>A flat price or a list of tiers; tier bounds in billed GB (data) or requests.</summary>
    private TieredPrice? Tiers(MapReader map, string key, string what, TierUnit unit)
    {
        var node = map.Node(key);
        if (node is null)
        {
            map.ReportMissing(key, what);
            return null;
        }

        var path = map.ChildPath(key);
        if (node is YamlScalar scalar)
        {
            return UnitPrice(scalar, path) is { } flat ? TieredPrice.Flat(flat) : null;
        }

        if (node is not YamlSequence sequence || sequence.Items.Length == 0)
        {
            _context.Report(DiagnosticCodes.WrongType(node.Span, path, "a price such as '0.023 USD', or a list of tiers such as [{ up_to: 50TiB, price: 0.023 USD }, { price: 0.022 USD }]", node));
            return null;
        }

        var tiers = ImmutableArray.CreateBuilder<PriceTier>(sequence.Items.Length);
        var ok = true;
        decimal? previous = null;
        for (var i = 0; i < sequence.Items.Length; i++)
        {
            var tierPath = path + "/" + i.ToString(CultureInfo.InvariantCulture);
            var tier = MapReader.Open(sequence.Items[i], tierPath, unit == TierUnit.Bytes ? "size_tier" : "count_tier", _context, KeyTable.Catalog);
            if (tier is null)
            {
                ok = false;
                continue;
            }

            var last = i == sequence.Items.Length - 1;
            decimal? bound = unit == TierUnit.Bytes
                ? tier.Unit("up_to", ByteSize.Parse) is { } size ? Gigabytes(size) : null
                : tier.Unit("up_to", Count.Parse) is { } count ? (decimal)count.Value : null;
            var boundNode = tier.Node("up_to");
            if (last && boundNode is not null)
            {
                _context.Report(DiagnosticCodes.BadTiers(boundNode.Span, tier.ChildPath("up_to"), "the last tier has an 'up_to', so nothing prices what lies above it"));
                ok = false;
            }
            else if (!last && boundNode is null)
            {
                _context.Report(DiagnosticCodes.BadTiers(tier.FirstLine, tierPath, "only the last tier may leave out 'up_to'"));
                ok = false;
            }
            else if (bound is { } b && (b <= 0 || (previous is { } p && b <= p)))
            {
                _context.Report(DiagnosticCodes.BadTiers(boundNode!.Span, tier.ChildPath("up_to"), b <= 0 ? "a tier's 'up_to' must be more than zero" : "tier bounds must rise: this 'up_to' is not above the previous tier's"));
                ok = false;
            }

            previous = bound ?? previous;
            var priceNode = tier.Scalar("price");
            if (priceNode is null)
            {
                if (!tier.Has("price"))
                {
                    tier.ReportMissing("price", what);
                }

                ok = false;
                continue;
            }

            if (UnitPrice(priceNode, tier.ChildPath("price")) is { } price && (last || bound is not null))
            {
                tiers.Add(new PriceTier(last ? null : bound, price));
            }
            else
            {
                ok = false;
            }
        }

        return ok ? new TieredPrice(tiers.ToImmutable(), 1, 0) : null;
    }

    private decimal Gigabytes(ByteSize size) => (decimal)size.Bytes / _bytesPerGigabyte;

    /// <summary>A price with no period, in the catalog's currency: '0.023 USD'.</summary>
    private decimal? UnitPrice(YamlScalar scalar, string path)
    {
        if (MapReader.ParseUnit(scalar, path, Money.Parse, _context) is not { } money)
        {
            return null;
        }

        if (money.Period is not null)
        {
            _context.Report(DiagnosticCodes.WrongPricePeriod(scalar.Span, path, scalar.Value,
                "a price per unit: this one is per GB, per GB-month or per request as the section says, so write it without a period, such as '0.023 USD'"));
            return null;
        }

        return CheckCurrency(money, scalar, path);
    }

    /// <summary>A price per hour, in the catalog's currency: '0.192 USD/h'.</summary>
    private decimal? HourlyPrice(MapReader map, string key, bool required)
    {
        var scalar = required ? map.Required(key, "a price per hour, such as 0.192 USD/h") : map.Scalar(key);
        if (scalar is null || MapReader.ParseUnit(scalar, map.ChildPath(key), Money.Parse, _context) is not { } money)
        {
            return null;
        }

        if (money.Period != RatePeriod.Hour)
        {
            _context.Report(DiagnosticCodes.WrongPricePeriod(scalar.Span, map.ChildPath(key), scalar.Value,
                $"a price per hour: write it with '/h', such as '{UnitNumber.Format(money.Amount)} {money.Currency}/h'"));
            return null;
        }

        return CheckCurrency(money, scalar, map.ChildPath(key));
    }

    private decimal? CheckCurrency(Money money, YamlScalar scalar, string path)
    {
        if (_currency.Length > 0 && money.Currency != _currency)
        {
            _context.Report(DiagnosticCodes.WrongCurrency(scalar.Span, path, scalar.Value, _currency));
            return null;
        }

        return money.Amount;
    }

    private string SourceRef(MapReader map)
    {
        var scalar = map.Required("source", "the name of the source the price was read from, defined under sources");
        if (scalar is null)
        {
            return string.Empty;
        }

        _sourceRefs.Add((scalar, map.ChildPath("source")));
        return scalar.Value;
    }

    private void CheckSourceReferences(ImmutableArray<PriceSource> sources)
    {
        var names = sources.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (scalar, path) in _sourceRefs)
        {
            if (!names.Contains(scalar.Value))
            {
                _context.Report(DiagnosticCodes.UnknownReference(scalar.Span, path, "price source", scalar.Value, names.Order(StringComparer.Ordinal), "sources"));
            }
        }
    }

    /// <summary>Letters, digits, '.', '-' and '_', starting with a letter or digit: instance types such as <c>db.t4g.medium</c> have dots.</summary>
    private static bool IsValidName(string name) =>
        name.Length is > 0 and <= 100
        && char.IsAsciiLetterOrDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    private void ReportDuplicates(IEnumerable<(string Name, string Path)> items, string what)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, path) in items)
        {
            if (!seen.TryAdd(name, path))
            {
                _context.Report(DiagnosticCodes.DuplicateName(_context.BuildSpan(path), path, what, name, _context.BuildSpan(seen[name])));
            }
        }
    }
}
