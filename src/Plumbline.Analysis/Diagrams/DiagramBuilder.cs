using System.Collections.Immutable;
using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Graph;
using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Rules.Resilience;
using Plumbline.Analysis.Threats;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Diagrams;

/// <summary>
/// Builds the picture of a design for a view: which nodes, groups and edges it has, the peak rate on each edge
/// (from the estimate's load model) and the findings it marks. Pure; one pass over the call graph per view, so
/// the cost grows with the design's components and calls.
/// </summary>
public static class DiagramBuilder
{
    /// <summary>The rules whose findings a diagram marks.</summary>
    public static IReadOnlyList<string> MarkedRules { get; } = ["single-point-of-failure", "missing-timeout"];

    /// <summary>The name of the persona drawn for workflows no persona lists.</summary>
    public const string UnnamedUsers = "users";

    public static DiagramResult Build(SystemDesign design, DiagramView view, DiagramOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(view);
        options ??= DiagramOptions.Default;
        return view.Kind switch
        {
            DiagramViewKind.Context => new(Context(design, options), null),
            DiagramViewKind.DataFlow => new(DataFlow(design), null),
            DiagramViewKind.Workflow => Workflow(design, view, options),
            _ => new(Container(design, options), null),
        };
    }

    private static DiagramGraph Container(SystemDesign design, DiagramOptions options)
    {
        var graph = CallGraph.Build(design);
        var load = new Load(design, graph, options);
        var (spof, noTimeout) = Marked(design, options);
        var canvas = new Canvas(design);
        canvas.AddPersonas(load, null);
        foreach (var component in design.Components)
        {
            canvas.AddComponent(component, spof.Contains(component.Name) ? DiagramMarks.SinglePointOfFailure : DiagramMarks.None);
        }

        canvas.AddEntryEdges(load, null);
        var edges = new EdgeSet();
        foreach (var e in graph.Edges)
        {
            var from = canvas.IdOf(Canvas.Component(graph.Components[graph.ComponentOf[e.From]].Name));
            var to = canvas.IdOf(Canvas.Component(graph.Components[graph.ComponentOf[e.To]].Name));
            var marks = e.Call is { } call && noTimeout.Contains(call.Id) ? DiagramMarks.MissingTimeout : DiagramMarks.None;
            edges.Add(from, to, StyleOf(e.Kind), graph.Operations[e.To].Name, load.EdgePeak(e), marks);
        }

        canvas.Edges.AddRange(edges.Build());
        return canvas.Build(DiagramView.Container);
    }

    private static DiagramGraph Context(SystemDesign design, DiagramOptions options)
    {
        var graph = CallGraph.Build(design);
        var load = new Load(design, graph, options);
        var canvas = new Canvas(design);
        canvas.AddPersonas(load, null, grouped: false);
        var system = canvas.AddNode("s:", design.System.Name, NodeShape.System, null, null, 0, 0, null, DiagramMarks.None) with { Role = "software system" };
        canvas.Nodes[^1] = system;
        var dependencies = design.Requirements.Dependencies;
        foreach (var component in design.Components.Where(c => c.Kind == ComponentKind.External))
        {
            canvas.AddComponent(component, DiagramMarks.None, grouped: false);
        }

        foreach (var dependency in dependencies)
        {
            if (dependency.Component is { } c && design.FindComponent(c) is { Kind: ComponentKind.External })
            {
                continue;
            }

            if (canvas.Has(Canvas.Dependency(dependency.Name)))
            {
                continue;
            }

            var node = canvas.AddNode(Canvas.Dependency(dependency.Name), dependency.Name, NodeShape.External, null, null, 0, 0, null, DiagramMarks.None) with { Role = "external system" };
            canvas.Nodes[^1] = node;
        }

        // Every persona's traffic enters the system, whichever component takes it.
        canvas.AddEntryEdges(load, null, toSystem: system.Id);
        var edges = new EdgeSet();
        foreach (var e in graph.Edges)
        {
            var fromComponent = graph.Components[graph.ComponentOf[e.From]];
            var toComponent = graph.Components[graph.ComponentOf[e.To]];
            var from = fromComponent.Kind == ComponentKind.External ? canvas.IdOf(Canvas.Component(fromComponent.Name)) : system.Id;
            var to = toComponent.Kind == ComponentKind.External ? canvas.IdOf(Canvas.Component(toComponent.Name)) : system.Id;
            if (from != to)
            {
                edges.Add(from, to, StyleOf(e.Kind), graph.Operations[e.To].Name, load.EdgePeak(e), DiagramMarks.None);
            }
        }

        foreach (var dependency in dependencies)
        {
            if (dependency.Component is { } c && design.FindComponent(c) is { Kind: ComponentKind.External })
            {
                continue;
            }

            var id = canvas.IdOf(Canvas.Dependency(dependency.Name));
            if (dependency.Direction == DependencyDirection.Downstream)
            {
                edges.Add(id, system.Id, EdgeStyle.Uses, null, null, DiagramMarks.None);
            }
            else
            {
                edges.Add(system.Id, id, EdgeStyle.Uses, null, null, DiagramMarks.None);
            }
        }

        canvas.Edges.AddRange(edges.Build());
        return canvas.Build(DiagramView.Context);
    }

    private static DiagramResult Workflow(SystemDesign design, DiagramView view, DiagramOptions options)
    {
        var name = view.Workflow ?? string.Empty;
        var workflow = design.FindWorkflow(name);
        if (workflow is null)
        {
            var known = design.Workflows.Length == 0 ? "it has none" : "its workflows are " + string.Join(", ", design.Workflows.Select(w => w.Name));
            return new(null, $"the design has no workflow '{name}'; {known}");
        }

        var graph = CallGraph.Build(design);
        var entry = graph.IndexOf(workflow.Entry);
        if (entry < 0)
        {
            return new(null, $"workflow '{name}' enters at {workflow.Entry}, which the design does not have");
        }

        var load = new Load(design, graph, options);
        var w = design.Workflows.IndexOf(workflow);
        var peaks = load.WorkflowPeaks(w, entry);
        var (spof, noTimeout) = Marked(design, options);

        // Call order: depth first from the entry, each call in the order its operation lists it; an operation
        // reached twice is followed once.
        var steps = new List<CallEdge>();
        var visited = new bool[graph.Operations.Length];
        var stack = new Stack<(int Op, int Next)>();
        visited[entry] = true;
        stack.Push((entry, 0));
        while (stack.Count > 0)
        {
            var (op, next) = stack.Pop();
            var outgoing = graph.Outgoing[op];
            if (next >= outgoing.Length)
            {
                continue;
            }

            stack.Push((op, next + 1));
            var e = graph.Edges[outgoing[next]];
            steps.Add(e);
            if (!visited[e.To])
            {
                visited[e.To] = true;
                stack.Push((e.To, 0));
            }
        }

        var reached = new HashSet<int> { graph.ComponentOf[entry] };
        foreach (var e in steps)
        {
            reached.Add(graph.ComponentOf[e.To]);
        }

        var canvas = new Canvas(design);
        canvas.AddPersonas(load, workflow.Name);
        for (var c = 0; c < graph.Components.Length; c++)
        {
            if (reached.Contains(c))
            {
                var component = graph.Components[c];
                canvas.AddComponent(component, spof.Contains(component.Name) ? DiagramMarks.SinglePointOfFailure : DiagramMarks.None);
            }
        }

        canvas.AddEntryEdges(load, workflow.Name);
        for (var i = 0; i < steps.Count; i++)
        {
            var e = steps[i];
            var from = canvas.IdOf(Canvas.Component(graph.Components[graph.ComponentOf[e.From]].Name));
            var to = canvas.IdOf(Canvas.Component(graph.Components[graph.ComponentOf[e.To]].Name));
            var marks = e.Call is { } call && noTimeout.Contains(call.Id) ? DiagramMarks.MissingTimeout : DiagramMarks.None;
            var peak = peaks is null ? (double?)null : peaks[e.From] * load.EdgeFactor(e);
            canvas.Edges.Add(new DiagramEdge(from, to, StyleOf(e.Kind), [graph.Operations[e.To].Name], Positive(peak), i + 1, marks));
        }

        return new(canvas.Build(view), null);
    }

    private static DiagramGraph DataFlow(SystemDesign design)
    {
        var model = ThreatModel.Build(design);
        var canvas = new Canvas(design, model.BoundaryOf);
        var personas = new HashSet<string>(design.Requirements.Personas.Select(p => p.Name), StringComparer.Ordinal);
        foreach (var flow in model.Flows)
        {
            var fromKey = FlowKey(design, flow, flow.From);
            if (!canvas.Has(fromKey))
            {
                if (fromKey.StartsWith('c'))
                {
                    canvas.AddComponent(design.FindComponent(flow.From)!, DiagramMarks.None, zones: false);
                }
                else
                {
                    canvas.AddPerson(flow.From, personas.Contains(flow.From) ? "person" : "no persona listed", zones: false);
                }
            }

            if (!canvas.Has(Canvas.Component(flow.To)) && design.FindComponent(flow.To) is { } to)
            {
                canvas.AddComponent(to, DiagramMarks.None, zones: false);
            }
        }

        var holds = model.Assets.GroupBy(a => a.Holder, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(a => a.Entity).Distinct(StringComparer.Ordinal).ToImmutableArray(), StringComparer.Ordinal);
        for (var i = 0; i < canvas.Nodes.Count; i++)
        {
            if (canvas.Nodes[i].Kind is not null && holds.TryGetValue(canvas.Nodes[i].Name, out var held))
            {
                canvas.Nodes[i] = canvas.Nodes[i] with { Holds = held };
            }
        }

        var byPair = new Dictionary<(string, string, EdgeStyle), int>();
        var flows = new List<(string From, string To, EdgeStyle Style, List<string> Ops, List<string> Carries, Classification Class, bool Pii, DiagramMarks Marks)>();
        foreach (var flow in model.Flows)
        {
            if (!canvas.Has(Canvas.Component(flow.To)))
            {
                continue;
            }

            var from = canvas.IdOf(FlowKey(design, flow, flow.From));
            var to = canvas.IdOf(Canvas.Component(flow.To));
            var style = flow.Kind switch
            {
                FlowKind.Entry => EdgeStyle.Entry,
                FlowKind.Async => EdgeStyle.Async,
                FlowKind.Delivery => EdgeStyle.Delivery,
                _ => EdgeStyle.Sync,
            };
            var marks = DiagramMarks.None;
            if (flow.CrossesBoundary)
            {
                marks |= DiagramMarks.CrossesBoundary;
                if (!flow.InTransit.IsSet)
                {
                    marks |= DiagramMarks.Unencrypted;
                }

                if (!flow.Authn.IsSet)
                {
                    marks |= DiagramMarks.Unauthenticated;
                }
            }

            if (!byPair.TryGetValue((from, to, style), out var index))
            {
                byPair[(from, to, style)] = index = flows.Count;
                flows.Add((from, to, style, [], [], flow.Classification, flow.Pii, DiagramMarks.None));
            }

            var f = flows[index];
            AddOnce(f.Ops, flow.ToOperation);
            foreach (var carried in flow.Carries)
            {
                AddOnce(f.Carries, carried);
            }

            flows[index] = f with { Class = flow.Classification > f.Class ? flow.Classification : f.Class, Pii = f.Pii || flow.Pii, Marks = f.Marks | marks };
        }

        foreach (var f in flows)
        {
            canvas.Edges.Add(new DiagramEdge(f.From, f.To, f.Style, [.. f.Ops], null, null, f.Marks)
            {
                Carries = [.. f.Carries],
                Classification = f.Carries.Count == 0 ? null : f.Class,
                Pii = f.Pii,
            });
        }

        return canvas.Build(DiagramView.DataFlow);
    }

    /// <summary>A flow's sender: a person at a workflow's entry, else a component.</summary>
    private static string FlowKey(SystemDesign design, DataFlow flow, string name) =>
        flow.Kind != FlowKind.Entry && design.FindComponent(name) is not null ? Canvas.Component(name) : Canvas.Person(name);

    /// <summary>The components with a single-point-of-failure finding and the calls with a missing-timeout one.</summary>
    private static (HashSet<string> Spof, HashSet<string> NoTimeout) Marked(SystemDesign design, DiagramOptions options)
    {
        IEnumerable<Finding> findings;
        if (options.Findings is { } given)
        {
            findings = given;
        }
        else
        {
            var context = new ReviewContext(design, new ReviewOptions(DateOnly.MinValue, Estimates: options.Estimates));
            findings = new SinglePointOfFailure().Check(context).Concat(new MissingTimeout().Check(context)).ToList();
        }

        var spof = new HashSet<string>(StringComparer.Ordinal);
        var noTimeout = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            if (f.Rule.Id == MarkedRules[0])
            {
                spof.Add(f.Subject);
            }
            else if (f.Rule.Id == MarkedRules[1])
            {
                noTimeout.Add(f.Subject);
            }
        }

        return (spof, noTimeout);
    }

    private static EdgeStyle StyleOf(EdgeKind kind) => kind switch
    {
        EdgeKind.Async => EdgeStyle.Async,
        EdgeKind.Delivery => EdgeStyle.Delivery,
        _ => EdgeStyle.Sync,
    };

    private static double? Positive(double? value) => value is > 0 && double.IsFinite(value.Value) ? value : null;

    private static void AddOnce(List<string> list, string item)
    {
        if (!list.Contains(item, StringComparer.Ordinal))
        {
            list.Add(item);
        }
    }

    /// <summary>The estimate's peak rates: on every operation for all workflows, or for one.</summary>
    private sealed class Load
    {
        private readonly LoadModel _model;
        private readonly double[] _values;
        private readonly double[] _peak;

        public Load(SystemDesign design, CallGraph graph, DiagramOptions options)
        {
            Design = design;
            Graph = graph;
            _model = LoadModel.Compile(design, graph, options.Estimates);
            _values = _model.BaselineValues();
            _peak = _model.Propagate(_values).Peak;
        }

        public SystemDesign Design { get; }

        public CallGraph Graph { get; }

        public double EdgeFactor(CallEdge e) => _model.EdgeFactor(_values, e);

        public double? EdgePeak(CallEdge e) => Positive(_peak[e.From] * EdgeFactor(e));

        public double? WorkflowPeak(int w) => Positive(_model.WorkflowPeak(_values, w));

        /// <summary>Peak rate on every operation from workflow <paramref name="w"/> alone; null when its rate is unknown.</summary>
        public double[]? WorkflowPeaks(int w, int entry)
        {
            var rate = _model.WorkflowPeak(_values, w);
            if (double.IsNaN(rate))
            {
                return null;
            }

            var peak = new double[Graph.Operations.Length];
            peak[entry] = rate;
            foreach (var op in Graph.Order)
            {
                if (peak[op] == 0)
                {
                    continue;
                }

                foreach (var e in Graph.Outgoing[op])
                {
                    var edge = Graph.Edges[e];
                    peak[edge.To] += peak[op] * EdgeFactor(edge);
                }
            }

            return peak;
        }
    }

    /// <summary>Edges of one style between the same two nodes, taken together: their operations and summed peak.</summary>
    private sealed class EdgeSet
    {
        private readonly Dictionary<(string, string, EdgeStyle), int> _index = [];
        private readonly List<(string From, string To, EdgeStyle Style, List<string> Ops, double? Peak, DiagramMarks Marks)> _edges = [];

        public void Add(string from, string to, EdgeStyle style, string? operation, double? peak, DiagramMarks marks)
        {
            if (!_index.TryGetValue((from, to, style), out var i))
            {
                _index[(from, to, style)] = i = _edges.Count;
                _edges.Add((from, to, style, [], null, DiagramMarks.None));
            }

            var e = _edges[i];
            if (operation is not null)
            {
                AddOnce(e.Ops, operation);
            }

            _edges[i] = e with { Peak = peak is { } p ? (e.Peak ?? 0) + p : e.Peak, Marks = e.Marks | marks };
        }

        public IEnumerable<DiagramEdge> Build() =>
            _edges.Select(e => new DiagramEdge(e.From, e.To, e.Style, [.. e.Ops], e.Peak, null, e.Marks));
    }

    /// <summary>Nodes with generated ids, the groups they sit in (trust boundary, then zones), and edges.</summary>
    private sealed class Canvas
    {
        private readonly SystemDesign _design;
        private readonly Func<string, string?> _boundaryOf;
        private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
        private readonly Dictionary<(string?, string), string> _groupIds = [];
        private readonly List<DiagramGroup> _groups = [];
        private readonly Dictionary<string, bool> _trusted = new(StringComparer.Ordinal);

        public Canvas(SystemDesign design, Func<string, string?>? boundaryOf = null)
        {
            _design = design;
            var first = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var b in design.Security.Boundaries)
            {
                _trusted.TryAdd(b.Name, b.Trusted);
                foreach (var member in b.Contains)
                {
                    first.TryAdd(member, b.Name);
                }
            }

            _boundaryOf = boundaryOf ?? (name => first.TryGetValue(name, out var b) ? b : null);
        }

        public List<DiagramNode> Nodes { get; } = [];

        public List<DiagramEdge> Edges { get; } = [];

        /// <summary>The key of a component: personas, components and dependencies may share a name and still be three nodes.</summary>
        public static string Component(string name) => "c:" + name;

        public static string Person(string name) => "p:" + name;

        public static string Dependency(string name) => "d:" + name;

        public bool Has(string key) => _ids.ContainsKey(key);

        public string IdOf(string key) => _ids[key];

        public DiagramNode AddNode(string key, string name, NodeShape shape, ComponentKind? kind, string? engine, int instances, int replicas, string? group, DiagramMarks marks)
        {
            var node = new DiagramNode("n" + Nodes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), name, shape, kind, engine, instances, replicas, group, marks);
            _ids.TryAdd(key, node.Id);
            Nodes.Add(node);
            return node;
        }

        public void AddPerson(string name, string role, bool zones = true, bool grouped = true)
        {
            var group = grouped ? GroupOf(name, [], zones) : null;
            var node = AddNode(Person(name), name, NodeShape.Person, null, null, 0, 0, group, DiagramMarks.None) with { Role = role };
            Nodes[^1] = node;
        }

        public void AddComponent(Component component, DiagramMarks marks, bool zones = true, bool grouped = true)
        {
            var group = grouped ? GroupOf(component.Name, component.Zones, zones) : null;
            var node = AddNode(Component(component.Name), component.Name, ShapeOf(component.Kind), component.Kind, component.Engine, component.Instances, component.Replicas, group, marks);
            if (component.Kind == ComponentKind.External)
            {
                Nodes[^1] = node with { Role = "external system" };
            }
        }

        /// <summary>The personas whose workflows (all, or <paramref name="onlyWorkflow"/>) enter the system; "users" for workflows no persona lists.</summary>
        public void AddPersonas(Load load, string? onlyWorkflow, bool grouped = true)
        {
            foreach (var (persona, _) in Senders(load, onlyWorkflow, includeIdle: onlyWorkflow is null && !grouped))
            {
                if (!Has(Person(persona)))
                {
                    AddPerson(persona, persona == UnnamedUsers && !_design.Requirements.Personas.Any(p => p.Name == UnnamedUsers) ? "no persona listed" : "person", zones: false, grouped: grouped);
                }
            }
        }

        /// <summary>An edge from each persona to each component (or the system) its workflows enter at, with their summed peak.</summary>
        public void AddEntryEdges(Load load, string? onlyWorkflow, string? toSystem = null)
        {
            var edges = new EdgeSet();
            foreach (var (persona, workflows) in Senders(load, onlyWorkflow, includeIdle: false))
            {
                foreach (var w in workflows)
                {
                    var workflow = _design.Workflows[w];
                    var to = toSystem ?? IdOf(Component(workflow.Entry.Component));
                    edges.Add(IdOf(Person(persona)), to, EdgeStyle.Entry, workflow.Name, load.WorkflowPeak(w), DiagramMarks.None);
                }
            }

            Edges.AddRange(edges.Build());
        }

        /// <summary>Each persona with the indexes of its workflows that enter at a known operation; then "users" for the workflows no persona lists.</summary>
        private List<(string Persona, List<int> Workflows)> Senders(Load load, string? onlyWorkflow, bool includeIdle)
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var w = 0; w < _design.Workflows.Length; w++)
            {
                var workflow = _design.Workflows[w];
                if ((onlyWorkflow is null || workflow.Name == onlyWorkflow) && load.Graph.IndexOf(workflow.Entry) >= 0)
                {
                    index.TryAdd(workflow.Name, w);
                }
            }

            var senders = new List<(string, List<int>)>();
            var claimed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var persona in _design.Requirements.Personas)
            {
                var mine = persona.Workflows.Distinct(StringComparer.Ordinal).Where(index.ContainsKey).Select(n => index[n]).ToList();
                claimed.UnionWith(persona.Workflows);
                if (mine.Count > 0 || includeIdle)
                {
                    senders.Add((persona.Name, mine));
                }
            }

            var unclaimed = index.Where(kv => !claimed.Contains(kv.Key)).Select(kv => kv.Value).Order().ToList();
            if (unclaimed.Count > 0)
            {
                var existing = senders.FindIndex(s => s.Item1 == UnnamedUsers);
                if (existing >= 0)
                {
                    senders[existing].Item2.AddRange(unclaimed);
                }
                else
                {
                    senders.Add((UnnamedUsers, unclaimed));
                }
            }

            return senders;
        }

        public DiagramGraph Build(DiagramView view)
        {
            // Only groups something sits in (directly or through a nested group) are drawn.
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in Nodes)
            {
                for (var g = node.Group; g is not null; g = _groups.First(x => x.Id == g).Parent)
                {
                    if (!used.Add(g))
                    {
                        break;
                    }
                }
            }

            return new DiagramGraph(_design.System.Name, view, [.. _groups.Where(g => used.Contains(g.Id))], [.. Nodes], [.. Edges]);
        }

        /// <summary>The group a node sits in: its trust boundary, and inside it the set of zones it runs in.</summary>
        private string? GroupOf(string name, ImmutableArray<string> zones, bool byZone)
        {
            string? boundaryGroup = null;
            if (_boundaryOf(name) is { } boundary)
            {
                boundaryGroup = Group(null, boundary, _trusted.GetValueOrDefault(boundary, true) ? GroupKind.TrustedBoundary : GroupKind.UntrustedBoundary, []);
            }

            if (!byZone || zones.IsDefaultOrEmpty)
            {
                return boundaryGroup;
            }

            var distinct = zones.Distinct(StringComparer.Ordinal).ToImmutableArray();
            return Group(boundaryGroup, string.Join(", ", distinct), GroupKind.Zones, distinct);
        }

        private string Group(string? parent, string name, GroupKind kind, ImmutableArray<string> zones)
        {
            var key = (parent, (kind == GroupKind.Zones ? "z:" : "b:") + name);
            if (!_groupIds.TryGetValue(key, out var id))
            {
                id = "g" + _groups.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                _groupIds[key] = id;
                _groups.Add(new DiagramGroup(id, name, kind, parent, zones));
            }

            return id;
        }

        private static NodeShape ShapeOf(ComponentKind kind) => kind switch
        {
            ComponentKind.Client => NodeShape.Client,
            ComponentKind.Cdn => NodeShape.Cdn,
            ComponentKind.LoadBalancer => NodeShape.LoadBalancer,
            ComponentKind.Gateway => NodeShape.Gateway,
            ComponentKind.Worker => NodeShape.Worker,
            ComponentKind.Cache => NodeShape.Cache,
            ComponentKind.Database => NodeShape.Database,
            ComponentKind.Queue => NodeShape.Queue,
            ComponentKind.ObjectStore => NodeShape.ObjectStore,
            ComponentKind.Search => NodeShape.Search,
            ComponentKind.External => NodeShape.External,
            _ => NodeShape.Service,
        };
    }
}
