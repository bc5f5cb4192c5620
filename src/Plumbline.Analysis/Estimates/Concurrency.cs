using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Estimates;

/// <summary>
/// Concurrency by Little's law: requests in flight = arrival rate x time each spends in flight. One place for the
/// arithmetic that holds a bulkhead's or an admission limit's slots against what a stated peak needs, and for what
/// a concurrency bound lets through (slots / time per request).
/// </summary>
public static class Concurrency
{
    /// <summary>
    /// The typical time of one execution of each operation, in seconds: its own mean (else its p50, a lower bound
    /// of the mean for latency skewed to the right, so the rules that use it err toward silence), plus its
    /// synchronous calls, each taken with its probability, a sequential call <c>count</c> times and a run of
    /// neighbouring parallel calls as its slowest. Async calls and queue deliveries do not hold the caller.
    /// Callees before callers, without recursion.
    /// </summary>
    public static double[] TypicalSeconds(LoadModel model, double[] values)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = model.Graph;
        var time = new double[graph.Operations.Length];
        for (var i = graph.Order.Length - 1; i >= 0; i--)
        {
            var op = graph.Order[i];
            var total = OwnTypical(graph.Operations[op]);
            var run = 0.0;
            foreach (var e in graph.Outgoing[op].OrderBy(e => graph.Edges[e].Call?.Index ?? int.MaxValue))
            {
                var edge = graph.Edges[e];
                var call = edge.Kind == EdgeKind.Sync && edge.To != op ? edge.Call : null;
                if (call is null)
                {
                    continue;
                }

                var p = model.EdgeProbability(values, edge);
                if (call.Parallel)
                {
                    run = Math.Max(run, p * time[edge.To]);
                    continue;
                }

                total += run + (p * call.Count * time[edge.To]);
                run = 0;
            }

            time[op] = total + run;
        }

        return time;
    }

    /// <summary>An operation's own typical time: its stated mean, else its p50, else 0.</summary>
    public static double OwnTypical(Operation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.Latency?.Mean?.Seconds ?? operation.Latency?.P50?.Seconds ?? 0;
    }

    /// <summary>Little's law: requests in flight at <paramref name="perSecond"/> arrivals that each take <paramref name="seconds"/>.</summary>
    public static double InFlight(double perSecond, double seconds) => perSecond * seconds;

    /// <summary>The most requests per second <paramref name="slots"/> let through when each takes <paramref name="seconds"/>: slots / seconds (unbounded at 0 s).</summary>
    public static double Admits(double slots, double seconds) => seconds > 0 ? slots / seconds : double.PositiveInfinity;

    /// <summary>
    /// The instances a component serves with at peak: the autoscaler's max when it has one (the most it can bring,
    /// so the per-instance figures are the least they can be), else its instances.
    /// </summary>
    public static int PeakInstances(Component component)
    {
        ArgumentNullException.ThrowIfNull(component);
        return Math.Max(1, component.Autoscaling?.Max ?? component.Instances);
    }
}
