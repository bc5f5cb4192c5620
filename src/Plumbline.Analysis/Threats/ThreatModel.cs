using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Plumbline.Analysis.Graph;
using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Rules.Operations;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats;

/// <summary>What kind of flow: a user entering at a workflow's entry, a call, an async hand-off, or a queue's delivery.</summary>
public enum FlowKind
{
    Entry,
    Call,
    Async,
    Delivery,
}

/// <summary>
/// One data flow of the design: from a persona (at a workflow's entry) or a component, to a component's
/// operation, with what it carries, the boundaries it leaves and enters, and the controls that apply to it.
/// </summary>
/// <param name="Id">Stable: the workflow's name for an entry, <c>caller.op-&gt;callee.op</c> for a call, <c>queue-&gt;consumer.op</c> for a delivery.</param>
/// <param name="Path">Where it is written: the workflow, the call, or the queue's consumers.</param>
/// <param name="Carries">The entities it carries, in file order.</param>
/// <param name="Classification">The most sensitive of them (personal data counts as confidential at least); public when it carries none.</param>
public sealed record DataFlow(
    string Id,
    FlowKind Kind,
    string From,
    string To,
    string ToOperation,
    string Path,
    ImmutableArray<string> Carries,
    Classification Classification,
    bool Pii,
    bool Writes,
    string? FromBoundary,
    string? ToBoundary,
    Exposure Exposure,
    Control Authn,
    Control InTransit)
{
    /// <summary>For an entry: the reason it is public by design (the workflow's or its endpoint's <c>public</c>), with where it is stated; null when unstated.</summary>
    public Control? Public { get; init; }

    /// <summary>Whether it leaves one boundary for another.</summary>
    public bool CrossesBoundary => !string.Equals(FromBoundary, ToBoundary, StringComparison.Ordinal);

    /// <summary>Confidential, restricted or personal data.</summary>
    public bool IsSensitive => Classification >= Classification.Confidential || Pii;

    /// <summary>"visitor -> edge-lb.redirect".</summary>
    public string Describe => $"{From} -> {To}.{ToOperation}";
}

/// <summary>An entity kept by a component: at its owner (home) or as a copy (a cache, a queue, an index).</summary>
public sealed record DataAsset(string Entity, string Holder, bool Home, Classification Classification, bool Pii, Control AtRest, string Path)
{
    public string Id => $"{Entity}@{Holder}";

    public bool IsSensitive => Classification >= Classification.Confidential || Pii;
}

/// <summary>A component calling a store directly for an entity: the access least privilege judges.</summary>
public sealed record DataReach(string Component, string Entity, bool Writes, string Path, bool Owner, bool Granted);

/// <summary>A trust boundary as the threat model sees it.</summary>
public sealed record BoundaryView(string Name, bool Trusted, ImmutableArray<string> Members, string Path);

/// <summary>
/// The design's data flows, assets, boundaries and data reaches, derived once per design (pure, no I/O, one pass
/// over the call graph in reverse topological order for what each operation carries). Threat rules read it.
/// </summary>
public sealed class ThreatModel
{
    private static readonly ConditionalWeakTable<ReviewContext, ThreatModel> Cache = [];

    private readonly Dictionary<string, string> _boundaryOf;
    private readonly Dictionary<string, Entity> _entities;
    private readonly Dictionary<string, int> _entityIndex;
    private readonly HashSet<string> _owners;
    private readonly ILookup<string, Endpoint> _endpoints;
    private readonly ILookup<string, Persona> _personas;
    private readonly Dictionary<string, Exposure> _componentExposure;
    private readonly Dictionary<HashSet<string>, (ImmutableArray<string> Carries, Classification Classification, bool Pii)> _described = new(ReferenceEqualityComparer.Instance);

    private ThreatModel(SystemDesign design, CallGraph graph)
    {
        Design = design;
        _entities = new(StringComparer.Ordinal);
        _entityIndex = new(StringComparer.Ordinal);
        _owners = new(StringComparer.Ordinal);
        for (var i = 0; i < design.Data.Length; i++)
        {
            var e = design.Data[i];
            _entities.TryAdd(e.Name, e);
            _entityIndex.TryAdd(e.Name, i);
            if (e.Owner is { } owner)
            {
                _owners.Add(owner);
            }
        }

        _endpoints = design.Api.Endpoints.Where(e => e.Workflow is not null).ToLookup(e => e.Workflow!, StringComparer.Ordinal);
        _personas = design.Requirements.Personas.SelectMany(p => p.Workflows.Distinct(StringComparer.Ordinal).Select(w => (w, p))).ToLookup(x => x.w, x => x.p, StringComparer.Ordinal);
        _boundaryOf = new(StringComparer.Ordinal);
        foreach (var b in design.Security.Boundaries)
        {
            foreach (var m in b.Contains)
            {
                _boundaryOf.TryAdd(m, b.Name);
            }
        }

        Boundaries = [.. design.Security.Boundaries.Select(b => new BoundaryView(b.Name, b.Trusted, b.Contains, b.Path))];
        Untrusted = OperationsFacts.Untrusted(design);
        var internet = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var w in design.Workflows)
        {
            if (Untrusted.Count > 0 && OperationsFacts.IsInternetFacing(design, w, Untrusted, out var via))
            {
                internet[w.Name] = via;
            }
        }

        InternetFacing = internet;
        Unclassified = [.. design.Data.Where(e => e.Classification is null).Select(e => e.Name)];

        var carried = Carried(design, graph, out var cacheHolds);
        var flows = ImmutableArray.CreateBuilder<DataFlow>();
        EntryFlows(design, graph, carried, flows);
        CallFlows(design, graph, carried, cacheHolds, flows);
        Flows = flows.ToImmutable();
        _componentExposure = ComponentExposure(design, graph);
        Assets = BuildAssets(design);
        Reaches = BuildReaches(design);
    }

    public SystemDesign Design { get; }

    /// <summary>Every flow: the workflows' entries first (in file order), then calls and deliveries in file order.</summary>
    public ImmutableArray<DataFlow> Flows { get; }

    /// <summary>Every entity at its owner, then the copies flows leave in caches, queues and indexes.</summary>
    public ImmutableArray<DataAsset> Assets { get; }

    public ImmutableArray<BoundaryView> Boundaries { get; }

    /// <summary>Direct store accesses by component and entity, in the order first met.</summary>
    public ImmutableArray<DataReach> Reaches { get; }

    /// <summary>Names inside untrusted boundaries.</summary>
    public HashSet<string> Untrusted { get; }

    /// <summary>Workflows the internet reaches, with why.</summary>
    public IReadOnlyDictionary<string, string> InternetFacing { get; }

    /// <summary>Entities with no classification: judged as internal, and said so.</summary>
    public ImmutableArray<string> Unclassified { get; }

    /// <summary>The model of the design under review, built once per review.</summary>
    public static ThreatModel For(ReviewContext context) => Cache.GetValue(context, c => new ThreatModel(c.Design, c.Graph));

    /// <summary>The model of a design.</summary>
    public static ThreatModel Build(SystemDesign design) => new(design, CallGraph.Build(design));

    /// <summary>The boundary a persona, component or dependency sits in, or null.</summary>
    public string? BoundaryOf(string name) => _boundaryOf.TryGetValue(name, out var b) ? b : null;

    /// <summary>The endpoints that serve a workflow, in file order.</summary>
    public IEnumerable<Endpoint> EndpointsOf(string workflow) => _endpoints[workflow];

    public Entity? Entity(string name) => _entities.TryGetValue(name, out var e) ? e : null;

    /// <summary>How exposed a component is: internet when an internet-facing workflow reaches it, across a boundary when it sits in an untrusted one or a flow into it crosses one.</summary>
    public Exposure ExposureOf(string component) => _componentExposure.TryGetValue(component, out var x) ? x : Exposure.Internal;

    /// <summary>An entity's classification as judged: unstated is internal; personal data is confidential at least.</summary>
    public static Classification Effective(Entity e)
    {
        var c = e.Classification ?? Classification.Internal;
        return e.Pii && c < Classification.Confidential ? Classification.Confidential : c;
    }

    /// <summary>"/components/api/security/authn" as "components.api.security.authn"; list items as [i].</summary>
    public static string Dotted(string path)
    {
        var sb = new StringBuilder();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var p = part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (p.Length > 0 && p.All(char.IsAsciiDigit))
            {
                sb.Append('[').Append(p).Append(']');
            }
            else
            {
                if (sb.Length > 0)
                {
                    sb.Append('.');
                }

                sb.Append(p);
            }
        }

        return sb.ToString();
    }

    private static bool KeepsData(ComponentKind kind) =>
        kind is ComponentKind.Database or ComponentKind.ObjectStore or ComponentKind.Search;

    /// <summary>What each operation carries, callees first; and what each read-through cache holds (what the calls backing it carry).</summary>
    private static HashSet<string>[] Carried(SystemDesign design, CallGraph graph, out Dictionary<int, HashSet<string>> cacheHolds)
    {
        var owned = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var e in design.Data)
        {
            if (e.Owner is { } o)
            {
                if (!owned.TryGetValue(o, out var list))
                {
                    owned[o] = list = [];
                }

                list.Add(e.Name);
            }
        }

        var n = graph.Operations.Length;
        var carried = new HashSet<string>[n];
        for (var i = graph.Order.Length - 1; i >= 0; i--)
        {
            var op = graph.Order[i];
            var operation = graph.Operations[op];
            var component = graph.Components[graph.ComponentOf[op]];
            var set = new HashSet<string>(StringComparer.Ordinal);
            if (!operation.Reads.IsEmpty || !operation.Writes.IsEmpty)
            {
                set.UnionWith(operation.Reads);
                set.UnionWith(operation.Writes);
            }
            else if (KeepsData(component.Kind) || owned.ContainsKey(component.Name))
            {
                set.UnionWith(EntityNames.Named(operation.Name, owned.TryGetValue(component.Name, out var mine) ? mine : []));
            }
            else
            {
                // What the calls below carry. The sets are never changed once made, so an operation whose data all comes
                // from one set shares it: a thousand operations calling one store hold one set, not a thousand copies.
                HashSet<string>? only = null;
                var several = false;
                foreach (var e in graph.Outgoing[op])
                {
                    var edge = graph.Edges[e];
                    if (graph.Components[graph.ComponentOf[edge.To]].Kind == ComponentKind.Cache || carried[edge.To] is not { Count: > 0 } below
                        || ReferenceEquals(below, only))
                    {
                        continue;
                    }

                    if (only is null && !several)
                    {
                        only = below;
                        continue;
                    }

                    if (only is not null)
                    {
                        set.UnionWith(only);
                        only = null;
                    }

                    several = true;
                    set.UnionWith(below);
                }

                if (only is not null)
                {
                    set = only;
                }
            }

            carried[op] = set;
        }

        for (var op = 0; op < n; op++)
        {
            carried[op] ??= [];
        }

        cacheHolds = [];
        foreach (var edge in graph.Edges)
        {
            // What a read-through cache holds is what the synchronous calls behind it (its misses) return; a hand-off
            // that happens to follow a cache call backs nothing.
            if (edge.BacksCache >= 0 && edge.Kind == EdgeKind.Sync)
            {
                if (!cacheHolds.TryGetValue(edge.BacksCache, out var holds))
                {
                    cacheHolds[edge.BacksCache] = holds = new HashSet<string>(StringComparer.Ordinal);
                }

                holds.UnionWith(carried[edge.To]);
            }
        }

        return carried;
    }

    private (ImmutableArray<string> Carries, Classification Classification, bool Pii) Describe(IEnumerable<string> names)
    {
        // Every call into one operation carries that operation's set: described once, shared by all of them, so a
        // store with thousands of entities costs its entities once, not once per call.
        if (names is HashSet<string> set)
        {
            if (!_described.TryGetValue(set, out var known))
            {
                known = DescribeNow(set);
                _described[set] = known;
            }

            return known;
        }

        return DescribeNow(names);
    }

    private (ImmutableArray<string> Carries, Classification Classification, bool Pii) DescribeNow(IEnumerable<string> names)
    {
        var list = new List<Entity>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (Entity(name) is { } e)
            {
                list.Add(e);
            }
        }

        var ordered = list.OrderBy(e => _entityIndex[e.Name]).ToList();
        var classification = ordered.Count == 0 ? Classification.Public : ordered.Max(Effective);
        return ([.. ordered.Select(e => e.Name)], classification, ordered.Any(e => e.Pii));
    }

    private void EntryFlows(SystemDesign design, CallGraph graph, HashSet<string>[] carried, ImmutableArray<DataFlow>.Builder flows)
    {
        var security = design.Security;
        foreach (var w in design.Workflows)
        {
            var entryOp = graph.IndexOf(w.Entry);
            if (entryOp < 0 || design.FindComponent(w.Entry.Component) is not { } entry)
            {
                continue;
            }

            var personas = _personas[w.Name].ToList();
            var persona = personas.FirstOrDefault(p => Untrusted.Contains(p.Name)) ?? personas.FirstOrDefault();
            var endpoints = EndpointsOf(w.Name).ToList();
            var named = endpoints.SelectMany(e => e.Reads.Concat(e.Writes)).ToList();
            var (carries, classification, pii) = Describe(named.Count > 0 ? named : carried[entryOp]);

            Control authn;
            var stated = endpoints.FirstOrDefault(e => e.Auth == AuthScheme.None) ?? endpoints.FirstOrDefault(e => e.Auth is not null);
            if (stated is not null)
            {
                authn = new Control(Plumbline.Design.Text.EnumNames.ToSnake(stated.Auth!.Value), stated.Path + "/auth");
            }
            else if (entry.Security?.Authn is { } own)
            {
                authn = new Control(own, entry.Security.Path + "/authn");
            }
            else
            {
                authn = new Control(security.Authn.Users, "/security/authn/users");
            }

            var inTransit = entry.Security?.InTransit is { } t
                ? new Control(t, entry.Security.Path + "/in_transit")
                : new Control(security.Encryption.InTransit, "/security/encryption/in_transit");
            var from = persona?.Name ?? "users";
            var fromBoundary = persona is null ? null : BoundaryOf(persona.Name);
            var toBoundary = BoundaryOf(entry.Name);
            var exposure = InternetFacing.ContainsKey(w.Name) ? Exposure.Internet
                : !string.Equals(fromBoundary, toBoundary, StringComparison.Ordinal) ? Exposure.CrossBoundary : Exposure.Internal;
            var writes = w.Type == AccessType.Write || endpoints.Any(e => !e.Writes.IsEmpty);
            var isPublic = w.Public is { } reason ? new Control(reason, w.Path + "/public")
                : stated?.Public is { } endpointReason ? new Control(endpointReason, stated.Path + "/public") : null;
            flows.Add(new DataFlow(w.Name, FlowKind.Entry, from, entry.Name, w.Entry.Operation, w.Path, carries, classification, pii, writes,
                fromBoundary, toBoundary, exposure, authn, inTransit) { Public = isPublic });
        }
    }

    private void CallFlows(SystemDesign design, CallGraph graph, HashSet<string>[] carried, Dictionary<int, HashSet<string>> cacheHolds, ImmutableArray<DataFlow>.Builder flows)
    {
        var security = design.Security;
        var seenDeliveries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var edge in graph.Edges)
        {
            var caller = graph.Components[graph.ComponentOf[edge.From]];
            var calleeIndex = graph.ComponentOf[edge.To];
            var callee = graph.Components[calleeIndex];
            var calleeOp = graph.Operations[edge.To];
            IEnumerable<string> names = callee.Kind == ComponentKind.Cache && calleeOp.Reads.IsEmpty && calleeOp.Writes.IsEmpty
                && !_owners.Contains(callee.Name)
                ? (cacheHolds.TryGetValue(calleeIndex, out var holds) ? holds : [])
                : carried[edge.To];
            var (carries, classification, pii) = Describe(names);
            var fromBoundary = BoundaryOf(caller.Name);
            var toBoundary = BoundaryOf(callee.Name);
            var exposure = !string.Equals(fromBoundary, toBoundary, StringComparison.Ordinal) || Untrusted.Contains(caller.Name) || Untrusted.Contains(callee.Name)
                ? Exposure.CrossBoundary
                : Exposure.Internal;
            var writes = AccessInference.Infer(calleeOp) == AccessType.Write || !calleeOp.Writes.IsEmpty;

            if (edge.Call is { } call)
            {
                var authn = call.Security?.Authn is { } a ? new Control(a, call.Security.Path + "/authn")
                    : callee.Security?.Authn is { } ca ? new Control(ca, callee.Security.Path + "/authn")
                    : new Control(security.Authn.Services, "/security/authn/services");
                var inTransit = call.Security?.InTransit is { } t ? new Control(t, call.Security.Path + "/in_transit")
                    : callee.Security?.InTransit is { } ct ? new Control(ct, callee.Security.Path + "/in_transit")
                    : new Control(security.Encryption.InTransit, "/security/encryption/in_transit");
                flows.Add(new DataFlow(call.Id, call.Async ? FlowKind.Async : FlowKind.Call, caller.Name, callee.Name, calleeOp.Name, call.Path,
                    carries, classification, pii, writes, fromBoundary, toBoundary, exposure, authn, inTransit));
            }
            else
            {
                var id = $"{caller.Name}->{callee.Name}.{calleeOp.Name}";
                if (!seenDeliveries.Add(id))
                {
                    continue;
                }

                var index = caller.Consumers.IndexOf(calleeOp.Ref);
                var authn = callee.Security?.Authn is { } ca ? new Control(ca, callee.Security.Path + "/authn")
                    : new Control(security.Authn.Services, "/security/authn/services");
                var inTransit = callee.Security?.InTransit is { } ct ? new Control(ct, callee.Security.Path + "/in_transit")
                    : new Control(security.Encryption.InTransit, "/security/encryption/in_transit");
                flows.Add(new DataFlow(id, FlowKind.Delivery, caller.Name, callee.Name, calleeOp.Name,
                    caller.Path + "/consumers/" + Math.Max(index, 0).ToString(CultureInfo.InvariantCulture),
                    carries, classification, pii, writes, fromBoundary, toBoundary, exposure, authn, inTransit));
            }
        }
    }

    /// <summary>One pass from every internet-facing entry at once, then the boundaries.</summary>
    private Dictionary<string, Exposure> ComponentExposure(SystemDesign design, CallGraph graph)
    {
        var result = new Dictionary<string, Exposure>(StringComparer.Ordinal);
        foreach (var f in Flows)
        {
            if (f.Kind != FlowKind.Entry && f.Exposure == Exposure.CrossBoundary)
            {
                result[f.To] = Exposure.CrossBoundary;
            }
        }

        foreach (var name in Untrusted)
        {
            if (design.FindComponent(name) is not null)
            {
                result[name] = Exposure.CrossBoundary;
            }
        }

        var seen = new bool[graph.Operations.Length];
        var queue = new Queue<int>();
        foreach (var w in design.Workflows)
        {
            var entry = graph.IndexOf(w.Entry);
            if (InternetFacing.ContainsKey(w.Name) && entry >= 0 && !seen[entry])
            {
                seen[entry] = true;
                queue.Enqueue(entry);
            }
        }

        while (queue.Count > 0)
        {
            var op = queue.Dequeue();
            result[graph.Components[graph.ComponentOf[op]].Name] = Exposure.Internet;
            foreach (var e in graph.Outgoing[op])
            {
                var to = graph.Edges[e].To;
                if (!seen[to])
                {
                    seen[to] = true;
                    queue.Enqueue(to);
                }
            }
        }

        return result;
    }

    private ImmutableArray<DataAsset> BuildAssets(SystemDesign design)
    {
        var security = design.Security;
        var assets = ImmutableArray.CreateBuilder<DataAsset>();
        var seen = new HashSet<(string Entity, string Holder)>();
        foreach (var e in design.Data)
        {
            if (e.Owner is not { } owner || design.FindComponent(owner) is not { } holder)
            {
                continue;
            }

            var atRest = e.AtRest is { } own ? new Control(own, e.Path + "/at_rest")
                : holder.Security?.AtRest is { } h ? new Control(h, holder.Security.Path + "/at_rest")
                : new Control(security.Encryption.AtRest, "/security/encryption/at_rest");
            seen.Add((e.Name, owner));
            assets.Add(new DataAsset(e.Name, owner, true, Effective(e), e.Pii, atRest, e.Path));
        }

        // Flows into one operation share their entities' array (see Describe): a holder is walked once per array, not once per flow.
        var walked = new HashSet<(ImmutableArray<string> Carries, string Holder)>();
        foreach (var f in Flows)
        {
            if (f.Kind == FlowKind.Entry || design.FindComponent(f.To) is not { } holder
                || holder.Kind is not (ComponentKind.Cache or ComponentKind.Queue or ComponentKind.Search or ComponentKind.ObjectStore or ComponentKind.Database or ComponentKind.Cdn)
                || !walked.Add((f.Carries, holder.Name)))
            {
                continue;
            }

            foreach (var name in f.Carries)
            {
                if (Entity(name) is not { } e || !seen.Add((name, holder.Name)))
                {
                    continue;
                }

                var atRest = holder.Security?.AtRest is { } h ? new Control(h, holder.Security.Path + "/at_rest")
                    : new Control(security.Encryption.AtRest, "/security/encryption/at_rest");
                assets.Add(new DataAsset(name, holder.Name, false, Effective(e), e.Pii, atRest, holder.Path));
            }
        }

        return assets.ToImmutable();
    }

    private ImmutableArray<DataReach> BuildReaches(SystemDesign design)
    {
        var reaches = new Dictionary<(string Caller, string Entity), DataReach>();
        var order = new List<(string, string)>();
        var walked = new HashSet<(ImmutableArray<string> Carries, string Caller, bool Writes)>();
        foreach (var f in Flows)
        {
            if (f.Kind == FlowKind.Entry || design.FindComponent(f.To) is not { } store
                || store.Kind is not (ComponentKind.Database or ComponentKind.ObjectStore or ComponentKind.Search or ComponentKind.Cache)
                || design.FindComponent(f.From) is not { } caller
                || !walked.Add((f.Carries, caller.Name, f.Writes)))
            {
                continue;
            }

            foreach (var name in f.Carries)
            {
                var key = (caller.Name, name);
                var e = Entity(name)!;
                if (reaches.TryGetValue(key, out var known))
                {
                    if (f.Writes && !known.Writes)
                    {
                        reaches[key] = known with { Writes = true };
                    }

                    continue;
                }

                order.Add(key);
                reaches[key] = new DataReach(caller.Name, name, f.Writes, f.Path, e.Owner == caller.Name,
                    caller.Security is { } s && s.Grants.Contains(name));
            }
        }

        return [.. order.Select(k => reaches[k])];
    }
}
