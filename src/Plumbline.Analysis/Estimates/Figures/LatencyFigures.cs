using System.Collections.Immutable;
using Plumbline.Analysis.Explain;
using Plumbline.Analysis.Graph;
using Plumbline.Analysis.Latency;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Estimates.Figures;

/// <summary>
/// Latency: each workflow's synchronous path composed as distributions at average and at peak
/// load, and each component's queueing wait (Erlang C at its utilisation with its serving instances).
/// </summary>
internal sealed class LatencyFigures(EstimateContext context) : FigureBuilder(context)
{
    /// <summary>Operations listed as inputs of one latency figure; the rest are counted in one more input.</summary>
    public const int MaxListedOperations = 24;

    private const string Composed =
        "own times fitted to stated percentiles after their queueing waits, calls in series or parallel with their probability, count, timeout and retries, " +
        "composed as distributions (not by adding percentiles)";

    /// <summary>
    /// The estimate's grid: 4,096 cells. A path that mixes a narrow case (a cache hit in half a
    /// millisecond) with a wide one (a database miss with a tail of hundreds of milliseconds) spends
    /// most cells on the wide one; at 1,024 cells pastebin's read p50 came out 5% high (2.94ms against
    /// 2.80ms at 4,096 and beyond), at 512 cells 10%. Exactness first, up to <see cref="FullGridSteps"/>
    /// steps composed (see <see cref="GridFor"/>).
    /// </summary>
    public static LatencyGrid Grid { get; } = new(4096);

    /// <summary>
    /// Steps composed on the full <see cref="Grid"/>; past them the grid is coarser. A step is one composition of
    /// distributions: each operation on a synchronous path, and each attempt of each synchronous call it makes.
    /// </summary>
    public const int FullGridSteps = 1024;

    /// <summary>The coarsest grid used, however many steps are composed.</summary>
    public const int MinCells = 256;

    /// <summary>
    /// The grid for a design that composes <paramref name="steps"/> steps (see <see cref="FullGridSteps"/>): <see cref="Grid"/>
    /// up to <see cref="FullGridSteps"/>, then 4,096 x 1,024 / steps cells rounded down to a power of two, at least
    /// <see cref="MinCells"/>. Each step is a composition of one grid, so this keeps the whole composition near
    /// 4,096 x 1,024 cells of work: in proportion to the design, never to its products. Counting calls and their attempts,
    /// not operations alone, is what bounds an operation that makes a hundred calls, each retried.
    /// </summary>
    public static LatencyGrid GridFor(int steps)
    {
        if (steps <= FullGridSteps)
        {
            return Grid;
        }

        var cells = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)((long)Grid.Cells * FullGridSteps / steps) + 1) >> 1;
        return new LatencyGrid(Math.Max(MinCells, cells));
    }

    /// <summary>The steps composing the synchronous paths from the entries: each operation reached, and each attempt of each synchronous call out of it.</summary>
    public static int StepsOf(CallGraph graph, bool[] reached)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(reached);
        long steps = 0;
        for (var op = 0; op < reached.Length; op++)
        {
            if (!reached[op])
            {
                continue;
            }

            steps++;
            foreach (var e in graph.Outgoing[op])
            {
                var edge = graph.Edges[e];
                if (edge.Kind == EdgeKind.Sync)
                {
                    steps += edge.Call is { } call ? Availability.Attempts.Max(call) : 1;
                }
            }
        }

        return (int)Math.Min(steps, int.MaxValue);
    }

    private readonly FittedServiceTime?[] _fits = new FittedServiceTime?[context.Graph.Operations.Length];
    private readonly LatencyDistribution?[] _own = new LatencyDistribution?[context.Graph.Operations.Length];
    private readonly Dictionary<QueueingDelay, LatencyDistribution> _waits = [];
    private LatencyGrid _grid = Grid;

    public (ImmutableArray<WorkflowLatency> Workflows, ImmutableArray<ComponentQueueing> Queueing) Build(ImmutableArray<ComponentCapacity> capacities)
    {
        var numbers = Enumerable.Range(0, Graph.Components.Length).Select(c => Numbers.Component(Model, Loads, c)).ToArray();
        var average = new QueueingDelay?[numbers.Length];
        var peak = new QueueingDelay?[numbers.Length];
        var queueing = ImmutableArray.CreateBuilder<ComponentQueueing>();
        for (var c = 0; c < numbers.Length; c++)
        {
            var n = numbers[c];
            if (n.Basis == CapacityBasis.None || !(n.CapacityPerInstance > 0) || n.Serving < 1
                || !double.IsFinite(n.BasisAverageLoad) || !double.IsFinite(n.BasisPeakLoad) || !(n.BasisPeakLoad > 0))
            {
                continue;
            }

            average[c] = ErlangC.Delay(n.Serving, Math.Max(0, n.BasisAverageLoad), n.CapacityPerInstance);
            peak[c] = ErlangC.Delay(n.Serving, n.BasisPeakLoad, n.CapacityPerInstance);
            queueing.Add(Queueing(c, capacities[c], average[c]!, peak[c]!));
        }

        var entries = Design.Workflows.Select(w => Graph.IndexOf(w.Entry)).Where(i => i >= 0).Distinct().ToArray();
        var reached = PathLatency.Reached(Graph, entries);
        var steps = StepsOf(Graph, reached);
        var grid = GridFor(steps);
        _grid = grid;
        if (grid.Cells < Grid.Cells)
        {
            var operations = reached.Count(r => r);
            Notes.Add(Invariant($"Latency: the synchronous paths compose {steps:#,0} steps ({operations:#,0} operations and the attempts of their calls), more than {FullGridSteps:#,0}, so each distribution is held on {grid.Cells:#,0} cells instead of {Grid.Cells:#,0} to keep the work in proportion to the design: a percentile is exact to about 1/{grid.Cells:#,0} of its path's spread."));
        }

        // The three compositions (no queueing, at average and at peak) read the same own times and waits and share nothing
        // else, so those are worked out first and the compositions then run at once, each on its own thread: on free cores
        // the latency takes the time of the longest of them, not of all three. Each gives the same distributions however
        // they are scheduled.
        var owns = OwnTimes(reached);
        var averageWaits = Enumerable.Range(0, numbers.Length).Select(c => Wait(average[c], grid)).ToArray();
        var peakWaits = Enumerable.Range(0, numbers.Length).Select(c => Wait(peak[c], grid)).ToArray();
        double Probability(CallEdge edge) => Model.EdgeProbability(Values, edge);
        PathLatency Compose(LatencyDistribution?[]? waits) =>
            PathLatency.Compose(Graph, op => owns[op]!, entries, Probability, waits is null ? _ => LatencyDistribution.Zero : c => waits[c], grid);
        var hasQueue = average.Any(q => q is not null && q.ProbabilityOfWaiting > 0);
        var loaded = hasQueue || peak.Any(q => q is not null);
        var peakTask = loaded ? Task.Run(() => Compose(peakWaits)) : null;
        var averageTask = hasQueue ? Task.Run(() => Compose(averageWaits)) : null;
        var service = Compose(null);
        var atAverage = averageTask is null ? service : averageTask.GetAwaiter().GetResult();
        var atPeak = peakTask is null ? service : peakTask.GetAwaiter().GetResult();

        var workflows = ImmutableArray.CreateBuilder<WorkflowLatency>();
        for (var w = 0; w < Design.Workflows.Length; w++)
        {
            var workflow = Design.Workflows[w];
            var entry = Graph.IndexOf(workflow.Entry);
            if (entry < 0)
            {
                continue;
            }

            workflows.Add(Workflow(workflow, entry, service, atAverage, atPeak, average, peak));
        }

        AddNotes(service);
        return (workflows.ToImmutable(), queueing.ToImmutable());
    }

    // Components that queue alike (the same servers, rates and so wait) share one distribution, and operations with the
    // same own time share one: composing them once is the work's bound, and equal inputs let the paths share compositions.
    private LatencyDistribution? Wait(QueueingDelay? delay, LatencyGrid grid)
    {
        if (delay is not { IsUnbounded: false, ProbabilityOfWaiting: > 0 })
        {
            return delay is { IsUnbounded: true } ? null : LatencyDistribution.Zero;
        }

        if (!_waits.TryGetValue(delay, out var wait))
        {
            wait = LatencyDistribution.QueueWait(delay, grid);
            _waits[delay] = wait;
        }

        return wait;
    }

    private FittedServiceTime Fit(int op) => _fits[op] ??= ServiceTimeFit.Fit(Graph.Operations[op].Latency);

    /// <summary>
    /// The own time of every operation reached, on the grid: operations with the same time share one distribution (which lets
    /// the compositions share theirs). The fits and the grids of distinct times are worked out on every core, each into its
    /// own slot, and shared in operation order, so the result is the same as one at a time.
    /// </summary>
    private LatencyDistribution?[] OwnTimes(bool[] reached)
    {
        var operations = Enumerable.Range(0, reached.Length).Where(op => reached[op] && _own[op] is null).ToArray();
        Parallel.ForEach(operations, op => _fits[op] ??= ServiceTimeFit.Fit(Graph.Operations[op].Latency));
        var distinct = new Dictionary<ServiceTime, int>();
        var times = new List<ServiceTime>();
        foreach (var op in operations)
        {
            if (distinct.TryAdd(_fits[op]!.Time, times.Count))
            {
                times.Add(_fits[op]!.Time);
            }
        }

        var grids = new LatencyDistribution[times.Count];
        var grid = _grid;
        // The index is typed: with `i =>`, a mutant of the bounds lets Parallel.For's long overload bind, which does not compile, and
        // Stryker then leaves this whole method unmeasured (docs/mutation.md).
        Parallel.For(0, times.Count, (int i) => grids[i] = LatencyDistribution.Of(times[i], grid));
        foreach (var op in operations)
        {
            _own[op] = grids[distinct[_fits[op]!.Time]];
        }

        return _own;
    }

    private WorkflowLatency Workflow(
        Workflow workflow, int entry, PathLatency service, PathLatency atAverage, PathLatency atPeak, QueueingDelay?[] average, QueueingDelay?[] peak)
    {
        var path = SyncPath(entry);
        var slos = Design.Slos.Where(s => s.Workflow == workflow.Name && s.Sli == SliKind.Latency && s.Threshold is not null).ToList();
        var showP999 = path.Any(op => Graph.Operations[op].Latency?.P999 is not null) || slos.Any(s => s.Objective.Fraction >= 0.999);
        var p999Missing = "no operation on the path states p999 (a fit to p50 and p99 says little that far out)";

        Figure At(PathLatency paths, double level, string load) =>
            Quantile(paths, entry, level, $"latency {Label(level)}{load}", path, load.Length == 0 ? average : peak);

        var p50 = At(atAverage, 0.5, string.Empty);
        var p99 = At(atAverage, 0.99, string.Empty);
        var p999 = showP999 ? At(atAverage, 0.999, string.Empty) : Figure.Unknown("latency p99.9", FigureUnit.Seconds, p999Missing);
        var peakP50 = At(atPeak, 0.5, " at peak");
        var peakP99 = At(atPeak, 0.99, " at peak");
        var peakP999 = showP999 ? At(atPeak, 0.999, " at peak") : Figure.Unknown("latency p99.9 at peak", FigureUnit.Seconds, p999Missing);
        var queueAverage = QueueingFigure("queueing delay", service, atAverage, entry, path, average);
        var queuePeak = QueueingFigure("queueing delay at peak", service, atPeak, entry, path, peak);
        var objectives = slos.Select(slo => new LatencyObjective(
            slo.Name,
            slo.Path,
            slo.Objective.Fraction,
            slo.Threshold!.Value.Seconds,
            Objective(atAverage, entry, slo, string.Empty, path, average),
            Objective(atPeak, entry, slo, " at peak", path, peak))).ToImmutableArray();
        return new WorkflowLatency(workflow.Name, p50, p99, p999, peakP50, peakP99, peakP999, queueAverage, queuePeak, objectives);
    }

    private Figure Objective(PathLatency paths, int entry, Design.Model.Slo slo, string load, List<int> path, QueueingDelay?[] queues)
    {
        var level = slo.Objective.Fraction;
        var figure = Quantile(paths, entry, level, $"latency {Label(level)}{load} ({slo.Name})", path, queues);
        if (!figure.IsKnown)
        {
            return figure;
        }

        ImmutableArray<FigureInput> inputs =
        [
            In("objective", level, FigureUnit.Ratio, slo.Path + "/objective"),
            In("threshold", slo.Threshold!.Value.Seconds, FigureUnit.Seconds, slo.Path + "/threshold"),
            .. figure.Inputs,
        ];
        return figure with { Inputs = inputs };
    }

    /// <summary>The path's latency at one percentile, with the operations' own figures at that percentile as inputs.</summary>
    private Figure Quantile(PathLatency paths, int entry, double level, string name, List<int> path, QueueingDelay?[] queues)
    {
        if (paths.Of(entry) is not { } latency)
        {
            return Figure.Unknown(name, FigureUnit.Seconds, Unbounded(paths, path, queues));
        }

        var inputs = ImmutableArray.CreateBuilder<FigureInput>();
        var sum = 0.0;
        foreach (var op in path.Take(MaxListedOperations))
        {
            var own = OwnInput(op, level);
            sum += own.Value;
            inputs.Add(own);
        }

        if (path.Count > MaxListedOperations)
        {
            inputs.Add(Derived("operations on the path not listed", path.Count - MaxListedOperations, FigureUnit.Count));
        }
        else if (path.Count > 1)
        {
            inputs.Add(Derived($"sum of the own {Label(level)}s above (percentiles do not add)", sum, FigureUnit.Seconds));
        }

        foreach (var c in QueuesOn(path, queues))
        {
            inputs.Add(Derived($"{Graph.Components[c].Name} queueing wait (mean)", queues[c]!.MeanWait, FigureUnit.Seconds));
        }

        return new Figure(name, latency.Quantile(level), FigureUnit.Seconds, $"{Label(level)} of the path: {Composed}", inputs.ToImmutable());
    }

    private Figure QueueingFigure(string name, PathLatency service, PathLatency loaded, int entry, List<int> path, QueueingDelay?[] queues)
    {
        var withQueues = loaded.Of(entry);
        var without = service.Of(entry);
        if (withQueues is null || without is null)
        {
            return Figure.Unknown(name, FigureUnit.Seconds, Unbounded(loaded, path, queues));
        }

        var inputs = ImmutableArray.CreateBuilder<FigureInput>();
        inputs.Add(Derived("mean latency with queueing", withQueues.Mean, FigureUnit.Seconds));
        inputs.Add(Derived("mean latency without queueing", without.Mean, FigureUnit.Seconds));
        foreach (var c in QueuesOn(path, queues))
        {
            inputs.Add(Derived($"{Graph.Components[c].Name} queueing wait (mean)", queues[c]!.MeanWait, FigureUnit.Seconds));
        }

        return new Figure(name, Math.Max(0, withQueues.Mean - without.Mean), FigureUnit.Seconds,
            "mean latency of the path with each component's queueing wait - the same without", inputs.ToImmutable());
    }

    private string Unbounded(PathLatency paths, List<int> path, QueueingDelay?[] queues)
    {
        var full = QueuesOn(path, queues).Where(c => queues[c]!.IsUnbounded).Select(c => Graph.Components[c].Name).ToList();
        return full.Count > 0
            ? $"unbounded: {string.Join(", ", full)} at or over capacity, waited on with no timeout"
            : "unbounded: a call on the path waits on a full queue with no timeout";
    }

    /// <summary>The operation's own time at a percentile, with where it was stated or how it was fitted.</summary>
    private FigureInput OwnInput(int op, double level)
    {
        var operation = Graph.Operations[op];
        var fit = Fit(op);
        var reference = operation.RefText;
        if (!fit.Stated)
        {
            return new FigureInput($"{reference} own time (none stated: 0)", 0, FigureUnit.Seconds, FigureSources.Default, 0);
        }

        var key = level switch
        {
            0.5 when operation.Latency!.P50 is not null => "p50",
            0.9 when operation.Latency!.P90 is not null => "p90",
            0.99 when operation.Latency!.P99 is not null => "p99",
            0.999 when operation.Latency!.P999 is not null => "p999",
            _ => null,
        };
        var value = fit.Time.Quantile(level);
        return key is not null
            ? In($"{reference} own {Label(level)}", value, FigureUnit.Seconds, operation.Path + "/latency/" + key)
            : In($"{reference} own {Label(level)} ({fit.Description})", value, FigureUnit.Seconds, operation.Path + "/latency");
    }

    private ComponentQueueing Queueing(int c, ComponentCapacity capacity, QueueingDelay average, QueueingDelay peak)
    {
        var component = Graph.Components[c];
        var perInstance = capacity.Capacity.Inputs.Length > 0 ? capacity.Capacity.Inputs[0] : Derived("capacity per instance", average.ServiceRate, FigureUnit.Rate);
        var serving = capacity.Capacity.Inputs.Length > 1 ? capacity.Capacity.Inputs[1] : Derived("serving instances", average.Servers, FigureUnit.Count);
        (Figure Probability, Figure Wait) At(QueueingDelay delay, string load)
        {
            var lambda = Derived($"{load} load", delay.ArrivalRate, FigureUnit.Rate);
            if (delay.IsUnbounded)
            {
                var why = $"unbounded: {load} load at or over capacity";
                return (Figure.Unknown($"wait probability ({load})", FigureUnit.Ratio, why), Figure.Unknown($"mean wait ({load})", FigureUnit.Seconds, why));
            }

            var probability = new Figure($"wait probability ({load})", delay.ProbabilityOfWaiting, FigureUnit.Ratio,
                "Erlang C(c, A), A = load / capacity per instance: the chance every serving instance is busy", [serving, perInstance, lambda]);
            var wait = new Figure($"mean wait ({load})", delay.MeanWait, FigureUnit.Seconds,
                "wait probability / (serving instances x capacity per instance - load)",
                [Derived("wait probability", delay.ProbabilityOfWaiting, FigureUnit.Ratio), serving, perInstance, lambda]);
            return (probability, wait);
        }

        var (pa, wa) = At(average, "average");
        var (pp, wp) = At(peak, "peak");
        return new ComponentQueueing(component.Name, average.Servers, pa, wa, pp, wp);
    }

    /// <summary>The operations a request to <paramref name="entry"/> waits on, in the order first reached.</summary>
    private List<int> SyncPath(int entry)
    {
        // Breadth first over the list itself, read up to its end: the walk ends whatever a mutation test does to its body.
        var seen = new HashSet<int> { entry };
        var order = new List<int> { entry };
        for (var next = 0; next < order.Count; next++)
        {
            foreach (var e in Graph.Outgoing[order[next]])
            {
                var edge = Graph.Edges[e];
                if (edge.Kind == EdgeKind.Sync && seen.Add(edge.To))
                {
                    order.Add(edge.To);
                }
            }
        }

        return order;
    }

    private IEnumerable<int> QueuesOn(List<int> path, QueueingDelay?[] queues) =>
        path.Select(op => Graph.ComponentOf[op]).Distinct().Where(c => queues[c] is { } q && (q.IsUnbounded || q.ProbabilityOfWaiting > 0));

    private void AddNotes(PathLatency service)
    {
        var reached = Enumerable.Range(0, Graph.Operations.Length).Where(service.IsReached).ToList();
        var none = reached.Where(op => !Fit(op).Stated).ToList();
        if (none.Count > 0)
        {
            Notes.Add($"Latency: {none.Count} operation(s) on synchronous paths state no latency, so their own time counts as 0: {List(none, op => Graph.Operations[op].RefText)}.");
        }

        var assumed = reached.Where(op => Fit(op) is { Stated: true, ShapeAssumed: true }).ToList();
        if (assumed.Count > 0)
        {
            Notes.Add($"Latency: {assumed.Count} operation(s) state one figure, so an exponential shape is assumed: {List(assumed, op => $"{Graph.Operations[op].RefText} ({Fit(op).Description})")}. State p50 and p99.");
        }

        if (!service.Cycles.IsEmpty)
        {
            Notes.Add($"Latency: synchronous calls loop back at {List([.. service.Cycles.Distinct()], op => Graph.Operations[op].RefText)}; the looping call counts as 0.");
        }
    }

    /// <summary>The first eight operations' text, and "..." past them: only what the note prints is written.</summary>
    private static string List(List<int> operations, Func<int, string> text) =>
        string.Join(", ", operations.Take(8).Select(text)) + (operations.Count > 8 ? ", ..." : string.Empty);

    /// <summary>"p50", "p99", "p99.9", "p99.95".</summary>
    public static string Label(double level) => "p" + Invariant($"{Math.Round(level * 100, 4):0.####}");
}
