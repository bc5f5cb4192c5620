using System.Collections.Immutable;
using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Explain;
using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;
using Plumbline.Design.Units;

namespace Plumbline.Analysis.Estimates;

/// <summary>
/// A design compiled to a vector of numbers (users, rates, fan-outs, hit ratios, sizes...) and
/// the arrays of its call graph, so an estimate is a pass of arithmetic in topological order.
/// Sensitivity re-runs <see cref="Propagate"/> with one number moved.
/// </summary>
public sealed class LoadModel
{
    private readonly int _workflowRateBase;
    private readonly int _workflowPeakBase;
    private readonly int _edgeProbabilityBase;
    private readonly int _edgeCountBase;
    private readonly int _hitRatioBase;
    private readonly int _recordSizeBase;
    private readonly int _newRecordsBase;
    private readonly double[] _baseline;
    private readonly ImmutableArray<int>[] _entitiesByOwner;

    private LoadModel(SystemDesign design, CallGraph graph, EstimateOptions options)
    {
        Design = design;
        Graph = graph;
        Options = options;
        (Month, MonthSource) = options.Month is { } chosen
            ? (chosen, FigureSources.Option)
            : design.Requirements.Month is { } written ? (written, design.Requirements.Path + "/month") : (MonthConvention.Average, FigureSources.Default);
        var map = design.SourceMap;
        var inputs = ImmutableArray.CreateBuilder<EstimateInput>();
        var values = new List<double>();

        int Add(InputKind kind, string name, string path, double value, bool sensitive = true) =>
            AddOf(kind, (name, path), static x => x.name, static x => x.path, value, sensitive);

        // The name and path of an input are written only for the inputs sensitivity lists: a design's unstated
        // probabilities, counts and hit ratios would otherwise each build two strings as long as their names.
        int AddOf<T>(InputKind kind, T of, Func<T, string> name, Func<T, string> path, double value, bool sensitive = true)
        {
            var slot = values.Count;
            values.Add(value);
            if (sensitive && !double.IsNaN(value))
            {
                var where = path(of);
                var line = where.StartsWith('/') ? map.LineOf(where) : 0;
                inputs.Add(new EstimateInput(slot, kind, name(of), where, line, value));
            }

            return slot;
        }

        var req = design.Requirements;
        Add(InputKind.Users, "users.monthly_active", req.Users.Path + "/monthly_active", req.Users.MonthlyActive?.Value ?? double.NaN);
        Add(InputKind.PeakFactor, "peak_to_average", req.PeakToAverage is null ? FigureSources.Default : req.Path + "/peak_to_average",
            req.PeakToAverage ?? options.DefaultPeakToAverage, sensitive: true);
        Add(InputKind.Growth, "growth (per month)", req.Path + "/growth", req.Growth is { } g ? g.MonthlyCompoundFactorIn(Month) - 1 : double.NaN);

        _workflowRateBase = values.Count;
        foreach (var w in design.Workflows)
        {
            var perUser = w.Rate is null && w.PerUser is not null;
            AddOf(InputKind.WorkflowRate, (w, perUser), static x => $"{x.w.Name} {(x.perUser ? "per_user" : "rate")}", static x => x.w.Path + (x.perUser ? "/per_user" : "/rate"),
                (w.Rate ?? w.PerUser)?.PerSecondIn(Month) ?? double.NaN);
        }

        _workflowPeakBase = values.Count;
        foreach (var w in design.Workflows)
        {
            AddOf(InputKind.WorkflowPeakRate, w, static w => $"{w.Name} peak_rate", static w => w.Path + "/peak_rate", w.PeakRate?.PerSecondIn(Month) ?? double.NaN);
        }

        Func<CallEdge, string> probabilityName = e => $"{Describe(e)} probability";
        Func<CallEdge, string> countName = e => $"{Describe(e)} count";
        _edgeProbabilityBase = values.Count;
        foreach (var e in graph.Edges)
        {
            var stated = e.Call?.Probability;
            AddOf(InputKind.CallProbability, e, probabilityName, static e => e.Call is null ? FigureSources.Derived : e.Call.Path + "/probability",
                stated ?? e.Share, sensitive: stated is not null || e.Share != 1);
        }

        _edgeCountBase = values.Count;
        foreach (var e in graph.Edges)
        {
            var stated = e.Call is { Count: not 1 };
            AddOf(InputKind.FanOut, e, countName, static e => e.Call is null ? FigureSources.Derived : e.Call.Path + "/count",
                e.Call?.Count ?? 1, sensitive: stated);
        }

        _hitRatioBase = values.Count;
        foreach (var c in graph.Components)
        {
            AddOf(InputKind.HitRatio, c, static c => $"{c.Name} hit_ratio", static c => c.Path + "/hit_ratio", c.HitRatio ?? double.NaN);
        }

        _recordSizeBase = values.Count;
        foreach (var entity in design.Data)
        {
            AddOf(InputKind.RecordSize, entity, static e => $"{e.Name} record_size", static e => e.Path + "/record_size", entity.RecordSize?.Bytes ?? double.NaN);
        }

        _newRecordsBase = values.Count;
        foreach (var entity in design.Data)
        {
            AddOf(InputKind.NewRecords, entity, static e => $"{e.Name} new_records", static e => e.Path + "/new_records", entity.NewRecords?.PerSecondIn(Month) ?? double.NaN);
        }

        _baseline = [.. values];
        Inputs = inputs.ToImmutable();

        var byOwner = new List<int>[graph.Components.Length];
        for (var c = 0; c < byOwner.Length; c++)
        {
            byOwner[c] = [];
        }

        for (var i = 0; i < design.Data.Length; i++)
        {
            if (design.Data[i].Owner is { } owner && graph.ComponentIndex.TryGetValue(owner, out var c))
            {
                byOwner[c].Add(i);
            }
        }

        _entitiesByOwner = [.. byOwner.Select(l => l.ToImmutableArray())];
    }

    public SystemDesign Design { get; }

    /// <summary>What a month is in this estimate: <c>--month</c>, else the design's <c>requirements.month</c>, else the average month.</summary>
    public MonthConvention Month { get; }

    /// <summary>Where <see cref="Month"/> came from: <c>option</c>, the design path, or <c>default</c>.</summary>
    public string MonthSource { get; }

    /// <summary>Seconds in a month under <see cref="Month"/>.</summary>
    public double SecondsPerMonth => Calendar.SecondsPerMonthIn(Month);

    /// <summary>A rate from the design in events per second under <see cref="Month"/>.</summary>
    public double PerSecond(Rate rate) => rate.PerSecondIn(Month);

    public CallGraph Graph { get; }

    public EstimateOptions Options { get; }

    /// <summary>The inputs that sensitivity may move: only those the design (or a default) actually states.</summary>
    public ImmutableArray<EstimateInput> Inputs { get; }

    /// <summary>For each operation, whether it reads or writes (stated, or inferred from its name).</summary>
    public ImmutableArray<AccessType> OperationTypes => Graph.OperationTypes;

    public ImmutableArray<int> EntitiesOwnedBy(int component) => _entitiesByOwner[component];

    public static LoadModel Compile(SystemDesign design, EstimateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        return Compile(design, CallGraph.Build(design), options);
    }

    /// <summary>Compiles over a call graph the caller already built for this design.</summary>
    public static LoadModel Compile(SystemDesign design, CallGraph graph, EstimateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(graph);
        return new LoadModel(design, graph, options ?? EstimateOptions.Default);
    }

    /// <summary>A copy of the baseline parameter vector, for a caller to move one value in.</summary>
    public double[] BaselineValues() => (double[])_baseline.Clone();

    public double Value(double[] values, InputKind kind, int index) => kind switch
    {
        InputKind.WorkflowRate => values[_workflowRateBase + index],
        InputKind.WorkflowPeakRate => values[_workflowPeakBase + index],
        InputKind.CallProbability => values[_edgeProbabilityBase + index],
        InputKind.FanOut => values[_edgeCountBase + index],
        InputKind.HitRatio => values[_hitRatioBase + index],
        InputKind.RecordSize => values[_recordSizeBase + index],
        InputKind.NewRecords => values[_newRecordsBase + index],
        InputKind.Users => values[0],
        InputKind.PeakFactor => values[1],
        _ => values[2],
    };

    /// <summary>Monthly growth factor (1 when no growth is stated).</summary>
    public static double MonthlyGrowth(double[] values) => double.IsNaN(values[2]) ? 1 : 1 + values[2];

    /// <summary>Average rate of a workflow per second; NaN when it is per user and users are unknown.</summary>
    public double WorkflowAverage(double[] values, int w)
    {
        var workflow = Design.Workflows[w];
        var rate = values[_workflowRateBase + w];
        return workflow.Rate is null && workflow.PerUser is not null ? rate * values[0] : rate;
    }

    /// <summary>Peak rate of a workflow per second: stated, or average x peak factor.</summary>
    public double WorkflowPeak(double[] values, int w)
    {
        var stated = values[_workflowPeakBase + w];
        return double.IsNaN(stated) ? WorkflowAverage(values, w) * values[1] : stated;
    }

    /// <summary>The probability an edge is taken: stated, the miss ratio of the cache it backs, or 1.</summary>
    public double EdgeProbability(double[] values, CallEdge edge)
    {
        if (edge.MissOfCache >= 0)
        {
            var hit = values[_hitRatioBase + edge.MissOfCache];
            return double.IsNaN(hit) ? 1 : 1 - hit;
        }

        return values[_edgeProbabilityBase + edge.Index];
    }

    /// <summary>Expected attempts on an edge at the option's failure probability (a queue delivery: 1).</summary>
    public double EdgeAttempts(CallEdge edge) =>
        edge.Call is { } call ? Attempts.Expected(call.Retries, Options.FailureProbability) : 1;

    /// <summary>Load carried by one unit of the caller's load along an edge.</summary>
    public double EdgeFactor(double[] values, CallEdge edge) =>
        EdgeProbability(values, edge) * values[_edgeCountBase + edge.Index] * EdgeAttempts(edge);

    public double RecordSize(double[] values, int entity) => values[_recordSizeBase + entity];

    public double NewRecordsPerSecond(double[] values, int entity) => values[_newRecordsBase + entity];

    public double HitRatio(double[] values, int component) => values[_hitRatioBase + component];

    /// <summary>Propagates every workflow's average and peak rate through the call graph.</summary>
    public LoadVectors Propagate(double[] values)
    {
        var n = Graph.Operations.Length;
        var average = new double[n];
        var peak = new double[n];
        for (var w = 0; w < Design.Workflows.Length; w++)
        {
            var entry = Graph.IndexOf(Design.Workflows[w].Entry);
            if (entry < 0)
            {
                continue;
            }

            var avg = WorkflowAverage(values, w);
            if (!double.IsNaN(avg))
            {
                average[entry] += avg;
                peak[entry] += WorkflowPeak(values, w);
            }
        }

        foreach (var op in Graph.Order)
        {
            if (average[op] == 0 && peak[op] == 0)
            {
                continue;
            }

            foreach (var e in Graph.Outgoing[op])
            {
                var edge = Graph.Edges[e];
                var factor = EdgeFactor(values, edge);
                average[edge.To] += average[op] * factor;
                peak[edge.To] += peak[op] * factor;
            }
        }

        return new LoadVectors(average, peak);
    }

    private string Describe(CallEdge e) =>
        $"{Graph.Operations[e.From].RefText}->{Graph.Operations[e.To].RefText}";
}

/// <summary>Average and peak load on every operation, per second.</summary>
public sealed record LoadVectors(double[] Average, double[] Peak);
