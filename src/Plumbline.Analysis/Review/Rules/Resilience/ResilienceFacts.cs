using System.Runtime.CompilerServices;
using Plumbline.Analysis.Graph;
using Plumbline.Analysis.Availability;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>
/// What the resilience, architecture and scale rules ask about paths: which workflows wait on an
/// operation (synchronously, or with no fallback), and how critical they are. Computed once per
/// review and shared by the rules through the context.
/// </summary>
internal sealed class ResilienceFacts
{
    private static readonly ConditionalWeakTable<ReviewContext, ResilienceFacts> Cache = [];

    private readonly WorkflowSpreads _spreads;
    private readonly Criticality?[] _syncCriticality;
    private readonly Criticality?[] _hardCriticality;
    private readonly SortedSet<string>?[] _hardZones;
    private readonly Dictionary<string, int> _workflowIndex = new(StringComparer.Ordinal);

    private ResilienceFacts(ReviewContext context)
    {
        Design = context.Design;
        Graph = context.Graph;
        _spreads = WorkflowSpreads.For(Design, Graph);
        var workflows = Design.Workflows;
        _syncCriticality = new Criticality?[Graph.Operations.Length];
        _hardCriticality = new Criticality?[Graph.Operations.Length];
        _hardZones = new SortedSet<string>?[workflows.Length];
        for (var w = 0; w < workflows.Length; w++)
        {
            _workflowIndex.TryAdd(workflows[w].Name, w);
            var criticality = workflows[w].Criticality;
            foreach (var op in _spreads.WaitedOn(w))
            {
                if (_syncCriticality[op] is not { } best || criticality < best)
                {
                    _syncCriticality[op] = criticality;
                }
            }

            foreach (var op in _spreads.FailingOperations(w))
            {
                if (_hardCriticality[op] is not { } best || criticality < best)
                {
                    _hardCriticality[op] = criticality;
                }
            }
        }
    }

    public SystemDesign Design { get; }

    public CallGraph Graph { get; }

    public static ResilienceFacts For(ReviewContext context) => Cache.GetValue(context, c => new ResilienceFacts(c));

    /// <summary>The operations workflow <paramref name="w"/> waits on (synchronous calls, with or without fallback), in operation order.</summary>
    public IEnumerable<int> WaitedOn(int w) => _spreads.WaitedOn(w);

    /// <summary>The operations whose failure fails some of workflow <paramref name="w"/>'s requests (synchronous calls without a fallback), in operation order.</summary>
    public IEnumerable<int> FailingOperations(int w) => _spreads.FailingOperations(w);

    /// <summary>The most critical workflow that waits on the operation, or null.</summary>
    public Criticality? SyncCriticality(int op) => _syncCriticality[op];

    /// <summary>The most critical workflow that fails when the operation fails, or null.</summary>
    public Criticality? HardCriticality(int op) => _hardCriticality[op];

    /// <summary>The workflows that fail when any operation of the component fails, in design order.</summary>
    public List<Workflow> HardWorkflowsOf(int component) =>
        [.. _spreads.Touches(component).Where(t => t.Fails).Select(t => Design.Workflows[t.Workflow])];

    /// <summary>The zones listed by the components workflow <paramref name="w"/> fails without, sorted.</summary>
    public IReadOnlySet<string> HardZones(int w)
    {
        if (_hardZones[w] is { } known)
        {
            return known;
        }

        var zones = new SortedSet<string>(StringComparer.Ordinal);
        var last = -1;
        foreach (var op in _spreads.FailingOperations(w))
        {
            var c = Graph.ComponentOf[op];
            if (c != last)
            {
                zones.UnionWith(Graph.Components[c].Zones);
                last = c;
            }
        }

        return _hardZones[w] = zones;
    }

    /// <summary>The API endpoints whose workflows reach the operation, in design order.</summary>
    public List<Endpoint> EndpointsReaching(int op)
    {
        var result = new List<Endpoint>();
        foreach (var endpoint in Design.Api.Endpoints)
        {
            if (endpoint.Workflow is { } name)
            {
                var w = IndexOfWorkflow(name);
                if (w >= 0 && _spreads.Reaches(w, op))
                {
                    result.Add(endpoint);
                }
            }
        }

        return result;
    }

    public int IndexOfWorkflow(string name) => _workflowIndex.GetValueOrDefault(name, -1);

    /// <summary>The graph edge of a call, or null when its target does not resolve.</summary>
    public CallEdge? EdgeOf(CallSite site)
    {
        var call = site.Call;
        var from = Graph.IndexOf(site.Operation.Ref);
        if (from < 0)
        {
            return null;
        }

        foreach (var e in Graph.Outgoing[from])
        {
            if (ReferenceEquals(Graph.Edges[e].Call, call))
            {
                return Graph.Edges[e];
            }
        }

        return null;
    }
}
