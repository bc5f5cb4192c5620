using System.Collections.Immutable;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;
using Plumbline.Design.Units;
using Plumbline.Design.Yaml;

namespace Plumbline.Design.Loading.Binding;

/// <summary><c>operations</c>: on-call, runbooks, telemetry, rollback.</summary>
internal static partial class DesignBinder
{
    private static OperationsPlan ReadOperations(MapReader map, BindContext context)
    {
        var telemetryMap = map.Map("telemetry", "telemetry");
        var telemetry = telemetryMap is null
            ? Telemetry.Empty
            : new Telemetry(telemetryMap.String("metrics"), telemetryMap.String("traces"), telemetryMap.String("logs"))
            {
                LatencyBuckets = ReadLatencyBuckets(telemetryMap, context),
            };
        var runbooks = ReadNamedList(map, "runbooks", "runbook", "runbook", "failure", context, m => new Runbook(
            m.RequiredString("failure", "the failure mode it handles"),
            m.String("detect"),
            m.StringList("mitigate", allowSingle: true),
            m.StringList("components"),
            m.String("link"),
            m.Path)
        {
            Slos = m.StringList("slos"),
        });
        var onCallMap = map.Map("on_call", "on_call");
        var onCall = onCallMap is null ? null : new OnCall(onCallMap.String("rotation"), onCallMap.StringList("escalation"));
        var alerting = map.Map("alerting", "alerting") is { } a ? ReadAlerting(a, "design", context) : null;
        return new OperationsPlan(telemetry, runbooks, map.String("rollback"), onCall, map.StringList("feature_flags"), map.Path)
        {
            Alerting = alerting,
        };
    }

    /// <summary><c>telemetry.latency_buckets</c>: durations longer than zero, each longer than the one before.</summary>
    private static ImmutableArray<Duration> ReadLatencyBuckets(MapReader telemetry, BindContext context)
    {
        var builder = ImmutableArray.CreateBuilder<Duration>();
        foreach (var (node, path) in telemetry.Items("latency_buckets"))
        {
            if (node is not YamlScalar scalar || scalar.IsNull)
            {
                context.Report(DiagnosticCodes.WrongType(node.Span, path, "a duration, such as 50ms", node));
                continue;
            }

            if (MapReader.ParseUnit(scalar, path, Duration.Parse, context) is not { } bucket)
            {
                continue;
            }

            if (bucket.Seconds <= 0)
            {
                context.Report(DiagnosticCodes.OutOfRange(scalar.Span, path, bucket.ToString(), "longer than zero"));
            }
            else if (builder.Count > 0 && bucket <= builder[^1])
            {
                context.Report(DiagnosticCodes.Inconsistent(scalar.Span, path,
                    $"bucket {bucket} is not longer than the bucket before it ({builder[^1]})", "list the boundaries in increasing order, each once"));
            }
            else
            {
                builder.Add(bucket);
            }
        }

        return builder.ToImmutable();
    }
}
