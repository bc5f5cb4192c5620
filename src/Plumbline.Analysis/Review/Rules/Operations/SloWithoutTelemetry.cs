namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>
/// An SLO nothing can measure at its workflow's entry: no metrics system is stated, or no HTTP endpoint
/// serves the workflow (so the default OpenTelemetry queries have no route to select) and the SLO gives no query.
/// </summary>
public sealed class SloWithoutTelemetry : IRule
{
    public RuleInfo Info { get; } = new("slo-without-telemetry", ProcessStep.Observability, Severity.Medium,
        "An SLO has no telemetry at its workflow's entry",
        "An SLO is only as real as the measurement behind it: if nothing counts the workflow's requests and failures where they enter, the error budget and its burn-rate alerts exist on paper, and the first sign of trouble is a user's complaint.",
        "State where metrics go (operations.telemetry.metrics), and give the workflow an HTTP endpoint in api.endpoints (its route selects the OpenTelemetry server metrics), or give the SLO its own query (slos[].query.errors and total).");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var metrics = context.Design.Operations.Telemetry.Metrics;
        var noMetrics = OperationsFacts.IsUnstated(metrics);
        foreach (var slo in context.Slos.Slos)
        {
            if (noMetrics)
            {
                yield return Info.At(context.KeySpan(slo.Slo.Path), slo.Name,
                    $"{slo.Name} measures {slo.Subject}, but operations.telemetry names no metrics system: nothing records its requests, so its budget and alerts cannot be computed");
                continue;
            }

            if (slo.Slo.Query is { Errors: not null } || (slo.Slo.Query?.Histogram is not null))
            {
                continue;
            }

            foreach (var target in slo.Targets.Where(t => !t.HasEndpoints))
            {
                var workflow = context.Design.FindWorkflow(target.Workflow);
                yield return Info.At(context.KeySpan(slo.Slo.Path), $"{slo.Name}:{target.Workflow}",
                    $"{slo.Name} measures {target.Workflow}, which enters at {workflow?.Entry.ToString() ?? "its entry"}, but no HTTP endpoint in api.endpoints serves it and the SLO gives no query: nothing selects its requests, so the exported rules leave it out");
            }
        }
    }
}
