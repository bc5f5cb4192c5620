using System.Collections.Immutable;
using System.Globalization;
using Plumbline.Analysis.Explain;
using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;
using Plumbline.Design.Units;

namespace Plumbline.Analysis.Estimates;

/// <summary>
/// The back-of-envelope estimate of a design (process step 6 and step 1's traffic and growth):
/// traffic, load through the call graph, capacity, storage, caches, queues and bandwidth, every
/// figure with its formula and the inputs it rests on.
/// </summary>
public static class Estimator
{
    public static EstimateReport Estimate(SystemDesign design, EstimateOptions? options = null, bool sensitivity = false)
    {
        ArgumentNullException.ThrowIfNull(design);
        return Estimate(LoadModel.Compile(design, options), sensitivity);
    }

    /// <summary>The estimate of a design already compiled (a review compiles over the call graph it built).</summary>
    public static EstimateReport Estimate(LoadModel model, bool sensitivity = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new Builder(model).Build(sensitivity);
    }

    private sealed class Builder
    {
        private readonly LoadModel _model;
        private readonly SystemDesign _design;
        private readonly CallGraph _graph;
        private readonly double[] _values;
        private readonly LoadVectors _loads;
        private readonly List<string> _notes = [];

        public Builder(LoadModel model)
        {
            _model = model;
            _design = model.Design;
            _graph = model.Graph;
            _values = model.BaselineValues();
            _loads = model.Propagate(_values);
        }

        private EstimateOptions Options => _model.Options;

        private double Growth => LoadModel.MonthlyGrowth(_values);

        public EstimateReport Build(bool sensitivity)
        {
            if (_design.Requirements.PeakToAverage is null && _design.Workflows.Any(w => w.PeakRate is null))
            {
                _notes.Add(FormattableString.Invariant($"No peak_to_average is stated: peak is taken as {Options.DefaultPeakToAverage:0.##}x the average. State requirements.peak_to_average."));
            }

            if (_design.Requirements.Growth is null)
            {
                _notes.Add("No growth is stated: headroom cannot be given in months and storage grows at today's rate. State requirements.growth.");
            }

            if (_graph.HasCycle)
            {
                _notes.Add("Async hand-offs form a loop; load along the loop is counted once.");
            }

            var traffic = _design.Workflows.Select((_, w) => Traffic(w)).ToImmutableArray();
            var operations = Enumerable.Range(0, _graph.Operations.Length).Select(OperationLoad).ToImmutableArray();
            var components = Enumerable.Range(0, _graph.Components.Length).Select(Capacity).ToImmutableArray();
            var storage = _design.Data.Select((_, e) => Storage(e)).ToImmutableArray();
            var owners = OwnerStorage(storage);
            var caches = Enumerable.Range(0, _graph.Components.Length).Where(c => _graph.Components[c].Kind == ComponentKind.Cache).Select(CacheSizing).ToImmutableArray();
            var queues = Enumerable.Range(0, _graph.Components.Length).Where(c => _graph.Components[c].Kind == ComponentKind.Queue).Select(QueueFlow).ToImmutableArray();
            var bandwidth = Bandwidth();
            var egress = InternetEgress();
            var unsized = components.Where(c => !c.Capacity.IsKnown && c.Kind is not (ComponentKind.Client or ComponentKind.External) && (c.PeakLoad.Value ?? 0) > 0).Select(c => c.Component).ToList();
            if (unsized.Count > 0)
            {
                _notes.Add($"No capacity stated for {unsized.Count} loaded component(s), so their utilisation is unknown: {string.Join(", ", unsized.Take(8))}{(unsized.Count > 8 ? ", ..." : string.Empty)}.");
            }

            return new EstimateReport(
                _design.System.Name, Options, traffic, operations, components, storage, owners, caches, queues, bandwidth, egress,
                [.. _notes], sensitivity ? Sensitivity.Run(_model) : null);
        }

        private FigureInput In(string name, double value, FigureUnit unit, string path) =>
            new(name, value, unit, path, path.StartsWith('/') ? _design.SourceMap.LineOf(path) : 0);

        private static FigureInput Derived(string name, double value, FigureUnit unit) =>
            new(name, value, unit, FigureSources.Derived, 0);

        private FigureInput PeakFactorInput() =>
            _design.Requirements.PeakToAverage is { } p
                ? In("peak_to_average", p, FigureUnit.Factor, _design.Requirements.Path + "/peak_to_average")
                : new FigureInput("peak_to_average", Options.DefaultPeakToAverage, FigureUnit.Factor, FigureSources.Default, 0);

        private FigureInput GrowthInput() =>
            In("monthly growth", Growth, FigureUnit.Factor, _design.Requirements.Path + "/growth");

        private WorkflowTraffic Traffic(int w)
        {
            var workflow = _design.Workflows[w];
            Figure average;
            if (workflow.Rate is { } rate)
            {
                average = new Figure("average rate", rate.PerSecond, FigureUnit.Rate, "rate", [In("rate", rate.PerSecond, FigureUnit.Rate, workflow.Path + "/rate")]);
            }
            else if (_design.Requirements.Users.MonthlyActive is { } users && workflow.PerUser is { } perUser)
            {
                average = new Figure("average rate", perUser.PerSecond * users.Value, FigureUnit.Rate, "per_user x monthly_active",
                    [In("per_user", perUser.PerSecond, FigureUnit.Rate, workflow.Path + "/per_user"), In("monthly_active", users.Value, FigureUnit.Count, _design.Requirements.Users.Path + "/monthly_active")]);
            }
            else
            {
                average = Figure.Unknown("average rate", FigureUnit.Rate, "per_user needs requirements.users.monthly_active");
                _notes.Add($"Workflow '{workflow.Name}' is per user but requirements.users.monthly_active is not stated; its traffic is left out.");
            }

            var peakValue = _model.WorkflowPeak(_values, w);
            var peak = workflow.PeakRate is { } stated
                ? new Figure("peak rate", stated.PerSecond, FigureUnit.Rate, "peak_rate", [In("peak_rate", stated.PerSecond, FigureUnit.Rate, workflow.Path + "/peak_rate")])
                : average.IsKnown
                    ? new Figure("peak rate", peakValue, FigureUnit.Rate, "average x peak_to_average", [Derived("average", average.Value!.Value, FigureUnit.Rate), PeakFactorInput()])
                    : Figure.Unknown("peak rate", FigureUnit.Rate, "no average rate");

            return new WorkflowTraffic(workflow.Name, workflow.Type, average, peak,
                Bandwidth("request bandwidth", average, workflow.Request, workflow.Path + "/request"),
                Bandwidth("response bandwidth", average, workflow.Response, workflow.Path + "/response"));
        }

        private Figure Bandwidth(string name, Figure rate, ByteSize? size, string path)
        {
            if (!rate.IsKnown)
            {
                return Figure.Unknown(name, FigureUnit.BytesPerSecond, "no average rate");
            }

            if (size is not { } s)
            {
                return Figure.Unknown(name, FigureUnit.BytesPerSecond, $"no size stated at {path}");
            }

            return new Figure(name, rate.Value!.Value * s.Bytes, FigureUnit.BytesPerSecond, "average x size",
                [Derived("average", rate.Value!.Value, FigureUnit.Rate), In("size", s.Bytes, FigureUnit.Bytes, path)]);
        }

        private OperationLoad OperationLoad(int i)
        {
            var op = _graph.Operations[i];
            var inputs = ImmutableArray.CreateBuilder<FigureInput>();
            var peakInputs = ImmutableArray.CreateBuilder<FigureInput>();
            for (var w = 0; w < _design.Workflows.Length; w++)
            {
                var workflow = _design.Workflows[w];
                if (_graph.IndexOf(workflow.Entry) == i)
                {
                    var avg = _model.WorkflowAverage(_values, w);
                    inputs.Add(In($"workflow {workflow.Name}", double.IsNaN(avg) ? 0 : avg, FigureUnit.Rate, workflow.Path + "/entry"));
                    peakInputs.Add(In($"workflow {workflow.Name} at peak", double.IsNaN(avg) ? 0 : _model.WorkflowPeak(_values, w), FigureUnit.Rate, workflow.Path + "/entry"));
                }
            }

            foreach (var e in _graph.Incoming[i])
            {
                var edge = _graph.Edges[e];
                var caller = _graph.Operations[edge.From].Ref;
                var p = _model.EdgeProbability(_values, edge);
                var count = _model.Value(_values, InputKind.FanOut, edge.Index);
                var attempts = _model.EdgeAttempts(edge);
                var path = edge.Call?.Path ?? _graph.Components[_graph.ComponentOf[edge.To]].Path;
                var how = edge.Kind == EdgeKind.Delivery
                    ? $"delivered from {caller}"
                    : Invariant($"from {caller}: load x p {p:0.####}{(edge.MissOfCache >= 0 ? " (cache miss)" : string.Empty)} x count {count:0.##} x attempts {attempts:0.####}{(edge.Kind == EdgeKind.Async ? " (async)" : string.Empty)}");
                var factor = p * count * attempts;
                inputs.Add(In(how, _loads.Average[edge.From] * factor, FigureUnit.Rate, path));
                peakInputs.Add(In(how, _loads.Peak[edge.From] * factor, FigureUnit.Rate, path));
            }

            const string formula = "sum of entry workflows + sum over callers of (caller load x probability x count x expected attempts)";
            var average = new Figure("average load", _loads.Average[i], FigureUnit.Rate, formula, inputs.ToImmutable());
            var peak = new Figure("peak load", _loads.Peak[i], FigureUnit.Rate, formula, peakInputs.ToImmutable());
            return new OperationLoad(op.Ref.ToString(), op.Component, _model.OperationTypes[i], average, peak, Amplification(i));
        }

        private (double[] Amp, int[] Via)? _amplification;

        private (double[] Amp, int[] Via) ComputeAmplification()
        {
            // Worst case: every callee on the path fails outright, so every retry is used at every layer.
            var amp = new double[_graph.Operations.Length];
            var via = new int[_graph.Operations.Length];
            Array.Fill(via, -1);
            Array.Fill(amp, 1);
            foreach (var op in _graph.Order)
            {
                foreach (var e in _graph.Outgoing[op])
                {
                    var edge = _graph.Edges[e];
                    var factor = edge.Call?.Retries is { } r ? Formulas.WorstCaseAttempts(r.Max) : 1;
                    if (amp[op] * factor > amp[edge.To])
                    {
                        amp[edge.To] = amp[op] * factor;
                        via[edge.To] = e;
                    }
                }
            }

            return (amp, via);
        }

        private Figure Amplification(int target)
        {
            var (amp, via) = _amplification ??= ComputeAmplification();
            var inputs = ImmutableArray.CreateBuilder<FigureInput>();
            var steps = 0;
            for (var e = via[target]; e >= 0 && steps < 64; e = via[_graph.Edges[e].From], steps++)
            {
                var edge = _graph.Edges[e];
                if (edge.Call?.Retries is { } r)
                {
                    inputs.Insert(0, In($"{edge.Call.Id} attempts (1 + retries.max)", r.Max + 1, FigureUnit.Factor, edge.Call.Path + "/retries"));
                }
            }

            return new Figure("worst-case retry amplification", amp[target], FigureUnit.Factor, "product of (1 + retries.max) along the worst path from an entry", inputs.ToImmutable());
        }

        private ComponentCapacity Capacity(int c)
        {
            var component = _graph.Components[c];
            var n = Numbers.Component(_model, _loads, c);
            var avgLoad = new Figure("average load", n.AverageLoad, FigureUnit.Rate, "sum of its operations' average load", []);
            var peakLoad = new Figure("peak load", n.PeakLoad, FigureUnit.Rate, "sum of its operations' peak load", []);
            var peakReads = new Figure("peak reads", n.PeakReads, FigureUnit.Rate, "sum of its read operations' peak load", []);
            var peakWrites = new Figure("peak writes", n.PeakWrites, FigureUnit.Rate, "sum of its write operations' peak load", []);
            if (n.Basis == CapacityBasis.None)
            {
                var unknown = Figure.Unknown("capacity", FigureUnit.Rate, "no capacity stated");
                return new ComponentCapacity(component.Name, component.Kind, component.Instances, avgLoad, peakLoad, peakReads, peakWrites, unknown,
                    Figure.Unknown("average utilisation", FigureUnit.Ratio, "no capacity stated"),
                    Figure.Unknown("peak utilisation", FigureUnit.Ratio, "no capacity stated"),
                    Figure.Unknown("instances needed", FigureUnit.Count, "no capacity stated"),
                    Figure.Unknown("headroom", FigureUnit.Months, "no capacity stated"));
            }

            var (what, capacityPath, servingText) = n.Basis switch
            {
                CapacityBasis.Reads => ("reads", component.Path + "/capacity/reads", "instances + replicas"),
                CapacityBasis.Writes => ("writes", component.Path + "/capacity/writes", "instances"),
                CapacityBasis.Operation => ($"{_graph.Operations[n.BindingOperation].Name}", _graph.Operations[n.BindingOperation].Path + "/capacity", "instances"),
                _ => ("all operations", component.Path + "/capacity", "instances"),
            };
            var capacityInputs = ImmutableArray.Create(
                In("capacity per instance", n.CapacityPerInstance, FigureUnit.Rate, capacityPath),
                In(servingText, n.Serving, FigureUnit.Count, component.Path + "/instances"));
            var capacity = new Figure($"capacity ({what})", n.Capacity, FigureUnit.Rate, $"capacity per instance x {servingText}", capacityInputs);
            var load = Derived($"average load ({what})", n.BasisAverageLoad, FigureUnit.Rate);
            var loadPeak = Derived($"peak load ({what})", n.BasisPeakLoad, FigureUnit.Rate);
            var capacityInput = Derived("capacity", n.Capacity, FigureUnit.Rate);
            var avgUtil = new Figure("average utilisation", n.AverageUtilisation, FigureUnit.Ratio, "average load / capacity", [load, capacityInput]);
            var peakUtil = new Figure("peak utilisation", n.PeakUtilisation, FigureUnit.Ratio, "peak load / capacity", [loadPeak, capacityInput]);
            var target = new FigureInput("target utilisation", Options.TargetUtilisation, FigureUnit.Ratio, FigureSources.Option, 0);
            var needed = new Figure("instances needed", Numbers.InstancesNeeded(n, Options.TargetUtilisation), FigureUnit.Count,
                "ceil(peak load / (capacity per instance x target utilisation))", [loadPeak, capacityInputs[0], target]);
            var months = Formulas.HeadroomMonths(n.PeakUtilisation, Growth);
            var headroom = _design.Requirements.Growth is null
                ? Figure.Unknown("headroom", FigureUnit.Months, "no growth stated")
                : new Figure("headroom", months, FigureUnit.Months, "ln(1 / peak utilisation) / ln(monthly growth)",
                    [Derived("peak utilisation", n.PeakUtilisation, FigureUnit.Ratio), GrowthInput()]);
            return new ComponentCapacity(component.Name, component.Kind, component.Instances, avgLoad, peakLoad, peakReads, peakWrites, capacity, avgUtil, peakUtil, needed, headroom);
        }

        private EntityStorage Storage(int e)
        {
            var entity = _design.Data[e];
            var n = Numbers.Entity(_model, _values, e);
            var sizePath = entity.Path + "/record_size";
            var ratePath = entity.Path + "/new_records";
            var perMonth = entity.NewRecords is { } rate
                ? new Figure("new records per month", n.RecordsPerMonth, FigureUnit.Count, "new_records per month", [In("new_records", rate.PerSecond, FigureUnit.Rate, ratePath)])
                : Figure.Unknown("new records per month", FigureUnit.Count, "no new_records stated");
            var sized = entity.RecordSize is not null && entity.NewRecords is not null;
            var bytesPerMonth = sized
                ? new Figure("new data per month", n.BytesPerMonth, FigureUnit.Bytes, "new records per month x record_size",
                    [Derived("new records per month", n.RecordsPerMonth, FigureUnit.Count), In("record_size", n.RecordSize, FigureUnit.Bytes, sizePath)])
                : Figure.Unknown("new data per month", FigureUnit.Bytes, entity.RecordSize is null ? "no record_size stated" : "no new_records stated");
            var atRetention = !sized
                ? Figure.Unknown("kept over retention", FigureUnit.Bytes, "no size or rate")
                : entity.Retention is { } retention
                    ? new Figure("kept over retention", n.BytesPerMonth * n.RetentionMonths, FigureUnit.Bytes, "new data per month x retention (months), at today's rate",
                        [Derived("new data per month", n.BytesPerMonth, FigureUnit.Bytes), In("retention (months)", n.RetentionMonths, FigureUnit.Months, entity.Path + "/retention")])
                    : Figure.Unknown("kept over retention", FigureUnit.Bytes, entity.RetainForever ? "kept forever" : "no retention stated");

            var horizons = ImmutableArray.CreateBuilder<HorizonStorage>();
            foreach (var months in Options.Horizons)
            {
                var label = Invariant($"{months:0.##} months");
                if (!sized)
                {
                    horizons.Add(new HorizonStorage(months, Figure.Unknown($"records at {label}", FigureUnit.Count, "no size or rate"),
                        Figure.Unknown($"data at {label}", FigureUnit.Bytes, "no size or rate"), Figure.Unknown($"replicated at {label}", FigureUnit.Bytes, "no size or rate")));
                    continue;
                }

                var records = n.RecordsAt(months, Growth);
                var formula = Growth > 1
                    ? "initial_records + integral of new records per month x growth^t over the retained months up to the horizon"
                    : "initial_records + new records per month x min(horizon, retention)";
                var inputs = ImmutableArray.CreateBuilder<FigureInput>();
                inputs.Add(Derived("new records per month", n.RecordsPerMonth, FigureUnit.Count));
                inputs.Add(new FigureInput("horizon (months)", months, FigureUnit.Months, FigureSources.Option, 0));
                if (!double.IsPositiveInfinity(n.RetentionMonths))
                {
                    inputs.Add(In("retention (months)", n.RetentionMonths, FigureUnit.Months, entity.Path + "/retention"));
                }

                if (Growth > 1)
                {
                    inputs.Add(GrowthInput());
                }

                if (n.InitialRecords > 0)
                {
                    inputs.Add(In("initial_records", n.InitialRecords, FigureUnit.Count, entity.Path + "/initial_records"));
                }

                var recordsFigure = new Figure($"records at {label}", records, FigureUnit.Count, formula, inputs.ToImmutable());
                var bytes = new Figure($"data at {label}", records * n.RecordSize, FigureUnit.Bytes, "records x record_size",
                    [Derived("records", records, FigureUnit.Count), In("record_size", n.RecordSize, FigureUnit.Bytes, sizePath)]);
                var owner = entity.Owner is { } o ? _design.FindComponent(o) : null;
                var replicated = new Figure($"replicated at {label}", records * n.RecordSize * n.ReplicationFactor, FigureUnit.Bytes, "data x (1 + replicas / instances) of the owner",
                    [Derived("data", records * n.RecordSize, FigureUnit.Bytes), owner is null ? Derived("copies", 1, FigureUnit.Factor) : In("copies", n.ReplicationFactor, FigureUnit.Factor, owner.Path + "/replicas")]);
                horizons.Add(new HorizonStorage(months, recordsFigure, bytes, replicated));
            }

            return new EntityStorage(entity.Name, entity.Owner, perMonth, bytesPerMonth, atRetention, n.ReplicationFactor, horizons.ToImmutable());
        }

        private ImmutableArray<OwnerStorage> OwnerStorage(ImmutableArray<EntityStorage> storage)
        {
            var result = ImmutableArray.CreateBuilder<OwnerStorage>();
            for (var c = 0; c < _graph.Components.Length; c++)
            {
                var entities = _model.EntitiesOwnedBy(c);
                if (entities.IsEmpty)
                {
                    continue;
                }

                var component = _graph.Components[c];
                var horizons = ImmutableArray.CreateBuilder<Figure>();
                for (var h = 0; h < Options.Horizons.Length; h++)
                {
                    var parts = entities.Select(e => storage[e]).Where(s => s.Horizons[h].Replicated.IsKnown).ToList();
                    horizons.Add(new Figure(Invariant($"stored at {Options.Horizons[h]:0.##} months"), parts.Sum(s => s.Horizons[h].Replicated.Value!.Value), FigureUnit.Bytes,
                        "sum of its entities' replicated data",
                        [.. parts.Select(s => Derived(s.Entity, s.Horizons[h].Replicated.Value!.Value, FigureUnit.Bytes))]));
                }

                var longest = Options.Horizons.Length - 1;
                var oneCopy = entities.Select(e => storage[e].Horizons[longest].Bytes).Where(f => f.IsKnown).Sum(f => f.Value!.Value);
                var shardsForStorage = component.StoragePerNode is { } perNode
                    ? new Figure("shards for storage", Formulas.ShardsForStorage(oneCopy, perNode.Bytes), FigureUnit.Count, "ceil(one copy of its data at the longest horizon / storage_per_node)",
                        [Derived("one copy at the longest horizon", oneCopy, FigureUnit.Bytes), In("storage_per_node", perNode.Bytes, FigureUnit.Bytes, component.Path + "/storage_per_node")])
                    : Figure.Unknown("shards for storage", FigureUnit.Count, "no storage_per_node stated");
                var numbers = Numbers.Component(_model, _loads, c);
                var writeCapacity = component.Capacity?.Writes ?? component.Capacity?.Total;
                var shardsForWrites = writeCapacity is { } wc && numbers.PeakWrites > 0
                    ? new Figure("shards for writes", Formulas.InstancesNeeded(numbers.PeakWrites, wc.PerSecond, Options.TargetUtilisation), FigureUnit.Count,
                        "ceil(peak writes / (write capacity per node x target utilisation))",
                        [Derived("peak writes", numbers.PeakWrites, FigureUnit.Rate), In("write capacity per node", wc.PerSecond, FigureUnit.Rate, component.Path + "/capacity"),
                         new FigureInput("target utilisation", Options.TargetUtilisation, FigureUnit.Ratio, FigureSources.Option, 0)])
                    : Figure.Unknown("shards for writes", FigureUnit.Count, writeCapacity is null ? "no write capacity stated" : "no writes reach it");
                result.Add(new OwnerStorage(component.Name, horizons.ToImmutable(), shardsForStorage, shardsForWrites));
            }

            return result.ToImmutable();
        }

        private CacheSizing CacheSizing(int c)
        {
            var component = _graph.Components[c];
            var numbers = Numbers.Component(_model, _loads, c);
            var readsPerDay = numbers.AverageReads * Design.Units.Calendar.SecondsPerDay;
            var readsFigure = new Figure("reads per day", readsPerDay, FigureUnit.Count, "average reads x seconds per day", [Derived("average reads", numbers.AverageReads, FigureUnit.Rate)]);

            // The items a cache holds are the records of the stores its misses fall through to.
            var backing = _graph.Edges.Where(e => e.BacksCache == c).Select(e => _graph.ComponentOf[e.To]).Distinct().ToList();
            var entities = backing.SelectMany(b => _model.EntitiesOwnedBy(b)).Where(e => _design.Data[e].RecordSize is not null).ToList();
            var memoryFigure = component.Memory is { } memory
                ? new Figure("memory", memory.Bytes * component.Instances, FigureUnit.Bytes, "memory per instance x instances",
                    [In("memory", memory.Bytes, FigureUnit.Bytes, component.Path + "/memory"), In("instances", component.Instances, FigureUnit.Count, component.Path + "/instances")])
                : Figure.Unknown("memory", FigureUnit.Bytes, "no memory stated");
            if (entities.Count == 0)
            {
                var why = backing.Count == 0 ? "no miss path to a store (a call after the cache call, or the cache's own calls)" : "the backing store's entities have no record_size";
                return new CacheSizing(component.Name, readsFigure, Figure.Unknown("item size", FigureUnit.Bytes, why), Figure.Unknown("hot set", FigureUnit.Bytes, why),
                    memoryFigure, Figure.Unknown("fit", FigureUnit.Ratio, why));
            }

            var largest = entities.MaxBy(e => _design.Data[e].RecordSize!.Value.Bytes);
            var itemSize = _design.Data[largest].RecordSize!.Value.Bytes;
            var itemFigure = new Figure("item size", itemSize, FigureUnit.Bytes, "largest record_size among the entities of the store behind it",
                [In($"{_design.Data[largest].Name} record_size", itemSize, FigureUnit.Bytes, _design.Data[largest].Path + "/record_size")]);
            var hot = Options.HotSetFraction * readsPerDay * itemSize;
            var hotFigure = new Figure("hot set", hot, FigureUnit.Bytes, "hot fraction x distinct items read per day (at most the reads per day) x item size",
                [new FigureInput("hot fraction", Options.HotSetFraction, FigureUnit.Ratio, FigureSources.Option, 0), Derived("reads per day", readsPerDay, FigureUnit.Count), Derived("item size", itemSize, FigureUnit.Bytes)]);
            var fit = memoryFigure.IsKnown
                ? new Figure("fit", hot / memoryFigure.Value!.Value, FigureUnit.Ratio, "hot set / memory", [Derived("hot set", hot, FigureUnit.Bytes), Derived("memory", memoryFigure.Value!.Value, FigureUnit.Bytes)])
                : Figure.Unknown("fit", FigureUnit.Ratio, "no memory stated");
            return new CacheSizing(component.Name, readsFigure, itemFigure, hotFigure, memoryFigure, fit);
        }

        private QueueFlow QueueFlow(int c)
        {
            var component = _graph.Components[c];
            var numbers = Numbers.Component(_model, _loads, c);
            var average = new Figure("publish rate", numbers.AverageLoad, FigureUnit.Rate, "sum of the load on its operations", []);
            var peak = new Figure("peak publish rate", numbers.PeakLoad, FigureUnit.Rate, "sum of the peak load on its operations", []);
            var inputs = ImmutableArray.CreateBuilder<FigureInput>();
            var capacity = 0.0;
            var known = component.Consumers.Length > 0;
            foreach (var consumer in component.Consumers)
            {
                var target = _design.FindComponent(consumer.Component);
                var op = target?.FindOperation(consumer.Operation);
                var perInstance = op?.Capacity?.PerSecond ?? target?.Capacity?.Total?.PerSecond ?? target?.Capacity?.Writes?.PerSecond;
                if (target is null || perInstance is not { } p)
                {
                    known = false;
                    continue;
                }

                capacity += p * target.Instances;
                inputs.Add(In($"{consumer} capacity x instances", p * target.Instances, FigureUnit.Rate, target.Path + "/capacity"));
            }

            // Each consumer group sees every message, so the slowest consumer sets the pace.
            var slowest = inputs.Count == 0 ? 0 : inputs.Min(i => i.Value);
            var consumerCapacity = known
                ? new Figure("consumer capacity", slowest, FigureUnit.Rate, "the slowest consumer's capacity per instance x instances", inputs.ToImmutable())
                : Figure.Unknown("consumer capacity", FigureUnit.Rate, component.Consumers.Length == 0 ? "no consumers" : "a consumer has no capacity stated");
            var backlog = consumerCapacity.IsKnown
                ? new Figure("backlog growth per hour at peak", Math.Max(0, numbers.PeakLoad - slowest) * 3600, FigureUnit.Count, "max(0, peak publish rate - consumer capacity) x 3600",
                    [Derived("peak publish rate", numbers.PeakLoad, FigureUnit.Rate), Derived("consumer capacity", slowest, FigureUnit.Rate)])
                : Figure.Unknown("backlog growth per hour at peak", FigureUnit.Count, "consumer capacity unknown");
            return new QueueFlow(component.Name, average, peak, consumerCapacity, backlog);
        }

        private ImmutableArray<ComponentBandwidth> Bandwidth()
        {
            var n = _graph.Components.Length;
            var ingress = new double[n];
            var egress = new double[n];
            var inInputs = new List<FigureInput>[n];
            var outInputs = new List<FigureInput>[n];
            for (var c = 0; c < n; c++)
            {
                inInputs[c] = [];
                outInputs[c] = [];
            }

            void Flow(int to, int from, double bytesPerSecond, string label, string path)
            {
                if (bytesPerSecond <= 0)
                {
                    return;
                }

                if (to >= 0)
                {
                    ingress[to] += bytesPerSecond;
                    inInputs[to].Add(In(label, bytesPerSecond, FigureUnit.BytesPerSecond, path));
                }

                if (from >= 0)
                {
                    egress[from] += bytesPerSecond;
                    outInputs[from].Add(In(label, bytesPerSecond, FigureUnit.BytesPerSecond, path));
                }
            }

            for (var w = 0; w < _design.Workflows.Length; w++)
            {
                var workflow = _design.Workflows[w];
                var entry = _graph.IndexOf(workflow.Entry);
                var avg = _model.WorkflowAverage(_values, w);
                if (entry < 0 || double.IsNaN(avg))
                {
                    continue;
                }

                var component = _graph.ComponentOf[entry];
                Flow(component, -1, avg * (workflow.Request?.Bytes ?? 0), $"{workflow.Name} requests", workflow.Path + "/request");
                Flow(-1, component, avg * (workflow.Response?.Bytes ?? 0), $"{workflow.Name} responses", workflow.Path + "/response");
            }

            // Calls to a store move its records: writes carry one in, reads carry one out.
            foreach (var edge in _graph.Edges)
            {
                if (edge.Call is null)
                {
                    continue;
                }

                var callee = _graph.ComponentOf[edge.To];
                var sizes = _model.EntitiesOwnedBy(callee).Select(e => _design.Data[e].RecordSize?.Bytes ?? 0).ToList();
                if (sizes.Count == 0)
                {
                    continue;
                }

                var bytes = _loads.Average[edge.From] * _model.EdgeFactor(_values, edge) * sizes.Max();
                var caller = _graph.ComponentOf[edge.From];
                var label = $"{edge.Call.Id} records";
                if (_model.OperationTypes[edge.To] == AccessType.Write)
                {
                    Flow(callee, caller, bytes, label, edge.Call.Path);
                }
                else
                {
                    Flow(caller, callee, bytes, label, edge.Call.Path);
                }
            }

            return [.. Enumerable.Range(0, n).Where(c => ingress[c] > 0 || egress[c] > 0).Select(c => new ComponentBandwidth(
                _graph.Components[c].Name,
                new Figure("ingress", ingress[c], FigureUnit.BytesPerSecond, "sum of requests and records flowing in", [.. inInputs[c]]),
                new Figure("egress", egress[c], FigureUnit.BytesPerSecond, "sum of responses and records flowing out", [.. outInputs[c]])))];
        }

        private Figure InternetEgress()
        {
            var inputs = ImmutableArray.CreateBuilder<FigureInput>();
            for (var w = 0; w < _design.Workflows.Length; w++)
            {
                var workflow = _design.Workflows[w];
                var avg = _model.WorkflowAverage(_values, w);
                if (!double.IsNaN(avg) && workflow.Response is { } response)
                {
                    inputs.Add(In($"{workflow.Name}: average x response", avg * response.Bytes, FigureUnit.BytesPerSecond, workflow.Path + "/response"));
                }
            }

            return new Figure("egress to the internet", Numbers.InternetEgress(_model, _values), FigureUnit.BytesPerSecond, "sum over workflows of average rate x response size", inputs.ToImmutable());
        }

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
