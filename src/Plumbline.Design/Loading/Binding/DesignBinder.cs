using System.Collections.Immutable;
using System.Globalization;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;
using Plumbline.Design.Yaml;

namespace Plumbline.Design.Loading.Binding;

/// <summary>
/// Turns the YAML tree into the model, one section per partial file. Every problem is reported
/// and binding carries on, so one run shows all of them.
/// </summary>
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
            security, cost, validation, decisions, milestones, context.SourceMap);
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

        if (!scalar.IsPlain || !int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version != FormatKeys.CurrentVersion)
        {
            context.Report(DiagnosticCodes.UnsupportedVersion(scalar.Span, "/plumbline", scalar.Value, FormatKeys.CurrentVersion));
            return FormatKeys.CurrentVersion;
        }

        return version;
    }

    private static SystemInfo ReadSystem(MapReader root, BindContext context)
    {
        var map = root.Map("system", "system");
        if (map is null)
        {
            if (!root.Has("system"))
            {
                root.ReportMissing("system", "the system's name: 'system: { name: my-system }'");
            }

            return new SystemInfo(string.Empty, null, [], "/system");
        }

        var name = map.RequiredString("name", "the system's name");
        return new SystemInfo(name, map.String("summary"), map.StringList("owners", allowSingle: true), map.Path);
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

    private static ImmutableArray<Decision> ReadDecisions(MapReader root, BindContext context) =>
        ReadNamedList(root, "decisions", "decision", "decision", "id", context, m => new Decision(
            m.RequiredString("id", "an identifier such as ADR-1"),
            m.RequiredString("title", "a one-line title"),
            m.Enum<DecisionStatus>("status") ?? DecisionStatus.Proposed,
            m.Date("date"),
            m.String("context"),
            m.StringList("options"),
            m.String("decision"),
            m.String("consequences"),
            m.Path));

    private static ImmutableArray<Milestone> ReadMilestones(MapReader root, BindContext context) =>
        ReadNamedList(root, "milestones", "milestone", "milestone", "name", context, m => new Milestone(
            m.RequiredString("name", "the milestone's name"),
            m.String("okr"),
            m.String("stage"),
            m.Date("due"),
            m.StringList("deliverables"),
            m.Path));

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
