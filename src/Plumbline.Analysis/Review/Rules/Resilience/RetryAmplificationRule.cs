using System.Globalization;
using Plumbline.Analysis.Availability;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>Retries at several layers multiply: the operation at the bottom of the path gets many attempts for each request when it struggles.</summary>
public sealed class RetryAmplificationRule : IRule
{
    public RuleInfo Info { get; } = new("retry-amplification", ProcessStep.Resilience, Severity.Medium,
        "Retries at several layers multiply past the threshold",
        "Retries nest: three layers of 3 attempts send 27 attempts to the bottom for every request, exactly when it is already failing, which turns a slowdown into an outage.",
        "Retry at one layer (usually the one closest to the user or to the failing call), cap retries with a retry budget, and put a circuit breaker on the deepest call.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var graph = context.Graph;
        var threshold = context.Options.AmplificationThreshold;
        var all = RetryAmplification.Of(context.Design, graph);
        var byOperation = all.ToDictionary(a => a.Operation);
        foreach (var amplified in all)
        {
            if (amplified.Factor <= threshold || amplified.Path.IsEmpty)
            {
                continue;
            }

            var last = amplified.Path[^1];
            if (last.Call?.Retries is not { Max: > 0 } || (byOperation.TryGetValue(last.From, out var caller) && caller.Factor > threshold))
            {
                continue;
            }

            var target = graph.Operations[amplified.Operation].Ref.ToString();
            yield return Info.At(context.Span(last.Call.Path + "/retries"), target,
                string.Create(CultureInfo.InvariantCulture,
                    $"{target} can get {amplified.Factor:0.##} attempts per request when every layer retries, above the {threshold:0.##}x threshold: {amplified.Describe(graph)}"));
        }
    }
}
