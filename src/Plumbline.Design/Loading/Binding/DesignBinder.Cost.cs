using System.Collections.Immutable;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;
using Plumbline.Design.Yaml;

namespace Plumbline.Design.Loading.Binding;

/// <summary><c>cost</c>: budget and alerts.</summary>
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

        return new CostPlan(map.String("catalog") ?? "default", map.Money("budget"), alerts.ToImmutable(), map.Path);
    }
}
