using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>
/// A component that critical workflows wait on and lesser workflows (medium or low criticality) also load, where the
/// lesser workflows retrying to their limit when it slows would send it more than it sustains beside the critical
/// load, and nothing stands between them: no bulkhead on the lesser calls that bounds them below the room left, and
/// no admission control that sheds lesser work first.
/// </summary>
public sealed class SharedDependencyWithoutBulkhead : IRule
{
    public RuleInfo Info { get; } = new("shared-dependency-without-bulkhead", ProcessStep.Resilience, Severity.Medium,
        "Lesser workflows can take a shared dependency from the critical ones",
        "When a dependency slows, every caller retries: the lesser workflows' retries land on the same instances the critical workflows wait on, and the critical path fails for a report, a crawler or a feed that could have waited. A bulkhead bounds what one kind of work may hold; shedding by criticality drops the lesser work first.",
        "Put a bulkhead (max_concurrent) on the lesser workflows' calls to it, small enough that their worst retries fit beside the critical load, or give the dependency admission control that sheds by criticality (admission: { ..., by_criticality: true }); or give the critical workflows their own instances.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        var graph = context.Graph;
        var model = context.Model;
        var values = model.BaselineValues();
        var typical = (double[]?)null;
        var critical = new List<(Workflow Workflow, double Peak, double[] Visits)>();
        var lesser = new List<(Workflow Workflow, double Peak, double[] Worst)>();
        for (var w = 0; w < design.Workflows.Length; w++)
        {
            var workflow = design.Workflows[w];
            var entry = graph.IndexOf(workflow.Entry);
            if (entry < 0 || model.WorkflowPeak(values, w) is not (> 0 and var peak) || !double.IsFinite(peak))
            {
                continue;
            }

            if (workflow.Criticality == Criticality.Critical)
            {
                critical.Add((workflow, peak, Visits(context, entry, values, worst: false, syncOnly: true)));
            }
            else if (workflow.Criticality is Criticality.Medium or Criticality.Low)
            {
                lesser.Add((workflow, peak, Visits(context, entry, values, worst: true, syncOnly: false)));
            }
        }

        if (critical.Count == 0 || lesser.Count == 0)
        {
            yield break;
        }

        foreach (var capacity in context.Estimate.Components)
        {
            if (!graph.ComponentIndex.TryGetValue(capacity.Component, out var c) || capacity.Capacity.Value is not (> 0 and var cap)
                || capacity.PeakLoad.Value is not { } load || load > cap)
            {
                continue; // unstated capacity, or already over it at peak (over-capacity-at-peak says so)
            }

            var component = graph.Components[c];
            var ops = graph.OperationsOf[c];
            var criticalLoad = 0.0;
            var criticalNames = new List<string>();
            foreach (var (workflow, peak, visits) in critical)
            {
                var here = ops.Sum(op => visits[op]) * peak;
                if (here > 0)
                {
                    criticalLoad += here;
                    criticalNames.Add(workflow.Name);
                }
            }

            if (criticalLoad <= 0 || component.Admission is { ByCriticality: true })
            {
                continue;
            }

            // The lesser workflows' worst attempts into the component, edge by edge, each capped by its bulkhead.
            var opSet = ops.ToHashSet();
            var worstLoad = 0.0;
            var bounded = 0.0;
            var bulkheads = 0;
            var lesserNames = new List<string>();
            foreach (var (workflow, peak, worst) in lesser)
            {
                var entry = graph.IndexOf(workflow.Entry);
                var here = opSet.Contains(entry) ? peak : 0;
                if (ops.Sum(op => worst[op]) > 0)
                {
                    lesserNames.Add(workflow.Name);
                }

                worstLoad += here;
                bounded += here;
            }

            foreach (var op in ops)
            {
                foreach (var e in graph.Incoming[op])
                {
                    var edge = graph.Edges[e];
                    var arriving = 0.0;
                    foreach (var (_, peak, worst) in lesser)
                    {
                        arriving += peak * worst[edge.From] * WorstFactor(context, values, edge);
                    }

                    if (arriving <= 0)
                    {
                        continue;
                    }

                    worstLoad += arriving;
                    if (edge.Call?.Bulkhead is { } bulkhead)
                    {
                        typical ??= Concurrency.TypicalSeconds(model, values);
                        var caller = graph.Components[graph.ComponentOf[edge.From]];
                        bounded += Math.Min(arriving, Concurrency.Admits((double)bulkhead.MaxConcurrent * Concurrency.PeakInstances(caller), typical[edge.To]));
                        bulkheads++;
                    }
                    else
                    {
                        bounded += arriving;
                    }
                }
            }

            if (worstLoad <= 0 || criticalLoad + bounded <= cap)
            {
                continue;
            }

            var shedding = component.Admission is not null ? $"; its admission control sheds critical and lesser requests alike" : string.Empty;
            var walls = bulkheads > 0
                ? $"; the bulkheads on their calls still let {Quantities.Rate(bounded)} through"
                : string.Empty;
            yield return Info.At(context.KeySpan(component.Path), component.Name,
                $"{component.Name} carries critical {string.Join(", ", criticalNames)} ({Quantities.Rate(criticalLoad)} at peak) and lesser {string.Join(", ", lesserNames)}; "
                + $"when it slows and every layer retries, the lesser workflows send it up to {Quantities.Rate(worstLoad)}{walls}, and {Quantities.Rate(criticalLoad)} + {Quantities.Rate(bounded)} = {Quantities.Rate(criticalLoad + bounded)} "
                + $"is above the {Quantities.Rate(cap)} it sustains: the lesser traffic takes the capacity the critical workflows wait on{shedding}");
        }
    }

    /// <summary>Load per request of the workflow entering at <paramref name="entry"/> on each operation: expected attempts, or each call's every attempt when <paramref name="worst"/>.</summary>
    private static double[] Visits(ReviewContext context, int entry, double[] values, bool worst, bool syncOnly)
    {
        var graph = context.Graph;
        var visits = new double[graph.Operations.Length];
        visits[entry] = 1;
        foreach (var op in graph.Order)
        {
            if (visits[op] == 0)
            {
                continue;
            }

            foreach (var e in graph.Outgoing[op])
            {
                var edge = graph.Edges[e];
                if (syncOnly && edge.Kind != EdgeKind.Sync)
                {
                    continue;
                }

                visits[edge.To] += visits[op] * (worst ? WorstFactor(context, values, edge) : context.Model.EdgeFactor(values, edge));
            }
        }

        return visits;
    }

    /// <summary>Load carried along an edge per unit of the caller's load when every attempt is made: probability x count x (1 + retries).</summary>
    private static double WorstFactor(ReviewContext context, double[] values, CallEdge edge) =>
        edge.Call is { } call && edge.Kind != EdgeKind.Delivery
            ? context.Model.EdgeProbability(values, edge) * call.Count * Attempts.Max(call)
            : context.Model.EdgeFactor(values, edge);
}
