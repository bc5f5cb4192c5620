using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Storage;

/// <summary>An entity that needs strong consistency, owned by a store that is eventually consistent unless configured otherwise.</summary>
public sealed class StrongConsistencyOnEventualStore : IRule
{
    public RuleInfo Info { get; } = new("strong-consistency-on-eventual-store", ProcessStep.Storage, Severity.High,
        "Strong consistency is required from an eventually consistent store",
        "An eventually consistent store can return stale data or lose a race between two writers; if the design relies on strong consistency (balances, uniqueness, state machines) the bug shows up only under load or failover, as corrupted data.",
        "Configure the store for strong reads and writes and say so in its description (QUORUM reads and writes or lightweight transactions in Cassandra, strongly consistent reads in DynamoDB), move the entity to a strongly consistent store, or relax the entity's consistency.");

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

    private static readonly string[] ConfiguredWords = ["quorum", "serial", "lwt", "lightweight transaction", "strongly consistent", "strong consistency", "consistent read", "linearizable"];

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        foreach (var entity in design.Data)
        {
            if (entity.Consistency != Consistency.Strong || entity.Owner is not { } ownerName || design.FindComponent(ownerName) is not { } owner)
            {
                continue;
            }

            var description = owner.Description ?? string.Empty;
            if (ConfiguredWords.Any(w => description.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
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
                yield return Info.At(context.Span(entity.Path + "/consistency"), entity.Name,
                    $"{entity.Name} requires strong consistency but lives in {owner.Name}{(owner.Engine is null ? string.Empty : $" ({owner.Engine})")}: {reason}");
            }
        }
    }
}
