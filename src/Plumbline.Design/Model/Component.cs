using System.Collections.Immutable;
using Plumbline.Design.Units;

namespace Plumbline.Design.Model;

/// <summary>What a component is; drives which fields apply and which rules look at it.</summary>
public enum ComponentKind
{
    Client,
    Cdn,
    LoadBalancer,
    Gateway,
    Service,
    Worker,
    Cache,
    Database,
    Queue,
    ObjectStore,
    Search,
    External,
}

/// <summary>The data model a store serves best.</summary>
public enum StorageModel
{
    Oltp,
    Olap,
    KeyValue,
    WideColumn,
    Document,
    TimeSeries,
    Search,
    Object,
    Graph,
}

/// <summary>How a component whose zones span several regions serves from them.</summary>
public enum MultiRegionMode
{
    /// <summary>Every region serves; a request succeeds while any region's deployment can serve it.</summary>
    ActiveActive,

    /// <summary>The first region serves; the next takes over only when the whole region before it is down.</summary>
    Failover,
}

/// <summary>How a load balancer picks an instance.</summary>
public enum LoadBalancing
{
    RoundRobin,
    LeastOutstanding,
    TwoChoices,
    Random,
}

/// <summary>
/// A part of the architecture (process steps 3 to 6). Numbers are per instance unless the name
/// says otherwise.
/// </summary>
/// <param name="Instances">Serving instances (for a database, primaries); default 1.</param>
/// <param name="Replicas">Extra read replicas or standbys of a stateful component; default 0.</param>
/// <param name="Capacity">What one instance sustains.</param>
/// <param name="Availability">Availability of one instance; default depends on kind (see docs).</param>
public sealed record Component(
    string Name,
    ComponentKind Kind,
    string? Description,
    string? Engine,
    StorageModel? Model,
    bool? Stateless,
    int Instances,
    int Replicas,
    ImmutableArray<string> Zones,
    Capacity? Capacity,
    Percent? Availability,
    LoadBalancing? LoadBalancing,
    ImmutableArray<RateLimit> RateLimits,
    Autoscaling? Autoscaling,
    ByteSize? Memory,
    double? HitRatio,
    ByteSize? StoragePerNode,
    string? ShardKey,
    int? Partitions,
    Duration? Retention,
    bool? DeadLetter,
    ImmutableArray<OperationRef> Consumers,
    Backup? Backup,
    string? Owner,
    Percent? Sla,
    ImmutableArray<Operation> Operations,
    string Path)
{
    /// <summary>What it runs on, for pricing (process step 9); <see cref="Hosting.Unstated"/> when the design does not say.</summary>
    public Hosting Hosting { get; init; } = Hosting.Unstated;

    /// <summary>How it serves when its zones span several regions; null when unstated.</summary>
    public MultiRegionMode? MultiRegion { get; init; }

    /// <summary>Copies of a shard that must answer for a read or a write to succeed; null when unstated (one copy).</summary>
    public Quorum? Quorum { get; init; }

    /// <summary>
    /// What a read from this store can rely on after a write (<c>consistency:</c>), as configured: the
    /// consistency level it reads and writes at. Null when unstated: the quorum decides when one is
    /// stated, else the engine's default.
    /// </summary>
    public Consistency? Consistency { get; init; }

    /// <summary>How it keeps its copies (<c>replication:</c>); null when unstated. See <c>docs/recovery.md</c>.</summary>
    public Replication? Replication { get; init; }

    /// <summary>How it takes over from a lost primary (<c>failover:</c>); null when unstated.</summary>
    public Failover? Failover { get; init; }

    /// <summary>This component's own authentication, authorisation, encryption and grants; null when it states none (the system-wide ones apply).</summary>
    public ComponentSecurity? Security { get; init; }

    /// <summary>
    /// The isolated cells (pods) it is partitioned into (<c>cells:</c>); null when it is one pool. Its
    /// instances and replicas are the totals over all cells, an equal number in each.
    /// </summary>
    public Cells? Cells { get; init; }

    /// <summary>
    /// Admission control (load shedding) at each instance (<c>admission:</c>): what it sheds rather than queue
    /// without bound; null when unstated (it takes everything sent to it).
    /// </summary>
    public AdmissionControl? Admission { get; init; }

    /// <summary>How many isolated cells it is partitioned into: <see cref="Cells"/>' count, else 1.</summary>
    public int CellCount => Cells?.Count ?? 1;

    /// <summary>
    /// The share of a queue's messages each consumer takes (<c>consumers: [{ to, share }]</c>: its topics or
    /// filter); a consumer not listed here takes every message.
    /// </summary>
    public ImmutableDictionary<OperationRef, double> ConsumerShares { get; init; } = ImmutableDictionary<OperationRef, double>.Empty;

    /// <summary>The share of this queue's messages <paramref name="consumer"/> takes: stated, else 1 (every message).</summary>
    public double ShareOf(OperationRef consumer) => ConsumerShares.TryGetValue(consumer, out var share) ? share : 1;

    /// <summary>The operation with this name, or null.</summary>
    public Operation? FindOperation(string name)
    {
        foreach (var op in Operations)
        {
            if (op.Name == name)
            {
                return op;
            }
        }

        return null;
    }

    /// <summary>Stores keep state whether or not the file says so; services only when it says so.</summary>
    public bool IsStateful => Stateless switch
    {
        true => false,
        false => true,
        null => Kind is ComponentKind.Database or ComponentKind.Cache or ComponentKind.Queue
            or ComponentKind.ObjectStore or ComponentKind.Search,
    };
}

/// <summary>
/// A component partitioned into <see cref="Count"/> isolated cells: each request (or tenant, shop, user)
/// is placed in one cell by <see cref="Key"/>, chosen by <see cref="Router"/>, and a cell shares no
/// instance with another, so a cell's failure or overload stays in that cell.
/// </summary>
/// <param name="Count">How many cells; the component's instances and replicas are spread evenly over them.</param>
/// <param name="Key">The field a request is placed on (shop_id); null when unstated.</param>
/// <param name="Router">The component that picks a request's cell; null when unstated.</param>
public sealed record Cells(int Count, string? Key, string? Router, string Path);

/// <summary>
/// Admission control (load shedding) at each instance of a component: a request that finds <see cref="MaxInFlight"/>
/// requests in progress waits, if fewer than <see cref="MaxQueued"/> are waiting, else it is shed at once; one that
/// waits longer than <see cref="MaxQueueTime"/> is shed; an <see cref="Adaptive"/> limit is found from latency as it
/// runs (Envoy's adaptive concurrency filter, Netflix's concurrency-limits); <see cref="ByCriticality"/> sheds the
/// requests of lesser workflows first (the criticality of the SRE book's load shedding). All per instance.
/// </summary>
/// <param name="MaxInFlight">Requests one instance has in progress at once before it queues or sheds; null when unstated.</param>
/// <param name="MaxQueued">Requests one instance lets wait for a slot; null when unstated (none wait once in-flight is full).</param>
/// <param name="MaxQueueTime">How long a request may wait before it is shed; null when unstated.</param>
/// <param name="Adaptive">Whether the in-flight limit is found from latency as it runs rather than fixed.</param>
/// <param name="ByCriticality">Whether the requests of lesser workflows are shed before critical ones.</param>
public sealed record AdmissionControl(int? MaxInFlight, int? MaxQueued, Duration? MaxQueueTime, bool Adaptive, bool ByCriticality, string Path);

/// <summary>
/// A bulkhead on a call: each instance of the caller has at most <see cref="MaxConcurrent"/> calls to the callee in
/// flight, <see cref="MaxQueued"/> more wait for a slot, and any further call is rejected at once, so a slow callee
/// holds only that many of the caller's threads or connections (resilience4j's Bulkhead maxConcurrentCalls, Polly's
/// concurrency limiter's permit and queue limits, Envoy's max_requests and max_pending_requests).
/// </summary>
/// <param name="MaxConcurrent">Calls one caller instance has in flight to the callee at once.</param>
/// <param name="MaxQueued">Calls one caller instance lets wait for a slot; 0 when unstated.</param>
public sealed record Bulkhead(int MaxConcurrent, int MaxQueued, string Path);

/// <summary><c>k of n</c>: at least <see cref="K"/> of <see cref="N"/> copies; 1 &lt;= k &lt;= n.</summary>
public readonly record struct KOfN(int K, int N)
{
    /// <summary>"2 of 3".</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{K} of {N}");

    /// <summary>Reads "2 of 3" (spaces around "of" required); false when malformed or k is not within 1..n.</summary>
    public static bool TryParse(string? text, out KOfN value)
    {
        value = default;
        var parts = (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || parts[1] != "of"
            || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k)
            || !int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            || k < 1 || n < k || n > 1001)
        {
            return false;
        }

        value = new KOfN(k, n);
        return true;
    }
}

/// <summary>Read and write quorums of a replicated store: how many copies of a shard must answer.</summary>
public sealed record Quorum(KOfN? Reads, KOfN? Writes)
{
    /// <summary>The quorum an operation of this type needs, or null when none is stated for it.</summary>
    public KOfN? For(AccessType type) => type == AccessType.Write ? Writes : Reads;
}

/// <summary>
/// What a component runs on, for pricing: an instance type, managed database class or managed service
/// of the price catalog by name (<c>runs_on</c>), or a size priced at the cheapest catalog type that
/// fits; and the storage class its data is kept in. Null fields are unstated, and the cost says what
/// it assumed instead.
/// </summary>
public sealed record Hosting(string? RunsOn, InstanceSize? Size, string? StorageClass)
{
    public static Hosting Unstated { get; } = new(null, null, null);
}

/// <summary>The vCPUs and memory one instance needs; <see cref="Memory"/> null means any.</summary>
public sealed record InstanceSize(int Vcpu, ByteSize? Memory, string Path);

/// <summary>
/// What one instance sustains: a single rate, or separate read and write rates for a store.
/// </summary>
public sealed record Capacity(Rate? Total, Rate? Reads, Rate? Writes);

/// <summary>
/// One rate limit: at most <see cref="Rate"/> requests, counted separately for each value of the combination of
/// the <see cref="Per"/> keys (<c>50/s per app per shop</c>: one counter per app and shop pair), or one counter
/// for everyone when <see cref="Per"/> is empty (global). Envoy's rate limit descriptors and Cloudflare's rule
/// characteristics say the same: the entries a counter is keyed on.
/// </summary>
/// <param name="Per">The keys it is counted per, as written (client, ip, user, api_key, app, shop...); empty: global.</param>
public sealed record RateLimit(Rate Rate, ImmutableArray<string> Per, string Path)
{
    /// <summary>One counter for everyone.</summary>
    public bool IsGlobal => Per.IsEmpty;

    /// <summary>"app and shop", or "global".</summary>
    public string Scope => IsGlobal ? "global" : string.Join(" and ", Per);

    /// <summary>Whether it is counted per <paramref name="key"/> alone, so it bounds what one value of that key sends.</summary>
    public bool CountsPerKeyAlone(string key) => Per.Length == 1 && KeyNames.Same(Per[0], key);

    /// <summary>"50/s per app per shop", or "5000/s" for a global limit: the form the file takes.</summary>
    public override string ToString() => IsGlobal ? Rate.ToString() : $"{Rate} per {string.Join(" per ", Per)}";
}

/// <summary>Key names compared the way designs write them: <c>shop</c>, <c>shop_id</c> and <c>shopId</c> name one key.</summary>
public static class KeyNames
{
    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> name the same key, ignoring case, separators and an id suffix.</summary>
    public static bool Same(string a, string b) => string.Equals(Normal(a), Normal(b), StringComparison.Ordinal);

    private static string Normal(string key)
    {
        var chars = key.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray();
        var text = new string(chars);
        return text.Length > 2 && text.EndsWith("id", StringComparison.Ordinal) && key.Length > 2
            && (key[^3] is '_' or '-' or '.' || (char.IsLower(key[^3]) && key[^2] == 'I')) ? text[..^2] : text;
    }
}

/// <summary>Horizontal autoscaling bounds and behaviour.</summary>
/// <param name="Delay">Time from the decision to scale up until the new instances serve (provisioning and start-up).</param>
public sealed record Autoscaling(int Min, int Max, Percent? TargetUtilisation, Duration? Delay)
{
    /// <summary>How long the load must stay low before instances are removed (scale-down stabilisation); null when unstated.</summary>
    public Duration? Cooldown { get; init; }
}

/// <summary>How often a stateful component is backed up, how long backups are kept, and when a restore was last tested.</summary>
public sealed record Backup(Duration? Every, Duration? Keep, DateOnly? RestoreTested)
{
    /// <summary>How fast a backup of this store restores; null when unstated (assumed, see <c>docs/recovery.md</c>).</summary>
    public Throughput? RestoreRate { get; init; }

    /// <summary>Whether backups are kept in another region, so a region's loss leaves them; null when unstated (assumed not).</summary>
    public bool? CrossRegion { get; init; }
}

/// <summary>One operation a component serves, its latency, and the calls it makes.</summary>
/// <param name="Type">Read or write; null means unstated (taken from the operation's name in analysis).</param>
/// <param name="Idempotent">Whether repeating it is safe; null means unstated.</param>
public sealed record Operation(
    string Name,
    string Component,
    LatencyProfile? Latency,
    AccessType? Type,
    bool? Idempotent,
    Rate? Capacity,
    ImmutableArray<Call> Calls,
    string Path)
{
    public OperationRef Ref => new(Component, Name);

    private readonly NameCache _refText = new();

    /// <summary><see cref="Ref"/> as text, <c>component.operation</c>, written once.</summary>
    public string RefText => _refText.Get(Component, Name, string.Empty, static (component, name, _) => $"{component}.{name}");

    /// <summary>Records one execution reads or writes (a range scan's page, a batch); null when unstated (one, for a store whose data is only looked up by key).</summary>
    public double? Rows { get; init; }

    /// <summary>Bytes one execution returns to its caller; null when unstated (a store: rows x record size).</summary>
    public Units.ByteSize? Response { get; init; }

    /// <summary>Entities one execution reads, when the file says (threat model: what its flows carry); empty when unstated.</summary>
    public ImmutableArray<string> Reads { get; init; } = [];

    /// <summary>Entities one execution writes, when the file says; empty when unstated.</summary>
    public ImmutableArray<string> Writes { get; init; } = [];

    /// <summary>The consistency this operation reads or writes at, overriding its store's (<c>consistency:</c>); null when unstated.</summary>
    public Consistency? Consistency { get; init; }
}

/// <summary>Service-time percentiles of an operation's own work, excluding the calls it makes.</summary>
public sealed record LatencyProfile(Duration? P50, Duration? P90, Duration? P99, Duration? P999, Duration? Mean);

/// <summary>
/// A call from one operation to another. Synchronous unless <see cref="Async"/>; an async call
/// hands work to a queue or worker and does not wait.
/// </summary>
/// <param name="Probability">Share of the caller's executions that make this call, when the file states it; see <see cref="EffectiveProbability"/>.</param>
/// <param name="Count">Calls per execution when it is made (fan-out); default 1.</param>
public sealed record Call(
    OperationRef To,
    double? Probability,
    double Count,
    Duration? Timeout,
    RetryPolicy? Retries,
    CircuitBreakerPolicy? CircuitBreaker,
    bool Async,
    string? Fallback,
    string From,
    int Index,
    string Path)
{
    /// <summary>The stated probability, or 1. Analysis may lower an unstated one (a cache's miss path).</summary>
    public double EffectiveProbability => Probability ?? 1;

    /// <summary>
    /// The operation the caller falls back to when this call fails (<c>fallback: { to: ... }</c>): the call
    /// succeeds when either does. Null for a free-text <see cref="Fallback"/>, which only degrades the answer.
    /// </summary>
    public OperationRef? FallbackTo { get; init; }

    private readonly NameCache _id = new();

    /// <summary>A stable id, <c>caller.op-&gt;callee.op</c>, for finding keys; written once.</summary>
    public string Id => _id.Get(From, To.Component, To.Operation, static (from, component, operation) => $"{from}->{component}.{operation}");

    /// <summary>
    /// Made at the same time as the neighbouring calls that are also parallel (and, with a count,
    /// its copies at the same time too); the caller waits for the slowest. Default false: one
    /// after another.
    /// </summary>
    public bool Parallel { get; init; }

    /// <summary>
    /// How this caller picks an instance of the callee, client-side, with its own view of the instances (its own
    /// round-robin turn and its own outstanding calls). Null: the callee's <see cref="Component.LoadBalancing"/>, one
    /// balancer in front of the callee shared by every caller.
    /// </summary>
    public LoadBalancing? LoadBalancing { get; init; }

    /// <summary>This call's own authentication and encryption; null when it states none (the callee's and the system-wide ones apply).</summary>
    public ChannelSecurity? Security { get; init; }

    /// <summary>The bulkhead each caller instance holds this call to (<c>bulkhead:</c>); null when unstated (no bound).</summary>
    public Bulkhead? Bulkhead { get; init; }
}

/// <summary>How retry delays grow.</summary>
public enum BackoffKind
{
    Constant,
    Linear,
    Exponential,
}

/// <summary>Random spread added to retry delays (Polly's names).</summary>
public enum JitterKind
{
    None,
    Full,
    Equal,
    Decorrelated,
}

/// <summary>Retries after a failure. <see cref="Max"/> is extra attempts: max 2 means up to 3 attempts.</summary>
/// <param name="Backoff">Null means unstated (no backoff between attempts).</param>
/// <param name="Base">First delay; default 0 when no backoff is given.</param>
public sealed record RetryPolicy(int Max, BackoffKind? Backoff, Duration? Base, Duration? MaxDelay, JitterKind? Jitter);

/// <summary>Opens when the failure rate over <see cref="Window"/> reaches <see cref="FailureRate"/> with at least <see cref="MinCalls"/>, stays open for <see cref="OpenFor"/>, then half-opens.</summary>
public sealed record CircuitBreakerPolicy(Percent FailureRate, Duration Window, int MinCalls, Duration OpenFor);
