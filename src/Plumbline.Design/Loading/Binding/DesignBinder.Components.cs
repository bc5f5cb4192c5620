using System.Collections.Immutable;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;
using Plumbline.Design.Text;
using Plumbline.Design.Units;
using Plumbline.Design.Yaml;

namespace Plumbline.Design.Loading.Binding;

/// <summary><c>components</c>: kinds, instances, capacity, operations and their calls with timeouts, retries and breakers.</summary>
internal static partial class DesignBinder
{
    private static readonly ComponentKind[] StoreKinds =
        [ComponentKind.Database, ComponentKind.Cache, ComponentKind.ObjectStore, ComponentKind.Search, ComponentKind.Queue];

    private static ImmutableArray<Component> ReadComponents(MapReader root, BindContext context)
    {
        var builder = ImmutableArray.CreateBuilder<Component>();
        foreach (var (key, node, path) in root.NamedEntries("components", "component"))
        {
            var m = MapReader.Open(node, path, "component", context);
            if (m is null)
            {
                continue;
            }

            var kind = m.Enum<ComponentKind>("kind");
            if (kind is null && !m.Has("kind"))
            {
                m.ReportMissing("kind", $"what it is: one of {string.Join(", ", EnumNames<ComponentKind>.Names)}");
            }

            var k = kind ?? ComponentKind.Service;
            if (kind is not null)
            {
                CheckApplicability(m, k, context);
            }

            var instances = m.Int("instances", 1, 100_000) ?? 1;
            var autoscaling = ReadAutoscaling(m, context);
            var replicas = m.Int("replicas", 0, 1000) ?? 0;
            var quorum = ReadQuorum(m, context);
            var replication = ReadReplication(m, context);
            if (Array.IndexOf(StoreKinds, k) >= 0)
            {
                CheckQuorum(m, quorum, instances, replicas, replication?.Copies, context);
            }
            var multiRegion = m.Enum<MultiRegionMode>("multi_region");
            var cells = ReadCells(m, instances, replicas, context);
            var (consumers, shares) = ReadConsumers(m, context);
            builder.Add(new Component(
                key.Value,
                k,
                m.String("description"),
                m.String("engine"),
                m.Enum<StorageModel>("model"),
                m.Bool("stateless"),
                instances,
                replicas,
                ReadZones(m, context),
                ReadCapacity(m, context),
                m.Percent("availability"),
                m.Enum<LoadBalancing>("load_balancing"),
                ReadRateLimits(m, "rate_limit", context),
                autoscaling,
                m.Size("memory"),
                m.Ratio("hit_ratio"),
                m.Size("storage_per_node"),
                m.String("shard_key"),
                m.Int("partitions", 1, 100_000),
                m.Duration("retention"),
                m.Bool("dead_letter"),
                consumers,
                ReadBackup(m),
                m.String("owner"),
                m.Percent("sla"),
                ReadOperations(m, key.Value, context),
                path)
            {
                Hosting = ReadHosting(m, context),
                MultiRegion = multiRegion,
                Quorum = quorum,
                Consistency = m.Enum<Consistency>("consistency"),
                Replication = replication,
                Failover = ReadFailover(m, context),
                Security = ReadComponentSecurity(m),
                Cells = cells,
                Admission = ReadAdmission(m, context),
                ConsumerShares = shares,
            });
        }

        return builder.ToImmutable();
    }

    /// <summary><c>runs_on</c>, <c>size</c> and <c>storage_class</c>: what the component is priced as. Names are checked against the price catalog when the design is costed.</summary>
    private static Hosting ReadHosting(MapReader m, BindContext context)
    {
        if (m.Has("runs_on") && m.Has("size"))
        {
            context.Report(DiagnosticCodes.MutuallyExclusive(m.KeySpan("size"), m.ChildPath("size"), "runs_on", "size"));
        }

        InstanceSize? size = null;
        if (m.Map("size", "instance_size") is { } s)
        {
            var vcpu = s.Int("vcpu", 1, 100_000);
            if (vcpu is null && !s.Has("vcpu"))
            {
                s.ReportMissing("vcpu", "the virtual CPUs one instance needs, such as 4");
            }

            size = vcpu is { } v ? new InstanceSize(v, s.Size("memory"), s.Path) : null;
        }

        var runsOn = m.Scalar("runs_on");
        if (runsOn is not null && string.IsNullOrWhiteSpace(runsOn.Value))
        {
            context.Report(DiagnosticCodes.EmptyValue(runsOn.Span, m.ChildPath("runs_on"), "the name of an instance type, database class or service in the price catalog"));
        }

        var storage = m.String("storage_class");
        return runsOn is null && size is null && storage is null ? Hosting.Unstated : new Hosting(runsOn?.Value, size, storage);
    }

    /// <summary><c>quorum: 2 of 3</c> (reads and writes alike) or <c>quorum: { reads: 1 of 3, writes: 2 of 3 }</c>.</summary>
    private static Quorum? ReadQuorum(MapReader m, BindContext context)
    {
        switch (m.Node("quorum"))
        {
            case null:
                return null;
            case YamlScalar scalar:
                return ParseKOfN(scalar, m.ChildPath("quorum"), context) is { } both ? new Quorum(both, both) : null;
            default:
                var map = m.Map("quorum", "quorum");
                if (map is null)
                {
                    return null;
                }

                if (!map.Has("reads") && !map.Has("writes"))
                {
                    context.Report(DiagnosticCodes.OneOfRequired(map.Span, map.Path, "quorum", ["reads", "writes"]));
                }

                var reads = map.Scalar("reads") is { } r ? ParseKOfN(r, map.ChildPath("reads"), context) : null;
                var writes = map.Scalar("writes") is { } w ? ParseKOfN(w, map.ChildPath("writes"), context) : null;
                return new Quorum(reads, writes);
        }
    }

    /// <summary>A quorum counts the copies of one shard: <c>replication.copies</c> when stated, else 1 + replicas / instances.</summary>
    private static void CheckQuorum(MapReader m, Quorum? quorum, int instances, int replicas, int? statedCopies, BindContext context)
    {
        var copies = statedCopies ?? 1 + (replicas / instances);
        foreach (var (key, value) in new[] { ("reads", quorum?.Reads), ("writes", quorum?.Writes) })
        {
            if (value is not { } q || q.N == copies)
            {
                continue;
            }

            var path = m.Node("quorum") is YamlScalar ? m.ChildPath("quorum") : m.ChildPath("quorum") + "/" + key;
            context.Report(DiagnosticCodes.Inconsistent(context.BuildSpan(path), path,
                statedCopies is null
                    ? $"quorum {q} counts {q.N} copies, but {instances} instance(s) with {replicas} replica(s) keep {copies} cop{(copies == 1 ? "y" : "ies")} of each shard"
                    : $"quorum {q} counts {q.N} copies, but replication.copies says {copies}",
                "a quorum counts the copies of one shard (replication.copies, or 1 + replicas / instances); make N match"));
            break;
        }
    }

    private static KOfN? ParseKOfN(YamlScalar scalar, string path, BindContext context)
    {
        if (KOfN.TryParse(scalar.Value, out var value))
        {
            return value;
        }

        context.Report(DiagnosticCodes.WrongValue(scalar.Span, path, scalar.Value, "'K of N' such as '2 of 3', with 1 <= K <= N <= 1001"));
        return null;
    }

    private static void CheckApplicability(MapReader m, ComponentKind kind, BindContext context)
    {
        foreach (var (field, appliesTo, kinds) in ComponentFields.KindSpecific)
        {
            if (m.Has(field) && !kinds.Contains(kind))
            {
                context.Report(DiagnosticCodes.NotApplicable(m.KeySpan(field), m.ChildPath(field), field, EnumNames<ComponentKind>.Name(kind).Replace('_', ' '), appliesTo));
            }
        }
    }

    private static ImmutableArray<string> ReadZones(MapReader m, BindContext context)
    {
        var zones = m.StringList("zones");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < zones.Length; i++)
        {
            if (!seen.Add(zones[i]))
            {
                var path = m.ChildPath("zones") + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Report(DiagnosticCodes.DuplicateName(context.BuildSpan(path), path, "zone", zones[i], m.ValueSpan("zones")));
            }
        }

        return zones;
    }

    private static Capacity? ReadCapacity(MapReader m, BindContext context)
    {
        var node = m.Node("capacity");
        switch (node)
        {
            case null:
                return null;
            case YamlScalar scalar:
                return MapReader.ParseUnit(scalar, m.ChildPath("capacity"), Rate.Parse, context) is { } total
                    ? new Capacity(total, null, null)
                    : null;
            default:
                var map = MapReader.Open(node, m.ChildPath("capacity"), "capacity", context);
                if (map is null)
                {
                    return null;
                }

                var reads = map.Rate("reads");
                var writes = map.Rate("writes");
                if (!map.Has("reads") && !map.Has("writes"))
                {
                    context.Report(DiagnosticCodes.OneOfRequired(map.Span, map.Path, "capacity", ["reads", "writes"]));
                }

                return new Capacity(null, reads, writes);
        }
    }

    /// <summary>
    /// <c>rate_limit:</c> one limit or a list of them, each <c>RATE</c> (global), <c>RATE per KEY [per KEY...]</c>
    /// (counted per that combination of keys), or <c>{ rate: RATE, per: KEY or [KEY, ...] }</c>.
    /// </summary>
    private static ImmutableArray<RateLimit> ReadRateLimits(MapReader m, string key, BindContext context)
    {
        if (m.Node(key) is not { } node)
        {
            return [];
        }

        var path = m.ChildPath(key);
        if (node is not YamlSequence)
        {
            return ReadRateLimit(node, path, context) is { } one ? [one] : [];
        }

        var builder = ImmutableArray.CreateBuilder<RateLimit>();
        foreach (var (item, itemPath) in MapReader.Items(node, path, context))
        {
            if (ReadRateLimit(item, itemPath, context) is { } limit)
            {
                builder.Add(limit);
            }
        }

        return builder.ToImmutable();
    }

    private static RateLimit? ReadRateLimit(YamlNode node, string path, BindContext context)
    {
        if (node is YamlScalar scalar)
        {
            var parts = scalar.Value.Split(" per ", StringSplitOptions.TrimEntries);
            var keys = parts.Skip(1).ToImmutableArray();
            if (keys.Any(k => !IsLimitKey(k)))
            {
                context.Report(DiagnosticCodes.WrongValue(scalar.Span, path, scalar.Value, "a rate limit such as '200/s per client' or '50/s per app per shop'"));
                return null;
            }

            var rate = Rate.Parse(parts[0]);
            if (!rate.Success)
            {
                context.Report(DiagnosticCodes.InvalidUnit(scalar.Span, path, rate.Error!));
                return null;
            }

            return new RateLimit(rate.Value, Global(keys), path);
        }

        var map = MapReader.Open(node, path, "limit", context);
        if (map is null)
        {
            return null;
        }

        var limitRate = map.Rate("rate");
        if (limitRate is null && !map.Has("rate"))
        {
            map.ReportMissing("rate", "the most requests it lets through, such as 50/s");
        }

        var per = map.StringList("per", allowSingle: true);
        for (var i = 0; i < per.Length; i++)
        {
            if (!IsLimitKey(per[i]))
            {
                var at = map.Node("per") is YamlSequence seq ? seq.Items[i].Span : map.ValueSpan("per");
                context.Report(DiagnosticCodes.WrongValue(at, map.ChildPath("per") + (map.Node("per") is YamlSequence ? "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty),
                    per[i], "a key it is counted per: a name such as client, ip, user, api_key or shop_id, or global"));
                return null;
            }
        }

        return limitRate is { } r ? new RateLimit(r, Global(per), path) : null;
    }

    /// <summary>"global" alone means one counter for everyone: no keys.</summary>
    private static ImmutableArray<string> Global(ImmutableArray<string> keys) =>
        keys.Length == 1 && string.Equals(keys[0], "global", StringComparison.Ordinal) ? [] : keys;

    private static bool IsLimitKey(string key) =>
        key.Length is > 0 and <= 64 && char.IsAsciiLetter(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    private static Autoscaling? ReadAutoscaling(MapReader m, BindContext context)
    {
        var map = m.Map("autoscaling", "autoscaling");
        if (map is null)
        {
            return null;
        }

        var min = map.Int("min", 1, 100_000);
        var max = map.Int("max", 1, 100_000);
        if (min is null && !map.Has("min"))
        {
            map.ReportMissing("min", "the fewest instances to run");
        }

        if (max is null && !map.Has("max"))
        {
            map.ReportMissing("max", "the most instances to run");
        }

        if (min is { } lo && max is { } hi && hi < lo)
        {
            context.Report(DiagnosticCodes.Inconsistent(map.ValueSpan("max"), map.ChildPath("max"),
                $"max {hi} is less than min {lo}", "max must be at least min"));
        }

        return new Autoscaling(min ?? 1, max ?? min ?? 1, map.Percent("target_utilisation"), map.Duration("delay")) { Cooldown = map.Duration("cooldown") };
    }

    private static Backup? ReadBackup(MapReader m)
    {
        var map = m.Map("backup", "backup");
        return map is null ? null : new Backup(map.Duration("every"), map.Duration("keep"), map.Date("restore_tested"))
        {
            RestoreRate = ReadThroughput(map, "restore_rate"),
            CrossRegion = map.Bool("cross_region"),
        };
    }

    /// <summary>
    /// <c>consumers:</c> a queue's consumers, each <c>component.operation</c> (it takes every message) or
    /// <c>{ to: component.operation, share: 1% }</c> (it takes that share: its topics or filter).
    /// </summary>
    private static (ImmutableArray<OperationRef> Consumers, ImmutableDictionary<OperationRef, double> Shares) ReadConsumers(MapReader m, BindContext context)
    {
        var builder = ImmutableArray.CreateBuilder<OperationRef>();
        var shares = ImmutableDictionary.CreateBuilder<OperationRef, double>();
        foreach (var (node, path) in m.Items("consumers"))
        {
            if (node is YamlScalar scalar)
            {
                if (ParseOperationRef(scalar, path, context) is { } reference)
                {
                    builder.Add(reference);
                }

                continue;
            }

            var map = MapReader.Open(node, path, "consumer", context);
            if (map is null)
            {
                continue;
            }

            var to = ReadOperationRef(map, "to", context);
            if (to is null && !map.Has("to"))
            {
                map.ReportMissing("to", "the component.operation that consumes the messages, such as 'mailer.send'");
            }

            var share = map.Ratio("share");
            if (share is 0)
            {
                context.Report(DiagnosticCodes.OutOfRange(map.ValueSpan("share"), map.ChildPath("share"), "0", "above 0 and at most 100%"));
            }

            if (to is { } t)
            {
                builder.Add(t);
                if (share is > 0 and var s)
                {
                    shares[t] = s;
                }
            }
        }

        return (builder.ToImmutable(), shares.ToImmutable());
    }

    /// <summary><c>cells: { count, key, router }</c>: instances and replicas must divide evenly over the cells.</summary>
    private static Cells? ReadCells(MapReader m, int instances, int replicas, BindContext context)
    {
        var map = m.Map("cells", "cells");
        if (map is null)
        {
            return null;
        }

        var count = map.Int("count", 1, 100_000);
        if (count is null)
        {
            if (!map.Has("count"))
            {
                map.ReportMissing("count", "how many isolated cells, such as 100");
            }

            return null;
        }

        var n = count.Value;
        foreach (var (field, value) in new[] { ("instances", instances), ("replicas", replicas) })
        {
            if (value % n != 0 || (field == "instances" && value < n))
            {
                var at = m.Has(field) ? m.ChildPath(field) : map.ChildPath("count");
                context.Report(DiagnosticCodes.Inconsistent(context.BuildSpan(at), at,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value} {field} do not spread evenly over {n} cells"),
                    "instances and replicas are totals over all cells, the same number in each: make them a multiple of cells.count"));
            }
        }

        return new Cells(n, map.String("key"), map.String("router"), map.Path);
    }

    private static ImmutableArray<Operation> ReadOperations(MapReader component, string componentName, BindContext context)
    {
        var builder = ImmutableArray.CreateBuilder<Operation>();
        foreach (var (key, node, path) in component.NamedEntries("operations", "operation"))
        {
            var caller = componentName + "." + key.Value;

            // An operation with nothing to say ('publish:' or 'publish: {}') is still an operation.
            if (node is YamlScalar { IsNull: true })
            {
                builder.Add(new Operation(key.Value, componentName, null, null, null, null, [], path));
                continue;
            }

            var m = MapReader.Open(node, path, "operation", context);
            if (m is null)
            {
                continue;
            }

            var calls = ImmutableArray.CreateBuilder<Call>();
            var index = 0;
            foreach (var (callNode, callPath) in m.Items("calls"))
            {
                if (ReadCall(callNode, callPath, caller, index, context) is { } call)
                {
                    calls.Add(call);
                }

                index++;
            }

            builder.Add(new Operation(
                key.Value,
                componentName,
                ReadLatency(m, context),
                m.Enum<AccessType>("type"),
                m.Bool("idempotent"),
                m.Rate("capacity"),
                calls.ToImmutable(),
                path)
            {
                Rows = m.Number("rows", 0, 1e12),
                Response = m.Size("response"),
                Reads = m.StringList("reads"),
                Writes = m.StringList("writes"),
                Consistency = m.Enum<Consistency>("consistency"),
            });
        }

        return builder.ToImmutable();
    }

    private static LatencyProfile? ReadLatency(MapReader m, BindContext context)
    {
        var map = m.Map("latency", "latency");
        if (map is null)
        {
            return null;
        }

        var profile = new LatencyProfile(map.Duration("p50"), map.Duration("p90"), map.Duration("p99"), map.Duration("p999"), map.Duration("mean"));
        (string Name, Duration? Value)[] ordered = [("p50", profile.P50), ("p90", profile.P90), ("p99", profile.P99), ("p999", profile.P999)];
        (string Name, Duration Value)? previous = null;
        foreach (var (name, value) in ordered)
        {
            if (value is not { } v)
            {
                continue;
            }

            if (previous is { } p && v.Seconds < p.Value.Seconds)
            {
                context.Report(DiagnosticCodes.LatencyPercentilesDecrease(map.ValueSpan(name), map.ChildPath(name), p.Name, name));
            }

            previous = (name, v);
        }

        return profile;
    }

    private static Call? ReadCall(YamlNode node, string path, string caller, int index, BindContext context)
    {
        var m = MapReader.Open(node, path, "call", context);
        if (m is null)
        {
            return null;
        }

        var to = ReadOperationRef(m, "to", context);
        if (to is null && !m.Has("to"))
        {
            m.ReportMissing("to", "the component.operation it calls, such as 'links-db.get'");
        }

        var (fallback, fallbackTo) = ReadFallback(m, context);
        return new Call(
            to ?? default,
            m.Ratio("probability"),
            m.Number("count", 0, 1_000_000, minExclusive: true) ?? 1,
            m.Duration("timeout"),
            ReadRetries(m, context),
            ReadCircuitBreaker(m),
            m.Bool("async") ?? false,
            fallback,
            caller,
            index,
            path)
        {
            FallbackTo = fallbackTo,
            Parallel = m.Bool("parallel") ?? false,
            Security = ReadChannelSecurity(m),
            LoadBalancing = m.Enum<LoadBalancing>("load_balancing"),
            Bulkhead = ReadBulkhead(m),
        };
    }

    /// <summary><c>bulkhead: { max_concurrent, max_queued }</c> on a call: per caller instance.</summary>
    private static Bulkhead? ReadBulkhead(MapReader m)
    {
        var map = m.Map("bulkhead", "bulkhead");
        if (map is null)
        {
            return null;
        }

        var concurrent = map.Int("max_concurrent", 1, 1_000_000);
        if (concurrent is null && !map.Has("max_concurrent"))
        {
            map.ReportMissing("max_concurrent", "how many calls one caller instance may have in flight to the callee at once, such as 20");
        }

        var queued = map.Int("max_queued", 0, 1_000_000);
        return concurrent is { } c ? new Bulkhead(c, queued ?? 0, map.Path) : null;
    }

    /// <summary><c>admission: { max_in_flight, max_queued, max_queue_time, adaptive, by_criticality }</c>: per instance; one bound is needed.</summary>
    private static AdmissionControl? ReadAdmission(MapReader m, BindContext context)
    {
        var map = m.Map("admission", "admission");
        if (map is null)
        {
            return null;
        }

        var inFlight = map.Int("max_in_flight", 1, 1_000_000);
        var queued = map.Int("max_queued", 0, 1_000_000);
        var queueTime = map.Duration("max_queue_time");
        var adaptive = map.Bool("adaptive") ?? false;
        if (!map.Has("max_in_flight") && !map.Has("max_queue_time") && !map.Has("adaptive"))
        {
            context.Report(DiagnosticCodes.OneOfRequired(map.Span, map.Path, "admission", ["max_in_flight", "max_queue_time", "adaptive"]));
        }

        if (map.Has("max_queued") && !map.Has("max_in_flight") && !adaptive)
        {
            map.ReportMissing("max_in_flight", "the requests one instance has in progress before others queue, such as 200: max_queued counts those waiting behind them");
        }

        return new AdmissionControl(inFlight, queued, queueTime, adaptive, map.Bool("by_criticality") ?? false, map.Path);
    }

    /// <summary>
    /// <c>fallback: some text</c> (what the caller does instead: a degraded answer) or
    /// <c>fallback: { to: component.operation, description: ... }</c> (another operation that can
    /// answer in its place). The text of the second is its description, or "fall back to X".
    /// </summary>
    private static (string? Text, OperationRef? To) ReadFallback(MapReader m, BindContext context)
    {
        switch (m.Node("fallback"))
        {
            case null:
                return (null, null);
            case YamlScalar:
                return (m.String("fallback"), null);
            default:
                var map = m.Map("fallback", "fallback");
                if (map is null)
                {
                    return (null, null);
                }

                var to = ReadOperationRef(map, "to", context);
                if (to is null && !map.Has("to"))
                {
                    map.ReportMissing("to", "the component.operation that answers when the call fails, such as 'ledger-queue.publish'");
                }

                var description = map.String("description");
                return (description ?? (to is { } t ? $"fall back to {t}" : null), to);
        }
    }

    private static RetryPolicy? ReadRetries(MapReader m, BindContext context)
    {
        var node = m.Node("retries");
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar)
        {
            var max = m.Int("retries", 0, 10);
            return max is null ? null : new RetryPolicy(max.Value, null, null, null, null);
        }

        var map = MapReader.Open(node, m.ChildPath("retries"), "retries", context);
        if (map is null)
        {
            return null;
        }

        var count = map.Int("max", 0, 10);
        if (count is null && !map.Has("max"))
        {
            map.ReportMissing("max", "how many extra attempts, such as 2");
        }

        return new RetryPolicy(count ?? 0, map.Enum<BackoffKind>("backoff"), map.Duration("base"), map.Duration("max_delay"), map.Enum<JitterKind>("jitter"));
    }

    private static CircuitBreakerPolicy? ReadCircuitBreaker(MapReader m)
    {
        var map = m.Map("circuit_breaker", "circuit_breaker");
        if (map is null)
        {
            return null;
        }

        return new CircuitBreakerPolicy(
            map.Percent("failure_rate") ?? Percent.FromFraction(0.5),
            map.Duration("window") ?? Duration.FromSeconds(10),
            map.Int("min_calls", 1, 1_000_000) ?? 20,
            map.Duration("open_for") ?? Duration.FromSeconds(30));
    }
}
