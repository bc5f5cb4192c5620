using System.Collections.Immutable;
using System.Globalization;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;
using Plumbline.Design.Text;
using Plumbline.Design.Units;
using Plumbline.Design.Yaml;

namespace Plumbline.Design.Loading.Binding;

internal static partial class DesignBinder
{
    private static readonly string[] HttpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "WS", "GRPC", "RPC"];

    private static Api ReadApi(MapReader map, BindContext context)
    {
        var endpoints = ReadNamedList(map, "endpoints", "endpoint", "endpoint", "name", context, m =>
        {
            var route = m.RequiredString("route", "the method and path, such as 'GET /v1/links/{code}'");
            var method = string.Empty;
            var routePath = route;
            var space = route.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && Array.IndexOf(HttpMethods, route[..space].ToUpperInvariant()) >= 0 && route[(space + 1)..].Trim().Length > 0)
            {
                method = route[..space].ToUpperInvariant();
                routePath = route[(space + 1)..].Trim();
            }
            else if (route.Length > 0)
            {
                context.Report(DiagnosticCodes.InvalidRoute(m.ValueSpan("route"), m.ChildPath("route"), route));
            }

            return new Endpoint(
                m.RequiredString("name", "the endpoint's name"),
                method,
                routePath,
                m.String("workflow"),
                m.Enum<Idempotency>("idempotency"),
                m.Enum<AuthScheme>("auth"),
                m.StringList("reads"),
                m.StringList("writes"),
                m.String("version"),
                m.Rate("rate_limit"),
                m.Path);
        });
        return new Api(map.String("version"), map.Enum<VersioningScheme>("versioning"), endpoints, map.Path);
    }

    private static ImmutableArray<Entity> ReadData(MapReader root, BindContext context) =>
        ReadNamedList(root, "data", "entity", "entity", "entity", context, m =>
        {
            Duration? retention = null;
            var forever = false;
            if (m.Scalar("retention") is { } r)
            {
                if (r.Value == "forever")
                {
                    forever = true;
                }
                else
                {
                    retention = MapReader.ParseUnit(r, m.ChildPath("retention"), Duration.Parse, context);
                }
            }

            return new Entity(
                m.RequiredString("entity", "the entity's name, such as Link"),
                m.String("description"),
                m.String("owner"),
                m.Size("record_size"),
                m.Rate("new_records"),
                m.Count("initial_records"),
                retention,
                forever,
                m.Enum<Classification>("classification"),
                m.Bool("pii") ?? false,
                ReadAccessPatterns(m, context),
                m.Enum<Consistency>("consistency"),
                m.String("source"),
                m.Path);
        });

    private static ImmutableArray<AccessPattern> ReadAccessPatterns(MapReader m, BindContext context)
    {
        var builder = ImmutableArray.CreateBuilder<AccessPattern>();
        var patterns = m.StringList("access", allowSingle: true);
        for (var i = 0; i < patterns.Length; i++)
        {
            var text = patterns[i].Trim();
            var open = text.IndexOf('(', StringComparison.Ordinal);
            var kindText = open < 0 ? text : text[..open].Trim();
            var fields = ImmutableArray<string>.Empty;
            var wellFormed = open < 0 || (text.EndsWith(')') && text.IndexOf('(', open + 1) < 0);
            if (open >= 0 && wellFormed)
            {
                fields = [.. text[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
            }

            if (wellFormed && EnumNames<AccessPatternKind>.TryParse(kindText, out var kind))
            {
                builder.Add(new AccessPattern(kind, fields, text));
                continue;
            }

            var path = m.ChildPath("access") + (m.Node("access") is YamlSequence ? "/" + i.ToString(CultureInfo.InvariantCulture) : string.Empty);
            context.Report(DiagnosticCodes.InvalidAccessPattern(
                context.BuildSpan(path), path, text, EnumNames<AccessPatternKind>.Names,
                Suggestions.Closest(kindText, EnumNames<AccessPatternKind>.Names)));
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<Slo> ReadSlos(MapReader root, BindContext context) =>
        ReadNamedList(root, "slos", "slo", "SLO", "name", context, m =>
        {
            var sli = m.Enum<SliKind>("sli");
            if (sli is null && !m.Has("sli"))
            {
                m.ReportMissing("sli", "what it measures: availability or latency");
            }

            var objective = m.Percent("objective");
            if (objective is null && !m.Has("objective"))
            {
                m.ReportMissing("objective", "the share of good requests, such as 99.9%");
            }

            var threshold = m.Duration("threshold");
            if (sli == SliKind.Latency && threshold is null && !m.Has("threshold"))
            {
                m.ReportMissing("threshold", "the latency a request must beat to count as good, such as 200ms");
            }

            if (objective is { } o && o.Fraction >= 1)
            {
                context.Report(DiagnosticCodes.OutOfRange(m.ValueSpan("objective"), m.ChildPath("objective"), o.ToString(),
                    "below 100%: a 100% objective leaves no error budget"));
            }

            var workflow = m.RequiredString("workflow", "the workflow it measures");
            return new Slo(
                m.RequiredString("name", "the SLO's name"),
                workflow,
                sli ?? SliKind.Availability,
                objective ?? Percent.FromFraction(0.999),
                threshold,
                m.Duration("window") ?? Duration.FromSeconds(30 * Units.Calendar.SecondsPerDay),
                m.String("description"),
                m.Path);
        });

    private static OperationsPlan ReadOperations(MapReader map, BindContext context)
    {
        var telemetryMap = map.Map("telemetry", "telemetry");
        var telemetry = telemetryMap is null
            ? Telemetry.Empty
            : new Telemetry(telemetryMap.String("metrics"), telemetryMap.String("traces"), telemetryMap.String("logs"));
        var runbooks = ReadNamedList(map, "runbooks", "runbook", "runbook", "failure", context, m => new Runbook(
            m.RequiredString("failure", "the failure mode it handles"),
            m.String("detect"),
            m.StringList("mitigate", allowSingle: true),
            m.StringList("components"),
            m.String("link"),
            m.Path));
        var onCallMap = map.Map("on_call", "on_call");
        var onCall = onCallMap is null ? null : new OnCall(onCallMap.String("rotation"), onCallMap.StringList("escalation"));
        return new OperationsPlan(telemetry, runbooks, map.String("rollback"), onCall, map.StringList("feature_flags"), map.Path);
    }

    private static Security ReadSecurity(MapReader map, BindContext context)
    {
        var boundaries = ReadNamedList(map, "boundaries", "boundary", "trust boundary", "name", context, m => new TrustBoundary(
            m.RequiredString("name", "the boundary's name"),
            m.StringList("contains"),
            m.Bool("trusted") ?? true,
            m.Path));
        var authnMap = map.Map("authn", "authn");
        var encryptionMap = map.Map("encryption", "encryption");
        var secretsMap = map.Map("secrets", "secrets");
        var risks = ImmutableArray.CreateBuilder<AcceptedRisk>();
        foreach (var (node, path) in map.Items("accepted_risks"))
        {
            var m = MapReader.Open(node, path, "accepted_risk", context);
            if (m is null)
            {
                continue;
            }

            if (m.Has("threat") && m.Has("finding"))
            {
                context.Report(DiagnosticCodes.MutuallyExclusive(m.KeySpan("finding"), m.ChildPath("finding"), "threat", "finding"));
            }
            else if (!m.Has("threat") && !m.Has("finding"))
            {
                context.Report(DiagnosticCodes.OneOfRequired(m.Span, path, "accepted risk", ["threat", "finding"]));
            }

            risks.Add(new AcceptedRisk(m.String("threat"), m.String("finding"), m.RequiredString("reason", "why the risk is accepted"), m.Date("until"), m.String("owner"), path));
        }

        return new Security(
            boundaries,
            authnMap is null ? Authentication.Empty : new Authentication(authnMap.String("users"), authnMap.String("services")),
            map.String("authz"),
            encryptionMap is null ? Encryption.Empty : new Encryption(encryptionMap.String("in_transit"), encryptionMap.String("at_rest")),
            secretsMap is null ? null : new Secrets(secretsMap.String("store"), secretsMap.Duration("rotation")),
            map.StringList("audit"),
            risks.ToImmutable(),
            map.Path);
    }

    private static ValidationPlan ReadValidation(MapReader map, BindContext context)
    {
        var load = ReadNamedList(map, "load", "load_scenario", "load scenario", "name", context, m =>
        {
            var shape = ReadLoadShape(m, context);
            return new LoadScenario(m.RequiredString("name", "the scenario's name"), shape, m.StringList("workflows"), ReadExpectation(m, context), m.Path);
        });
        var chaos = ReadNamedList(map, "chaos", "chaos_scenario", "chaos scenario", "name", context, m =>
        {
            var fault = ReadFault(m, context);
            return new ChaosScenario(m.RequiredString("name", "the scenario's name"), m.Duration("at"), fault, ReadExpectation(m, context), m.Path);
        });
        return new ValidationPlan(load, chaos, map.Path);
    }

    private static LoadShape ReadLoadShape(MapReader scenario, BindContext context)
    {
        var fallback = new LoadShape(1, 1, Duration.FromSeconds(0), Duration.FromSeconds(600));
        var m = scenario.Map("shape", "load_shape");
        if (m is null)
        {
            if (!scenario.Has("shape"))
            {
                scenario.ReportMissing("shape", "the traffic shape, such as { ramp: 1x to 3x, over: 10m, hold: 30m }");
            }

            return fallback;
        }

        double from = 1, to = 1;
        if (m.Has("ramp") && m.Has("rate"))
        {
            context.Report(DiagnosticCodes.MutuallyExclusive(m.KeySpan("rate"), m.ChildPath("rate"), "ramp", "rate"));
        }
        else if (m.Scalar("ramp") is { } ramp)
        {
            var parts = ramp.Value.Split(" to ", StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && TryMultiple(parts[0], out from) && TryMultiple(parts[1], out to))
            {
                // parsed
            }
            else
            {
                context.Report(DiagnosticCodes.InvalidLoadShape(ramp.Span, m.ChildPath("ramp"), ramp.Value));
            }
        }
        else if (m.Scalar("rate") is { } rate)
        {
            if (TryMultiple(rate.Value, out from))
            {
                to = from;
            }
            else
            {
                context.Report(DiagnosticCodes.InvalidLoadShape(rate.Span, m.ChildPath("rate"), rate.Value));
            }
        }
        else
        {
            context.Report(DiagnosticCodes.OneOfRequired(m.Span, m.Path, "load shape", ["ramp", "rate"]));
        }

        var hold = m.Duration("hold");
        if (hold is null && !m.Has("hold"))
        {
            m.ReportMissing("hold", "how long to hold the load, such as 30m");
        }

        return new LoadShape(from, to, m.Duration("over") ?? Duration.FromSeconds(0), hold ?? fallback.Hold);
    }

    private static bool TryMultiple(string text, out double value)
    {
        value = 0;
        return text.EndsWith('x') && MapReader.TryParseNumber(text[..^1], out value) && value >= 0 && value <= 1000;
    }

    private static Expectation? ReadExpectation(MapReader scenario, BindContext context)
    {
        var m = scenario.Map("expect", "expectation");
        if (m is null)
        {
            return null;
        }

        var node = m.Node("slos");
        if (node is YamlScalar scalar)
        {
            if (scalar.Value == "met")
            {
                return new Expectation(true, []);
            }

            context.Report(DiagnosticCodes.WrongValue(scalar.Span, m.ChildPath("slos"), scalar.Value, "'met' or a list of SLO names"));
            return null;
        }

        return new Expectation(false, m.StringList("slos"));
    }

    private static Fault ReadFault(MapReader scenario, BindContext context)
    {
        var m = scenario.Map("fault", "fault");
        if (m is null)
        {
            if (!scenario.Has("fault"))
            {
                scenario.ReportMissing("fault", "what breaks, such as { zone_down: a, for: 15m }");
            }

            return new Fault(FaultKind.Fail, string.Empty, null, null, null, null);
        }

        (string Key, FaultKind Kind)[] kinds = [("zone_down", FaultKind.ZoneDown), ("instance_down", FaultKind.InstanceDown), ("slow", FaultKind.Slow), ("fail", FaultKind.Fail)];
        var given = kinds.Where(k => m.Has(k.Key)).ToList();
        if (given.Count == 0)
        {
            context.Report(DiagnosticCodes.OneOfRequired(m.Span, m.Path, "fault", [.. kinds.Select(k => k.Key)]));
            return new Fault(FaultKind.Fail, string.Empty, null, null, null, m.Duration("for"));
        }

        if (given.Count > 1)
        {
            context.Report(DiagnosticCodes.MutuallyExclusive(m.KeySpan(given[1].Key), m.ChildPath(given[1].Key), given[0].Key, given[1].Key));
        }

        var (key, kind) = given[0];
        var add = m.Duration("add");
        if (kind == FaultKind.Slow && add is null && !m.Has("add"))
        {
            m.ReportMissing("add", "the latency to add, such as 200ms");
        }

        return new Fault(kind, m.String(key) ?? string.Empty, m.Int("instances", 1, 100_000), add, m.Ratio("error_rate"), m.Duration("for"));
    }
}
