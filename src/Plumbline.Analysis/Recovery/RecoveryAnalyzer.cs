using System.Collections.Immutable;
using System.Globalization;
using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Explain;
using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Recovery;

/// <summary>
/// Durability and recovery of every store (see docs/recovery.md): for one instance, a zone, a region and
/// logical corruption, the data a failure loses (RPO) and how long writes are down (RTO), from how the store
/// keeps copies, fails over and restores; the restore time as the data grows; the chance of losing data in a
/// year; and the targets the requirements set. Pure: reads the design and the estimate's storage model, no
/// clock. Cost: one pass over components and entities, one walk of the call graph per workflow, and one
/// month-by-month pass per store over its entities up to the longest horizon.
/// </summary>
public static class RecoveryAnalyzer
{
    private const string Default = FigureSources.Default;
    private const string Derived = FigureSources.Derived;

    public static RecoveryReport Analyze(SystemDesign design, EstimateOptions? options = null) =>
        Analyze(LoadModel.Compile(design, options));

    public static RecoveryReport Analyze(LoadModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var design = model.Design;
        var graph = model.Graph;
        var values = model.BaselineValues();
        var growth = LoadModel.MonthlyGrowth(values);
        var targets = WorkflowTargets(model);
        var regionOfZone = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var region in design.Regions)
        {
            foreach (var zone in region.Zones)
            {
                regionOfZone.TryAdd(zone, region.Name);
            }
        }

        var stores = ImmutableArray.CreateBuilder<StoreRecovery>();
        var assumed = new SortedSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < graph.Components.Length; c++)
        {
            var component = graph.Components[c];
            var owned = model.EntitiesOwnedBy(c);
            if (!Keeps(component, owned.Length))
            {
                continue;
            }

            var store = new StoreWork(model, values, growth, component, owned, regionOfZone, assumed);
            stores.Add(store.Build(targets[c]));
        }

        return new RecoveryReport(design.System.Name, model.Options.Horizons, stores.ToImmutable(), [.. assumed]);
    }

    /// <summary>Stores whose loss loses data: databases, object stores, queues and search indexes, and any stateful component that owns an entity (a cache only then).</summary>
    private static bool Keeps(Component component, int ownedEntities) =>
        component.Kind switch
        {
            ComponentKind.Database or ComponentKind.ObjectStore or ComponentKind.Queue or ComponentKind.Search => true,
            ComponentKind.External or ComponentKind.Client => false,
            _ => ownedEntities > 0 && component.IsStateful,
        };

    /// <summary>Targets set by workflows, per component: RPO on the stores a workflow writes, RTO on those it waits on.</summary>
    private static (RecoveryTarget? Rpo, RecoveryTarget? Rto, ImmutableArray<string> Lossless)[] WorkflowTargets(LoadModel model)
    {
        var graph = model.Graph;
        var result = new (RecoveryTarget? Rpo, RecoveryTarget? Rto, ImmutableArray<string> Lossless)[graph.Components.Length];
        var lossless = new List<string>?[graph.Components.Length];
        var seen = new int[graph.Operations.Length];
        var syncSeen = new int[graph.Operations.Length];
        var stamp = 0;
        var stack = new Stack<(int Op, bool Sync)>();
        foreach (var workflow in model.Design.Workflows)
        {
            var entry = workflow.Recovery.IsStated ? graph.IndexOf(workflow.Entry) : -1;
            if (entry < 0)
            {
                continue;
            }

            stamp++;
            stack.Push((entry, true));
            while (stack.Count > 0)
            {
                var (op, sync) = stack.Pop();
                if (sync ? syncSeen[op] == stamp : seen[op] == stamp)
                {
                    continue;
                }

                seen[op] = stamp;
                if (sync)
                {
                    syncSeen[op] = stamp;
                }

                var c = graph.ComponentOf[op];
                if (workflow.Recovery.Rpo is { } rpo && model.OperationTypes[op] == AccessType.Write)
                {
                    result[c].Rpo = Tighter(result[c].Rpo, new RecoveryTarget(rpo.Seconds, "workflow " + workflow.Name, workflow.Path + "/rpo"));
                    if (rpo.Seconds == 0 && !(lossless[c] ??= []).Contains(workflow.Name))
                    {
                        lossless[c]!.Add(workflow.Name);
                    }
                }

                if (sync && workflow.Recovery.Rto is { } rto)
                {
                    result[c].Rto = Tighter(result[c].Rto, new RecoveryTarget(rto.Seconds, "workflow " + workflow.Name, workflow.Path + "/rto"));
                }

                foreach (var e in graph.Outgoing[op])
                {
                    var edge = graph.Edges[e];
                    stack.Push((edge.To, sync && edge.Kind == EdgeKind.Sync));
                }
            }
        }

        for (var c = 0; c < result.Length; c++)
        {
            result[c].Lossless = lossless[c] is { } names ? [.. names] : [];
        }

        return result;
    }

    internal static RecoveryTarget? Tighter(RecoveryTarget? current, RecoveryTarget candidate) =>
        current is null || candidate.Seconds < current.Seconds ? candidate : current;

    /// <summary>One store's arithmetic, with the inputs it quotes.</summary>
    private sealed class StoreWork
    {
        private readonly LoadModel _model;
        private readonly double[] _values;
        private readonly double _growth;
        private readonly Component _c;
        private readonly ImmutableArray<int> _owned;
        private readonly IReadOnlyDictionary<string, string> _regionOfZone;
        private readonly ISet<string> _assumed;

        public StoreWork(LoadModel model, double[] values, double growth, Component component, ImmutableArray<int> owned, IReadOnlyDictionary<string, string> regionOfZone, ISet<string> assumed)
        {
            _model = model;
            _values = values;
            _growth = growth;
            _c = component;
            _owned = owned;
            _regionOfZone = regionOfZone;
            _assumed = assumed;
        }

        private SystemDesign Design => _model.Design;

        private string P(string field) => _c.Path + "/" + field;

        private FigureInput In(string name, double value, FigureUnit unit, string path) =>
            new(name, value, unit, path, Design.SourceMap.LineOf(path));

        private FigureInput Assumed(string name, double value, FigureUnit unit, string what)
        {
            _assumed.Add(what);
            return new FigureInput(name, value, unit, Default, 0);
        }

        private static FigureInput Of(string name, double value, FigureUnit unit) => new(name, value, unit, Derived, 0);

        private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

        public StoreRecovery Build((RecoveryTarget? Rpo, RecoveryTarget? Rto, ImmutableArray<string> Lossless) workflowTargets)
        {
            var copies = Copies();
            var n = (int)copies.Value!.Value;
            var (mode, acks) = WriteAcks(n);
            var k = (int)acks.Value!.Value;
            var lag = Lag();
            var failover = FailoverTime(out var failoverText);
            var restore = RestoreTimes(out var restoreRate);
            var zones = _c.Zones;
            var zoneCount = Math.Max(1, zones.Length);

            var domains = ImmutableArray.CreateBuilder<DomainRecovery>();
            domains.Add(Scope(FailureScope.Instance, n, 1, k, mode, lag, failover, restore, "one instance and its disk: the primary of one shard"));
            var inZone = (int)Math.Ceiling(n / (double)zoneCount);
            domains.Add(Scope(FailureScope.Zone, n, inZone, k, mode, lag, failover, restore,
                zones.IsEmpty ? "no zones stated: every copy is taken to share one zone" : Inv($"the primary's zone ({zones[0]}) with {inZone} of {n} copies (copies go round-robin over {zones.Length} zone{(zones.Length == 1 ? "" : "s")})")));
            domains.Add(RegionScope(n, zones, failover, restore));
            domains.Add(CorruptionScope(n, restore));

            var rpo = workflowTargets.Rpo;
            var rto = workflowTargets.Rto;
            DurabilityTarget? durabilityTarget = null;
            var entities = ImmutableArray.CreateBuilder<string>();
            foreach (var e in _owned)
            {
                var entity = Design.Data[e];
                entities.Add(entity.Name);
                if (entity.Recovery.Rpo is { } r)
                {
                    rpo = Tighter(rpo, new RecoveryTarget(r.Seconds, "entity " + entity.Name, entity.Path + "/rpo"));
                }

                if (entity.Recovery.Rto is { } t)
                {
                    rto = Tighter(rto, new RecoveryTarget(t.Seconds, "entity " + entity.Name, entity.Path + "/rto"));
                }

                if (entity.Durability is { } d && (durabilityTarget is null || d.Fraction > durabilityTarget.Durability))
                {
                    durabilityTarget = new DurabilityTarget(d.Fraction, "entity " + entity.Name, entity.Path + "/durability");
                }
            }

            var durability = Durability(n, zones, restoreRate);
            return new StoreRecovery(_c.Name, _c.Kind, _c.Path, copies, acks, ModeText(mode, n, k, lag), failoverText, domains.ToImmutable(), restore,
                durability, rpo, rto, durabilityTarget, entities.ToImmutable())
            {
                RestoreOutgrowsRtoMonth = rto is { } target && restore.Length > 0 ? OutgrowsMonth(target.Seconds, restoreRate) : null,
                LosslessWorkflows = workflowTargets.Lossless,
            };
        }

        private Figure Copies()
        {
            var (copies, basis) = StoreCopies.Of(_c);
            return basis switch
            {
                CopiesBasis.Stated => new Figure("copies of each shard", copies, FigureUnit.Count, "replication.copies", [In("copies", copies, FigureUnit.Count, P("replication/copies"))]),
                CopiesBasis.OnePerZone => new Figure("copies of each shard", copies, FigureUnit.Count, "an object store keeps a copy in each of its zones",
                    [Assumed("copies (one per zone)", copies, FigureUnit.Count, "an object store keeps one copy of each object in each of its zones")]),
                _ => new Figure("copies of each shard", copies, FigureUnit.Count, "1 + replicas / instances",
                    [In("replicas", _c.Replicas, FigureUnit.Count, P("replicas")), In("instances", _c.Instances, FigureUnit.Count, P("instances"))]),
            };
        }

        private (ReplicationMode? Mode, Figure Acks) WriteAcks(int n)
        {
            if (n == 1)
            {
                return (null, new Figure("copies that have a write when it is acknowledged", 1, FigureUnit.Count, "one copy: the write is on it alone", []));
            }

            var stated = _c.Replication?.Mode;
            var objectStore = _c.Kind == ComponentKind.ObjectStore;
            var mode = stated ?? (_c.Quorum?.Writes is { K: > 1 } ? ReplicationMode.Quorum : objectStore ? ReplicationMode.Synchronous : ReplicationMode.Asynchronous);
            var source = stated is not null ? In("replication.mode", (int)mode, FigureUnit.Count, P("replication/mode"))
                : _c.Quorum?.Writes is { K: > 1 } ? In("quorum.writes", _c.Quorum.Writes.Value.K, FigureUnit.Count, P("quorum"))
                : objectStore ? Assumed("replication.mode (synchronous)", 0, FigureUnit.Count, "an object store acknowledges a write once its copies in other zones have it")
                : Assumed("replication.mode (asynchronous)", 0, FigureUnit.Count, "a store with copies and no replication.mode replicates asynchronously");
            switch (mode)
            {
                case ReplicationMode.Synchronous:
                    return (mode, new Figure("copies that have a write when it is acknowledged", Math.Min(2, n), FigureUnit.Count, "synchronous: the primary and one standby", [source]));
                case ReplicationMode.Quorum when _c.Quorum?.Writes is { } w:
                    return (mode, new Figure("copies that have a write when it is acknowledged", w.K, FigureUnit.Count, "the write quorum k of quorum.writes (k of n)",
                        [In("k", w.K, FigureUnit.Count, P("quorum"))]));
                case ReplicationMode.Quorum:
                    var majority = (n / 2) + 1;
                    return (mode, new Figure("copies that have a write when it is acknowledged", majority, FigureUnit.Count, "a majority of the copies: floor(n / 2) + 1",
                        [Of("n", n, FigureUnit.Count), Assumed("write quorum (majority)", majority, FigureUnit.Count, "a quorum store with no quorum.writes acknowledges on a majority of its copies")]));
                default:
                    return (mode, new Figure("copies that have a write when it is acknowledged", 1, FigureUnit.Count, "asynchronous: the primary alone", [source]));
            }
        }

        private FigureInput Lag()
        {
            if (_c.Replication?.Lag is { } lag)
            {
                return In("replication lag", lag.Seconds, FigureUnit.Seconds, P("replication/lag"));
            }

            return Assumed("replication lag", RecoveryDefaults.LagSeconds, FigureUnit.Seconds, "asynchronous copies trail the primary by 1s (replication.lag)");
        }

        private Figure FailoverTime(out string text)
        {
            if (_c.Failover is { Mode: FailoverMode.Manual } manual)
            {
                var time = manual.Time is { } t ? In("manual failover", t.Seconds, FigureUnit.Seconds, P("failover/time"))
                    : Assumed("manual failover", RecoveryDefaults.ManualFailoverSeconds, FigureUnit.Seconds, "a manual failover takes 30m (failover.time)");
                text = "manual";
                return new Figure("failover", time.Value, FigureUnit.Seconds, "the manual failover's stated time", [time]);
            }

            var detection = _c.Failover?.Detection is { } d ? In("detection", d.Seconds, FigureUnit.Seconds, P("failover/detection"))
                : Assumed("detection", RecoveryDefaults.DetectionSeconds, FigureUnit.Seconds, "an automatic failover detects a lost primary in 30s (failover.detection)");
            var promotion = _c.Failover?.Promotion is { } p ? In("promotion", p.Seconds, FigureUnit.Seconds, P("failover/promotion"))
                : Assumed("promotion", RecoveryDefaults.PromotionSeconds, FigureUnit.Seconds, "an automatic failover promotes a copy in 30s (failover.promotion)");
            text = _c.Failover is null ? "automatic (assumed)" : "automatic";
            return new Figure("failover", detection.Value + promotion.Value, FigureUnit.Seconds, "detection + promotion", [detection, promotion]);
        }

        private double ShardBytesAt(double months, out bool known)
        {
            var total = 0.0;
            known = false;
            foreach (var e in _owned)
            {
                var entity = Design.Data[e];
                if (entity.RecordSize is null || (entity.NewRecords is null && entity.InitialRecords is null))
                {
                    continue;
                }

                var numbers = Numbers.Entity(_model, _values, e);
                total += numbers.RecordsAt(months, _growth) * numbers.RecordSize;
                known = true;
            }

            return total / Math.Max(1, _c.Instances);
        }

        private ImmutableArray<Figure> RestoreTimes(out FigureInput rate)
        {
            rate = _c.Backup?.RestoreRate is { } r
                ? In("restore rate (bytes/s)", r.BytesPerSecond, FigureUnit.BytesPerSecond, P("backup/restore_rate"))
                : Assumed("restore rate (bytes/s)", RecoveryDefaults.RestoreBytesPerSecond, FigureUnit.BytesPerSecond, "a backup restores at 100MB/s per shard (backup.restore_rate)");
            if (_c.Backup is null || _owned.IsEmpty)
            {
                return [];
            }

            var builder = ImmutableArray.CreateBuilder<Figure>();
            foreach (var months in (ImmutableArray<double>)[0, .. _model.Options.Horizons])
            {
                var label = months == 0 ? "today" : Inv($"at {months:0.##} months");
                var bytes = ShardBytesAt(months, out var known);
                builder.Add(known
                    ? new Figure($"restore {label}", bytes / rate.Value, FigureUnit.Seconds, "one shard's data / restore rate (shards restore in parallel)",
                        [Of($"one shard's data {label}", bytes, FigureUnit.Bytes), rate, In("instances (shards)", _c.Instances, FigureUnit.Count, P("instances"))])
                    : Figure.Unknown($"restore {label}", FigureUnit.Seconds, "no record_size and new_records stated for the data it holds"));
            }

            return builder.ToImmutable();
        }

        private FigureInput BackupEvery() =>
            _c.Backup?.Every is { } every
                ? In("backup.every", every.Seconds, FigureUnit.Seconds, P("backup/every"))
                : Assumed("backup.every", RecoveryDefaults.BackupEverySeconds, FigureUnit.Seconds, "a backup with no 'every' is taken daily");

        private static Figure Zero(string name, string why) => new(name, 0, FigureUnit.Seconds, why, []);

        private static Figure Unbounded(string name, string why) => new(name, double.PositiveInfinity, FigureUnit.Seconds, why, []);

        private DomainRecovery Scope(FailureScope scope, int n, int lost, int k, ReplicationMode? mode, FigureInput lag, Figure failover, ImmutableArray<Figure> restore, string what)
        {
            lost = Math.Min(lost, n);
            var left = n - lost;
            if (left >= 1)
            {
                var rpo = lost < k
                    ? Zero("RPO", Inv($"0: every acknowledged write is on {k} copies and the failure takes {lost}"))
                    : new Figure("RPO", lag.Value, FigureUnit.Seconds, "the replication lag: writes acknowledged by the lost copies alone", [lag]);
                var keepsWriting = mode == ReplicationMode.Quorum && left >= k;
                var rto = keepsWriting
                    ? Zero("RTO", Inv($"0: {left} copies left still make the write quorum of {k}"))
                    : failover with { Name = "RTO" };
                return new DomainRecovery(scope, lost, left, keepsWriting ? RecoveryPath.None : RecoveryPath.Failover, rpo, rto, what);
            }

            return FromBackup(scope, lost, restore, what, backupSurvives: true);
        }

        private DomainRecovery FromBackup(FailureScope scope, int lost, ImmutableArray<Figure> restore, string what, bool backupSurvives)
        {
            if (_c.Backup is not null && backupSurvives && !restore.IsEmpty)
            {
                var every = BackupEvery();
                return new DomainRecovery(scope, lost, 0, RecoveryPath.Restore,
                    new Figure("RPO", every.Value, FigureUnit.Seconds, "the writes since the last backup: backup.every", [every]),
                    restore[0] with { Name = "RTO" }, what + "; nothing is left but the backup")
                { RtoAtHorizons = restore };
            }

            if (_c.Kind is ComponentKind.Queue or ComponentKind.Cache && _owned.IsEmpty)
            {
                return new DomainRecovery(scope, lost, 0, RecoveryPath.StartEmpty,
                    Unbounded("RPO", "every message not yet consumed: no other copy holds it"),
                    FailoverTimeOnly(), what + "; a new instance starts empty");
            }

            var why = _c.Backup is null ? "no copy is left and there is no backup" : "no copy is left and the backups are in the same region";
            return new DomainRecovery(scope, lost, 0, RecoveryPath.Lost, Unbounded("RPO", "all of it: " + why), Unbounded("RTO", "never: " + why), what);
        }

        private Figure FailoverTimeOnly() => FailoverTime(out _) with { Name = "RTO" };

        private DomainRecovery RegionScope(int n, ImmutableArray<string> zones, Figure failover, ImmutableArray<Figure> restore)
        {
            // Copies go round-robin over the zones; the primary (copy 0) is in the first zone's region.
            var primaryRegion = zones.IsEmpty ? null : _regionOfZone.GetValueOrDefault(zones[0]);
            var lost = n;
            if (primaryRegion is not null)
            {
                lost = 0;
                for (var j = 0; j < n; j++)
                {
                    if (_regionOfZone.GetValueOrDefault(zones[j % zones.Length]) == primaryRegion)
                    {
                        lost++;
                    }
                }
            }

            var left = n - lost;
            var what = primaryRegion is null ? "the region, with every copy in it" : Inv($"region {primaryRegion}, with {lost} of {n} copies");
            if (left >= 1)
            {
                var across = _c.Replication?.AcrossRegions;
                var synchronous = across?.Mode is ReplicationMode.Synchronous or ReplicationMode.Quorum;
                var lag = across?.Lag is { } l ? In("cross-region lag", l.Seconds, FigureUnit.Seconds, across.Path + "/lag")
                    : Assumed("cross-region lag", RecoveryDefaults.LagSeconds, FigureUnit.Seconds, "copies in other regions trail by 1s (replication.across_regions.lag)");
                if (across is null)
                {
                    _assumed.Add("copies in other regions follow asynchronously (replication.across_regions.mode)");
                }

                var rpo = synchronous ? Zero("RPO", "0: a write is acknowledged only once another region has it")
                    : new Figure("RPO", lag.Value, FigureUnit.Seconds, "the cross-region lag: writes not yet copied to another region", [lag]);
                return new DomainRecovery(FailureScope.Region, lost, left, RecoveryPath.Failover, rpo, failover with { Name = "RTO" }, what);
            }

            var crossRegion = _c.Backup?.CrossRegion ?? false;
            if (_c.Backup is not null && _c.Backup.CrossRegion is null)
            {
                _assumed.Add("backups are kept in the store's own region (backup.cross_region)");
            }

            return FromBackup(FailureScope.Region, lost, restore, what, backupSurvives: crossRegion);
        }

        private DomainRecovery CorruptionScope(int n, ImmutableArray<Figure> restore)
        {
            const string what = "a bad write, migration or deletion, which every copy repeats";
            if (_c.Backup is not null && !restore.IsEmpty)
            {
                return FromBackup(FailureScope.Corruption, n, restore, what, backupSurvives: true);
            }

            var why = _c.Backup is null ? "no backup predates the mistake" : "nothing it holds is sized, so no restore time";
            return _c.Backup is null
                ? new DomainRecovery(FailureScope.Corruption, n, 0, RecoveryPath.Lost, Unbounded("RPO", "all of it: " + why), Unbounded("RTO", "never: " + why), what)
                : new DomainRecovery(FailureScope.Corruption, n, 0, RecoveryPath.Restore, new Figure("RPO", BackupEvery().Value, FigureUnit.Seconds, "backup.every", [BackupEvery()]),
                    Figure.Unknown("RTO", FigureUnit.Seconds, why), what);
        }

        /// <summary>The first month in which one shard's restore passes the target, scanning month by month to the longest horizon; null if never, or already today.</summary>
        private double? OutgrowsMonth(double targetSeconds, FigureInput rate)
        {
            if (ShardBytesAt(0, out var known) / rate.Value > targetSeconds || !known)
            {
                return null;
            }

            // Whole months up to the longest horizon, over a range: a counter turned around would scan for minutes.
            var last = (int)Math.Floor(_model.Options.Horizons.Max());
            foreach (var month in Enumerable.Range(1, Math.Max(0, last)))
            {
                if (ShardBytesAt(month, out _) / rate.Value > targetSeconds)
                {
                    return month;
                }
            }

            return null;
        }

        private DurabilityEstimate Durability(int n, ImmutableArray<string> zones, FigureInput restoreRate)
        {
            var afr = _c.Replication?.AnnualFailureRate is { } a
                ? In("annual failure rate of a copy", a.Fraction, FigureUnit.Ratio, P("replication/annual_failure_rate"))
                : Assumed("annual failure rate of a copy", RecoveryDefaults.AnnualFailureRate, FigureUnit.Ratio, "a copy is lost for good at 2% a year (replication.annual_failure_rate)");
            FigureInput repair;
            if (_c.Replication?.Repair is { } r)
            {
                repair = In("repair (s)", r.Seconds, FigureUnit.Seconds, P("replication/repair"));
            }
            else
            {
                var bytes = ShardBytesAt(_model.Options.Horizons.Max(), out _);
                repair = Assumed("repair (s)", Math.Max(RecoveryDefaults.MinimumRepairSeconds, bytes / restoreRate.Value), FigureUnit.Seconds,
                    "a lost copy is replaced in the time to copy a shard's data at the restore rate at the longest horizon, at least 1h (replication.repair)");
            }

            var year = (double)Plumbline.Design.Units.Calendar.SecondsPerYear;
            var shards = Math.Max(1, _c.Instances);
            var lambda = afr.Value / (double)year;
            // A repair of 0 s is instant: 1 / 0 is +infinity, and so is the MTTDL.
            var mu = 1 / repair.Value;
            // A copy that never fails (0% a year): 1 / 0 is +infinity, and so is every factor μ / (iλ), so the MTTDL is too.
            var shardMttdl = DataLoss.ApproximateMttdl(n, lambda, mu);
            var mttdl = new Figure("mean time to data loss", shardMttdl / shards, FigureUnit.Seconds,
                "MTTF^n / (n! x MTTR^(n-1)) for one shard, divided by the shards",
                [Of("n (copies)", n, FigureUnit.Count), afr, repair, In("shards", shards, FigureUnit.Count, P("instances"))]);
            var independent = DataLoss.ChanceWithin(year, mttdl.Value!.Value);
            var independentFigure = new Figure("independent loss in a year", independent, FigureUnit.Ratio, "1 - exp(-1 year / MTTDL)", [Of("MTTDL (s)", mttdl.Value.Value, FigureUnit.Seconds)]);

            var zoneNames = Enumerable.Range(0, Math.Min(n, zones.Length)).Select(j => zones[j]).Distinct(StringComparer.Ordinal).ToList();
            var regionNames = zoneNames.Select(z => _regionOfZone.GetValueOrDefault(z)).Distinct(StringComparer.Ordinal).ToList();
            string? shared;
            FigureInput correlated;
            if (zoneNames.Count <= 1)
            {
                shared = zoneNames.Count == 1 ? "zone " + zoneNames[0] : "one zone (none stated)";
                correlated = Assumed("zone lost outright in a year", RecoveryDefaults.ZoneLossPerYear, FigureUnit.Ratio, "a zone's storage is lost outright (fire, flood) at 0.1% a year");
            }
            else if (regionNames.Count <= 1)
            {
                shared = regionNames[0] is { } region ? "region " + region : "one region";
                correlated = Assumed("region lost outright in a year", RecoveryDefaults.RegionLossPerYear, FigureUnit.Ratio, "a region's storage is lost outright at 0.001% a year");
            }
            else
            {
                shared = null;
                correlated = Of("shared domain lost in a year", 0, FigureUnit.Ratio);
            }

            var correlatedFigure = new Figure("correlated loss in a year", correlated.Value, FigureUnit.Ratio,
                shared is null ? "0: the copies span regions" : "every copy is in " + shared, [correlated]);
            var durability = new Figure("durability", (1 - independent) * (1 - correlated.Value), FigureUnit.Availability,
                "(1 - independent loss) x (1 - correlated loss)", [Of("independent", independent, FigureUnit.Ratio), Of("correlated", correlated.Value, FigureUnit.Ratio)]);
            return new DurabilityEstimate(mttdl, independentFigure, correlatedFigure, durability, shared);
        }

        private static string ModeText(ReplicationMode? mode, int n, int k, FigureInput lag) => mode switch
        {
            null => "one copy",
            ReplicationMode.Synchronous => Inv($"synchronous, {n} copies"),
            ReplicationMode.Quorum => Inv($"quorum {k} of {n}"),
            _ => Inv($"asynchronous, {n} copies"),
        };
    }
}
