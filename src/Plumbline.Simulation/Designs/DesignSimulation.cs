using System.Collections.Immutable;
using HdrHistogram;
using Plumbline.Simulation.Statistics;

namespace Plumbline.Simulation.Designs;

/// <summary>
/// Simulates a compiled design under a scenario: replication i runs on stream i of the seed, on every core, and the
/// replications are merged in order (counts summed, latency percentiles from the merged HDR histograms, utilisations and
/// p99s averaged with a 95% confidence interval, SLOs judged over the summed windows), so the result depends only on the
/// design, the scenario, the options, the seed and the number of replications.
/// </summary>
public static class DesignSimulation
{
    /// <summary>Most replications of one scenario.</summary>
    public const int MaxReplications = 1000;

    /// <param name="progress">Given the share done (0 to 1) over all replications, from any thread.</param>
    public static ScenarioResult Run(
        DesignModel model,
        SimulationScenario scenario,
        SimulationOptions options,
        int replications = 1,
        Action<double>? progress = null,
        int? parallelism = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(replications, MaxReplications);
        var done = new double[replications];
        var runs = Replications.Run(replications, r => new DesignRun(model, scenario, options, r).Run(
            progress is null ? null : share =>
            {
                Volatile.Write(ref done[r], share);
                progress(done.Sum() / replications);
            }), parallelism, cancellation);
        return Merge(scenario, options, runs);
    }

    private static ScenarioResult Merge(SimulationScenario scenario, SimulationOptions options, IReadOnlyList<SimulationRun> runs)
    {
        var first = runs[0];
        var workflows = ImmutableArray.CreateBuilder<WorkflowResult>();
        var p99 = ImmutableArray.CreateBuilder<ReplicatedFigure>();
        for (var w = 0; w < first.Workflows.Length; w++)
        {
            var merged = (LongHistogram)first.Histograms[w].Copy();
            foreach (var run in runs.Skip(1))
            {
                merged.Add(run.Histograms[w]);
            }

            var each = runs.Select(r => r.Workflows[w]).ToList();
            workflows.Add(new WorkflowResult(
                first.Workflows[w].Workflow,
                each.Sum(x => x.Requests),
                each.Sum(x => x.Succeeded),
                each.Sum(x => x.Timeouts),
                each.Sum(x => x.Rejected),
                each.Sum(x => x.Unavailable),
                each.Sum(x => x.Errors),
                each.Sum(x => x.CircuitOpen),
                each.Sum(x => x.Degraded),
                each.Sum(x => x.Unfinished),
                each.Average(x => x.Throughput),
                DesignRun.Percentiles(merged)));
            p99.Add(Figure(each.Select(x => x.Latency.P99).ToList()));
        }

        var utilisation = ImmutableArray.CreateBuilder<ReplicatedFigure>();
        for (var c = 0; c < first.Components.Length; c++)
        {
            utilisation.Add(Figure(runs.Select(r => r.Components[c].Utilisation).ToList()));
        }

        var faultEnd = scenario.Faults.IsDefaultOrEmpty ? (double?)null : scenario.Faults.Max(f => Math.Min(f.End, first.Duration));
        var slos = ImmutableArray.CreateBuilder<SloResult>();
        for (var s = 0; s < first.SloDefinitions.Length; s++)
        {
            var windows = first.SloWindows[s].ToArray();
            foreach (var run in runs.Skip(1))
            {
                var other = run.SloWindows[s];
                for (var i = 0; i < Math.Min(windows.Length, other.Length); i++)
                {
                    windows[i] = windows[i].Valid < 0 ? windows[i] : (windows[i].Good + other[i].Good, windows[i].Valid + other[i].Valid);
                }
            }

            slos.Add(SloJudge.Judge(first.SloDefinitions[s], windows, first.Window, faultEnd));
        }

        ImmutableArray<string> expected = scenario.Expect is not { } expect ? []
            : expect.AllSlos ? [.. first.SloDefinitions.Select(s => s.Name)]
            : [.. expect.Slos];
        return new ScenarioResult(scenario.Name, options.Seed, [.. runs], workflows.ToImmutable(), utilisation.ToImmutable(), p99.ToImmutable(),
            slos.ToImmutable(), expected, scenario.Faults.IsDefault ? [] : scenario.Faults);
    }

    private static ReplicatedFigure Figure(IReadOnlyList<double> values)
    {
        var known = values.Where(double.IsFinite).ToList();
        if (known.Count == 0)
        {
            return new ReplicatedFigure(double.NaN, null);
        }

        return new ReplicatedFigure(known.Average(), known.Count >= 2 ? ConfidenceInterval.ForMean(known, 0.95) : null);
    }
}
