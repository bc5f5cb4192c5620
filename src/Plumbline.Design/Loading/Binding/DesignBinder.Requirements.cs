using System.Collections.Immutable;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;
using Plumbline.Design.Yaml;

namespace Plumbline.Design.Loading.Binding;

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
            map.Number("peak_to_average", 1, 1000),
            dependencies,
            questions.ToImmutable(),
            map.Path);
    }

    private static Business ReadBusiness(MapReader map, BindContext context)
    {
        var outcomes = ReadNamedList(map, "outcomes", "outcome", "outcome", "name", context, m => new Outcome(
            m.RequiredString("name", "the outcome's name"),
            m.Enum<OutcomeKind>("kind"),
            m.String("description"),
            m.StringList("metrics"),
            m.Path));
        var metrics = ReadNamedList(map, "metrics", "metric", "metric", "name", context, m => new BusinessMetric(
            m.RequiredString("name", "the metric's name"),
            m.String("target"),
            m.String("description"),
            m.String("owner"),
            m.Path));
        var tradeoffs = ReadNamedList(map, "tradeoffs", "tradeoff", "trade-off", "choice", context, m => new Tradeoff(
            m.RequiredString("choice", "the choice being made"),
            m.String("gains"),
            m.String("costs"),
            m.String("impact"),
            m.Enum<Level>("risk"),
            m.StringList("stakeholders"),
            m.Path));
        var stakeholders = ReadNamedList(map, "stakeholders", "stakeholder", "stakeholder", "name", context, m => new Stakeholder(
            m.RequiredString("name", "the stakeholder's name"),
            m.StringList("priorities"),
            m.Path));
        return new Business(outcomes, metrics, tradeoffs, stakeholders, map.Path);
    }

    private static ImmutableArray<Workflow> ReadWorkflows(MapReader root, BindContext context)
    {
        var builder = ImmutableArray.CreateBuilder<Workflow>();
        foreach (var (key, node, path) in root.NamedEntries("workflows", "workflow"))
        {
            var m = MapReader.Open(node, path, "workflow", context);
            if (m is null)
            {
                continue;
            }

            var entry = ReadOperationRef(m, "entry", context);
            if (entry is null && !m.Has("entry"))
            {
                m.ReportMissing("entry", "the component.operation its traffic enters at, such as 'edge.get_link'");
            }

            var rate = m.Rate("rate");
            var perUser = m.Rate("per_user");
            if (m.Has("rate") && m.Has("per_user"))
            {
                context.Report(DiagnosticCodes.MutuallyExclusive(m.KeySpan("per_user"), m.ChildPath("per_user"), "rate", "per_user"));
            }
            else if (!m.Has("rate") && !m.Has("per_user"))
            {
                context.Report(DiagnosticCodes.OneOfRequired(key.Span, path, "workflow", ["rate", "per_user"]));
            }

            var peak = m.Rate("peak_rate");
            if (peak is { } p && rate is { } avg && p.PerSecond < avg.PerSecond)
            {
                context.Report(DiagnosticCodes.Inconsistent(m.ValueSpan("peak_rate"), m.ChildPath("peak_rate"),
                    $"peak_rate {p} is below the average rate {avg}", "the peak is the busiest rate, at least the average"));
            }

            builder.Add(new Workflow(
                key.Value,
                m.String("description"),
                entry ?? default,
                rate,
                perUser,
                peak,
                m.Size("request"),
                m.Size("response"),
                m.Enum<AccessType>("type") ?? AccessType.Read,
                m.Enum<Criticality>("criticality") ?? Criticality.Medium,
                path));
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
