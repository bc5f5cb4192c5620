using Plumbline.Analysis.Estimates;
using Plumbline.Design.Model;
using Plumbline.Design.Units;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Storage;

/// <summary>
/// A store whose data, at an estimate horizon, no longer fits the storage of the nodes holding
/// it: one node when it is not sharded (one instance, or no shard_key), else each shard's share.
/// </summary>
public sealed class DataOutgrowsNode : IRule
{
    public RuleInfo Info { get; } = new("data-outgrows-node", ProcessStep.Storage, Severity.Medium,
        "Data outgrows the store's nodes",
        "A store that fills its disks stops taking writes; sharding a live store under time pressure is one of the riskiest migrations a team can run, so it has to be planned while there is room.",
        "Shard the store on a stated shard_key with enough instances for the longest horizon, give each node more storage, or shorten retention; plan the resharding milestone before the month the node fills.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        var estimate = context.Estimate;
        var horizons = estimate.Options.Horizons;
        var month = estimate.Month;
        var growth = design.Requirements.Growth?.MonthlyCompoundFactorIn(month) ?? 1;
        foreach (var component in design.Components)
        {
            if (component.StoragePerNode is not { } perNode || perNode.Bytes <= 0 || component.Kind == ComponentKind.ObjectStore
                || StorageFit.ModelOf(component, out _) == StorageModel.Object)
            {
                continue;
            }

            var owned = new List<int>();
            for (var i = 0; i < design.Data.Length && i < estimate.Storage.Length; i++)
            {
                if (design.Data[i].Owner == component.Name && design.Data[i].RecordSize is not null && design.Data[i].NewRecords is not null)
                {
                    owned.Add(i);
                }
            }

            if (owned.Count == 0)
            {
                continue;
            }

            // A database says what it is partitioned on; search clusters and caches spread data over their instances themselves.
            var sharded = component.Instances > 1 && (!string.IsNullOrWhiteSpace(component.ShardKey) || component.Kind != ComponentKind.Database);
            var nodes = sharded ? component.Instances : 1;
            var over = -1;
            for (var h = 0; h < horizons.Length && over < 0; h++)
            {
                if (owned.Sum(i => estimate.Storage[i].Horizons[h].Bytes.Value ?? 0) / nodes > perNode.Bytes)
                {
                    over = h;
                }
            }

            if (over < 0)
            {
                continue;
            }

            var months = horizons[over];
            var oneCopy = owned.Sum(i => estimate.Storage[i].Horizons[over].Bytes.Value ?? 0);
            var first = FirstMonthOver(design, owned, growth, perNode.Bytes * nodes, months, month);
            var when = first == 0 ? "from day one" : FormattableString.Invariant($"from month {first}");
            var head = FormattableString.Invariant($"{component.Name} holds {Quantities.Bytes(oneCopy)} (one copy) at {months:0.##} months");
            var message = sharded
                ? FormattableString.Invariant($"{head}, {Quantities.Bytes(oneCopy / nodes)} on each of its {nodes} instances, more than its {perNode} storage_per_node {when}; it needs {Shards(estimate, component.Name, over)} instances at {months:0.##} months")
                : component.Instances > 1
                    ? $"{head}, more than its {perNode} storage_per_node {when}; its {component.Instances} instances have no shard_key, so each holds all of it"
                    : $"{head}, more than its {perNode} storage_per_node {when}, on one instance{(string.IsNullOrWhiteSpace(component.ShardKey) ? " with no shard_key" : $" (shard_key {component.ShardKey} is declared but not yet used)")}";
            yield return Info.At(context.Span(component.Path + "/storage_per_node"), component.Name, message,
                first <= 12 ? Severity.High : first <= 36 ? Severity.Medium : Severity.Low);
        }
    }

    /// <summary>The estimate's own shards-for-storage figure at horizon <paramref name="h"/>, so check and estimate quote one number.</summary>
    private static string Shards(EstimateReport estimate, string component, int h) =>
        estimate.StorageByOwner.FirstOrDefault(o => o.Component == component) is { } owner && h < owner.ShardsForStorageAt.Length && owner.ShardsForStorageAt[h].Value is { } n
            ? Quantities.Number(n, "0")
            : "?";

    /// <summary>The first whole month at which one copy of the entities exceeds <paramref name="capacity"/>, by the estimate's storage formula; the horizon if rounding hides it.</summary>
    internal static int FirstMonthOver(SystemDesign design, IReadOnlyList<int> entities, double growth, double capacity, double horizon, MonthConvention convention = MonthConvention.Average)
    {
        for (var month = 0; month < horizon; month++)
        {
            var bytes = 0.0;
            foreach (var i in entities)
            {
                var entity = design.Data[i];
                var perMonth = entity.NewRecords!.Value.PerSecondIn(convention) * Calendar.SecondsPerMonthIn(convention);
                var retention = entity.Retention is { } r ? r.Seconds / Calendar.SecondsPerMonth : double.PositiveInfinity;
                var records = (entity.InitialRecords?.Value ?? 0) + Formulas.RecordsAt(month, perMonth, retention, growth);
                bytes += records * entity.RecordSize!.Value.Bytes;
            }

            if (bytes > capacity)
            {
                return month;
            }
        }

        return (int)Math.Ceiling(horizon);
    }
}
