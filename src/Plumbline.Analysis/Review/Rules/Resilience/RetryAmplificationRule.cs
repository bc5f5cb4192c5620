using System.Globalization;
using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Estimates;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>Retries at several layers multiply: the operation at the bottom of the path gets many attempts for each request when it struggles.</summary>
public sealed class RetryAmplificationRule : IRule
{
    public RuleInfo Info { get; } = new("retry-amplification", ProcessStep.Resilience, Severity.Medium,
        "Retries at several layers multiply past the threshold",
        "Retries nest: three layers of 3 attempts send 27 attempts to the bottom for every request, exactly when it is already failing, which turns a slowdown into an outage.",
        "Retry at one layer (usually the one closest to the user or to the failing call), cap retries with a retry budget, and put a circuit breaker on the deepest call; or bound what reaches the bottom with a bulkhead on the retried call or admission control on its component that admits no more than it sustains.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var graph = context.Graph;
        var threshold = context.Options.AmplificationThreshold;
        var all = RetryAmplification.Of(context.Design, graph);
        var byOperation = all.ToDictionary(a => a.Operation);
        double[]? typical = null;
        foreach (var amplified in all)
        {
            if (amplified.Factor <= threshold || amplified.Last is not { } last)
            {
                continue;
            }

            if (last.Call?.Retries is not { Max: > 0 } || (byOperation.TryGetValue(last.From, out var caller) && caller.Factor > threshold))
            {
                continue;
            }

            var target = graph.Operations[amplified.Operation].RefText;
            var bound = Bound(context, amplified.Operation, last, ref typical);
            if (bound.Credited)
            {
                continue; // a bulkhead or admission control keeps what reaches it within what it sustains
            }

            yield return Info.At(context.Span(last.Call.Path + "/retries"), target,
                string.Create(CultureInfo.InvariantCulture,
                    $"{target} can get {amplified.Factor:0.##} attempts per request when every layer retries, above the {threshold:0.##}x threshold: {amplified.Describe(graph)}{bound.Note}"));
        }
    }

    /// <summary>
    /// Whether a bound stands between the amplified attempts and <paramref name="operation"/>'s component: admission
    /// control there that is adaptive or sheds by queue time, or a bulkhead on the retried call or an in-flight limit
    /// there whose slots over the time per call (Little's law) admit no more than the component sustains. The note
    /// says what a bound that is too loose lets through.
    /// </summary>
    private static (bool Credited, string Note) Bound(ReviewContext context, int operation, Graph.CallEdge edge, ref double[]? typical)
    {
        var retried = edge.Call!;
        var graph = context.Graph;
        var component = graph.Components[graph.ComponentOf[operation]];
        if (component.Admission is { } a && (a.Adaptive || a.MaxQueueTime is not null))
        {
            return (true, string.Empty);
        }

        var capacity = context.Estimate.Components.FirstOrDefault(c => c.Component == component.Name)?.Capacity.Value;
        var admits = double.PositiveInfinity;
        var what = string.Empty;
        if (component.Admission is { MaxInFlight: { } inFlight } || retried.Bulkhead is not null)
        {
            typical ??= Concurrency.TypicalSeconds(context.Model, context.Model.BaselineValues());
            var seconds = typical[operation];
            if (component.Admission is { MaxInFlight: { } limit })
            {
                admits = Concurrency.Admits((double)limit * Concurrency.PeakInstances(component), seconds);
                what = $"its admission control admits {Quantities.Rate(admits)} ({limit} in flight x {Concurrency.PeakInstances(component)} instances / {Quantities.Duration(seconds)})";
            }

            if (retried.Bulkhead is { } bulkhead)
            {
                var caller = graph.Components[graph.ComponentOf[edge.From]];
                var through = Concurrency.Admits((double)bulkhead.MaxConcurrent * Concurrency.PeakInstances(caller), seconds);
                if (through < admits)
                {
                    admits = through;
                    what = $"the retried call's bulkhead admits {Quantities.Rate(admits)} ({bulkhead.MaxConcurrent} in flight x {Concurrency.PeakInstances(caller)} instances of {caller.Name} / {Quantities.Duration(seconds)})";
                }
            }
        }

        if (capacity is not { } sustains || double.IsPositiveInfinity(admits))
        {
            return (false, string.Empty);
        }

        return admits <= sustains ? (true, string.Empty) : (false, $"; {what}, above the {Quantities.Rate(sustains)} {component.Name} sustains");
    }
}
