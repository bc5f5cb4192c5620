using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Availability;

/// <summary>What one workflow loses when a component fails.</summary>
/// <param name="Share">Share of the workflow's requests affected, 0..1: those that reach the component.</param>
/// <param name="Rate">The workflow's average rate per second, or null when unknown.</param>
public sealed record WorkflowImpact(string Workflow, Criticality Criticality, double Share, double? Rate);

/// <summary>
/// The blast radius of one component: the workflows that fail when it fails (they wait on it
/// through synchronous calls without a fallback), the workflows that only degrade (they reach it
/// through async hand-offs, queues or calls with a fallback), and the share of all traffic each
/// group carries.
/// </summary>
/// <param name="FailedTrafficShare">Share of all requests that fail, 0..1: each workflow's rate x its affected share, over the total rate.</param>
/// <param name="DegradedTrafficShare">Share of all requests that degrade, 0..1.</param>
/// <param name="TrafficKnown">False when no workflow's rate is known and every workflow was weighted equally.</param>
public sealed record ComponentBlastRadius(
    string Component,
    ImmutableArray<WorkflowImpact> Fails,
    ImmutableArray<WorkflowImpact> Degrades,
    double FailedTrafficShare,
    double DegradedTrafficShare,
    bool TrafficKnown);

/// <summary>Blast radius as a pure function of the design, so reports can show it beside the findings.</summary>
public static class BlastRadius
{
    /// <summary>
    /// The blast radius of <paramref name="component"/>. Workflow rates come from the estimate's
    /// average traffic; when none is known every workflow weighs the same.
    /// </summary>
    public static ComponentBlastRadius Of(SystemDesign design, CallGraph graph, EstimateReport? estimate, string component)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(graph);
        if (!graph.ComponentIndex.TryGetValue(component, out var target))
        {
            return new ComponentBlastRadius(component, [], [], 0, 0, false);
        }

        var rates = design.Workflows.Select((w, i) => estimate is not null && i < estimate.Traffic.Length ? estimate.Traffic[i].Average.Value : null).ToList();
        var known = rates.Any(r => r is > 0);
        var weights = rates.Select(r => known ? r ?? 0 : 1).ToList();
        var total = weights.Sum();

        var spreads = Spreads.For(design, graph);
        var fails = ImmutableArray.CreateBuilder<WorkflowImpact>();
        var degrades = ImmutableArray.CreateBuilder<WorkflowImpact>();
        double failed = 0, degraded = 0;
        for (var w = 0; w < design.Workflows.Length; w++)
        {
            var workflow = design.Workflows[w];
            if (spreads.Hard[w] is not { } hardShare)
            {
                continue;
            }

            var hard = Touch(spreads.OperationsOf[target], hardShare);
            if (hard > 0)
            {
                fails.Add(new WorkflowImpact(workflow.Name, workflow.Criticality, hard, rates[w]));
                failed += weights[w] * hard;
                continue;
            }

            if (spreads.OperationsOf[target].Any(op => spreads.Reached[w]![op]))
            {
                var any = Touch(spreads.OperationsOf[target], spreads.Any[w]!);
                var share = any > 0 ? any : 1;
                degrades.Add(new WorkflowImpact(workflow.Name, workflow.Criticality, share, rates[w]));
                degraded += weights[w] * share;
            }
        }

        return new ComponentBlastRadius(component, fails.ToImmutable(), degrades.ToImmutable(),
            total > 0 ? failed / total : 0, total > 0 ? degraded / total : 0, known);
    }

    /// <summary>Share of requests that run at least one of the component's operations.</summary>
    private static double Touch(List<int> operations, double[] share)
    {
        var none = 1.0;
        foreach (var op in operations)
        {
            none *= 1 - share[op];
        }

        return 1 - none;
    }

    /// <summary>Each workflow's shares through hard dependencies and through any edge, computed once per call graph.</summary>
    private sealed class Spreads
    {
        private static readonly ConditionalWeakTable<CallGraph, Spreads> Cache = [];

        private Spreads(SystemDesign design, CallGraph graph)
        {
            var n = design.Workflows.Length;
            Hard = new double[]?[n];
            Any = new double[]?[n];
            Reached = new bool[]?[n];
            for (var w = 0; w < n; w++)
            {
                var entry = graph.IndexOf(design.Workflows[w].Entry);
                if (entry < 0)
                {
                    continue;
                }

                Hard[w] = AvailabilityModel.Spread(graph, entry, AvailabilityModel.IsHardDependency).Share;
                Any[w] = AvailabilityModel.Spread(graph, entry, _ => true).Share;
                Reached[w] = Reach(graph, entry);
            }

            OperationsOf = new List<int>[graph.Components.Length];
            for (var c = 0; c < OperationsOf.Length; c++)
            {
                OperationsOf[c] = [];
            }

            for (var op = 0; op < graph.Operations.Length; op++)
            {
                OperationsOf[graph.ComponentOf[op]].Add(op);
            }
        }

        public double[]?[] Hard { get; }

        public double[]?[] Any { get; }

        public bool[]?[] Reached { get; }

        public List<int>[] OperationsOf { get; }

        /// <summary>The spreads of a design's graph; a graph belongs to one design, so the graph is the key.</summary>
        public static Spreads For(SystemDesign design, CallGraph graph) => Cache.GetValue(graph, g => new Spreads(design, g));

        private static bool[] Reach(CallGraph graph, int entry)
        {
            var seen = new bool[graph.Operations.Length];
            seen[entry] = true;
            var queue = new Queue<int>();
            queue.Enqueue(entry);
            while (queue.Count > 0)
            {
                foreach (var e in graph.Outgoing[queue.Dequeue()])
                {
                    if (!seen[graph.Edges[e].To])
                    {
                        seen[graph.Edges[e].To] = true;
                        queue.Enqueue(graph.Edges[e].To);
                    }
                }
            }

            return seen;
        }
    }
}
