using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Storage;

/// <summary>An entity that needs strong consistency, owned by a store that is eventually consistent unless configured otherwise.</summary>
public sealed class StrongConsistencyOnEventualStore : IRule
{
    public RuleInfo Info { get; } = new("strong-consistency-on-eventual-store", ProcessStep.Storage, Severity.High,
        "Strong consistency is required from an eventually consistent store",
        "An eventually consistent store can return stale data or lose a race between two writers; if the design relies on strong consistency (balances, uniqueness, state machines) the bug shows up only under load or failover, as corrupted data.",
        "Configure the store for strong reads and writes and say so in its fields: consistency: strong on the store or on the operations that touch the entity, or read and write quorums that overlap (quorum: 2 of 3 in Cassandra or ScyllaDB); or move the entity to a strongly consistent store, or relax the entity's consistency.");

    private static readonly (string Engine, string Reason)[] EventualEngines =
    [
        ("cassandra", "Cassandra replicates asynchronously and reads at ONE by default, which can miss the latest write; strong reads need QUORUM writes and reads, and compare-and-set needs lightweight transactions"),
        ("scylla", "ScyllaDB replicates asynchronously and reads at ONE by default, which can miss the latest write; strong reads need QUORUM writes and reads, and compare-and-set needs lightweight transactions"),
        ("scylladb", "ScyllaDB replicates asynchronously and reads at ONE by default, which can miss the latest write; strong reads need QUORUM writes and reads, and compare-and-set needs lightweight transactions"),
        ("keyspaces", "Keyspaces reads at LOCAL_ONE by default, which can miss the latest write; strong reads need LOCAL_QUORUM"),
        ("dynamodb", "DynamoDB reads are eventually consistent by default and global tables replicate asynchronously; use strongly consistent reads in one region, or transactions"),
        ("riak", "Riak replicates with eventual consistency and resolves conflicting writes after the fact"),
        ("couchdb", "CouchDB replicates with eventual consistency and resolves conflicting writes after the fact"),
        ("clickhouse", "ClickHouse has no transactions and its replicas converge asynchronously, so a read can miss an acknowledged insert"),
        ("druid", "Druid ingests asynchronously and has no transactions, so a read can miss an acknowledged write"),
        ("pinot", "Pinot ingests asynchronously and has no transactions, so a read can miss an acknowledged write"),
    ];

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        foreach (var entity in design.Data)
        {
            if (entity.Consistency != Consistency.Strong || entity.Owner is not { } ownerName || design.FindComponent(ownerName) is not { } owner)
            {
                continue;
            }

            var store = $"{owner.Name}{(owner.Engine is null ? string.Empty : $" ({owner.Engine})")}";
            var span = context.Span(entity.Path + "/consistency");

            // An operation that touches the entity at a weaker level than strong is the first thing to fix.
            var weak = owner.Operations.FirstOrDefault(op => op.Consistency is { } c && c != Consistency.Strong && Touches(op, entity.Name));
            if (weak is not null)
            {
                yield return Info.At(span, entity.Name,
                    $"{entity.Name} requires strong consistency but {weak.RefText} on {store} runs at consistency: {EnumNames.ToSnake(weak.Consistency!.Value)}");
                continue;
            }

            var touching = owner.Operations.Where(op => Touches(op, entity.Name)).ToList();
            if (touching.Count > 0 && touching.All(op => op.Consistency == Consistency.Strong))
            {
                continue;
            }

            var (level, why) = StoreConsistency(owner);
            if (level == Consistency.Strong)
            {
                continue;
            }

            if (level is not null)
            {
                yield return Info.At(span, entity.Name, $"{entity.Name} requires strong consistency but lives in {store}, {why}");
                continue;
            }

            var words = StorageFacts.Words(owner.Engine);
            var reason = EventualEngines.FirstOrDefault(e => words.Contains(e.Engine)).Reason;
            if (reason is null && StorageFit.ModelOf(owner, out _) == StorageModel.Search)
            {
                reason = "a search index makes writes visible only after a refresh and has no transactions; read strongly consistent data from its primary store";
            }

            if (reason is not null)
            {
                yield return Info.At(span, entity.Name,
                    $"{entity.Name} requires strong consistency but lives in {store}, which states no consistency or quorum: {reason}");
            }
        }
    }

    /// <summary>
    /// The consistency a store is configured for: its <c>consistency</c>, else its quorums (strong when a
    /// read quorum and a write quorum of the same copies must overlap: reads K + writes K &gt; N), else
    /// null (the engine's default), with the field it comes from.
    /// </summary>
    public static (Consistency? Level, string Why) StoreConsistency(Component store)
    {
        if (store.Consistency is { } stated)
        {
            return (stated, $"configured for consistency: {EnumNames.ToSnake(stated)}: a read can miss the latest write");
        }

        if (store.Quorum is { Reads: { } reads, Writes: { } writes })
        {
            return reads.K + writes.K > reads.N
                ? (Consistency.Strong, string.Empty)
                : (Consistency.Eventual, $"whose read quorum {reads} and write quorum {writes} need not overlap ({reads.K} + {writes.K} <= {reads.N}): a read can miss the latest write");
        }

        return (null, string.Empty);
    }

    private static bool Touches(Operation op, string entity) =>
        (op.Reads.IsEmpty && op.Writes.IsEmpty) || op.Reads.Contains(entity, StringComparer.Ordinal) || op.Writes.Contains(entity, StringComparer.Ordinal);
}
