using Plumbline.Design.Model;

namespace Plumbline.Design.Loading.Binding;

/// <summary><c>operations</c>: on-call, runbooks, telemetry, rollback.</summary>
internal static partial class DesignBinder
{
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
}
