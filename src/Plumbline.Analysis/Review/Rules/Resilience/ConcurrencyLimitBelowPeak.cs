using Plumbline.Analysis.Estimates;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>
/// A bulkhead on a call, or an admission limit on a component, with fewer slots than the stated peak keeps in flight
/// by Little's law (rate x time per request): it rejects or sheds requests at a normal peak, not only in an overload.
/// </summary>
public sealed class ConcurrencyLimitBelowPeak : IRule
{
    public RuleInfo Info { get; } = new("concurrency-limit-below-peak", ProcessStep.Scale, Severity.High,
        "A bulkhead or admission limit rejects requests at a normal peak",
        "A concurrency limit is there to reject the excess in an overload. By Little's law a steady arrival rate keeps rate x time-per-request requests in flight; a limit below that rejects part of the ordinary peak every day, and the rejections look like an outage of the callee that is not one.",
        "Raise the limit above rate x time per request at peak per instance (with room for the slow tail), add caller or server instances, or make the calls faster; then keep the limit as the bound on an overload.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var graph = context.Graph;
        var model = context.Model;
        var values = model.BaselineValues();
        var peak = model.Propagate(values).Peak;
        var typical = Concurrency.TypicalSeconds(model, values);
        var edgeOf = new Dictionary<Call, int>(ReferenceEqualityComparer.Instance);
        foreach (var edge in graph.Edges)
        {
            if (edge.Call is { } c && edge.Kind != Graph.EdgeKind.Delivery)
            {
                edgeOf.TryAdd(c, edge.Index);
            }
        }

        foreach (var site in context.Calls)
        {
            if (site.Call.Bulkhead is not { } bulkhead || !edgeOf.TryGetValue(site.Call, out var e))
            {
                continue;
            }

            var edge = graph.Edges[e];
            var instances = Concurrency.PeakInstances(site.Component);
            var rate = peak[edge.From] * model.EdgeFactor(values, edge) / instances;
            var seconds = typical[edge.To];
            var needed = Concurrency.InFlight(rate, seconds);
            if (!(needed > bulkhead.MaxConcurrent))
            {
                continue;
            }

            var harm = site.Call.Fallback is not null || site.Call.FallbackTo is not null
                ? "its fallback answers instead" : "the request fails";
            yield return Info.At(context.Span(bulkhead.Path), site.Call.Id,
                $"{site.Call.Id}'s bulkhead lets {bulkhead.MaxConcurrent} call{(bulkhead.MaxConcurrent == 1 ? string.Empty : "s")} be in flight per instance of {site.Component.Name}, "
                + $"but at peak {Each(instances)} makes {Quantities.Rate(rate)} of them, each taking {Quantities.Duration(seconds)}: "
                + $"{Quantities.Number(needed, "0.#")} in flight (rate x time); it rejects about {Quantities.Percent(1 - (bulkhead.MaxConcurrent / needed))} of them at a normal peak and {harm}",
                site.Call.Fallback is not null || site.Call.FallbackTo is not null ? Severity.Medium : Severity.High);
        }

        foreach (var component in context.Design.Components)
        {
            if (component.Admission is not { MaxInFlight: { } limit } admission || !graph.ComponentIndex.TryGetValue(component.Name, out var c))
            {
                continue;
            }

            var instances = Concurrency.PeakInstances(component);
            var rate = 0.0;
            var needed = 0.0;
            foreach (var op in graph.OperationsOf[c])
            {
                rate += peak[op] / instances;
                needed += Concurrency.InFlight(peak[op] / instances, typical[op]);
            }

            if (!(needed > limit) || !(rate > 0))
            {
                continue;
            }

            yield return Info.At(context.Span(admission.Path + "/max_in_flight"), component.Name,
                $"{component.Name} admits {limit} request{(limit == 1 ? string.Empty : "s")} in flight per instance, but at peak {Each(instances)} "
                + $"receives {Quantities.Rate(rate)} taking {Quantities.Duration(needed / rate)} on average: {Quantities.Number(needed, "0.#")} in flight (rate x time); "
                + $"it sheds about {Quantities.Percent(1 - (limit / needed))} of its requests at a normal peak");
        }
    }

    private static string Each(int instances) => instances == 1 ? "its one instance" : $"each of its {instances} instances";
}
