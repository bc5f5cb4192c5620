using System.Collections.Immutable;
using Plumbline.Analysis.Cost;
using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Graph;
using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Slo;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review;

/// <summary>A call with the operation and component that make it.</summary>
public sealed record CallSite(Component Component, Operation Operation, Call Call)
{
    public string Id => Call.Id;
}

/// <summary>
/// Everything a rule may read: the design, its call graph, the estimate and the availability
/// model (each built once, on first use), the options, and helpers that turn design paths into
/// spans. Shared by all rules of one review.
/// </summary>
public sealed class ReviewContext
{
    private readonly Lazy<LoadModel> _model;
    private readonly Lazy<EstimateReport> _estimate;
    private readonly Lazy<AvailabilityModel> _availability;
    private readonly Lazy<ImmutableArray<CallSite>> _calls;
    private readonly Lazy<CostReport?> _cost;
    private readonly Lazy<SloReport> _slos;
    private readonly Lazy<Plumbline.Analysis.Recovery.RecoveryReport> _recovery;
    private readonly Lazy<Dictionary<string, int>> _estimatePositions;
    private readonly Lazy<ILookup<string, Endpoint>> _endpointsByWorkflow;

    public ReviewContext(SystemDesign design, ReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(options);
        Design = design;
        Options = options;
        Graph = CallGraph.Build(design);
        _model = new(() => LoadModel.Compile(design, Graph, options.Estimates));
        _estimate = new(() => Estimator.Estimate(_model.Value, availability: Availability));
        _availability = new(() => new AvailabilityModel(design, Graph));
        _slos = new(() => SloAnalyzer.Analyze(design, Estimate, new SloOptions(options.AlertWindows)));
        _recovery = new(() => Estimate.Recovery ?? Plumbline.Analysis.Recovery.RecoveryAnalyzer.Analyze(_model.Value));
        _estimatePositions = new(() => Estimate.Components.Select((c, i) => (c.Component, i)).DistinctBy(p => p.Component).ToDictionary(p => p.Component, p => p.i, StringComparer.Ordinal));
        _endpointsByWorkflow = new(() => design.Api.Endpoints.Where(e => e.Workflow is not null).ToLookup(e => e.Workflow!, StringComparer.Ordinal));
        _calls = new(() => [.. design.Components.SelectMany(c => c.Operations.SelectMany(o => o.Calls.Select(call => new CallSite(c, o, call))))]);

        // The cost prices the review's own estimate: one estimate per check.
        _cost = new(() => PriceCatalogFor(design, options) is { } catalog ? CostEstimator.Price(_model.Value, Estimate, catalog, options.Cost) : null);
    }

    public SystemDesign Design { get; }

    public ReviewOptions Options { get; }

    public CallGraph Graph { get; }

    public EstimateReport Estimate => _estimate.Value;

    /// <summary>The compiled load model the estimate was made from (inputs and edge factors), for rules that follow one workflow's load.</summary>
    public LoadModel Model => _model.Value;

    public AvailabilityModel Availability => _availability.Value;

    /// <summary>The design priced at its catalog, or null when no catalog is at hand (the design names a file the caller did not load).</summary>
    public CostReport? Cost => _cost.Value;

    /// <summary>Every SLO worked out: budgets, alerts and their windows, runbooks and SLI targets.</summary>
    public SloReport Slos => _slos.Value;

    /// <summary>Every store's recovery: what each failure loses and how long it lasts, durability, and the targets that apply.</summary>
    public Plumbline.Analysis.Recovery.RecoveryReport Recovery => _recovery.Value;

    /// <summary>Where each component stands in <see cref="EstimateReport.Components"/>, by name.</summary>
    public IReadOnlyDictionary<string, int> EstimatePositions => _estimatePositions.Value;

    /// <summary>The endpoints that start each workflow, in file order: looked up, not searched, per workflow.</summary>
    public ILookup<string, Endpoint> EndpointsByWorkflow => _endpointsByWorkflow.Value;

    /// <summary>Every call in the design, in file order.</summary>
    public ImmutableArray<CallSite> Calls => _calls.Value;

    private static Plumbline.Design.Pricing.PriceCatalog? PriceCatalogFor(SystemDesign design, ReviewOptions options) =>
        options.Prices
        ?? (design.Cost.Catalog == Plumbline.Design.Pricing.CatalogLoader.DefaultName && Plumbline.Design.Pricing.CatalogLoader.Default.Catalog is { } shipped
            ? Plumbline.Design.Pricing.DesignPricing.WithOverrides(shipped, design.Cost.Prices)
            : null);

    /// <summary>The blast radius of <paramref name="component"/> in the design under review.</summary>
    public ComponentBlastRadius BlastRadiusOf(string component) => BlastRadius.Of(Design, Graph, Estimate, component);

    /// <summary>The span of the value at a design path (or its nearest ancestor).</summary>
    public SourceSpan Span(string path) => Design.SourceMap.ValueSpan(path);

    /// <summary>The span of the key at a design path: where to point at a whole element.</summary>
    public SourceSpan KeySpan(string path) => Design.SourceMap.KeySpan(path);

    /// <summary>
    /// The key span of the nearest element on <paramref name="path"/> that the file has; when the
    /// whole section is absent (only the document would answer), the <c>system</c> key, which every
    /// design has, so a finding about something missing still has a line.
    /// </summary>
    public SourceSpan Locate(string path)
    {
        var span = KeySpan(path);
        return span.IsNone || span == KeySpan(string.Empty) ? KeySpan("/system") : span;
    }

    /// <summary>The components reached by a workflow (through any calls and deliveries), in the order first reached.</summary>
    public ImmutableArray<string> ComponentsOf(Workflow workflow) => Reach(workflow, syncOnly: false);

    /// <summary>The components a workflow waits on: its synchronous calls only.</summary>
    public ImmutableArray<string> SyncComponentsOf(Workflow workflow) => Reach(workflow, syncOnly: true);

    private ImmutableArray<string> Reach(Workflow workflow, bool syncOnly)
    {
        var entry = Graph.IndexOf(workflow.Entry);
        if (entry < 0)
        {
            return [];
        }

        var seen = new HashSet<int> { entry };
        var order = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<int>();
        queue.Enqueue(entry);
        while (queue.Count > 0)
        {
            var op = queue.Dequeue();
            var name = Graph.Components[Graph.ComponentOf[op]].Name;
            if (names.Add(name))
            {
                order.Add(name);
            }

            foreach (var e in Graph.Outgoing[op])
            {
                var edge = Graph.Edges[e];
                if ((!syncOnly || edge.Kind == EdgeKind.Sync) && seen.Add(edge.To))
                {
                    queue.Enqueue(edge.To);
                }
            }
        }

        return [.. order];
    }
}
