using System.Collections.Immutable;
using System.Globalization;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;
using Plumbline.Design.Yaml;

namespace Plumbline.Design.Loading.Binding;

/// <summary>Turns the YAML tree into the model: the document and the helpers every section uses. Each section is bound in its own file, <c>DesignBinder.&lt;Section&gt;.cs</c>. Every problem is reported and binding carries on, so one run shows all of them.</summary>
internal static partial class DesignBinder
{
    public static SystemDesign? Bind(YamlNode root, BindContext context)
    {
        var map = MapReader.Open(root, string.Empty, "design", context);
        if (map is null)
        {
            return null;
        }

        var version = ReadVersion(map, context);
        var system = ReadSystem(map, context);
        var requirements = map.Map("requirements", "requirements") is { } r ? ReadRequirements(r, context) : Requirements.Empty;
        var business = map.Map("business", "business") is { } b ? ReadBusiness(b, context) : Business.Empty;
        var workflows = ReadWorkflows(map, context);
        var api = map.Map("api", "api") is { } a ? ReadApi(a, context) : Api.Empty;
        var data = ReadData(map, context);
        var regions = ReadRegions(map, context);
        var components = ReadComponents(map, context);
        var slos = ReadSlos(map, context);
        var operations = map.Map("operations", "operations") is { } o ? ReadOperations(o, context) : OperationsPlan.Empty;
        var security = map.Map("security", "security") is { } s ? ReadSecurity(s, context) : Security.Empty;
        var cost = map.Map("cost", "cost") is { } c ? ReadCost(c, context) : CostPlan.Empty;
        var validation = map.Map("validation", "validation") is { } v ? ReadValidation(v, context) : ValidationPlan.Empty;
        var decisions = ReadDecisions(map, context);
        var milestones = ReadMilestones(map, context);

        return new SystemDesign(
            version, system, requirements, business, workflows, api, data, components, slos, operations,
            security, cost, validation, decisions, milestones, context.SourceMap)
        {
            Regions = regions,
        };
    }

    private static int ReadVersion(MapReader map, BindContext context)
    {
        var scalar = map.Scalar("plumbline");
        if (scalar is null)
        {
            if (!map.Has("plumbline"))
            {
                map.ReportMissing("plumbline", $"the format version, {FormatKeys.CurrentVersion}");
            }

            return FormatKeys.CurrentVersion;
        }

        // Say what was read: a quoted "1" is text, not the number 1, and "version 1 is not supported; this reads 1" helps no one.
        var isNumber = int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var version);
        if (!scalar.IsPlain || !isNumber || version != FormatKeys.CurrentVersion)
        {
            var read = !scalar.IsPlain ? $"the text \"{scalar.Value}\" (in quotes), not a number" : isNumber ? version.ToString(CultureInfo.InvariantCulture) : $"'{scalar.Value}', which is not a number";
            context.Report(DiagnosticCodes.UnsupportedVersion(scalar.Span, "/plumbline", read, FormatKeys.CurrentVersion));
            return FormatKeys.CurrentVersion;
        }

        return version;
    }

    /// <summary>Reads a list of objects that each have a unique name, reporting duplicates at the second.</summary>
    private static ImmutableArray<T> ReadNamedList<T>(
        MapReader parent, string key, string def, string what, string nameKey, BindContext context, Func<MapReader, T?> read)
        where T : class
    {
        var builder = ImmutableArray.CreateBuilder<T>();
        var seen = new Dictionary<string, Text.SourceSpan>(StringComparer.Ordinal);
        foreach (var (node, path) in parent.Items(key))
        {
            var item = MapReader.Open(node, path, def, context);
            if (item is null)
            {
                continue;
            }

            var nameNode = item.Scalar(nameKey);
            if (nameNode is not null && !nameNode.IsNull)
            {
                if (seen.TryGetValue(nameNode.Value, out var first))
                {
                    context.Report(DiagnosticCodes.DuplicateName(nameNode.Span, item.ChildPath(nameKey), what, nameNode.Value, first));
                }
                else
                {
                    seen[nameNode.Value] = nameNode.Span;
                }
            }

            var value = read(item);
            if (value is not null)
            {
                builder.Add(value);
            }
        }

        return builder.ToImmutable();
    }

    private static OperationRef? ReadOperationRef(MapReader map, string key, BindContext context)
    {
        var scalar = map.Scalar(key);
        return scalar is null ? null : ParseOperationRef(scalar, map.ChildPath(key), context);
    }

    private static OperationRef? ParseOperationRef(YamlScalar scalar, string path, BindContext context)
    {
        if (OperationRef.TryParse(scalar.Value, out var reference))
        {
            return reference;
        }

        context.Report(DiagnosticCodes.InvalidOperationRef(scalar.Span, path, scalar.Value));
        return null;
    }
}
