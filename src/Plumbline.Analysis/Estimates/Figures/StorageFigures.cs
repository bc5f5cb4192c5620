using System.Collections.Immutable;
using Plumbline.Analysis.Explain;

namespace Plumbline.Analysis.Estimates.Figures;

/// <summary>Storage: each entity's records and bytes over the horizons, and what each owning store holds and needs in shards.</summary>
internal sealed class StorageFigures(EstimateContext context) : FigureBuilder(context)
{
    public EntityStorage Storage(int e)
    {
        var entity = Design.Data[e];
        var n = Numbers.Entity(Model, Values, e);
        var sizePath = entity.Path + "/record_size";
        var ratePath = entity.Path + "/new_records";
        var perMonth = entity.NewRecords is { } rate
            ? new Figure("new records per month", n.RecordsPerMonth, FigureUnit.Count, "new_records (per second) x seconds per month", [In("new_records", Model.PerSecond(rate), FigureUnit.Rate, ratePath), MonthInput()])
            : Figure.Unknown("new records per month", FigureUnit.Count, "no new_records stated");
        var sized = entity.RecordSize is not null && entity.NewRecords is not null;
        var bytesPerMonth = sized
            ? new Figure("new data per month", n.BytesPerMonth, FigureUnit.Bytes, "new records per month x record_size",
                [Derived("new records per month", n.RecordsPerMonth, FigureUnit.Count), In("record_size", n.RecordSize, FigureUnit.Bytes, sizePath)])
            : Figure.Unknown("new data per month", FigureUnit.Bytes, entity.RecordSize is null ? "no record_size stated" : "no new_records stated");
        var atRetention = !sized
            ? Figure.Unknown("kept over retention", FigureUnit.Bytes, "no size or rate")
            : entity.Retention is { } retention
                ? new Figure("kept over retention", n.BytesPerMonth * n.RetentionMonths, FigureUnit.Bytes, "new data per month x retention (months), at today's rate",
                    [Derived("new data per month", n.BytesPerMonth, FigureUnit.Bytes), In("retention (months)", n.RetentionMonths, FigureUnit.Months, entity.Path + "/retention")])
                : Figure.Unknown("kept over retention", FigureUnit.Bytes, entity.RetainForever ? "kept forever" : "no retention stated");

        var horizons = ImmutableArray.CreateBuilder<HorizonStorage>();
        foreach (var months in Options.Horizons)
        {
            var label = Invariant($"{months:0.##} months");
            if (!sized)
            {
                horizons.Add(new HorizonStorage(months, Figure.Unknown($"records at {label}", FigureUnit.Count, "no size or rate"),
                    Figure.Unknown($"data at {label}", FigureUnit.Bytes, "no size or rate"), Figure.Unknown($"replicated at {label}", FigureUnit.Bytes, "no size or rate")));
                continue;
            }

            var records = n.RecordsAt(months, Growth);
            var formula = Growth > 1
                ? "initial_records + integral of new records per month x growth^t over the retained months up to the horizon"
                : "initial_records + new records per month x min(horizon, retention)";
            var inputs = ImmutableArray.CreateBuilder<FigureInput>();
            inputs.Add(Derived("new records per month", n.RecordsPerMonth, FigureUnit.Count));
            inputs.Add(new FigureInput("horizon (months)", months, FigureUnit.Months, FigureSources.Option, 0));
            if (!double.IsPositiveInfinity(n.RetentionMonths))
            {
                inputs.Add(In("retention (months)", n.RetentionMonths, FigureUnit.Months, entity.Path + "/retention"));
            }

            if (Growth > 1)
            {
                inputs.Add(GrowthInput());
            }

            if (n.InitialRecords > 0)
            {
                inputs.Add(In("initial_records", n.InitialRecords, FigureUnit.Count, entity.Path + "/initial_records"));
            }

            var recordsFigure = new Figure($"records at {label}", records, FigureUnit.Count, formula, inputs.ToImmutable());
            var bytes = new Figure($"data at {label}", records * n.RecordSize, FigureUnit.Bytes, "records x record_size",
                [Derived("records", records, FigureUnit.Count), In("record_size", n.RecordSize, FigureUnit.Bytes, sizePath)]);
            var owner = entity.Owner is { } o ? Design.FindComponent(o) : null;
            var replicated = new Figure($"replicated at {label}", records * n.RecordSize * n.ReplicationFactor, FigureUnit.Bytes, "data x (1 + replicas / instances) of the owner",
                [Derived("data", records * n.RecordSize, FigureUnit.Bytes), owner is null ? Derived("copies", 1, FigureUnit.Factor) : In("copies", n.ReplicationFactor, FigureUnit.Factor, owner.Path + "/replicas")]);
            horizons.Add(new HorizonStorage(months, recordsFigure, bytes, replicated));
        }

        return new EntityStorage(entity.Name, entity.Owner, perMonth, bytesPerMonth, atRetention, n.ReplicationFactor, horizons.ToImmutable());
    }

    public ImmutableArray<OwnerStorage> OwnerStorage(ImmutableArray<EntityStorage> storage)
    {
        var result = ImmutableArray.CreateBuilder<OwnerStorage>();
        for (var c = 0; c < Graph.Components.Length; c++)
        {
            var entities = Model.EntitiesOwnedBy(c);
            if (entities.IsEmpty)
            {
                continue;
            }

            var component = Graph.Components[c];
            var horizons = ImmutableArray.CreateBuilder<Figure>();
            for (var h = 0; h < Options.Horizons.Length; h++)
            {
                var parts = entities.Select(e => storage[e]).Where(s => s.Horizons[h].Replicated.IsKnown).ToList();
                horizons.Add(new Figure(Invariant($"stored at {Options.Horizons[h]:0.##} months"), parts.Sum(s => s.Horizons[h].Replicated.Value!.Value), FigureUnit.Bytes,
                    "sum of its entities' replicated data",
                    [.. parts.Select(s => Derived(s.Entity, s.Horizons[h].Replicated.Value!.Value, FigureUnit.Bytes))]));
            }

            // Shards for storage at every horizon, each named by its horizon, so the review quotes the same figure.
            var shardsAt = ImmutableArray.CreateBuilder<Figure>();
            for (var h = 0; h < Options.Horizons.Length; h++)
            {
                var label = Invariant($"{Options.Horizons[h]:0.##} months");
                var oneCopy = entities.Select(e => storage[e].Horizons[h].Bytes).Where(f => f.IsKnown).Sum(f => f.Value!.Value);
                shardsAt.Add(component.StoragePerNode is { } perNode
                    ? new Figure($"shards for storage at {label}", Formulas.ShardsForStorage(oneCopy, perNode.Bytes), FigureUnit.Count, "ceil(one copy of its data at the horizon / storage_per_node)",
                        [Derived($"one copy at {label}", oneCopy, FigureUnit.Bytes), In("storage_per_node", perNode.Bytes, FigureUnit.Bytes, component.Path + "/storage_per_node")])
                    : Figure.Unknown($"shards for storage at {label}", FigureUnit.Count, "no storage_per_node stated"));
            }

            var numbers = Numbers.Component(Model, Loads, c);
            var writeCapacity = component.Capacity?.Writes ?? component.Capacity?.Total;
            var shardsForWrites = writeCapacity is { } wc && numbers.PeakWrites > 0
                ? new Figure("shards for writes at today's peak", Formulas.InstancesNeeded(numbers.PeakWrites, wc.PerSecond, Options.TargetUtilisation), FigureUnit.Count,
                    "ceil(peak writes / (write capacity per node x target utilisation))",
                    [Derived("peak writes", numbers.PeakWrites, FigureUnit.Rate), In("write capacity per node", wc.PerSecond, FigureUnit.Rate, component.Path + "/capacity"),
                     new FigureInput("target utilisation", Options.TargetUtilisation, FigureUnit.Ratio, FigureSources.Option, 0)])
                : Figure.Unknown("shards for writes at today's peak", FigureUnit.Count, writeCapacity is null ? "no write capacity stated" : "no writes reach it");
            result.Add(new OwnerStorage(component.Name, horizons.ToImmutable(), shardsAt[^1], shardsForWrites) { ShardsForStorageAt = shardsAt.ToImmutable() });
        }

        return result.ToImmutable();
    }
}
