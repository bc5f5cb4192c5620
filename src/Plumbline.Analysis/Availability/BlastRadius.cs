using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Availability;

/// <summary>What one workflow loses when a component fails.</summary>
/// <param name="Share">Share of the workflow's requests affected, 0..1: those the component's failure reaches, counted as the availability figure counts them (<see cref="AvailabilityModel.Exposure"/>).</param>
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
    bool TrafficKnown)
{
    /// <summary>The isolated cells the component is partitioned into (1 when none): the failure is one cell's, and the shares are that cell's part.</summary>
    public int Cells { get; init; } = 1;
}

/// <summary>Blast radius as a pure function of the design, so reports can show it beside the findings.</summary>
public static class BlastRadius
{
    /// <summary>The workflows' weights, once per estimate (or per graph when there is none), not once per component.</summary>
    private static readonly ConditionalWeakTable<object, Weights> WeightsCache = [];

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

        var (rates, weights, total, known) = WeightsCache.GetValue((object?)estimate ?? graph, _ => Weigh(design, estimate));

        // A component partitioned into cells fails one cell at a time: a cell serves 1 / cells of what reaches it.
        var cells = graph.Components[target].CellCount;
        var cell = 1.0 / cells;

        var fails = ImmutableArray.CreateBuilder<WorkflowImpact>();
        var degrades = ImmutableArray.CreateBuilder<WorkflowImpact>();
        double failed = 0, degraded = 0;
        foreach (var touch in WorkflowSpreads.For(design, graph).Touches(target))
        {
            var w = touch.Workflow;
            var workflow = design.Workflows[w];
            if (touch.Hard > 0)
            {
                fails.Add(new WorkflowImpact(workflow.Name, workflow.Criticality, touch.Hard * cell, rates[w]));
                failed += weights[w] * touch.Hard * cell;
                continue;
            }

            // Reached only through calls made on no execution (a probability of 0, a cache that always hits): untouched.
            if (touch.Any <= 0)
            {
                continue;
            }

            var share = touch.Any * cell;
            degrades.Add(new WorkflowImpact(workflow.Name, workflow.Criticality, share, rates[w]));
            degraded += weights[w] * share;
        }

        return new ComponentBlastRadius(component, fails.ToImmutable(), degrades.ToImmutable(),
            total > 0 ? failed / total : 0, total > 0 ? degraded / total : 0, known) { Cells = cells };
    }

    private static Weights Weigh(SystemDesign design, EstimateReport? estimate)
    {
        var rates = design.Workflows.Select((w, i) => estimate is not null && i < estimate.Traffic.Length ? estimate.Traffic[i].Average.Value : null).ToArray();
        var known = rates.Any(r => r is > 0);
        var weights = rates.Select(r => known ? r ?? 0 : 1).ToArray();
        return new Weights(rates, weights, weights.Sum(), known);
    }

    private sealed record Weights(double?[] Rates, double[] Values, double Total, bool Known);
}
