using System.Collections.Immutable;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;
using Plumbline.Design.Yaml;

namespace Plumbline.Design.Loading.Binding;

/// <summary><c>cost</c>: the price catalog, price overrides, budget and alerts.</summary>
internal static partial class DesignBinder
{
    private static CostPlan ReadCost(MapReader map, BindContext context)
    {
        var alerts = ImmutableArray.CreateBuilder<Units.Percent>();
        foreach (var (node, path) in map.Items("alerts"))
        {
            if (node is YamlScalar scalar && MapReader.ParseUnit(scalar, path, Units.Percent.Parse, context) is { } p)
            {
                alerts.Add(p);
            }
            else if (node is not YamlScalar)
            {
                context.Report(DiagnosticCodes.WrongType(node.Span, path, "a percentage of the budget, such as 80%", node));
            }
        }

        var prices = ImmutableArray.CreateBuilder<PriceOverride>();
        if (map.Node("prices") is { } pricesNode)
        {
            if (pricesNode is not YamlMapping mapping)
            {
                context.Report(DiagnosticCodes.WrongType(pricesNode.Span, map.ChildPath("prices"), "a mapping of catalog item names to prices, such as { m5.large: 0.08 USD/h }", pricesNode));
            }
            else
            {
                foreach (var entry in mapping.Entries)
                {
                    var path = map.ChildPath("prices") + "/" + BindContext.Segment(entry.Key.Value);
                    if (entry.Value is not YamlScalar scalar)
                    {
                        context.Report(DiagnosticCodes.WrongType(entry.Value.Span, path, "a price, such as 0.08 USD/h", entry.Value));
                    }
                    else if (MapReader.ParseUnit(scalar, path, Units.Money.Parse, context) is { } price)
                    {
                        prices.Add(new PriceOverride(entry.Key.Value, price, path));
                    }
                }
            }
        }

        var catalog = map.Scalar("catalog");
        if (catalog is not null && string.IsNullOrWhiteSpace(catalog.Value))
        {
            context.Report(DiagnosticCodes.EmptyValue(catalog.Span, map.ChildPath("catalog"), "'default' or the path of a price file"));
        }

        return new CostPlan(catalog?.Value ?? "default", map.Money("budget"), alerts.ToImmutable(), map.Path) { Prices = prices.ToImmutable() };
    }
}
