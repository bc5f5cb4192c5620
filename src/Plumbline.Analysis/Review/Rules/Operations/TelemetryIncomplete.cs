namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>Telemetry without metrics, traces or logs.</summary>
public sealed class TelemetryIncomplete : IRule
{
    public RuleInfo Info { get; } = new("telemetry-incomplete", ProcessStep.Observability, Severity.Medium,
        "Telemetry lacks metrics, traces or logs",
        "Metrics drive SLO alerts, traces show which hop of a request is slow or failing, and logs explain why; each one missing leaves a class of incident that on-call can see but not diagnose, or cannot see at all.",
        "State where each signal goes under operations.telemetry: metrics (prometheus...), traces (opentelemetry...) and logs (structured json to...).");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        if (design.Components.IsEmpty)
        {
            yield break;
        }

        var telemetry = design.Operations.Telemetry;
        var missing = new List<string>();
        if (OperationsFacts.IsUnstated(telemetry.Metrics))
        {
            missing.Add("metrics");
        }

        if (OperationsFacts.IsUnstated(telemetry.Traces))
        {
            missing.Add("traces");
        }

        if (OperationsFacts.IsUnstated(telemetry.Logs))
        {
            missing.Add("logs");
        }

        if (missing.Count == 0)
        {
            yield break;
        }

        var consequence = missing.Contains("metrics")
            ? "SLOs cannot be measured or alerted on"
            : missing.Contains("logs") ? "failures can be seen but not explained" : "a slow or failing hop cannot be found across services";
        yield return Info.At(context.Locate("/operations/telemetry"), "telemetry",
            $"operations.telemetry has no {string.Join(" or ", missing)}: {consequence}",
            missing is ["traces"] ? Severity.Low : Severity.Medium);
    }
}
