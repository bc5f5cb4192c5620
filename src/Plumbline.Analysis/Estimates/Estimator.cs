using System.Collections.Immutable;
using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Estimates.Figures;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Estimates;

/// <summary>
/// The back-of-envelope estimate of a design (process step 6 and step 1's traffic and growth):
/// traffic, load through the call graph, capacity, storage, caches, queues and bandwidth, every
/// figure with its formula and the inputs it rests on. Each kind of figure is computed in its own
/// class under <c>Figures/</c>; this puts them together with the notes on what was assumed.
/// </summary>
public static class Estimator
{
    public static EstimateReport Estimate(SystemDesign design, EstimateOptions? options = null, bool sensitivity = false)
    {
        ArgumentNullException.ThrowIfNull(design);
        return Estimate(LoadModel.Compile(design, options), sensitivity);
    }

    /// <summary>What each store keeps at the model's horizons, and the shards that takes: the estimate's storage alone.</summary>
    internal static ImmutableArray<OwnerStorage> StorageByOwner(LoadModel model)
    {
        var storageFigures = new StorageFigures(new EstimateContext(model));
        return storageFigures.OwnerStorage([.. model.Design.Data.Select((_, e) => storageFigures.Storage(e))]);
    }

    /// <summary>The estimate of a design already compiled (a review compiles over the call graph it built).</summary>
    public static EstimateReport Estimate(LoadModel model, bool sensitivity = false, AvailabilityModel? availability = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        availability ??= new AvailabilityModel(model.Design, model.Graph);
        var context = new EstimateContext(model);
        var design = context.Design;
        var graph = context.Graph;
        if (design.Requirements.PeakToAverage is null && design.Workflows.Any(w => w.PeakRate is null))
        {
            context.Notes.Add(FormattableString.Invariant($"No peak_to_average is stated: peak is taken as {context.Options.DefaultPeakToAverage:0.##}x the average. State requirements.peak_to_average."));
        }

        if (design.Requirements.Growth is null)
        {
            context.Notes.Add("No growth is stated: headroom cannot be given in months and storage grows at today's rate. State requirements.growth.");
        }

        if (graph.HasCycle)
        {
            context.Notes.Add("Async hand-offs form a loop; load along the loop is counted once.");
        }

        var trafficFigures = new TrafficFigures(context);
        var loadFigures = new LoadFigures(context);
        var capacityFigures = new CapacityFigures(context);
        var storageFigures = new StorageFigures(context);
        var cacheFigures = new CacheFigures(context);
        var queueFigures = new QueueFigures(context);
        var bandwidthFigures = new BandwidthFigures(context);
        var availabilityFigures = new AvailabilityFigures(context, availability);

        var traffic = design.Workflows.Select((_, w) => trafficFigures.Traffic(w)).ToImmutableArray();
        var operations = Enumerable.Range(0, graph.Operations.Length).Select(loadFigures.OperationLoad).ToImmutableArray();
        var components = Enumerable.Range(0, graph.Components.Length).Select(capacityFigures.Capacity).ToImmutableArray();
        var storage = design.Data.Select((_, e) => storageFigures.Storage(e)).ToImmutableArray();
        var owners = storageFigures.OwnerStorage(storage);
        var caches = Enumerable.Range(0, graph.Components.Length).Where(c => graph.Components[c].Kind == ComponentKind.Cache).Select(cacheFigures.CacheSizing).ToImmutableArray();
        var queues = Enumerable.Range(0, graph.Components.Length).Where(c => graph.Components[c].Kind == ComponentKind.Queue).Select(queueFigures.QueueFlow).ToImmutableArray();
        var bandwidth = bandwidthFigures.Bandwidth();
        var egress = bandwidthFigures.InternetEgress();
        var workflows = design.Workflows.Select((_, w) => availabilityFigures.Workflow(w)).ToImmutableArray();
        availabilityFigures.NoteAssumptions();
        var (latency, queueing) = new LatencyFigures(context).Build(components);
        var unsized = components.Where(c => !c.Capacity.IsKnown && c.Kind is not (ComponentKind.Client or ComponentKind.External) && (c.PeakLoad.Value ?? 0) > 0).Select(c => c.Component).ToList();
        if (unsized.Count > 0)
        {
            context.Notes.Add($"No capacity stated for {unsized.Count} loaded component(s), so their utilisation is unknown: {string.Join(", ", unsized.Take(8))}{(unsized.Count > 8 ? ", ..." : string.Empty)}.");
        }

        // A figure past the largest double prints as infinite; the note says why, so it is never left unexplained.
        var overflows = Overflow.Explain(model, context.Loads, components, storage);
        context.Notes.AddRange(overflows.Select(o => char.ToUpperInvariant(o.Message[0]) + o.Message[1..] + "."));

        return new EstimateReport(
            design.System.Name, context.Options, traffic, operations, components, storage, owners, caches, queues, bandwidth, egress,
            latency, queueing, [.. context.Notes], sensitivity ? Sensitivity.Run(model) : null)
        {
            Workflows = workflows,
            Month = model.Month,
            MonthSource = model.MonthSource,
            Overflows = overflows,
            Recovery = Recovery.RecoveryAnalyzer.Analyze(model),
        };
    }
}
