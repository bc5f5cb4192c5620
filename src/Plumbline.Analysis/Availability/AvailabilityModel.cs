using System.Collections.Immutable;
using System.Globalization;
using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Availability;

/// <summary>
/// Availability as the reliability references compute it, with failure domains modelled as such:
/// an instance fails alone, a zone takes every instance in it (once, whichever components they
/// belong to), a region takes its zones. A component is up when enough of its units (instances, or
/// a store's copies of one shard; a quorum when stated) are up; a provider's <c>sla</c> makes it one
/// black box at that figure. A workflow request succeeds when every operation it reaches through
/// synchronous calls without a free-text fallback is on an up component: a call made on a share s
/// of executions counts as (1 - s + s x ...), a fan-out of n as (...)^n, a fallback to another
/// operation as either one. Components and domains that appear more than once along a path are
/// conditioned on (their joint states summed over), so shared zones are counted once and the
/// figure is exact; the rest multiply. Async hand-offs are left out (the request does not wait),
/// and so are retries (they mask blips, not outages). See docs/availability.md.
/// </summary>
public sealed class AvailabilityModel
{
    /// <summary>Availability of one instance when the design states none: 99.9%.</summary>
    public const double DefaultInstanceAvailability = 0.999;

    /// <summary>Joint states enumerated exactly; beyond this, states below <see cref="PruneBelow"/> are left out and bounded.</summary>
    public const long ExactStates = 1 << 10;

    /// <summary>Probability under which a joint state is left out when there are too many to enumerate.</summary>
    public const double PruneBelow = 1e-14;

    /// <summary>States evaluated at most per workflow, after which the rest are bounded.</summary>
    public const int StateBudget = 20_000;

    private readonly CallGraph _graph;
    private readonly ComponentUnits?[] _units;
    private readonly int[] _readNeeded;
    private readonly int[] _writeNeeded;
    private readonly ImmutableArray<AccessType> _types;
    private readonly Dictionary<int, WorkflowAvailability> _byEntry = [];
    private readonly Dictionary<string, int> _workflowIndex = new(StringComparer.Ordinal);
    private readonly int[] _position;
    private readonly string?[] _references;
    private double[]? _shareScratch;
    private double[]? _callsScratch;
    private int[]? _seen;
    private int _walks;

    public AvailabilityModel(SystemDesign design, CallGraph graph)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(graph);
        _graph = graph;
        Domains = FailureDomains.Of(design);
        _types = graph.OperationTypes;
        _references = new string?[graph.Operations.Length];
        _position = new int[graph.Operations.Length];
        for (var i = 0; i < graph.Order.Length; i++)
        {
            _position[graph.Order[i]] = i;
        }

        var n = graph.Components.Length;
        _units = new ComponentUnits?[n];
        _readNeeded = new int[n];
        _writeNeeded = new int[n];
        var slaOfDependency = new Dictionary<string, Design.Units.Percent>(StringComparer.Ordinal);
        foreach (var dependency in design.Requirements.Dependencies)
        {
            if (dependency is { Component: { } c, Sla: { } sla })
            {
                slaOfDependency.TryAdd(c, sla);
            }
        }

        Components = [.. graph.Components.Select((c, i) => Compose(c, i, slaOfDependency))];
        for (var w = 0; w < design.Workflows.Length; w++)
        {
            _workflowIndex.TryAdd(design.Workflows[w].Name, w);
        }

        Workflows = [.. design.Workflows.Select(Workflow)];
    }

    /// <summary>The zones and regions of the design, with their availability.</summary>
    public FailureDomains Domains { get; }

    /// <summary>Every component's availability, in design order.</summary>
    public ImmutableArray<ComponentAvailability> Components { get; }

    /// <summary>Every workflow's availability, in design order.</summary>
    public ImmutableArray<WorkflowAvailability> Workflows { get; }

    public ComponentAvailability Of(string component) => Components[_graph.ComponentIndex[component]];

    public WorkflowAvailability? OfWorkflow(string workflow)
    {
        var w = _workflowIndex.GetValueOrDefault(workflow, -1);
        return w >= 0 ? Workflows[w] : null;
    }

    /// <summary>n redundant copies each up with probability a: 1 - (1 - a)^n (n at least 1).</summary>
    public static double Parallel(double availability, int copies) =>
        1 - Math.Pow(1 - availability, Math.Max(copies, 1));

    /// <summary>At least k of n copies up, each independently with probability a.</summary>
    public static double AtLeast(int k, int n, double availability) =>
        ComponentUnits.AtLeast(Math.Min(k, n), [(1.0, n)], availability);

    /// <summary>Components in series: the product.</summary>
    public static double Series(IEnumerable<double> availabilities)
    {
        ArgumentNullException.ThrowIfNull(availabilities);
        return availabilities.Aggregate(1.0, (a, b) => a * b);
    }

    /// <summary>A synchronous call with no fallback: its failure fails the caller.</summary>
    public static bool IsHardDependency(CallEdge edge)
    {
        ArgumentNullException.ThrowIfNull(edge);
        return edge.Kind == EdgeKind.Sync && string.IsNullOrWhiteSpace(edge.Call?.Fallback) && edge.Call?.FallbackTo is null;
    }

    /// <summary>
    /// The share of one request entering at <paramref name="entry"/> that runs each operation, and
    /// the calls it gets per request, following the edges <paramref name="follow"/> accepts. Several
    /// paths to one operation combine as independent events: 1 - product of (1 - share of each path).
    /// </summary>
    internal static (double[] Share, double[] Calls) Spread(CallGraph graph, int entry, Func<CallEdge, bool> follow)
    {
        var share = new double[graph.Operations.Length];
        var calls = new double[graph.Operations.Length];
        Spread(graph, entry, graph.Order, follow, share, calls);
        return (share, calls);
    }

    /// <summary>
    /// <see cref="Spread(CallGraph, int, Func{CallEdge, bool})"/> into arrays the caller owns, all zero where the
    /// request can reach, walking <paramref name="order"/>: the graph's order, or the part of it the entry reaches.
    /// With <paramref name="exposed"/>, each call passes on its <see cref="Exposure"/> (the share of requests a
    /// callee's failure reaches, as the composition counts it); without, the share that runs the callee, where a
    /// count below 1 runs it on that part of the executions that make the call.
    /// </summary>
    internal static void Spread(CallGraph graph, int entry, IReadOnlyList<int> order, Func<CallEdge, bool> follow, double[] share, double[]? calls, bool exposed = false)
    {
        share[entry] = 1;
        if (calls is not null)
        {
            calls[entry] = 1;
        }

        for (var i = 0; i < order.Count; i++)
        {
            var op = order[i];
            if (share[op] <= 0)
            {
                continue;
            }

            foreach (var e in graph.Outgoing[op])
            {
                var edge = graph.Edges[e];
                if (!follow(edge) || edge.To == entry)
                {
                    continue;
                }

                var p = Probability(graph, edge);
                var count = edge.Call?.Count ?? 1;
                var passed = exposed ? Exposure(graph, edge) : p * Math.Min(count, 1);
                share[edge.To] = 1 - ((1 - share[edge.To]) * (1 - (share[op] * passed)));
                if (calls is not null)
                {
                    calls[edge.To] += calls[op] * p * count;
                }
            }
        }
    }

    /// <summary>
    /// The share of its caller's executions whose outcome a call exposes to the callee's failure: the probability it
    /// is made, whatever its count, since a count below 1 batches executions into one call that each of them waits on.
    /// The composition counts a call made on this share s as (1 - s + s x the callee's figure), and the blast radius
    /// takes s of the caller's requests when the callee fails.
    /// </summary>
    internal static double Exposure(CallGraph graph, CallEdge edge) => Probability(graph, edge);

    /// <summary>The probability a call is made: stated, else the miss ratio of the cache called just before it, else 1.</summary>
    internal static double Probability(CallGraph graph, CallEdge edge)
    {
        if (edge.Call?.Probability is { } stated)
        {
            return stated;
        }

        if (edge.MissOfCache >= 0 && graph.Components[edge.MissOfCache].HitRatio is { } hit)
        {
            return 1 - hit;
        }

        return 1;
    }

    /// <summary>
    /// The units a component's availability counts: every instance of a service; a store's copies of one shard
    /// (<see cref="StoreCopies"/>: <c>replication.copies</c> when stated, as the recovery analysis counts them).
    /// A component partitioned into cells serves each request from its own cell only, so a service counts one
    /// cell's instances (instances / cells), never every cell's as parallel copies; a store's shard already
    /// lives in one cell.
    /// </summary>
    internal static int UnitsOf(Component component) =>
        IsStore(component)
            ? StoreCopies.Of(component).Copies
            : Math.Max((Math.Max(component.Instances, 1) + (component.IsStateful ? component.Replicas : 0)) / component.CellCount, 1);

    internal static bool IsStore(Component component) =>
        component.Kind is ComponentKind.Database or ComponentKind.Cache or ComponentKind.Queue or ComponentKind.ObjectStore or ComponentKind.Search;

    /// <summary>How many units operation <paramref name="op"/> needs up: its quorum for its type, else 1.</summary>
    private int Needed(int op)
    {
        var c = _graph.ComponentOf[op];
        return _types[op] == AccessType.Write ? _writeNeeded[c] : _readNeeded[c];
    }

    /// <summary>A component's own availability for operation <paramref name="op"/> (its read or write quorum).</summary>
    private double ValueFor(int op)
    {
        var component = Components[_graph.ComponentOf[op]];
        return _types[op] == AccessType.Write ? component.WriteValue : component.Value;
    }

    private ComponentAvailability Compose(Component component, int index, Dictionary<string, Design.Units.Percent> slaOfDependency)
    {
        _readNeeded[index] = 1;
        _writeNeeded[index] = 1;
        var name = component.Name;
        if (component.Kind == ComponentKind.Client)
        {
            return new ComponentAvailability(name, AvailabilityBasis.Client, 1, false, 1, 0, 1, $"{name}: clients are outside the system = 100%");
        }

        var sla = component.Sla ?? slaOfDependency.GetValueOrDefault(name);
        if (component.Sla is not null || slaOfDependency.ContainsKey(name))
        {
            var from = component.Sla is not null ? "sla" : "its dependency's sla";
            return new ComponentAvailability(name, AvailabilityBasis.Sla, sla.Fraction, false, 1, component.Zones.Length, sla.Fraction,
                $"{name}: {from} {Quantities.Availability(sla.Fraction)}, one provider-managed whole = {Quantities.Availability(sla.Fraction)}");
        }

        if (component.Kind == ComponentKind.External)
        {
            var value = component.Availability?.Fraction ?? DefaultInstanceAvailability;
            var assumed = component.Availability is null;
            return new ComponentAvailability(name, AvailabilityBasis.External, value, assumed, 1, 0, value,
                assumed ? $"{name}: no sla or availability stated, assumed {Quantities.Availability(value)}" : $"{name}: stated availability {Quantities.Availability(value)}")
            {
                Assumptions = assumed ? [$"{name} {Quantities.Availability(value)} (external, no sla stated)"] : [],
            };
        }

        var perUnit = component.Availability?.Fraction ?? DefaultInstanceAvailability;
        var perUnitAssumed = component.Availability is null;
        var units = UnitsOf(component);
        var layout = new ComponentUnits(Domains, component, perUnit, units, component.MultiRegion == MultiRegionMode.Failover);
        _units[index] = layout;
        if (IsStore(component) && component.Quorum is { } quorum)
        {
            _readNeeded[index] = Math.Min(quorum.Reads?.K ?? 1, units);
            _writeNeeded[index] = Math.Min(quorum.Writes?.K ?? 1, units);
        }

        var unknown = Unknown(Domains.All.Length);
        var reads = layout.UpAtLeast(_readNeeded[index], unknown);
        var writes = _writeNeeded[index] == _readNeeded[index] ? reads : layout.UpAtLeast(_writeNeeded[index], unknown);
        var assumptions = ImmutableArray.CreateBuilder<string>();
        if (perUnitAssumed)
        {
            assumptions.Add($"{name} {Quantities.Availability(perUnit)} per {(IsStore(component) ? "copy" : "instance")} (no availability stated)");
        }

        var multiRegion = layout.Regions.Count > 1;
        if (multiRegion && component.MultiRegion is null)
        {
            assumptions.Add($"{name} serves active-active across its regions (no multi_region stated)");
        }

        var arithmetic = Describe(component, layout, perUnit, perUnitAssumed, _readNeeded[index], _writeNeeded[index], reads, writes);
        return new ComponentAvailability(name, AvailabilityBasis.Units, perUnit, perUnitAssumed, units, layout.ZoneCount, reads, arithmetic)
        {
            WriteValue = writes,
            Assumptions = assumptions.ToImmutable(),
        };
    }

    private string Describe(Component component, ComponentUnits layout, double perUnit, bool assumed, int readK, int writeK, double reads, double writes)
    {
        var store = IsStore(component);
        var unit = store ? (layout.Units == 1 ? "copy of its shard" : "copies of a shard") : (layout.Units == 1 ? "instance" : "instances");
        var each = $"{Quantities.Availability(perUnit)}{(assumed ? " assumed" : string.Empty)}";
        string head;
        if (readK == 1 && writeK == 1)
        {
            head = layout.Units == 1
                ? $"{component.Name}: 1 {unit} at {each}"
                : string.Create(CultureInfo.InvariantCulture, $"{component.Name}: any of {layout.Units} {unit} at {each} each");
        }
        else
        {
            var needs = readK == writeK
                ? string.Create(CultureInfo.InvariantCulture, $"{readK} of {layout.Units}")
                : string.Create(CultureInfo.InvariantCulture, $"{readK} of {layout.Units} for reads, {writeK} of {layout.Units} for writes");
            head = $"{component.Name}: {needs} {unit} at {each} each";
        }

        if (layout.ZoneCount == 0)
        {
            var formula = readK == 1 && writeK == 1 && layout.Units > 1
                ? string.Create(CultureInfo.InvariantCulture, $" (1 - (1 - {Quantities.Availability(perUnit)})^{layout.Units})")
                : string.Empty;
            return head + formula + Result(readK, writeK, reads, writes);
        }

        var text = $"{head}, placed round-robin over {Group(layout.Domains.Where(d => Domains.All[d].Kind == DomainKind.Zone))}";
        if (layout.Regions.Count > 0)
        {
            var mode = layout.Regions.Count > 1
                ? component.MultiRegion == MultiRegionMode.Failover ? ", failing over in that order" : ", active-active"
                : string.Empty;
            text += $", in {Group(layout.Regions)}{mode}";
        }

        return text + Result(readK, writeK, reads, writes);
    }

    /// <summary>"zones a, b, c (99.99% each, assumed)", or each with its own figure when they differ.</summary>
    private string Group(IEnumerable<int> domains)
    {
        var list = domains.Select(d => Domains.All[d]).ToList();
        if (list.Count == 0)
        {
            return string.Empty;
        }

        var kind = list[0].Kind == DomainKind.Zone ? "zone" : "region";
        var plural = list.Count == 1 ? kind : kind + "s";
        if (list.All(d => d.Availability == list[0].Availability && d.IsAssumed == list[0].IsAssumed))
        {
            var each = list.Count == 1 ? string.Empty : " each";
            return $"{plural} {string.Join(", ", list.Select(d => d.Name))} ({Quantities.Availability(list[0].Availability)}{each}{(list[0].IsAssumed ? ", assumed" : string.Empty)})";
        }

        return $"{plural} {string.Join(", ", list.Select(d => $"{d.Name} ({Quantities.Availability(d.Availability)}{(d.IsAssumed ? ", assumed" : string.Empty)})"))}";
    }

    private static string Result(int readK, int writeK, double reads, double writes) =>
        readK == writeK ? $" = {Quantities.Availability(reads)}" : $" = {Quantities.Availability(reads)} for reads, {Quantities.Availability(writes)} for writes";

    private static sbyte[] Unknown(int domains)
    {
        var state = new sbyte[domains];
        Array.Fill(state, (sbyte)-1);
        return state;
    }

    private WorkflowAvailability Workflow(Workflow workflow)
    {
        var entry = _graph.IndexOf(workflow.Entry);
        if (entry < 0)
        {
            return new WorkflowAvailability(workflow.Name, 1, []);
        }

        if (!_byEntry.TryGetValue(entry, out var composed))
        {
            composed = new PathComposer(this, entry).Compose();
            _byEntry[entry] = composed;
        }

        return composed with { Workflow = workflow.Name };
    }

    /// <summary>
    /// The factors of one entry's path: a spread over the operations it reaches (in graph order, into scratch
    /// arrays cleared after), so each workflow costs what it reaches, not the size of the design.
    /// </summary>
    private ImmutableArray<PathFactor> Factors(int entry)
    {
        var reached = BreadthFirst(entry);
        var order = reached.ToArray();
        Array.Sort(order, (a, b) => _position[a].CompareTo(_position[b]));
        var share = _shareScratch ??= new double[_graph.Operations.Length];
        var calls = _callsScratch ??= new double[_graph.Operations.Length];
        Spread(_graph, entry, order, IsHardDependency, share, calls);
        var factors = ImmutableArray.CreateBuilder<PathFactor>(reached.Count);
        foreach (var op in reached)
        {
            if (share[op] > 0)
            {
                var value = ValueFor(op);
                factors.Add(new PathFactor(Reference(op), 1 - (share[op] * (1 - value)))
                {
                    Component = Components[_graph.ComponentOf[op]].Component,
                    Share = share[op],
                    Calls = calls[op] / share[op],
                    ComponentValue = value,
                });
            }
        }

        foreach (var op in reached)
        {
            share[op] = 0;
            calls[op] = 0;
        }

        return factors.Count == factors.Capacity ? factors.MoveToImmutable() : factors.ToImmutable();
    }

    /// <summary>Operations reached from an entry over hard dependencies, in the order first reached.</summary>
    private List<int> BreadthFirst(int entry)
    {
        var seen = _seen ??= new int[_graph.Operations.Length];
        var mark = ++_walks;
        var order = new List<int> { entry };
        seen[entry] = mark;
        for (var next = 0; next < order.Count; next++)
        {
            foreach (var e in _graph.Outgoing[order[next]])
            {
                var edge = _graph.Edges[e];
                if (IsHardDependency(edge) && seen[edge.To] != mark)
                {
                    seen[edge.To] = mark;
                    order.Add(edge.To);
                }
            }
        }

        return order;
    }

    /// <summary><c>component.operation</c>, written once per operation.</summary>
    private string Reference(int op) => _references[op] ??= _graph.Operations[op].RefText;

    /// <summary>One call on the path: made on a share <see cref="P"/> of executions, <see cref="Count"/> times, to <see cref="Primary"/> or else <see cref="Fallback"/> (local indexes; -1 for none).</summary>
    private readonly record struct PathCall(double P, double Count, int Primary, int Fallback);

    /// <summary>
    /// The exact composition of one path: the operations a request can reach, each component's and
    /// each shared domain's states summed over, the rest multiplied.
    /// </summary>
    private sealed class PathComposer
    {
        private readonly AvailabilityModel _model;
        private readonly CallGraph _graph;
        private readonly int _entry;
        private readonly List<int> _ops = [];                 // local index -> operation, in post-order (callees first)
        private readonly Dictionary<int, int> _local = [];    // operation -> local index
        private readonly List<List<PathCall>> _calls = [];
        private readonly sbyte[] _state;
        private int[] _conditionedDomains = [];
        private int[] _conditionedComponents = [];
        private int[][] _thresholds = [];                     // per conditioned component, its distinct needs ascending
        private readonly Dictionary<int, int> _conditionedIndex = [];
        private int[] _pathComponents = [];
        private readonly Dictionary<int, double> _up = [];    // unconditioned component -> P(up) in the current domain state
        private readonly Dictionary<int, int> _need = [];     // unconditioned component -> units its one operation needs
        private readonly Dictionary<(int Component, int Need, long States), double> _upCache = [];
        private double[][] _levelProbability = [];
        private int[] _level = [];
        private int[] _levelOfOp = [];                        // local op -> level its component needs (conditioned), else 0
        private double[] _f = [];
        private double _total;
        private double _explored;
        private double _pruneBelow;
        private long _leaves;
        private bool _budgetHit;

        public PathComposer(AvailabilityModel model, int entry)
        {
            _model = model;
            _graph = model._graph;
            _entry = entry;
            _state = Unknown(model.Domains.All.Length);
        }

        public WorkflowAvailability Compose()
        {
            BuildPath();
            var shared = Condition();
            var joint = JointStates();
            _pruneBelow = joint <= ExactStates ? 0 : PruneBelow;
            Domain(0, 1.0);
            var uncertainty = _pruneBelow == 0 && !_budgetHit ? 0 : Math.Max(0, 1 - _explored);
            var value = Math.Clamp(_total, 0, 1);
            var (expression, independent) = Formula();
            return new WorkflowAvailability(string.Empty, value, _model.Factors(_entry))
            {
                Expression = expression,
                Independent = independent,
                SharedDomains = shared,
                States = _leaves,
                Uncertainty = uncertainty,
                Assumptions = Assumptions(),
                Domains = [.. PathDomains().Select(d => _model.Domains.All[d])],
            };
        }

        /// <summary>The operations reachable over hard calls and fallbacks, callees before callers; a fallback that would loop back is ignored.</summary>
        private void BuildPath()
        {
            var onStack = new HashSet<int>();
            var done = new HashSet<int>();
            var stack = new Stack<(int Op, int Next, List<(CallEdge Edge, int To, int Fallback)> Out)>();
            void Push(int op)
            {
                onStack.Add(op);
                stack.Push((op, 0, Outgoing(op)));
            }

            Push(_entry);
            while (stack.Count > 0)
            {
                var (op, next, outgoing) = stack.Pop();
                if (next < 2 * outgoing.Count)
                {
                    // Visit each call's target, then its fallback: entries 2k and 2k + 1.
                    stack.Push((op, next + 1, outgoing));
                    var target = next % 2 == 0 ? outgoing[next / 2].To : outgoing[next / 2].Fallback;
                    if (target >= 0 && !done.Contains(target) && !onStack.Contains(target))
                    {
                        Push(target);
                    }

                    continue;
                }

                // Every callee is placed: place the operation after them.
                onStack.Remove(op);
                done.Add(op);
                _local[op] = _ops.Count;
                _ops.Add(op);
                var calls = new List<PathCall>();
                foreach (var (edge, to, fallback) in outgoing)
                {
                    if (!_local.TryGetValue(to, out var primary))
                    {
                        continue; // a loop back through a fallback: cannot help
                    }

                    var alternative = fallback >= 0 ? _local.GetValueOrDefault(fallback, -1) : -1;
                    var count = edge.Call?.Count ?? 1;
                    calls.Add(new PathCall(Exposure(_graph, edge), Math.Max(count, 1), primary, alternative));
                }

                _calls.Add(calls);
            }
        }

        private List<(CallEdge Edge, int To, int Fallback)> Outgoing(int op)
        {
            var list = new List<(CallEdge, int, int)>();
            foreach (var e in _graph.Outgoing[op])
            {
                var edge = _graph.Edges[e];
                var call = edge.Kind == EdgeKind.Sync ? edge.Call : null;
                if (call is null)
                {
                    continue;
                }

                if (call.FallbackTo is { } alternative)
                {
                    var target = _graph.IndexOf(alternative);
                    list.Add((edge, edge.To, target == op ? -1 : target));
                }
                else if (string.IsNullOrWhiteSpace(call.Fallback))
                {
                    list.Add((edge, edge.To, -1));
                }
            }

            return list;
        }

        /// <summary>Decides what to condition on: components a request can reach more than once, and domains several path components share.</summary>
        private ImmutableArray<string> Condition()
        {
            var n = _ops.Count;
            var appearances = new int[n];
            appearances[n - 1] = 1; // the entry is placed last
            for (var i = n - 1; i >= 0; i--)
            {
                foreach (var call in _calls[i])
                {
                    var times = appearances[i] * (call.Count > 1 ? 2 : 1);
                    appearances[call.Primary] = Math.Min(2, appearances[call.Primary] + times);
                    if (call.Fallback >= 0)
                    {
                        appearances[call.Fallback] = Math.Min(2, appearances[call.Fallback] + times);
                    }
                }
            }

            var multiplicity = new Dictionary<int, int>();
            var needs = new Dictionary<int, SortedSet<int>>();
            for (var i = 0; i < n; i++)
            {
                var c = _graph.ComponentOf[_ops[i]];
                multiplicity[c] = Math.Min(2, multiplicity.GetValueOrDefault(c) + appearances[i]);
                if (!needs.TryGetValue(c, out var set))
                {
                    needs[c] = set = [];
                }

                set.Add(_model.Needed(_ops[i]));
                _need[c] = _model.Needed(_ops[i]);
            }

            _pathComponents = [.. multiplicity.Keys.Order()];
            var conditioned = _pathComponents.Where(c => multiplicity[c] >= 2 || needs[c].Count > 1).ToArray();
            _conditionedComponents = conditioned;
            _thresholds = [.. conditioned.Select(c => needs[c].ToArray())];
            for (var i = 0; i < conditioned.Length; i++)
            {
                _conditionedIndex[conditioned[i]] = i;
            }

            _levelOfOp = new int[n];
            for (var i = 0; i < n; i++)
            {
                var c = _graph.ComponentOf[_ops[i]];
                if (_conditionedIndex.TryGetValue(c, out var j))
                {
                    _levelOfOp[i] = Array.IndexOf(_thresholds[j], _model.Needed(_ops[i])) + 1;
                }
            }

            _level = new int[conditioned.Length];
            _levelProbability = new double[conditioned.Length][];
            _f = new double[n];

            var touched = new Dictionary<int, int>();
            foreach (var c in _pathComponents)
            {
                if (_model._units[c] is { } units)
                {
                    foreach (var d in units.Domains)
                    {
                        touched[d] = touched.GetValueOrDefault(d) + 1;
                    }
                }
            }

            // A domain that cannot fail (100%) or is always down (0%) is no event: nothing to sum over.
            _conditionedDomains = [.. touched.Where(t => t.Value >= 2 && _model.Domains.All[t.Key].Availability is > 0 and < 1).Select(t => t.Key).Order()];
            return [.. _conditionedDomains.Select(d => _model.Domains.All[d]).Select(d => $"{(d.Kind == DomainKind.Zone ? "zone" : "region")} {d.Name}")];
        }

        private double JointStates()
        {
            var states = Math.Pow(2, _conditionedDomains.Length);
            foreach (var t in _thresholds)
            {
                states *= t.Length + 1;
            }

            return states;
        }

        private bool Prune(double probability)
        {
            if (_budgetHit || (_pruneBelow > 0 && probability < _pruneBelow))
            {
                return true;
            }

            if (_pruneBelow > 0 && _leaves >= StateBudget)
            {
                _budgetHit = true;
                return true;
            }

            return false;
        }

        private void Domain(int i, double probability)
        {
            if (Prune(probability))
            {
                return;
            }

            if (i == _conditionedDomains.Length)
            {
                ComponentProbabilities();
                Component(0, probability);
                return;
            }

            var d = _conditionedDomains[i];
            var a = _model.Domains.All[d].Availability;
            _state[d] = 1;
            Domain(i + 1, probability * a);
            _state[d] = 0;
            Domain(i + 1, probability * (1 - a));
            _state[d] = -1;
        }

        private void ComponentProbabilities()
        {
            foreach (var c in _pathComponents)
            {
                var units = _model._units[c];
                if (_conditionedIndex.TryGetValue(c, out var j))
                {
                    var needs = _thresholds[j];
                    var atLeast = needs.Select(k => Up(c, units, k)).ToArray();
                    var levels = new double[needs.Length + 1];
                    levels[0] = 1 - atLeast[0];
                    for (var l = 1; l <= needs.Length; l++)
                    {
                        levels[l] = atLeast[l - 1] - (l < needs.Length ? atLeast[l] : 0);
                    }

                    _levelProbability[j] = levels;
                }
                else
                {
                    _up[c] = Up(c, units, _need[c]);
                }
            }
        }

        /// <summary>
        /// A component's probability of having <paramref name="need"/> units up in the current domain
        /// states; it depends only on the states of its own domains, so it is computed once per
        /// combination of them and looked up after.
        /// </summary>
        private double Up(int c, ComponentUnits? units, int need)
        {
            if (units is null)
            {
                return _model.Components[c].Value;
            }

            var key = 0L;
            var bit = 0;
            foreach (var d in units.Domains)
            {
                if (bit >= 62)
                {
                    return units.UpAtLeast(need, _state);
                }

                if (_state[d] >= 0)
                {
                    key |= (1L + _state[d]) << bit;
                    bit += 2;
                }
            }

            if (!_upCache.TryGetValue((c, need, key), out var value))
            {
                value = units.UpAtLeast(need, _state);
                _upCache[(c, need, key)] = value;
            }

            return value;
        }

        private void Component(int j, double probability)
        {
            if (Prune(probability))
            {
                return;
            }

            if (j == _conditionedComponents.Length)
            {
                _total += probability * Evaluate();
                _explored += probability;
                _leaves++;
                return;
            }

            var levels = _levelProbability[j];
            for (var l = levels.Length - 1; l >= 0; l--)
            {
                if (levels[l] <= 0)
                {
                    continue;
                }

                _level[j] = l;
                Component(j + 1, probability * levels[l]);
            }
        }

        /// <summary>P(request succeeds | current states), callees first.</summary>
        private double Evaluate()
        {
            for (var i = 0; i < _ops.Count; i++)
            {
                var c = _graph.ComponentOf[_ops[i]];
                var j = _conditionedIndex.GetValueOrDefault(c, -1);
                var value = j >= 0
                    ? (_level[j] >= _levelOfOp[i] ? 1.0 : 0.0)
                    : _up[c];
                foreach (var call in _calls[i])
                {
                    if (value == 0)
                    {
                        break;
                    }

                    value *= Call(call, _f);
                }

                _f[i] = value;
            }

            return _f[_ops.Count - 1];
        }

        private static double Call(PathCall call, double[] f)
        {
            var h = f[call.Primary];
            if (call.Fallback >= 0)
            {
                h += (1 - h) * f[call.Fallback];
            }

            if (call.Count != 1)
            {
                h = Math.Pow(h, call.Count);
            }

            return 1 - call.P + (call.P * h);
        }

        /// <summary>The path's formula over each component's own availability, and its value with independent failures.</summary>
        private (string Text, double Value) Formula()
        {
            var values = new double[_ops.Count];
            for (var i = 0; i < _ops.Count; i++)
            {
                var value = _model.ValueFor(_ops[i]);
                foreach (var call in _calls[i])
                {
                    value *= Call(call, values);
                }

                values[i] = value;
            }

            var text = new System.Text.StringBuilder();
            var written = new HashSet<int>();
            Write(_ops.Count - 1, text, written, 0);
            return (text.ToString(), values[^1]);
        }

        private const int MaxFormulaLength = 2000;

        private void Write(int i, System.Text.StringBuilder text, HashSet<int> written, int depth)
        {
            var op = _ops[i];
            text.Append(_graph.Operations[op].RefText).Append(' ').Append(Quantities.Availability(_model.ValueFor(op)));
            if (!written.Add(i))
            {
                return;
            }

            foreach (var call in _calls[i])
            {
                if (text.Length > MaxFormulaLength || depth > 64)
                {
                    text.Append(" x ...");
                    return;
                }

                text.Append(" x ");
                var partial = call.P < 1;
                if (partial)
                {
                    text.Append('(').Append(Quantities.Availability(1 - call.P)).Append(" + ").Append(Quantities.Availability(call.P)).Append(" x ");
                }

                var grouped = call.Count != 1 || call.Fallback >= 0 || (partial && _calls[call.Primary].Count > 0);
                if (grouped)
                {
                    text.Append('(');
                }

                Write(call.Primary, text, written, depth + 1);
                if (call.Fallback >= 0)
                {
                    text.Append(", else ");
                    Write(call.Fallback, text, written, depth + 1);
                }

                if (grouped)
                {
                    text.Append(')');
                }

                if (call.Count != 1)
                {
                    text.Append('^').Append(call.Count.ToString("0.##", CultureInfo.InvariantCulture));
                }

                if (partial)
                {
                    text.Append(')');
                }
            }
        }

        private SortedSet<int> PathDomains()
        {
            var domains = new SortedSet<int>();
            foreach (var c in _pathComponents)
            {
                if (_model._units[c] is { } units)
                {
                    domains.UnionWith(units.Domains);
                }
            }

            return domains;
        }

        private ImmutableArray<string> Assumptions()
        {
            var list = new List<string>();
            foreach (var c in _pathComponents)
            {
                list.AddRange(_model.Components[c].Assumptions);
            }

            foreach (var d in PathDomains())
            {
                var domain = _model.Domains.All[d];
                if (domain.IsAssumed)
                {
                    list.Add(domain.Kind == DomainKind.Zone
                        ? $"zone {domain.Name} {Quantities.Availability(domain.Availability)} (no zone_availability stated)"
                        : $"region {domain.Name} {Quantities.Availability(domain.Availability)} (no availability stated)");
                }
            }

            return [.. list];
        }
    }
}
