using System.Collections.Immutable;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Storage;

/// <summary>How well a store's data model serves an access pattern, from fine to unworkable.</summary>
internal enum StorageFitLevel
{
    /// <summary>The model serves the pattern well; never reported.</summary>
    Good,

    /// <summary>Workable with care; reported low.</summary>
    Weak,

    /// <summary>Works at small scale, hurts in production; reported medium.</summary>
    Poor,

    /// <summary>The model cannot serve the pattern without scanning everything; reported high.</summary>
    Unfit,
}

/// <summary>When a table entry applies: always, or only once the entity is big or fast enough to make it hurt.</summary>
internal enum StorageFitCondition
{
    /// <summary>Whatever the entity's size and rate.</summary>
    Always,

    /// <summary>The entity holds at least <see cref="StorageFit.VolumeRecords"/> records at the longest estimate horizon.</summary>
    AtVolume,

    /// <summary>Records arrive at <see cref="StorageFit.HighWriteRate"/> or more on average and the owner has one instance.</summary>
    HighWriteRateOnOneNode,

    /// <summary>Records are smaller than <see cref="StorageFit.SmallRecordBytes"/>.</summary>
    SmallRecords,
}

/// <summary>One cell of the compatibility table: a pattern on a model, how well it fits, when, and why.</summary>
internal sealed record StorageFitEntry(AccessPatternKind Pattern, StorageModel Model, StorageFitLevel Level, StorageFitCondition When, string Reason);

/// <summary>A pattern an engine serves well although its model alone would not (Redis sorted sets, DynamoDB sort keys).</summary>
internal sealed record EngineStrength(string Engine, AccessPatternKind Pattern, string Reason);

/// <summary>
/// The storage compatibility table (process step 4): which access patterns each store model serves,
/// and why not where it does not. One place, so the rules and docs/rules/storage-fit-mismatch.md
/// agree (a test compares them). Pairs not listed fit well.
/// </summary>
internal static class StorageFit
{
    /// <summary>Records at the longest horizon from which analytics on a row store hurt: 1 billion.</summary>
    public const double VolumeRecords = 1e9;

    /// <summary>Average new records per second from which one OLTP primary struggles with time-ordered inserts: 1,000/s.</summary>
    public const double HighWriteRate = 1000;

    /// <summary>Records below this size (100 KB) are too small to pay an object-store request each.</summary>
    public const double SmallRecordBytes = 100_000;

    /// <summary>Records above this size (1 MB) are blobs, whatever access the design states.</summary>
    public const double BlobRecordBytes = 1_000_000;

    public static ImmutableArray<StorageFitEntry> Table { get; } =
    [
        // point_lookup
        new(AccessPatternKind.PointLookup, StorageModel.Olap, StorageFitLevel.Poor, StorageFitCondition.Always,
            "a columnar OLAP store reads whole column blocks, so single-record lookups cost tens of milliseconds and collapse under concurrency; serve them from an OLTP or key-value store"),
        new(AccessPatternKind.PointLookup, StorageModel.TimeSeries, StorageFitLevel.Weak, StorageFitCondition.Always,
            "a time-series store indexes by series and time; a lookup by another key needs a secondary index or a separate store"),
        new(AccessPatternKind.PointLookup, StorageModel.Search, StorageFitLevel.Weak, StorageFitCondition.Always,
            "a search index refreshes asynchronously and is not a system of record; look records up in their primary store"),
        new(AccessPatternKind.PointLookup, StorageModel.Object, StorageFitLevel.Poor, StorageFitCondition.SmallRecords,
            "every object-store GET costs 10-100 ms and a per-request price, which small records do not amortise; keep them in a database and the object store for large blobs"),

        // range_scan
        new(AccessPatternKind.RangeScan, StorageModel.KeyValue, StorageFitLevel.Weak, StorageFitCondition.Always,
            "a key-value store reads by whole key; a range over a field needs ordered keys (a sort key, a sorted set) or a secondary index"),
        new(AccessPatternKind.RangeScan, StorageModel.Search, StorageFitLevel.Weak, StorageFitCondition.Always,
            "deep range pagination in a search index is slow and costly; scan ranges in the primary store"),
        new(AccessPatternKind.RangeScan, StorageModel.Object, StorageFitLevel.Poor, StorageFitCondition.Always,
            "an object store only lists keys by prefix, a page at a time; a range over a field needs an index or a query engine"),

        // time_series
        new(AccessPatternKind.TimeSeries, StorageModel.Oltp, StorageFitLevel.Poor, StorageFitCondition.HighWriteRateOnOneNode,
            "one OLTP primary takes every insert, and at this rate index maintenance, vacuum and retention deletes fall behind; use a time-series or wide-column store, or shard by series"),
        new(AccessPatternKind.TimeSeries, StorageModel.KeyValue, StorageFitLevel.Poor, StorageFitCondition.Always,
            "a key-value store keeps no order across keys, so reading a time window means knowing every key in it; use a time-series or wide-column store"),
        new(AccessPatternKind.TimeSeries, StorageModel.Document, StorageFitLevel.Weak, StorageFitCondition.Always,
            "a document store handles time-ordered data only with compound indexes and manual bucketing; a time-series store keeps it compact and expires it cheaply"),
        new(AccessPatternKind.TimeSeries, StorageModel.Search, StorageFitLevel.Weak, StorageFitCondition.Always,
            "a search index can hold time-ordered events, at several times the storage of a time-series store, and retention means dropping whole indices"),
        new(AccessPatternKind.TimeSeries, StorageModel.Object, StorageFitLevel.Weak, StorageFitCondition.Always,
            "time-window reads from an object store need a time-partitioned key layout and a query engine over it"),
        new(AccessPatternKind.TimeSeries, StorageModel.Graph, StorageFitLevel.Poor, StorageFitCondition.Always,
            "a graph store keeps no time order, so every window is a scan"),

        // aggregate
        new(AccessPatternKind.Aggregate, StorageModel.Oltp, StorageFitLevel.Poor, StorageFitCondition.AtVolume,
            "aggregates on a row store read every matching row, and at this volume they compete with transactions; keep roll-ups or running totals, or feed an OLAP store"),
        new(AccessPatternKind.Aggregate, StorageModel.Document, StorageFitLevel.Poor, StorageFitCondition.AtVolume,
            "aggregation pipelines read every matching document, and at this volume they compete with the workload; keep roll-ups or feed an OLAP store"),
        new(AccessPatternKind.Aggregate, StorageModel.KeyValue, StorageFitLevel.Poor, StorageFitCondition.Always,
            "a key-value store cannot aggregate on the server, so every aggregate reads every key; keep counters or feed an OLAP store"),
        new(AccessPatternKind.Aggregate, StorageModel.WideColumn, StorageFitLevel.Weak, StorageFitCondition.Always,
            "aggregates are partition-local at best and cross-partition ones scan the cluster; keep counters or roll-ups"),
        new(AccessPatternKind.Aggregate, StorageModel.Search, StorageFitLevel.Weak, StorageFitCondition.Always,
            "search aggregations are approximate on high-cardinality fields and memory-hungry; exact aggregates belong in an OLAP store"),
        new(AccessPatternKind.Aggregate, StorageModel.Object, StorageFitLevel.Poor, StorageFitCondition.Always,
            "an object store cannot aggregate, so every aggregate downloads the data; use a query engine or an OLAP store"),
        new(AccessPatternKind.Aggregate, StorageModel.Graph, StorageFitLevel.Poor, StorageFitCondition.Always,
            "a graph store is built for traversals, not scans; aggregates over many records are slow"),

        // full_text
        new(AccessPatternKind.FullText, StorageModel.Oltp, StorageFitLevel.Poor, StorageFitCondition.Always,
            "LIKE '%term%' scans the table, and built-in text indexes rank poorly and load the primary; add a search index fed from the store"),
        new(AccessPatternKind.FullText, StorageModel.Olap, StorageFitLevel.Poor, StorageFitCondition.Always,
            "a columnar store matches text by scanning, without relevance ranking; add a search index"),
        new(AccessPatternKind.FullText, StorageModel.KeyValue, StorageFitLevel.Unfit, StorageFitCondition.Always,
            "a key-value store only fetches by key, so searching text means reading every value; add a search index"),
        new(AccessPatternKind.FullText, StorageModel.WideColumn, StorageFitLevel.Unfit, StorageFitCondition.Always,
            "a wide-column store queries by partition key, so searching text means a full scan; add a search index"),
        new(AccessPatternKind.FullText, StorageModel.Document, StorageFitLevel.Weak, StorageFitCondition.Always,
            "a document store's text index covers simple matching, not relevance tuning, per-language stemming or facets; a search index does"),
        new(AccessPatternKind.FullText, StorageModel.TimeSeries, StorageFitLevel.Unfit, StorageFitCondition.Always,
            "a time-series store filters by series tags and time, not by text; add a search index"),
        new(AccessPatternKind.FullText, StorageModel.Object, StorageFitLevel.Unfit, StorageFitCondition.Always,
            "an object store cannot search inside objects; add a search index"),
        new(AccessPatternKind.FullText, StorageModel.Graph, StorageFitLevel.Poor, StorageFitCondition.Always,
            "a graph store indexes properties for equality, not text relevance; add a search index"),

        // graph
        new(AccessPatternKind.Graph, StorageModel.Oltp, StorageFitLevel.Poor, StorageFitCondition.Always,
            "each hop is another self-join, so traversals beyond one or two hops grow explosively; use a graph store or precompute adjacency"),
        new(AccessPatternKind.Graph, StorageModel.Olap, StorageFitLevel.Poor, StorageFitCondition.Always,
            "a traversal is a chain of point lookups, which a columnar store does worst"),
        new(AccessPatternKind.Graph, StorageModel.KeyValue, StorageFitLevel.Poor, StorageFitCondition.Always,
            "each hop is a round trip to the store, so deep traversals multiply latency; use a graph store or precompute adjacency"),
        new(AccessPatternKind.Graph, StorageModel.WideColumn, StorageFitLevel.Poor, StorageFitCondition.Always,
            "each hop is a round trip to another partition, so deep traversals multiply latency; use a graph store or precompute adjacency"),
        new(AccessPatternKind.Graph, StorageModel.Document, StorageFitLevel.Poor, StorageFitCondition.Always,
            "graph lookups in a document store are slow and do not shard; deep traversals need a graph store"),
        new(AccessPatternKind.Graph, StorageModel.TimeSeries, StorageFitLevel.Unfit, StorageFitCondition.Always,
            "a time-series store has no relationships to follow"),
        new(AccessPatternKind.Graph, StorageModel.Search, StorageFitLevel.Unfit, StorageFitCondition.Always,
            "a search index has no joins or relationships to follow"),
        new(AccessPatternKind.Graph, StorageModel.Object, StorageFitLevel.Unfit, StorageFitCondition.Always,
            "an object store has no relationships or queries"),

        // blob (reported by blob-in-database)
        new(AccessPatternKind.Blob, StorageModel.Oltp, StorageFitLevel.Poor, StorageFitCondition.Always,
            "large values bloat pages, replication, backups and every query that touches the table; keep the bytes in an object store and their key in the row"),
        new(AccessPatternKind.Blob, StorageModel.Olap, StorageFitLevel.Poor, StorageFitCondition.Always,
            "large binaries defeat columnar compression and slow every scan; keep the bytes in an object store"),
        new(AccessPatternKind.Blob, StorageModel.KeyValue, StorageFitLevel.Poor, StorageFitCondition.Always,
            "large values stall the store's request handling and hit item limits (400 KB in DynamoDB); keep the bytes in an object store"),
        new(AccessPatternKind.Blob, StorageModel.WideColumn, StorageFitLevel.Poor, StorageFitCondition.Always,
            "large cells slow compaction, repair and streaming (values should stay under 1 MB); keep the bytes in an object store"),
        new(AccessPatternKind.Blob, StorageModel.Document, StorageFitLevel.Poor, StorageFitCondition.Always,
            "documents are size-capped (16 MB in MongoDB) and read and replicated whole; keep the bytes in an object store"),
        new(AccessPatternKind.Blob, StorageModel.TimeSeries, StorageFitLevel.Unfit, StorageFitCondition.Always,
            "a time-series store holds small points, not binaries; keep the bytes in an object store"),
        new(AccessPatternKind.Blob, StorageModel.Search, StorageFitLevel.Unfit, StorageFitCondition.Always,
            "binaries bloat a search index and cannot be searched; keep the bytes in an object store"),
        new(AccessPatternKind.Blob, StorageModel.Graph, StorageFitLevel.Unfit, StorageFitCondition.Always,
            "a graph store holds small properties on nodes and edges, not binaries; keep the bytes in an object store"),
    ];

    /// <summary>Engines that serve a pattern well although their model alone would not; these override the table.</summary>
    public static ImmutableArray<EngineStrength> EngineStrengths { get; } =
    [
        new("redis", AccessPatternKind.RangeScan, "sorted sets serve ordered ranges"),
        new("valkey", AccessPatternKind.RangeScan, "sorted sets serve ordered ranges"),
        new("dynamodb", AccessPatternKind.RangeScan, "sort keys serve ranges within a partition"),
    ];

    /// <summary>Engines by the model they serve, for stores that do not state a model. Matched against the engine's words.</summary>
    public static ImmutableArray<(string Engine, StorageModel Model)> EngineModels { get; } =
    [
        ("postgresql", StorageModel.Oltp), ("postgres", StorageModel.Oltp), ("mysql", StorageModel.Oltp), ("mariadb", StorageModel.Oltp),
        ("aurora", StorageModel.Oltp), ("oracle", StorageModel.Oltp), ("sqlserver", StorageModel.Oltp), ("cockroachdb", StorageModel.Oltp),
        ("spanner", StorageModel.Oltp), ("yugabytedb", StorageModel.Oltp), ("tidb", StorageModel.Oltp), ("sqlite", StorageModel.Oltp),
        ("clickhouse", StorageModel.Olap), ("bigquery", StorageModel.Olap), ("redshift", StorageModel.Olap), ("snowflake", StorageModel.Olap),
        ("druid", StorageModel.Olap), ("pinot", StorageModel.Olap), ("duckdb", StorageModel.Olap), ("vertica", StorageModel.Olap),
        ("redis", StorageModel.KeyValue), ("valkey", StorageModel.KeyValue), ("memcached", StorageModel.KeyValue), ("dynamodb", StorageModel.KeyValue),
        ("etcd", StorageModel.KeyValue), ("riak", StorageModel.KeyValue), ("foundationdb", StorageModel.KeyValue),
        ("cassandra", StorageModel.WideColumn), ("scylla", StorageModel.WideColumn), ("scylladb", StorageModel.WideColumn),
        ("hbase", StorageModel.WideColumn), ("bigtable", StorageModel.WideColumn), ("keyspaces", StorageModel.WideColumn),
        ("mongodb", StorageModel.Document), ("mongo", StorageModel.Document), ("couchdb", StorageModel.Document), ("couchbase", StorageModel.Document),
        ("firestore", StorageModel.Document), ("documentdb", StorageModel.Document), ("cosmosdb", StorageModel.Document),
        ("influxdb", StorageModel.TimeSeries), ("timescaledb", StorageModel.TimeSeries), ("prometheus", StorageModel.TimeSeries),
        ("victoriametrics", StorageModel.TimeSeries), ("questdb", StorageModel.TimeSeries), ("timestream", StorageModel.TimeSeries),
        ("elasticsearch", StorageModel.Search), ("opensearch", StorageModel.Search), ("solr", StorageModel.Search),
        ("meilisearch", StorageModel.Search), ("typesense", StorageModel.Search),
        ("s3", StorageModel.Object), ("gcs", StorageModel.Object), ("minio", StorageModel.Object),
        ("neo4j", StorageModel.Graph), ("neptune", StorageModel.Graph), ("janusgraph", StorageModel.Graph), ("dgraph", StorageModel.Graph),
        ("tigergraph", StorageModel.Graph),
    ];

    /// <summary>The table's entry for a pattern on a model, or null when the model serves it well.</summary>
    public static StorageFitEntry? Find(AccessPatternKind pattern, StorageModel model)
    {
        foreach (var entry in Table)
        {
            if (entry.Pattern == pattern && entry.Model == model)
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The strength of the component's engine for a pattern, or null.</summary>
    public static EngineStrength? StrengthOf(Component component, AccessPatternKind pattern)
    {
        var words = StorageFacts.Words(component.Engine);
        foreach (var strength in EngineStrengths)
        {
            if (strength.Pattern == pattern && words.Contains(strength.Engine))
            {
                return strength;
            }
        }

        return null;
    }

    /// <summary>
    /// The model a store serves: as stated, else from its engine, else from its kind (object store,
    /// search, cache). <paramref name="inferredFrom"/> says how it was inferred, or is null when stated.
    /// Null when nothing tells (a database with no model and an unknown engine, or not a store).
    /// </summary>
    public static StorageModel? ModelOf(Component component, out string? inferredFrom)
    {
        inferredFrom = null;
        if (component.Model is { } stated)
        {
            return stated;
        }

        if (component.Kind is not (ComponentKind.Database or ComponentKind.Cache or ComponentKind.ObjectStore or ComponentKind.Search))
        {
            return null;
        }

        var words = StorageFacts.Words(component.Engine);
        foreach (var (engine, model) in EngineModels)
        {
            if (words.Contains(engine))
            {
                inferredFrom = $"engine {component.Engine}";
                return model;
            }
        }

        inferredFrom = $"kind {EnumNames.Text(component.Kind)}";
        return component.Kind switch
        {
            ComponentKind.ObjectStore => StorageModel.Object,
            ComponentKind.Search => StorageModel.Search,
            ComponentKind.Cache => StorageModel.KeyValue,
            _ => NoModel(out inferredFrom),
        };
    }

    /// <summary>Whether an entry's condition holds for an entity in its owner; unknown numbers never hold.</summary>
    public static bool Holds(StorageFitEntry entry, Entity entity, Component owner, double? recordsAtLongestHorizon) => entry.When switch
    {
        StorageFitCondition.AtVolume => recordsAtLongestHorizon >= VolumeRecords,
        StorageFitCondition.HighWriteRateOnOneNode => entity.NewRecords is { } rate && rate.PerSecond >= HighWriteRate && owner.Instances == 1,
        StorageFitCondition.SmallRecords => entity.RecordSize is { } size && size.Bytes < SmallRecordBytes,
        _ => true,
    };

    public static Severity SeverityOf(StorageFitLevel level) => level switch
    {
        StorageFitLevel.Unfit => Severity.High,
        StorageFitLevel.Poor => Severity.Medium,
        _ => Severity.Low,
    };

    private static StorageModel? NoModel(out string? inferredFrom)
    {
        inferredFrom = null;
        return null;
    }
}
