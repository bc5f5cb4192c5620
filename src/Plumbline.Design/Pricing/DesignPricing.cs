using System.Collections.Immutable;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;
using Plumbline.Design.Units;

namespace Plumbline.Design.Pricing;

/// <summary>
/// A design read against a price catalog: the names it uses (<c>runs_on</c>, <c>storage_class</c>,
/// <c>cost.prices</c>) checked with positioned diagnostics, and the catalog with the design's own
/// prices in place of the catalog's.
/// </summary>
public static class DesignPricing
{
    /// <summary>Every name the design uses that the catalog does not have, or has as something else.</summary>
    public static ImmutableArray<Diagnostic> Check(SystemDesign design, PriceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(catalog);
        var map = design.SourceMap;
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var runnable = catalog.Instances.Select(i => i.Name).Concat(catalog.Services.Select(s => s.Name)).ToList();
        foreach (var component in design.Components)
        {
            var hosting = component.Hosting;
            if (hosting.RunsOn is { Length: > 0 } name)
            {
                var path = component.Path + "/runs_on";
                var span = map.ValueSpan(path);
                if (catalog.FindInstance(name) is { } instance)
                {
                    if (instance.IsManagedDatabase && component.Kind != ComponentKind.Database)
                    {
                        diagnostics.Add(DiagnosticCodes.WrongCatalogItem(span, path, $"'{name}' is a managed database class, and '{component.Name}' is a {Kind(component.Kind)}",
                            "name a compute instance type, or make the component a database"));
                    }
                }
                else if (catalog.FindService(name) is { } service)
                {
                    if (service.Kind != component.Kind)
                    {
                        diagnostics.Add(DiagnosticCodes.WrongCatalogItem(span, path, $"'{name}' is a {Kind(service.Kind)} service, and '{component.Name}' is a {Kind(component.Kind)}",
                            $"name a {Kind(component.Kind)} service or an instance type"));
                    }
                }
                else
                {
                    diagnostics.Add(DiagnosticCodes.UnknownReference(span, path, "instance type, database class or service", name, runnable, $"the price catalog ({catalog.Name})"));
                }
            }

            if (hosting.StorageClass is { Length: > 0 } storageName)
            {
                var path = component.Path + "/storage_class";
                var span = map.ValueSpan(path);
                if (catalog.FindStorage(storageName) is not { } storage)
                {
                    diagnostics.Add(DiagnosticCodes.UnknownReference(span, path, "storage class", storageName, catalog.Storage.Select(s => s.Name), $"the price catalog ({catalog.Name})"));
                }
                else if ((storage.Kind == StorageKind.Object) != (component.Kind == ComponentKind.ObjectStore))
                {
                    diagnostics.Add(DiagnosticCodes.WrongCatalogItem(span, path, $"'{storageName}' is {Kind(storage.Kind)} storage, and '{component.Name}' is a {Kind(component.Kind)}",
                        component.Kind == ComponentKind.ObjectStore ? "name an object storage class" : "name a block or database storage class"));
                }
            }
        }

        foreach (var price in design.Cost.Prices)
        {
            var span = map.ValueSpan(price.Path);
            var perHour = catalog.FindInstance(price.Name) is not null;
            var perUnit = catalog.FindStorage(price.Name) is not null || catalog.FindTransfer(price.Name) is not null;
            if (!perHour && !perUnit)
            {
                diagnostics.Add(DiagnosticCodes.UnknownReference(span, price.Path, "priced item", price.Name,
                    catalog.Instances.Select(i => i.Name).Concat(catalog.Storage.Select(s => s.Name)).Concat(catalog.Transfer.Select(t => t.Name)),
                    $"the price catalog ({catalog.Name}); services cannot be overridden"));
            }
            else if (price.Price.Currency != catalog.Currency)
            {
                diagnostics.Add(DiagnosticCodes.WrongCurrency(span, price.Path, price.Price.ToString(), catalog.Currency));
            }
            else if (perHour && price.Price.Period != RatePeriod.Hour)
            {
                diagnostics.Add(DiagnosticCodes.WrongPricePeriod(span, price.Path, price.Price.ToString(), $"a price per hour: '{price.Name}' is priced by the hour, so write it with '/h'"));
            }
            else if (perUnit && price.Price.Period is not null)
            {
                diagnostics.Add(DiagnosticCodes.WrongPricePeriod(span, price.Path, price.Price.ToString(),
                    $"a price per GB: '{price.Name}' is priced per GB-month (storage) or per GB (transfer), so write it without a period"));
            }
        }

        return diagnostics.ToImmutable();
    }

    /// <summary>
    /// The catalog with the design's <c>cost.prices</c> in place: an instance type's price per hour,
    /// or one flat price for a storage class or transfer (its free allowance and request prices kept).
    /// Overrides that <see cref="Check"/> refuses are left out.
    /// </summary>
    public static PriceCatalog WithOverrides(PriceCatalog catalog, ImmutableArray<PriceOverride> prices)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var valid = prices.Where(p => p.Price.Currency == catalog.Currency).ToList();
        if (valid.Count == 0)
        {
            return catalog;
        }

        PriceOverride? Find(string name, bool hourly) =>
            valid.LastOrDefault(p => p.Name == name && (p.Price.Period == RatePeriod.Hour) == hourly && (hourly || p.Price.Period is null));

        var instances = catalog.Instances.Select(i => Find(i.Name, hourly: true) is { } o ? i with { PerHour = o.Price.Amount, OverriddenAt = o.Path } : i);
        var storage = catalog.Storage.Select(s => Find(s.Name, hourly: false) is { } o
            ? s with { PerGbMonth = TieredPrice.Flat(o.Price.Amount), OverriddenAt = o.Path }
            : s);
        var transfer = catalog.Transfer.Select(t => Find(t.Name, hourly: false) is { } o
            ? t with { PerGb = TieredPrice.Flat(o.Price.Amount, free: t.PerGb.Free), OverriddenAt = o.Path }
            : t);
        return new PriceCatalog(catalog.Name, catalog.Provider, catalog.Region, catalog.Currency, catalog.Conventions, catalog.Sources,
            [.. instances], [.. storage], [.. transfer], catalog.Services, catalog.Missing, catalog.Origin);
    }

    private static string Kind<T>(T value)
        where T : struct, Enum => Text.EnumNames.Text(value).Replace('_', ' ');
}
