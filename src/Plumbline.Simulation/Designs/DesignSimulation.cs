using System.Collections.Immutable;
using System.Globalization;
using HdrHistogram;
using Plumbline.Analysis.Estimates;
using Plumbline.Design.Model;
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

    /// <summary>Relative difference within which a simulated latency percentile agrees with the estimate's.</summary>
    public const double LatencyTolerance = 0.05;

    /// <summary>Relative difference within which a simulated utilisation agrees with the estimate's.</summary>
    public const double UtilisationTolerance = 0.02;

    /// <summary>
    /// Simulates a loaded design (one without errors) as asked: the steady traffic, one named scenario, or all of them;
    /// with the steady traffic, the estimate's latency and utilisation beside the simulation's.
    /// </summary>
    /// <param name="progress">Given the scenario's name and the share of it done, from any thread.</param>
    /// <exception cref="ArgumentException">The request names a scenario the design does not have, or its options are not usable.</exception>
    public static SimulationReport Simulate(
        SystemDesign design,
        SimulationRequest request,
        Action<string, double>? progress = null,
        int? parallelism = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Options.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(request));
        }

        var options = request.Options;
        var scenarios = new List<SimulationScenario>();
        if (request.Scenario is null or SimulationRequest.All)
        {
            scenarios.Add(SimulationScenario.Steady);
        }

        foreach (var load in design.Validation.Load)
        {
            if (request.Scenario == SimulationRequest.All || request.Scenario == load.Name)
            {
                scenarios.Add(SimulationScenario.FromLoad(load));
            }
        }

        foreach (var chaos in design.Validation.Chaos)
        {
            if (request.Scenario == SimulationRequest.All || request.Scenario == chaos.Name)
            {
                scenarios.Add(SimulationScenario.FromChaos(chaos, options.Duration));
            }
        }

        if (scenarios.Count == 0)
        {
            throw new ArgumentException($"the design has no scenario named '{request.Scenario}'", nameof(request));
        }

        var model = DesignModel.Compile(design, options);
        var results = ImmutableArray.CreateBuilder<ScenarioResult>();
        foreach (var scenario in scenarios)
        {
            results.Add(Run(model, scenario, options, request.Replications,
                progress is null ? null : share => progress(scenario.Name, share), parallelism, cancellation));
        }

        var steady = results.FirstOrDefault(r => r.Scenario == SimulationScenario.Steady.Name);
        var comparisons = steady is null ? [] : Compare(model, Estimator.Estimate(design), steady, options);
        return new SimulationReport(design.System.Name, options, request.Replications, options.Seed, model.Components, model.Assumptions,
            results.ToImmutable(), comparisons);
    }

    /// <summary>The estimate's latency percentiles and utilisations beside the simulation's, and where they part, why.</summary>
    private static ImmutableArray<Comparison> Compare(DesignModel model, EstimateReport estimate, ScenarioResult steady, SimulationOptions options)
    {
        var peak = options.Load == SimulatedLoad.Peak;
        var list = ImmutableArray.CreateBuilder<Comparison>();
        var run = steady.Runs[0];
        var busiest = steady.Utilisation.Select((u, c) => (u.Mean, c)).Where(x => double.IsFinite(x.Mean)).OrderByDescending(x => x.Mean).FirstOrDefault();
        var retried = run.Calls.Where(c => c.Amplification > 1.001).Select(c => c.Call).ToList();
        foreach (var workflow in steady.Workflows)
        {
            var latency = estimate.Latency.FirstOrDefault(l => l.Workflow == workflow.Workflow);
            if (workflow.Latency.Count == 0)
            {
                continue;
            }

            string? Why(double? e, double simulated)
            {
                if (e is not { } value || value == 0 || Math.Abs((simulated - value) / value) <= LatencyTolerance)
                {
                    return e is null ? "the estimate has no figure (an unbounded path)" : null;
                }

                var reasons = new List<string>();
                if (workflow.Failed > 0)
                {
                    reasons.Add(Invariant($"{100.0 * workflow.Failed / workflow.Requests:0.##}% of requests failed (timeouts, rejections, errors)"));
                }

                if (busiest.Mean >= 0.5)
                {
                    reasons.Add(Invariant($"queueing: {model.Components[busiest.c].Name} is {busiest.Mean * 100:0}% busy, and its queue is M/G/k, not the estimate's M/M/c"));
                }

                if (retried.Count > 0)
                {
                    reasons.Add($"retries on {string.Join(", ", retried.Take(3))}");
                }

                if (reasons.Count == 0)
                {
                    reasons.Add(workflow.Latency.Count < 10_000
                        ? "sampling: too few requests for this percentile; run longer or with more replications"
                        : "the estimate's composition on a grid of 4,096 points, and sampling");
                }

                return string.Join("; ", reasons);
            }

            var p50 = (peak ? latency?.PeakP50 : latency?.P50)?.Value;
            var p99 = (peak ? latency?.PeakP99 : latency?.P99)?.Value;
            list.Add(new Comparison(workflow.Workflow, "p50", p50, workflow.Latency.P50, LatencyTolerance, Why(p50, workflow.Latency.P50)));
            list.Add(new Comparison(workflow.Workflow, "p99", p99, workflow.Latency.P99, LatencyTolerance, Why(p99, workflow.Latency.P99)));
        }

        for (var c = 0; c < model.Components.Length; c++)
        {
            var simulated = steady.Utilisation[c].Mean;
            if (!double.IsFinite(simulated))
            {
                continue;
            }

            var capacity = estimate.Components.FirstOrDefault(x => x.Component == model.Components[c].Name);
            var e = (peak ? capacity?.PeakUtilisation : capacity?.AverageUtilisation)?.Value;
            string? reason = null;
            if (e is not { } value || value == 0 || Math.Abs((simulated - value) / value) > UtilisationTolerance)
            {
                var component = model.Design.Components[c];
                var reasons = new List<string>();
                if (component.Capacity is { Total: null } || model.Components[c].Instances > model.Components[c].Primaries)
                {
                    reasons.Add("the estimate counts its binding load (reads or writes) alone; the simulation, every operation on every copy");
                }

                if (model.Graph.OperationsOf[c].Any(op => model.Graph.Incoming[op].Any(i => model.Graph.Edges[i].Call?.Retries is not null)))
                {
                    reasons.Add(Invariant($"the estimate adds the retries expected at a {estimate.Options.FailureProbability * 100:0.##}% failure per attempt"));
                }

                if (reasons.Count == 0)
                {
                    reasons.Add("sampling: run longer or with more replications");
                }

                reason = string.Join("; ", reasons);
            }

            list.Add(new Comparison(model.Components[c].Name, "utilisation", e, simulated, UtilisationTolerance, reason));
        }

        return list.ToImmutable();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

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
        var failovers = first.Failovers.Select((f, i) => f with
        {
            WritesRefused = runs.Average(r => i < r.Failovers.Length ? r.Failovers[i].WritesRefused : 0),
            WritesLost = runs.Average(r => i < r.Failovers.Length ? r.Failovers[i].WritesLost : 0),
        });
        return new ScenarioResult(scenario.Name, options.Seed, [.. runs], workflows.ToImmutable(), utilisation.ToImmutable(), p99.ToImmutable(),
            slos.ToImmutable(), expected, scenario.Faults.IsDefault ? [] : scenario.Faults)
        {
            Failovers = [.. failovers],
        };
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
