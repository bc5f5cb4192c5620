using System.Runtime.CompilerServices;
using Plumbline.Analysis.Graph;
using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Explain;
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

    private readonly bool[][] _sync;
    private readonly double[][] _hard;
    private readonly bool[][] _any;
    private readonly List<int>[] _hardWorkflowsByComponent;
    private readonly SortedSet<string>[] _hardZones;
    private readonly Dictionary<string, int> _workflowIndex = new(StringComparer.Ordinal);

    private ResilienceFacts(ReviewContext context)
    {
        Design = context.Design;
        Graph = context.Graph;
        var workflows = Design.Workflows;
        _sync = new bool[workflows.Length][];
        _hard = new double[workflows.Length][];
        _any = new bool[workflows.Length][];
        for (var w = 0; w < workflows.Length; w++)
        {
            _workflowIndex.TryAdd(workflows[w].Name, w);
            var entry = Graph.IndexOf(workflows[w].Entry);
            _sync[w] = Reach(entry, e => e.Kind == EdgeKind.Sync);
            _any[w] = Reach(entry, _ => true);
            _hard[w] = entry < 0 ? new double[Graph.Operations.Length] : AvailabilityModel.Spread(Graph, entry, AvailabilityModel.IsHardDependency).Share;
        }

        _hardWorkflowsByComponent = new List<int>[Graph.Components.Length];
        for (var c = 0; c < Graph.Components.Length; c++)
        {
            _hardWorkflowsByComponent[c] = [];
        }

        _hardZones = new SortedSet<string>[workflows.Length];
        for (var w = 0; w < workflows.Length; w++)
        {
            _hardZones[w] = new SortedSet<string>(StringComparer.Ordinal);
            for (var op = 0; op < Graph.Operations.Length; op++)
            {
                if (_hard[w][op] <= 0)
                {
                    continue;
                }

                var c = Graph.ComponentOf[op];
                var list = _hardWorkflowsByComponent[c];
                if (list.Count == 0 || list[^1] != w)
                {
                    list.Add(w);
                }

                _hardZones[w].UnionWith(Graph.Components[c].Zones);
            }
        }
    }

    public SystemDesign Design { get; }

    public CallGraph Graph { get; }

    public static ResilienceFacts For(ReviewContext context) => Cache.GetValue(context, c => new ResilienceFacts(c));

    /// <summary>Whether workflow <paramref name="w"/> waits on operation <paramref name="op"/> (synchronous calls, with or without fallback).</summary>
    public bool WaitsOn(int w, int op) => _sync[w][op];

    /// <summary>Share of workflow <paramref name="w"/>'s requests that fail when operation <paramref name="op"/> fails (synchronous calls without a fallback).</summary>
    public double HardShare(int w, int op) => _hard[w][op];

    /// <summary>The most critical workflow that waits on the operation, or null.</summary>
    public Criticality? SyncCriticality(int op) => Most(w => _sync[w][op]);

    /// <summary>The most critical workflow that fails when the operation fails, or null.</summary>
    public Criticality? HardCriticality(int op) => Most(w => _hard[w][op] > 0);

    /// <summary>The workflows that fail when any operation of the component fails, in design order.</summary>
    public List<Workflow> HardWorkflowsOf(int component) => [.. _hardWorkflowsByComponent[component].Select(w => Design.Workflows[w])];

    /// <summary>The zones listed by the components workflow <paramref name="w"/> fails without, sorted.</summary>
    public IReadOnlySet<string> HardZones(int w) => _hardZones[w];

    /// <summary>The API endpoints whose workflows reach the operation, in design order.</summary>
    public List<Endpoint> EndpointsReaching(int op)
    {
        var result = new List<Endpoint>();
        foreach (var endpoint in Design.Api.Endpoints)
        {
            if (endpoint.Workflow is { } name)
            {
                var w = IndexOfWorkflow(name);
                if (w >= 0 && _any[w][op])
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

    public static string Name(Criticality criticality) => criticality.ToString().ToLowerInvariant();

    /// <summary>A share of traffic for messages: "91.2%".</summary>
    public static string Share(double fraction) => double.IsInfinity(fraction) ? "an infinite share" : Magnitude.Format(fraction * 100, "0.#") + "%";

    /// <summary>A rate per second for messages: "1,140/s", "3.8/s".</summary>
    public static string Rate(double perSecond) => Magnitude.Format(perSecond, perSecond >= 100 ? "#,0" : "0.##") + "/s";

    /// <summary>A size for messages, in decimal units: "12.3GB".</summary>
    public static string Bytes(double bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB", "PB"];
        var unit = 0;
        while (bytes >= 1000 && unit < units.Length - 1)
        {
            bytes /= 1000;
            unit++;
        }

        return Magnitude.Format(bytes, "0.#") + units[unit];
    }

    public static string Number(double value) => Magnitude.Format(value, "0.##");

    private Criticality? Most(Func<int, bool> matches)
    {
        Criticality? best = null;
        for (var w = 0; w < Design.Workflows.Length; w++)
        {
            if (matches(w) && (best is null || Design.Workflows[w].Criticality < best))
            {
                best = Design.Workflows[w].Criticality;
            }
        }

        return best;
    }

    private bool[] Reach(int entry, Func<CallEdge, bool> follow)
    {
        var seen = new bool[Graph.Operations.Length];
        if (entry < 0)
        {
            return seen;
        }

        var queue = new Queue<int>();
        seen[entry] = true;
        queue.Enqueue(entry);
        while (queue.Count > 0)
        {
            var op = queue.Dequeue();
            foreach (var e in Graph.Outgoing[op])
            {
                var edge = Graph.Edges[e];
                if (follow(edge) && !seen[edge.To])
                {
                    seen[edge.To] = true;
                    queue.Enqueue(edge.To);
                }
            }
        }

        return seen;
    }
}
