using System.Collections.Immutable;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;
using Plumbline.Design.Units;
using Plumbline.Design.Yaml;

namespace Plumbline.Design.Loading.Binding;

/// <summary><c>requirements</c>: scope, personas, users, traffic, data, dependencies, open questions.</summary>
internal static partial class DesignBinder
{
    private static Requirements ReadRequirements(MapReader map, BindContext context)
    {
        var scopeMap = map.Map("scope", "scope");
        var scope = scopeMap is null
            ? Scope.Empty
            : new Scope(scopeMap.StringList("in"), scopeMap.StringList("out"), scopeMap.StringList("success_criteria"), scopeMap.Path);

        var personas = ReadNamedList(map, "personas", "persona", "persona", "name", context, m => new Persona(
            m.RequiredString("name", "the persona's name"),
            m.String("description"),
            m.StringList("workflows"),
            m.Enum<FailureTolerance>("failure_tolerance"),
            m.Path));

        var constraintsMap = map.Map("constraints", "constraints");
        var constraints = constraintsMap is null
            ? Constraints.Empty
            : new Constraints(
                constraintsMap.Money("budget"),
                constraintsMap.Date("deadline"),
                constraintsMap.StringList("compliance"),
                constraintsMap.StringList("other"),
                constraintsMap.Path);

        var usersMap = map.Map("users", "users");
        var users = usersMap is null
            ? UserBase.Empty
            : new UserBase(usersMap.Count("monthly_active"), usersMap.Count("daily_active"), usersMap.Count("peak_concurrent"), usersMap.Path);

        var dependencies = ReadNamedList(map, "dependencies", "dependency", "dependency", "name", context, m => new Dependency(
            m.RequiredString("name", "the dependency's name"),
            m.Enum<DependencyDirection>("direction") ?? DependencyDirection.Upstream,
            m.Percent("sla"),
            m.String("owner"),
            m.String("component"),
            m.Path));

        var questions = ImmutableArray.CreateBuilder<OpenQuestion>();
        foreach (var (node, path) in map.Items("open_questions"))
        {
            if (node is YamlScalar scalar)
            {
                questions.Add(new OpenQuestion(scalar.Value, null, null, null, path));
                continue;
            }

            if (MapReader.Open(node, path, "open_question", context) is { } q)
            {
                questions.Add(new OpenQuestion(q.RequiredString("question", "the question"), q.String("owner"), q.Date("due"), q.String("answer"), q.Path));
            }
        }

        return new Requirements(
            scope,
            map.StringList("edge_cases"),
            personas,
            constraints,
            users,
            map.Growth("growth"),
            map.Number("peak_to_average", Requirements.MinPeakToAverage, Requirements.MaxPeakToAverage),
            dependencies,
            questions.ToImmutable(),
            map.Path)
        {
            Month = ReadMonth(map, context),
        };
    }

    /// <summary><c>month: average | 30d | 2.5M</c>: what a month is in the design's arithmetic.</summary>
    private static MonthConvention? ReadMonth(MapReader map, BindContext context)
    {
        if (map.Scalar("month") is not { } scalar)
        {
            return null;
        }

        if (Calendar.TryParseMonth(scalar.Value, out var month))
        {
            return month;
        }

        string[] names = [.. Calendar.MonthConventions.Select(Calendar.Text)];
        context.Report(DiagnosticCodes.InvalidEnum(scalar.Span, map.ChildPath("month"), scalar.Value, names, Text.Suggestions.Closest(scalar.Value, names)));
        return null;
    }
}
