using System.Collections.Immutable;
using Plumbline.Design.Text;

namespace Plumbline.Simulation.Designs;

/// <summary>One SLO as one scenario of a simulation met it or not.</summary>
/// <param name="Sli">availability or latency, as the design writes it.</param>
/// <param name="Achieved">The share of valid requests that were good, 0..1.</param>
/// <param name="Expected">Whether the scenario expects to meet it (a broken expectation fails <c>simulate --fail-on broken</c>).</param>
public sealed record SimulatedSlo(string Scenario, string Slo, string Workflow, string Sli, double Objective, double Achieved, bool Met, bool Expected);

/// <summary>
/// What a simulation found for each SLO, scenario by scenario, and where the figures came from: a run made for this
/// purpose, or the JSON of an earlier <c>plumbline simulate --format json</c> read back. The design document and the
/// diff show it; the run's full report, when there is one, travels beside it.
/// </summary>
/// <param name="Source">Where the figures come from, in words (<c>a simulation run for this document: seed 1, ...</c>).</param>
public sealed record SimulationSummary(string System, ulong Seed, string Source, ImmutableArray<SimulatedSlo> Slos)
{
    /// <summary>The summary of a simulation just run.</summary>
    public static SimulationSummary Of(SimulationReport report, string source)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new SimulationSummary(report.SystemName, report.Seed, source, [.. report.Scenarios.SelectMany(s => s.Slos.Select(slo =>
            new SimulatedSlo(s.Scenario, slo.Slo, slo.Workflow, EnumNames.Text(slo.Sli), slo.Objective, slo.Achieved, slo.Met, s.Expected.Contains(slo.Slo))))]);
    }
}
