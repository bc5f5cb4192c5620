using System.Globalization;
using System.Text;
using Plumbline.Design.Text;
using static System.FormattableString;
using Kind = Plumbline.Design.Model.ComponentKind;

namespace Plumbline.Benchmarks;

/// <summary>
/// Writes a large, valid, realistic design as YAML text for the load benchmarks (and later the estimate and
/// review ones). Deterministic: the same arguments give the same text, byte for byte (one seeded
/// <see cref="Random"/>, no clock, invariant culture).
/// </summary>
/// <remarks>
/// The shape is a layered architecture, top to bottom: clients, CDNs, load balancers, gateways, three tiers of
/// services, workers, and then the stores and externals (caches, databases, queues, object stores, search,
/// external APIs), which call nothing. Every call goes from a layer to a strictly lower one, so there is no
/// synchronous cycle. Queues hand work to workers through <c>consumers</c>, not calls. Workflows enter at gateway
/// operations, every database owns entities, every workflow has SLOs, every external has a breaker on each call
/// to it, and the security boundaries list every component. Each non-leaf operation makes at least one call; the
/// rest of the call budget is spread over service and worker operations.
/// </remarks>
public static class DesignGenerator
{
    /// <summary>Fewest components accepted: one of every kind, with three service tiers.</summary>
    public const int MinComponents = 16;

    /// <summary>Writes the design.</summary>
    /// <param name="components">Components in the design, at least <see cref="MinComponents"/>.</param>
    /// <param name="calls">Calls in the design, exactly; at least one per calling operation (about 2 per component).</param>
    /// <param name="seed">Seed of the one random source.</param>
    /// <exception cref="ArgumentOutOfRangeException">Too few components, or fewer calls than calling operations.</exception>
    public static string Generate(int components, int calls, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(components, MinComponents);
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        var generator = new Generator(new Random(seed));
        generator.Build(components, calls);
        return generator.Write();
    }

    /// <summary>Where a call may go; services are split by tier so a tier only calls lower tiers.</summary>
    private enum Pool
    {
        Tier0,
        Tier1,
        Tier2,
        Cache,
        Database,
        Queue,
        ObjectStore,
        Search,
        External,
    }

    private sealed class Component(string name, Kind kind, int tier, string domain)
    {
        public string Name { get; } = name;

        public Kind Kind { get; } = kind;

        /// <summary>Service tier 0..2; 0 for other kinds.</summary>
        public int Tier { get; } = tier;

        public string Domain { get; } = domain;

        public List<Operation> Operations { get; } = [];

        public int Instances { get; set; } = 1;

        public string[] Zones { get; set; } = [];

        public List<string> Consumers { get; } = [];

        public string Engine { get; set; } = string.Empty;

        public string? Model { get; set; }

        public bool HasOperation(string name) => Operations.Exists(o => o.Name == name);
    }

    private sealed class Operation(Component owner, string name, bool write, bool? idempotent)
    {
        public Component Owner { get; } = owner;

        public string Name { get; } = name;

        public bool Write { get; } = write;

        public bool? Idempotent { get; } = idempotent;

        public double P50 { get; set; }

        public double? P90 { get; set; }

        public double P99 { get; set; }

        public double? CapacityPerSecond { get; set; }

        public List<Operation> Calls { get; } = [];

        public string Ref => Owner.Name + "." + Name;

        public bool SafeToRetry => !Write || Idempotent == true;
    }

    private sealed record Entity(string Name, Component Owner, string Noun);

    private sealed record Flow(string Name, Operation Entry, string Criticality);

    private sealed class Generator(Random random)
    {
        private static readonly string[] Domains =
        [
            "orders", "payments", "catalog", "inventory", "shipping", "pricing", "users", "accounts", "reviews", "discovery",
            "notifications", "billing", "ledger", "fraud", "recommendations", "media", "messaging", "identity", "analytics",
            "promotions", "loyalty", "support", "returns", "tax",
        ];

        private static readonly string[] Nouns =
        [
            "item", "order", "profile", "cart", "invoice", "review", "price", "stock", "shipment", "message", "session",
            "report", "rule", "batch", "token", "event", "address", "coupon", "refund", "asset",
        ];

        private static readonly string[] ReadVerbs = ["get", "list", "search", "lookup", "count"];

        private static readonly string[] WriteVerbs = ["create", "update", "delete", "submit", "apply", "sync"];

        private static readonly string[] Vendors =
        [
            "geoip", "sms", "email", "card-processor", "tax-rates", "maps", "idp", "fraud-scoring", "carrier-rates", "fx-rates",
        ];

        private static readonly (Pool Pool, int Weight)[] Tier0Targets =
            [(Pool.Tier1, 35), (Pool.Tier2, 10), (Pool.Cache, 20), (Pool.Database, 15), (Pool.Queue, 10), (Pool.Search, 5), (Pool.ObjectStore, 5)];

        private static readonly (Pool Pool, int Weight)[] Tier1Targets =
            [(Pool.Tier2, 25), (Pool.Cache, 20), (Pool.Database, 25), (Pool.Queue, 12), (Pool.External, 8), (Pool.ObjectStore, 5), (Pool.Search, 5)];

        private static readonly (Pool Pool, int Weight)[] Tier2Targets =
            [(Pool.Cache, 25), (Pool.Database, 35), (Pool.Queue, 15), (Pool.External, 12), (Pool.ObjectStore, 8), (Pool.Search, 5)];

        private static readonly (Pool Pool, int Weight)[] WorkerTargets =
            [(Pool.Database, 40), (Pool.Cache, 10), (Pool.Queue, 15), (Pool.External, 15), (Pool.ObjectStore, 15), (Pool.Search, 5)];

        private readonly List<Component> _components = [];
        private readonly Dictionary<Pool, List<Component>> _pools = [];
        private readonly Dictionary<(Pool, string), List<Component>> _poolsByDomain = [];
        private readonly List<Entity> _entities = [];
        private readonly List<Flow> _flows = [];
        private readonly List<string> _slos = [];
        private readonly StringBuilder _out = new(4 * 1024 * 1024);

        // ---- building the architecture -------------------------------------------------------------

        public void Build(int componentCount, int calls)
        {
            CreateComponents(componentCount);

            // Leaves first, so every caller picks among operations that already exist.
            foreach (var c in _components.Where(c => IsLeaf(c.Kind)))
            {
                AddLeafOperations(c);
            }

            // Each queue is consumed by a worker of its own domain when there is one; a worker consuming no queue runs
            // on a schedule instead.
            var workers = Of(Kind.Worker);
            var byDomain = workers.GroupBy(w => w.Domain).ToDictionary(g => g.Key, g => g.ToList());
            var turns = new Dictionary<string, int>();
            var consuming = new HashSet<Component>();
            var next = 0;
            foreach (var queue in Of(Kind.Queue))
            {
                Component worker;
                if (byDomain.TryGetValue(queue.Domain, out var local))
                {
                    var turn = turns.GetValueOrDefault(queue.Domain);
                    turns[queue.Domain] = turn + 1;
                    worker = local[turn % local.Count];
                }
                else
                {
                    worker = workers[next++ % workers.Count];
                }

                queue.Consumers.Add(worker.Name + ".consume");
                consuming.Add(worker);
            }

            foreach (var worker in workers)
            {
                AddWorkerOperations(worker, consumes: consuming.Contains(worker));
            }

            for (var tier = 2; tier >= 0; tier--)
            {
                foreach (var s in _components.Where(c => c.Kind == Kind.Service && c.Tier == tier))
                {
                    AddServiceOperations(s);
                }
            }

            foreach (var g in Of(Kind.Gateway))
            {
                AddGatewayOperations(g);
            }

            var balancers = Of(Kind.LoadBalancer);
            var gateways = Of(Kind.Gateway);
            for (var i = 0; i < gateways.Count; i++)
            {
                var lb = balancers[i % balancers.Count];
                foreach (var op in gateways[i].Operations)
                {
                    var front = Add(lb, new Operation(lb, gateways[i].Name + "-" + op.Name, op.Write, op.Idempotent));
                    Latency(front, 0.5, 1, 2, 4);
                    front.Calls.Add(op);
                }
            }

            foreach (var cdn in Of(Kind.Cdn))
            {
                foreach (var name in new[] { "get_asset", "get_media" })
                {
                    var op = Add(cdn, new Operation(cdn, name, false, null));
                    Latency(op, 1, 4, 3, 8);
                    op.Calls.Add(PickOperation(Pick(Of(Kind.ObjectStore)), preferRead: true));
                }
            }

            var lbReads = balancers.SelectMany(b => b.Operations).Where(o => !o.Write).ToList();
            var lbWrites = balancers.SelectMany(b => b.Operations).Where(o => o.Write).ToList();
            foreach (var client in Of(Kind.Client))
            {
                string[] names = ["browse", "search", "checkout", "manage_account", "track_order", "upload_media"];
                var count = random.Next(4, names.Length + 1);
                for (var i = 0; i < count; i++)
                {
                    var write = names[i] is "checkout" or "manage_account" or "upload_media";
                    var op = Add(client, new Operation(client, names[i], write, null));
                    Latency(op, 2, 10, 3, 10);
                    var fronts = write && lbWrites.Count > 0 ? lbWrites : lbReads.Count > 0 ? lbReads : lbWrites;
                    op.Calls.Add(i == 0 ? PickOperation(Pick(Of(Kind.Cdn)), preferRead: true) : Pick(fronts));
                }
            }

            var mandatory = _components.Sum(c => c.Operations.Sum(o => o.Calls.Count));
            if (calls < mandatory)
            {
                throw new ArgumentOutOfRangeException(nameof(calls), calls,
                    Invariant($"{_components.Count} components need at least {mandatory} calls (one per calling operation)."));
            }

            var spread = _components.Where(c => c.Kind is Kind.Service or Kind.Worker).SelectMany(c => c.Operations).ToList();
            for (var i = mandatory; i < calls; i++)
            {
                AddCall(Pick(spread));
            }

            BuildFlows();
            BuildEntities();
        }

        private void CreateComponents(int total)
        {
            var edge = total >= 40 ? 2 : 1;
            (Kind Kind, int Weight)[] weights =
            [
                (Kind.LoadBalancer, 1), (Kind.Gateway, 4), (Kind.Service, 36), (Kind.Worker, 10), (Kind.Cache, 10),
                (Kind.Database, 12), (Kind.Queue, 8), (Kind.ObjectStore, 3), (Kind.Search, 3), (Kind.External, 4),
            ];
            var rest = total - (2 * edge);
            var sum = weights.Sum(w => w.Weight);
            var counts = weights.ToDictionary(w => w.Kind, w => Math.Max(w.Kind == Kind.Service ? 3 : 1, rest * w.Weight / sum));
            counts[Kind.Service] += rest - counts.Values.Sum();

            string[] clients = ["web-app", "mobile-app"];
            string[] cdns = ["static-cdn", "media-cdn"];
            for (var i = 0; i < edge; i++)
            {
                _components.Add(Configure(new Component(clients[i], Kind.Client, 0, "storefront")));
                _components.Add(Configure(new Component(cdns[i], Kind.Cdn, 0, "storefront")));
            }

            var serial = 0;
            foreach (var (kind, _) in weights)
            {
                var n = counts[kind];
                for (var i = 0; i < n; i++)
                {
                    var domain = Domains[serial++ % Domains.Length];
                    var tier = kind == Kind.Service ? TierOf(i, n) : 0;
                    var name = kind switch
                    {
                        Kind.LoadBalancer => Invariant($"{domain}-lb-{i + 1}"),
                        Kind.Gateway => Invariant($"{domain}-gw-{i + 1}"),
                        Kind.Service => Invariant($"{domain}-svc-{i + 1}"),
                        Kind.Worker => Invariant($"{domain}-worker-{i + 1}"),
                        Kind.Cache => Invariant($"{domain}-cache-{i + 1}"),
                        Kind.Database => Invariant($"{domain}-db-{i + 1}"),
                        Kind.Queue => Invariant($"{domain}-queue-{i + 1}"),
                        Kind.ObjectStore => Invariant($"{domain}-blobs-{i + 1}"),
                        Kind.Search => Invariant($"{domain}-search-{i + 1}"),
                        _ => Invariant($"{Vendors[i % Vendors.Length]}-api-{i + 1}"),
                    };
                    var component = Configure(new Component(name, kind, tier, domain));
                    _components.Add(component);
                    if (PoolOf(component) is { } pool)
                    {
                        Register(pool, component);
                    }
                }
            }

            // Components are written top layer first, as a reader would draw them (a stable sort: OrderBy).
            var ordered = _components.OrderBy(Rank).ToList();
            _components.Clear();
            _components.AddRange(ordered);
        }

        /// <summary>Services split 30% edge (tier 0), 40% domain (tier 1), 30% platform (tier 2).</summary>
        private static int TierOf(int index, int count) =>
            index < Math.Max(1, count * 3 / 10) ? 0 : index < Math.Max(2, count * 7 / 10) ? 1 : 2;

        private static int Rank(Component c) => c.Kind switch
        {
            Kind.Client => 0,
            Kind.Cdn => 1,
            Kind.LoadBalancer => 2,
            Kind.Gateway => 3,
            Kind.Service => 4 + c.Tier,
            Kind.Worker => 7,
            _ => 8,
        };

        private static bool IsLeaf(Kind kind) => kind is Kind.Cache or Kind.Database or Kind.Queue or Kind.ObjectStore or Kind.Search or Kind.External;

        private static Pool? PoolOf(Component c) => c.Kind switch
        {
            Kind.Service => (Pool)c.Tier,
            Kind.Cache => Pool.Cache,
            Kind.Database => Pool.Database,
            Kind.Queue => Pool.Queue,
            Kind.ObjectStore => Pool.ObjectStore,
            Kind.Search => Pool.Search,
            Kind.External => Pool.External,
            _ => null,
        };

        private void Register(Pool pool, Component c)
        {
            if (!_pools.TryGetValue(pool, out var all))
            {
                _pools[pool] = all = [];
            }

            all.Add(c);
            if (!_poolsByDomain.TryGetValue((pool, c.Domain), out var local))
            {
                _poolsByDomain[(pool, c.Domain)] = local = [];
            }

            local.Add(c);
        }

        private Component Configure(Component c)
        {
            string[][] zoneSets = [["a", "b", "c"], ["a", "b", "c"], ["a", "b", "c"], ["a", "b"], ["b", "c"]];
            c.Zones = c.Kind == Kind.Client ? [] : zoneSets[random.Next(zoneSets.Length)];
            c.Instances = c.Kind switch
            {
                Kind.Service or Kind.Worker or Kind.Gateway => random.Next(c.Zones.Length, 4 * c.Zones.Length + 1),
                Kind.Cache or Kind.Queue or Kind.Search => c.Zones.Length,
                Kind.Database => random.Next(1, 4),
                _ => 1,
            };
            (string Engine, string? Model) engine = c.Kind switch
            {
                Kind.Client => (c.Name == "web-app" ? "browser spa" : "ios and android", null),
                Kind.Cdn => (Pick(["cloudfront", "fastly"]), null),
                Kind.LoadBalancer => (Pick(["aws-alb", "envoy", "nginx"]), null),
                Kind.Gateway => (Pick(["envoy", "kong"]), null),
                Kind.Service => (Pick(["go", "java", "kotlin", "dotnet", "node", "rust"]), null),
                Kind.Worker => (Pick(["go", "java", "python"]), null),
                Kind.Cache => (Pick(["redis", "valkey", "memcached"]), "key_value"),
                Kind.Database => Pick<(string, string?)>([("postgresql", "oltp"), ("mysql", "oltp"), ("cassandra", "wide_column"), ("dynamodb", "key_value"), ("mongodb", "document"), ("timescaledb", "time_series")]),
                Kind.Queue => (Pick(["kafka", "sqs", "rabbitmq", "pulsar"]), null),
                Kind.ObjectStore => (Pick(["s3", "gcs"]), "object"),
                Kind.Search => (Pick(["elasticsearch", "opensearch"]), "search"),
                _ => (string.Empty, null),
            };
            (c.Engine, c.Model) = engine;
            return c;
        }

        private List<Component> Of(Kind kind) => [.. _components.Where(c => c.Kind == kind)];

        private static Operation Add(Component c, Operation op)
        {
            c.Operations.Add(op);
            return op;
        }

        private void AddLeafOperations(Component c)
        {
            switch (c.Kind)
            {
                case Kind.Cache:
                    Latency(Add(c, new Operation(c, "get", false, null)), 0.2, 0.5, 4, 8);
                    Latency(Add(c, new Operation(c, "set", true, true)), 0.2, 0.5, 4, 8);
                    if (random.Next(2) == 0)
                    {
                        Latency(Add(c, new Operation(c, "invalidate", true, true)), 0.2, 0.5, 4, 8);
                    }

                    break;
                case Kind.Database:
                    Latency(Add(c, new Operation(c, "get", false, null)), 0.5, 3, 5, 10);
                    Latency(Add(c, new Operation(c, "query", false, null)), 2, 10, 5, 15);
                    Latency(Add(c, new Operation(c, "insert", true, true)), 1, 6, 5, 10);
                    Latency(Add(c, new Operation(c, "update", true, random.Next(10) < 6)), 1, 6, 5, 10);
                    foreach (var op in c.Operations.Where(_ => random.Next(5) == 0))
                    {
                        op.CapacityPerSecond = 500 * random.Next(2, 20);
                    }

                    break;
                case Kind.Queue:
                    Latency(Add(c, new Operation(c, "publish", true, true)), 1, 3, 4, 8);
                    break;
                case Kind.ObjectStore:
                    Latency(Add(c, new Operation(c, "get", false, null)), 10, 30, 5, 10);
                    Latency(Add(c, new Operation(c, "put", true, true)), 20, 50, 4, 8);
                    break;
                case Kind.Search:
                    Latency(Add(c, new Operation(c, "query", false, null)), 5, 20, 4, 8);
                    Latency(Add(c, new Operation(c, "index", true, true)), 5, 20, 4, 8);
                    break;
                default:
                    (string Name, bool Write)[] kinds = [("lookup", false), ("verify", false), ("send", true), ("charge", true)];
                    var first = random.Next(kinds.Length);
                    var count = random.Next(1, 3);
                    for (var i = 0; i < count; i++)
                    {
                        var (name, write) = kinds[(first + i) % kinds.Length];
                        var op = Add(c, new Operation(c, name, write, write ? true : null));
                        Latency(op, 20, 80, 4, 10);
                        op.CapacityPerSecond = 100 * random.Next(5, 50);
                    }

                    break;
            }
        }

        private void AddWorkerOperations(Component w, bool consumes)
        {
            var main = Add(w, new Operation(w, consumes ? "consume" : "run", true, null));
            Latency(main, 0.5, 5, 4, 10);
            AddCall(main);
            if (random.Next(10) < 3)
            {
                var reconcile = Add(w, new Operation(w, "reconcile", true, null));
                Latency(reconcile, 5, 50, 3, 8);
                AddCall(reconcile);
            }
        }

        private void AddServiceOperations(Component s)
        {
            var count = random.Next(2, 7);
            for (var i = 0; i < count; i++)
            {
                var op = Add(s, NewNamedOperation(s, random.Next(100) < 55 ? null : true));
                Latency(op, 1, 8, 4, 10);
                AddCall(op);
            }
        }

        private void AddGatewayOperations(Component g)
        {
            var count = random.Next(2, 5);
            var edge = _pools[Pool.Tier0];
            var local = _poolsByDomain.GetValueOrDefault((Pool.Tier0, g.Domain));
            for (var i = 0; i < count; i++)
            {
                var op = Add(g, NewNamedOperation(g, null));
                Latency(op, 0.3, 1, 3, 8);
                var target = local is { Count: > 0 } && random.Next(10) < 6 ? Pick(local) : Pick(edge);
                op.Calls.Add(PickOperation(target, preferRead: !op.Write));
            }
        }

        /// <summary>A <c>verb_noun</c> operation, unique in its component; <paramref name="write"/> null means choose.</summary>
        private Operation NewNamedOperation(Component c, bool? write)
        {
            var isWrite = write ?? random.Next(100) >= 55;
            while (true)
            {
                var verb = isWrite ? Pick(WriteVerbs) : Pick(ReadVerbs);
                var name = verb + "_" + Pick(Nouns);
                if (!c.HasOperation(name))
                {
                    return new Operation(c, name, isWrite, isWrite ? random.Next(100) < 75 : null);
                }
            }
        }

        private void AddCall(Operation from)
        {
            var table = from.Owner.Kind == Kind.Worker
                ? WorkerTargets
                : from.Owner.Tier switch { 0 => Tier0Targets, 1 => Tier1Targets, _ => Tier2Targets };

            // A few tries for a target the operation does not call yet; a repeated call is still valid.
            Operation target = null!;
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var pool = PickWeighted(table);
                var local = _poolsByDomain.GetValueOrDefault((pool, from.Owner.Domain));
                var component = local is { Count: > 0 } && random.Next(10) < 6 ? Pick(local) : Pick(_pools[pool]);
                target = PickOperation(component, preferRead: random.Next(100) < 60);
                if (!from.Calls.Contains(target))
                {
                    break;
                }
            }

            from.Calls.Add(target);
        }

        private Operation PickOperation(Component c, bool preferRead)
        {
            var matching = c.Operations.Where(o => o.Write != preferRead).ToList();
            return matching.Count > 0 ? Pick(matching) : Pick(c.Operations);
        }

        private Pool PickWeighted((Pool Pool, int Weight)[] table)
        {
            var roll = random.Next(table.Sum(t => t.Weight));
            foreach (var (pool, weight) in table)
            {
                if (roll < weight)
                {
                    return pool;
                }

                roll -= weight;
            }

            return table[^1].Pool;
        }

        /// <summary>Own service time in ms: p50 in [lo, hi], p99 a tail factor above it, p90 between (sometimes).</summary>
        private void Latency(Operation op, double lo, double hi, double tailLo, double tailHi)
        {
            var p50 = lo + (random.NextDouble() * (hi - lo));
            var p99 = p50 * (tailLo + (random.NextDouble() * (tailHi - tailLo)));
            op.P50 = Round(p50);
            op.P99 = Round(p99);

            // Rounding is monotonic, so the percentiles never decrease.
            op.P90 = random.Next(10) < 4 ? Round(p50 + ((p99 - p50) * (0.2 + (random.NextDouble() * 0.3)))) : null;
        }

        private static double Round(double ms) => Math.Max(0.1, Math.Round(ms, 1));

        private void BuildFlows()
        {
            string[] criticalities = ["critical", "high", "high", "medium", "medium", "medium", "medium", "low", "low"];
            foreach (var gateway in Of(Kind.Gateway))
            {
                foreach (var op in gateway.Operations)
                {
                    var flow = new Flow(gateway.Name + "-" + op.Name.Replace('_', '-'), op, Pick(criticalities));
                    _flows.Add(flow);
                    _slos.Add(flow.Name + "-availability");
                    if (flow.Criticality is "critical" or "high")
                    {
                        _slos.Add(flow.Name + "-latency");
                    }
                }
            }
        }

        private void BuildEntities()
        {
            var serial = 0;
            foreach (var db in Of(Kind.Database))
            {
                var count = random.Next(1, 3);
                for (var i = 0; i < count; i++)
                {
                    var noun = Pick(Nouns);
                    _entities.Add(new Entity(Invariant($"{Capitalised(noun)}{++serial}"), db, noun));
                }
            }
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        // ---- writing YAML --------------------------------------------------------------------------

        public string Write()
        {
            Line(0, "# Generated by Plumbline.Benchmarks' DesignGenerator: a layered marketplace for load benchmarks. Do not edit.");
            Line(0, "plumbline: 1");
            Line(0, string.Empty);
            WriteSystem();
            WriteRequirements();
            WriteBusiness();
            WriteWorkflows();
            WriteApi();
            WriteData();
            WriteComponents();
            WriteSlos();
            WriteOperationsPlan();
            WriteSecurity();
            WriteCostAndValidation();
            WriteDecisionsAndMilestones();
            return _out.ToString();
        }

        private void Line(int indent, string text)
        {
            _out.Append(' ', indent).Append(text).Append('\n');
        }

        private static string Ms(double ms) => ms.ToString("0.#", CultureInfo.InvariantCulture) + "ms";

        private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

        private void WriteSystem()
        {
            Line(0, "system:");
            Line(2, "name: generated-marketplace");
            Line(2, Invariant($"summary: A marketplace of {_components.Count} components, generated to measure how fast a large design loads."));
            Line(2, "owners: [platform-team, architecture-guild]");
            Line(0, string.Empty);
        }

        private void WriteRequirements()
        {
            var reads = _flows.Where(f => !f.Entry.Write).Take(10).Select(f => f.Name);
            var writes = _flows.Where(f => f.Entry.Write).Take(10).Select(f => f.Name);
            var low = _flows.Where(f => f.Criticality == "low").Take(5).Select(f => f.Name);
            Line(0, "requirements:");
            Line(2, "scope:");
            Line(4, "in: [browse and search the catalogue, checkout and payment, order tracking, merchant tools]");
            Line(4, "out: [marketplace lending, physical stores]");
            Line(4, "success_criteria:");
            Line(6, "- 99.95% of checkouts succeed over 30 days");
            Line(6, "- 99% of product pages answer in under 300 ms");
            Line(2, "edge_cases:");
            Line(4, "- a flash sale sends ten times the usual traffic to one product");
            Line(4, "- a payment provider times out after charging the card");
            Line(2, "personas:");
            Line(4, "- name: shopper");
            Line(6, "description: Browses, searches and buys.");
            Line(6, "workflows: " + List(reads));
            Line(6, "failure_tolerance: low");
            Line(4, "- name: merchant");
            Line(6, "description: Lists products and manages orders.");
            Line(6, "workflows: " + List(writes));
            Line(6, "failure_tolerance: medium");
            Line(4, "- name: operator");
            Line(6, "description: Staff running reports and support tools.");
            Line(6, "workflows: " + List(low));
            Line(6, "failure_tolerance: high");
            Line(2, "constraints:");
            Line(4, "budget: 400000 USD/month");
            Line(4, "deadline: 2027-09-30");
            Line(4, "compliance: [pci-dss, gdpr, sox]");
            Line(2, "users:");
            Line(4, "monthly_active: 40M");
            Line(4, "daily_active: 6M");
            Line(4, "peak_concurrent: 400K");
            Line(2, "growth: 30%/year");
            Line(2, "peak_to_average: 3");
            Line(2, "dependencies:");
            foreach (var external in Of(Kind.External))
            {
                Line(4, "- name: " + external.Name + "-vendor");
                Line(6, "direction: upstream");
                Line(6, "sla: 99.9%");
                Line(6, "owner: vendor management");
                Line(6, "component: " + external.Name);
            }

            Line(2, "open_questions:");
            Line(4, "- question: Do we need a second region before the next peak season?");
            Line(6, "owner: architecture-guild");
            Line(6, "due: 2027-03-31");
            Line(0, string.Empty);
        }

        private void WriteBusiness()
        {
            Line(0, "business:");
            Line(2, "outcomes:");
            Line(4, "- name: shopper trust");
            Line(6, "kind: trust");
            Line(6, "metrics: " + List(_slos.Take(3)));
            Line(4, "- name: gross merchandise volume");
            Line(6, "kind: revenue");
            Line(6, "metrics: [gmv, conversion-rate]");
            Line(2, "metrics:");
            Line(4, "- name: gmv");
            Line(6, "target: 2B USD/month");
            Line(6, "owner: finance");
            Line(4, "- name: conversion-rate");
            Line(6, "target: 3.5% of sessions");
            Line(6, "owner: product");
            Line(2, "tradeoffs:");
            Line(4, "- choice: eventual consistency for search and recommendations");
            Line(6, "gains: cheap writes and independent scaling");
            Line(6, "costs: new products appear in search after up to a minute");
            Line(6, "risk: low");
            Line(6, "stakeholders: [merchants, shoppers]");
            Line(2, "stakeholders:");
            Line(4, "- name: merchants");
            Line(6, "priorities: [fast listing, accurate stock, timely payouts]");
            Line(4, "- name: shoppers");
            Line(6, "priorities: [fast pages, reliable checkout]");
            Line(0, string.Empty);
        }

        private void WriteWorkflows()
        {
            Line(0, "workflows:");
            foreach (var flow in _flows)
            {
                var op = flow.Entry;
                Line(2, flow.Name + ":");
                Line(4, Invariant($"description: {(op.Write ? "Changes" : "Reads")} {op.Owner.Domain} data through {op.Owner.Name}."));
                Line(4, "entry: " + op.Ref);
                double perSecond;
                if (random.Next(2) == 0)
                {
                    var amount = op.Write ? random.Next(5, 300) : random.Next(20, 2000);
                    perSecond = amount;
                    Line(4, Invariant($"rate: {amount}/s"));
                }
                else
                {
                    var millions = op.Write ? random.Next(10, 800) : random.Next(50, 5000);
                    perSecond = millions * 1e6 / (30.4375 * 86400);
                    Line(4, Invariant($"rate: {millions}M/month"));
                }

                Line(4, Invariant($"peak_rate: {Math.Ceiling(perSecond * (2 + (random.NextDouble() * 3)))}/s"));
                Line(4, Invariant($"request: {(op.Write ? random.Next(1, 8) : 1) * 300}B"));
                Line(4, Invariant($"response: {random.Next(1, 16)}KB"));
                Line(4, "type: " + (op.Write ? "write" : "read"));
                Line(4, "criticality: " + flow.Criticality);
            }

            Line(0, string.Empty);
        }

        private void WriteApi()
        {
            Line(0, "api:");
            Line(2, "version: v1");
            Line(2, "versioning: path");
            Line(2, "endpoints:");
            foreach (var flow in _flows)
            {
                var op = flow.Entry;
                var verb = op.Name[..op.Name.IndexOf('_', StringComparison.Ordinal)];
                var noun = op.Name[(verb.Length + 1)..];
                var route = verb switch
                {
                    "get" or "lookup" => Invariant($"GET /v1/{op.Owner.Domain}/{noun}s/{{id}}"),
                    "list" or "count" or "search" => Invariant($"GET /v1/{op.Owner.Domain}/{noun}s"),
                    "create" or "submit" => Invariant($"POST /v1/{op.Owner.Domain}/{noun}s"),
                    "delete" => Invariant($"DELETE /v1/{op.Owner.Domain}/{noun}s/{{id}}"),
                    _ => Invariant($"PUT /v1/{op.Owner.Domain}/{noun}s/{{id}}/{verb}"),
                };
                var entity = Pick(_entities).Name;
                Line(4, "- name: " + flow.Name.Replace('-', '_'));
                Line(6, "route: " + route);
                Line(6, "workflow: " + flow.Name);
                Line(6, "idempotency: " + (op.Write ? "key" : "natural"));
                Line(6, "auth: " + Pick(["api_key", "jwt", "oauth", "session"]));
                Line(6, (op.Write ? "writes: [" : "reads: [") + entity + "]");
                if (random.Next(3) == 0)
                {
                    Line(6, Invariant($"rate_limit: {random.Next(5, 200)}/s"));
                }
            }

            Line(0, string.Empty);
        }

        private void WriteData()
        {
            Line(0, "data:");
            foreach (var entity in _entities)
            {
                var db = entity.Owner;
                Line(2, "- entity: " + entity.Name);
                Line(4, Invariant($"description: One {entity.Noun} of the {db.Domain} domain."));
                Line(4, "owner: " + db.Name);
                Line(4, Invariant($"record_size: {random.Next(1, 40) * 100}B"));
                Line(4, Invariant($"new_records: {random.Next(1, 500)}M/month"));
                Line(4, Invariant($"initial_records: {random.Next(1, 900)}M"));
                Line(4, "retention: " + Pick(["90d", "1y", "2y", "7y", "forever"]));
                var classification = Pick(["public", "internal", "internal", "confidential", "restricted"]);
                Line(4, "classification: " + classification);
                if (classification is "confidential" or "restricted")
                {
                    Line(4, "pii: true");
                }

                // A block list: the commas inside a pattern would split a flow list.
                string[] access = db.Model switch
                {
                    "wide_column" or "time_series" => ["time_series(" + entity.Noun + ", time)", "aggregate(" + entity.Noun + ", day)"],
                    "key_value" => ["point_lookup(id)"],
                    "document" => ["point_lookup(id)", "range_scan(owner, updated_at)"],
                    _ => ["point_lookup(id)", "range_scan(owner, created_at)"],
                };
                Line(4, "access:");
                foreach (var pattern in access)
                {
                    Line(6, "- " + pattern);
                }

                Line(4, "consistency: " + (db.Model is "oltp" ? "strong" : Pick(["eventual", "read_your_writes"])));
                Line(4, Invariant($"source: {db.Domain} services"));
            }

            Line(0, string.Empty);
        }

        private void WriteComponents()
        {
            Line(0, "components:");
            foreach (var c in _components)
            {
                WriteComponent(c);
            }

            Line(0, string.Empty);
        }

        private void WriteComponent(Component c)
        {
            Line(2, c.Name + ":");
            Line(4, "kind: " + KindName(c.Kind));
            Line(4, "description: " + Describe(c));
            if (c.Engine.Length > 0)
            {
                Line(4, "engine: " + c.Engine);
            }

            if (c.Model is not null)
            {
                Line(4, "model: " + c.Model);
            }

            if (c.Kind is Kind.Service or Kind.Worker or Kind.Gateway)
            {
                Line(4, "stateless: true");
            }

            if (c.Kind is not (Kind.Client or Kind.Cdn or Kind.LoadBalancer or Kind.External or Kind.ObjectStore))
            {
                Line(4, Invariant($"instances: {c.Instances}"));
            }

            if (c.Kind is Kind.Database or Kind.Cache or Kind.Search)
            {
                Line(4, Invariant($"replicas: {(c.Kind == Kind.Database ? random.Next(1, 3) : c.Instances)}"));
            }

            if (c.Zones.Length > 0 && c.Kind != Kind.External)
            {
                Line(4, "zones: " + List(c.Zones));
            }

            switch (c.Kind)
            {
                case Kind.Database:
                    Line(4, Invariant($"capacity: {{ reads: {1000 * random.Next(5, 40)}/s, writes: {500 * random.Next(2, 20)}/s }}"));
                    break;
                case Kind.Client:
                    break;
                default:
                    Line(4, Invariant($"capacity: {Capacity(c.Kind)}/s"));
                    break;
            }

            if (c.Kind != Kind.Client)
            {
                Line(4, "availability: " + Pick(c.Kind is Kind.LoadBalancer or Kind.Cdn or Kind.ObjectStore ? ["99.99%"] : new[] { "99.9%", "99.95%", "99.5%" }));
            }

            switch (c.Kind)
            {
                case Kind.Gateway:
                    Line(4, "load_balancing: least_outstanding");
                    Line(4, Invariant($"rate_limit: {random.Next(50, 500)}/s per client"));
                    break;
                case Kind.Service:
                    Line(4, "load_balancing: " + Pick(["least_outstanding", "round_robin", "two_choices"]));
                    Line(4, Invariant($"autoscaling: {{ min: {c.Instances}, max: {c.Instances * 4}, target_utilisation: 60%, delay: 2m }}"));
                    break;
                case Kind.Worker:
                    Line(4, Invariant($"autoscaling: {{ min: {c.Instances}, max: {c.Instances * 3}, target_utilisation: 70%, delay: 3m }}"));
                    break;
                case Kind.Cache:
                    Line(4, Invariant($"memory: {8 * random.Next(1, 9)}GB"));
                    Line(4, Invariant($"hit_ratio: {0.8 + (random.Next(0, 19) / 100.0):0.00}"));
                    break;
                case Kind.Database:
                    Line(4, Invariant($"storage_per_node: {random.Next(1, 9)}TB"));
                    Line(4, "shard_key: " + (c.Model is "time_series" or "wide_column" ? "(tenant, month)" : "id"));
                    Line(4, Invariant($"backup: {{ every: 1d, keep: {Pick([7, 14, 30, 35])}d, restore_tested: 2026-{random.Next(1, 11):00}-{random.Next(1, 29):00} }}"));
                    break;
                case Kind.Queue:
                    Line(4, Invariant($"partitions: {12 * random.Next(1, 9)}"));
                    Line(4, "retention: " + Pick(["1d", "3d", "7d"]));
                    Line(4, "dead_letter: true");
                    Line(4, "consumers: " + List(c.Consumers));
                    break;
                case Kind.Search:
                    Line(4, Invariant($"storage_per_node: {random.Next(1, 5)}TB"));
                    break;
                case Kind.LoadBalancer or Kind.Cdn or Kind.ObjectStore or Kind.External:
                    Line(4, "sla: " + (c.Kind == Kind.External ? "99.9%" : "99.99%"));
                    break;
            }

            if (c.Kind != Kind.Client)
            {
                Line(4, "owner: " + (c.Kind == Kind.External ? c.Name.Replace("-api-", " vendor ", StringComparison.Ordinal) : c.Domain + "-team"));
            }

            Line(4, "operations:");
            foreach (var op in c.Operations)
            {
                WriteOperation(op);
            }
        }

        private int Capacity(Kind kind) => kind switch
        {
            Kind.Cdn => 100_000,
            Kind.LoadBalancer => 50_000,
            Kind.Gateway => 1000 * random.Next(2, 6),
            Kind.Cache => 10_000 * random.Next(3, 10),
            Kind.Queue => 10_000 * random.Next(1, 6),
            Kind.ObjectStore => 5000,
            Kind.Search => 500 * random.Next(2, 10),
            Kind.External => 1000 * random.Next(1, 10),
            _ => 100 * random.Next(2, 30),
        };

        private static string KindName(Kind kind) => EnumNames.ToSnake(kind);

        private static string Describe(Component c) => c.Kind switch
        {
            Kind.Client => c.Name == "web-app" ? "The shopper-facing web app." : "The shopper-facing mobile apps.",
            Kind.Cdn => "Caches static assets and media at the edge.",
            Kind.LoadBalancer => "Managed layer-7 load balancer with TLS termination.",
            Kind.Gateway => Invariant($"Authenticates and routes {c.Domain} traffic."),
            Kind.Service => Invariant($"{Capitalised(c.Domain)} service, tier {c.Tier}."),
            Kind.Worker => Invariant($"Processes {c.Domain} events in the background."),
            Kind.Cache => Invariant($"Hot {c.Domain} entries."),
            Kind.Database => Invariant($"System of record for {c.Domain} data."),
            Kind.Queue => Invariant($"{Capitalised(c.Domain)} events for background work."),
            Kind.ObjectStore => Invariant($"{Capitalised(c.Domain)} files and exports."),
            Kind.Search => Invariant($"Full-text index of {c.Domain} data."),
            _ => "Third-party API.",
        };

        private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];

        private void WriteOperation(Operation op)
        {
            var latency = op.P90 is { } p90
                ? Invariant($"{{ p50: {Ms(op.P50)}, p90: {Ms(p90)}, p99: {Ms(op.P99)} }}")
                : Invariant($"{{ p50: {Ms(op.P50)}, p99: {Ms(op.P99)} }}");
            var type = op.Write ? "write" : "read";
            var idempotent = op.Idempotent is { } i ? (i ? ", idempotent: true" : ", idempotent: false") : string.Empty;
            var capacity = op.CapacityPerSecond is { } cap ? Invariant($", capacity: {cap}/s") : string.Empty;
            if (op.Calls.Count == 0)
            {
                Line(6, Invariant($"{op.Name}: {{ type: {type}{idempotent}{capacity}, latency: {latency} }}"));
                return;
            }

            Line(6, op.Name + ":");
            Line(8, "type: " + type);
            if (op.Idempotent is { } idem)
            {
                Line(8, idem ? "idempotent: true" : "idempotent: false");
            }

            Line(8, "latency: " + latency);
            Line(8, "calls:");
            foreach (var target in op.Calls)
            {
                WriteCall(op, target);
            }
        }

        private void WriteCall(Operation from, Operation to)
        {
            const int Indent = 12;
            Line(Indent - 2, "- to: " + to.Ref);
            var caller = from.Owner;
            switch (to.Owner.Kind)
            {
                case Kind.Queue when caller.Kind is Kind.Service or Kind.Worker && random.Next(10) < 7:
                    Line(Indent, "async: true");
                    if (random.Next(5) == 0)
                    {
                        Line(Indent, Invariant($"count: {random.Next(11, 40) / 10.0:0.0}"));
                    }

                    return;
                case Kind.Queue:
                    Line(Indent, "timeout: 50ms");
                    Line(Indent, "retries: { max: 3, backoff: exponential, base: 10ms, max_delay: 100ms, jitter: full }");
                    Line(Indent, "fallback: write to the outbox and relay later");
                    return;
                case Kind.Cache:
                    Line(Indent, "timeout: " + Pick(["10ms", "15ms", "20ms"]));
                    Line(Indent, "fallback: " + (to.Write ? "skip the cache update" : "treat as a cache miss"));
                    return;
                case Kind.Database:
                    if (!to.Write && random.Next(100) < 15)
                    {
                        Line(Indent, Invariant($"probability: {random.Next(5, 30) / 100.0:0.00}"));
                    }

                    if (!to.Write && random.Next(100) < 5)
                    {
                        Line(Indent, Invariant($"count: {random.Next(2, 6)}"));
                    }

                    Line(Indent, "timeout: " + Pick(["50ms", "100ms", "200ms", "300ms"]));
                    if (to.SafeToRetry)
                    {
                        Line(Indent, "retries: { max: 2, backoff: exponential, base: 20ms, max_delay: 200ms, jitter: full }");
                    }

                    return;
                case Kind.ObjectStore:
                    Line(Indent, "timeout: " + Pick(["1s", "2s", "3s"]));
                    Line(Indent, "retries: { max: 3, backoff: exponential, base: 100ms, max_delay: 2s, jitter: full }");
                    return;
                case Kind.Search:
                    Line(Indent, "timeout: 500ms");
                    Line(Indent, "retries: { max: 1, backoff: constant, base: 50ms }");
                    Line(Indent, "fallback: answer with the first page from the database");
                    return;
                case Kind.External:
                    Line(Indent, "timeout: " + Pick(["1s", "2s", "2500ms", "3s"]));
                    if (to.SafeToRetry)
                    {
                        Line(Indent, Invariant($"retries: {{ max: {random.Next(1, 3)}, backoff: exponential, base: 200ms, max_delay: 2s, jitter: decorrelated }}"));
                    }

                    Line(Indent, Invariant($"circuit_breaker: {{ failure_rate: {Pick([25, 30, 40, 50])}%, window: {Pick(["30s", "1m"])}, min_calls: {Pick([20, 50, 100])}, open_for: {Pick(["30s", "1m"])} }}"));
                    Line(Indent, "fallback: " + (to.Write ? "queue the request and retry within the hour" : "answer without the vendor's data"));
                    return;
                case Kind.Service:
                    Line(Indent, "timeout: " + (caller.Kind == Kind.Gateway ? "5s" : caller.Tier == 0 ? "2s" : "1s"));
                    if (to.SafeToRetry && random.Next(10) < 7)
                    {
                        Line(Indent, "retries: { max: 1, backoff: exponential, base: 50ms, max_delay: 500ms, jitter: decorrelated }");
                    }

                    return;
                case Kind.Gateway:
                    Line(Indent, "timeout: 10s");
                    return;
                case Kind.LoadBalancer:
                    Line(Indent, "timeout: 30s");
                    return;
                default:
                    Line(Indent, "timeout: 10s");
                    return;
            }
        }

        private void WriteSlos()
        {
            Line(0, "slos:");
            foreach (var flow in _flows)
            {
                Line(2, "- name: " + flow.Name + "-availability");
                Line(4, "workflow: " + flow.Name);
                Line(4, "sli: availability");
                Line(4, "objective: " + flow.Criticality switch { "critical" => "99.95%", "high" => "99.9%", "medium" => "99.5%", _ => "99%" });
                if (flow.Criticality is "critical" or "high")
                {
                    Line(4, "window: 30d");
                    Line(2, "- name: " + flow.Name + "-latency");
                    Line(4, "workflow: " + flow.Name);
                    Line(4, "sli: latency");
                    Line(4, "threshold: " + Pick(["200ms", "300ms", "500ms", "1s"]));
                    Line(4, "objective: 99%");
                }
            }

            Line(0, string.Empty);
        }

        private void WriteOperationsPlan()
        {
            Line(0, "operations:");
            Line(2, "telemetry: { metrics: prometheus, traces: opentelemetry, logs: structured json to loki }");
            Line(2, "runbooks:");
            foreach (var db in Of(Kind.Database).Take(20))
            {
                Line(4, "- failure: " + db.Name + " primary down");
                Line(6, "detect: availability burn-rate alert on the workflows it serves");
                Line(6, "mitigate: [promote the standby, shed writes, serve reads from replicas]");
                Line(6, "components: [" + db.Name + "]");
            }

            Line(2, "rollback: blue-green deploys; feature flags on new code paths");
            Line(2, "on_call: { rotation: weekly, escalation: [primary, secondary, engineering-manager] }");
            Line(2, "feature_flags: [new-checkout, search-v2]");
            Line(0, string.Empty);
        }

        private void WriteSecurity()
        {
            Line(0, "security:");
            Line(2, "boundaries:");
            WriteBoundary("internet", false, [.. Of(Kind.Client).Select(c => c.Name), "shopper", "merchant", "operator"]);
            WriteBoundary("edge", true, [.. _components.Where(c => c.Kind is Kind.Cdn or Kind.LoadBalancer or Kind.Gateway).Select(c => c.Name)]);
            WriteBoundary("private-network", true, [.. _components.Where(c => c.Kind is not (Kind.Client or Kind.Cdn or Kind.LoadBalancer or Kind.Gateway or Kind.External)).Select(c => c.Name)]);
            WriteBoundary("vendors", false, [.. Of(Kind.External).SelectMany(c => new[] { c.Name, c.Name + "-vendor" })]);
            Line(2, "authn: { users: oidc, services: mtls }");
            Line(2, "authz: rbac per merchant account");
            Line(2, "encryption: { in_transit: tls 1.3, at_rest: kms-managed aes-256 }");
            Line(2, "secrets: { store: vault, rotation: 90d }");
            Line(2, "audit: [payment changes, admin actions]");
            Line(0, string.Empty);
        }

        private void WriteBoundary(string name, bool trusted, List<string> members)
        {
            Line(4, "- name: " + name);
            Line(6, "contains:");
            foreach (var member in members)
            {
                Line(8, "- " + member);
            }

            Line(6, trusted ? "trusted: true" : "trusted: false");
        }

        private void WriteCostAndValidation()
        {
            Line(0, "cost:");
            Line(2, "catalog: default");
            Line(2, "budget: 400000 USD/month");
            Line(2, "alerts: [80%, 100%]");
            Line(0, string.Empty);

            var spike = _flows.Take(3).ToList();
            var scaled = _components.First(c => c.Kind == Kind.Service && c.Instances >= 2);
            Line(0, "validation:");
            Line(2, "load:");
            Line(4, "- name: peak-hour");
            Line(6, "shape: { ramp: 1x to 3x, over: 15m, hold: 1h }");
            Line(6, "expect: { slos: met }");
            Line(4, "- name: flash-sale");
            Line(6, "shape: { rate: 5x, hold: 10m }");
            Line(6, "workflows: " + List(spike.Select(f => f.Name)));
            Line(6, "expect: { slos: " + List(spike.Select(f => f.Name + "-availability")) + " }");
            Line(2, "chaos:");
            Line(4, "- name: lose-zone-a");
            Line(6, "at: 10m");
            Line(6, "fault: { zone_down: a, for: 15m }");
            Line(6, "expect: { slos: met }");
            Line(4, "- name: lose-an-instance");
            Line(6, "at: 5m");
            Line(6, "fault: { instance_down: " + scaled.Name + ", instances: 1, for: 10m }");
            Line(6, "expect: { slos: met }");
            Line(4, "- name: slow-database");
            Line(6, "at: 5m");
            Line(6, "fault: { slow: " + Of(Kind.Database)[0].Name + ", add: 200ms, for: 5m }");
            Line(6, "expect: { slos: " + List(_slos.Take(2)) + " }");
            Line(4, "- name: vendor-outage");
            Line(6, "at: 5m");
            Line(6, "fault: { fail: " + Of(Kind.External)[0].Name + ", error_rate: 100%, for: 20m }");
            Line(6, "expect: { slos: met }");
            Line(0, string.Empty);
        }

        private void WriteDecisionsAndMilestones()
        {
            Line(0, "decisions:");
            Line(2, "- id: ADR-1");
            Line(4, "title: One database per domain");
            Line(4, "status: accepted");
            Line(4, "date: 2026-09-01");
            Line(4, "options: [one shared database, one database per domain]");
            Line(4, "decision: one database per domain, integration through events");
            Line(4, "consequences: no cross-domain joins; reports read from the warehouse");
            Line(2, "- id: ADR-2");
            Line(4, "title: Breakers on every vendor call");
            Line(4, "status: accepted");
            Line(4, "date: 2026-09-15");
            Line(4, "decision: every call to an external component has a timeout, a breaker and a fallback");
            Line(0, string.Empty);
            Line(0, "milestones:");
            Line(2, "- name: v1 single region");
            Line(4, "due: 2027-03-31");
            Line(4, "deliverables: [checkout, search, order tracking]");
            Line(2, "- name: v2 second region");
            Line(4, "due: 2027-12-31");
            Line(4, "deliverables: [active-active reads, regional failover]");
        }
    }
}
