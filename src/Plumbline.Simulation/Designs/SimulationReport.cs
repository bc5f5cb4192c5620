using System.Collections.Immutable;
using Plumbline.Design.Model;

namespace Plumbline.Simulation.Designs;

/// <summary>What to simulate: which scenarios, how long, how many replications.</summary>
/// <param name="Scenario">Null for the design's steady traffic; <c>all</c> for steady traffic and every load and chaos scenario; or a scenario's name.</param>
public sealed record SimulationRequest(SimulationOptions Options, int Replications = 1, string? Scenario = null)
{
    public const string All = "all";

    /// <summary>The scenarios a design offers by name: its load scenarios then its chaos scenarios.</summary>
    public static ImmutableArray<string> Names(SystemDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        return [.. design.Validation.Load.Select(l => l.Name), .. design.Validation.Chaos.Select(c => c.Name)];
    }
}

/// <summary>One figure of the estimate beside the simulation's.</summary>
/// <param name="Subject">A workflow or a component.</param>
/// <param name="Quantity">"p50", "p99", "utilisation".</param>
/// <param name="Estimate">The estimate's figure; null when it has none (no capacity, an unbounded path).</param>
/// <param name="Simulated">The simulation's figure (merged over replications).</param>
/// <param name="Tolerance">The relative difference within which the two are said to agree.</param>
/// <param name="Reason">Null when they agree; otherwise what the simulation saw that the estimate does not model.</param>
public sealed record Comparison(string Subject, string Quantity, double? Estimate, double Simulated, double Tolerance, string? Reason)
{
    /// <summary>(simulated - estimate) / estimate; null without an estimate.</summary>
    public double? RelativeDifference => Estimate is { } e && e != 0 ? (Simulated - e) / e : null;

    public bool Agrees => RelativeDifference is { } d && Math.Abs(d) <= Tolerance;
}

/// <summary>
/// A design simulated: the model's assumptions, each scenario's result, and (for the steady traffic) the estimate's
/// figures beside the simulation's.
/// </summary>
/// <param name="Seed">The seed: the same design, options, scenarios, replications and seed give the same report.</param>
public sealed record SimulationReport(
    string SystemName,
    SimulationOptions Options,
    int Replications,
    ulong Seed,
    ImmutableArray<SimulatedComponent> Components,
    ImmutableArray<string> Assumptions,
    ImmutableArray<ScenarioResult> Scenarios,
    ImmutableArray<Comparison> Comparisons)
{
    /// <summary>Expected SLOs not met, over every scenario.</summary>
    public int BrokenExpectations => Scenarios.Sum(s => s.Broken.Length);
}
