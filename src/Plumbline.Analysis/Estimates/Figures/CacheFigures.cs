using Plumbline.Analysis.Explain;
using Plumbline.Analysis.Graph;
using Plumbline.Design.Units;

namespace Plumbline.Analysis.Estimates.Figures;

/// <summary>Cache sizing: the hot set a cache should hold against its memory.</summary>
internal sealed class CacheFigures(EstimateContext context) : FigureBuilder(context)
{
    public CacheSizing CacheSizing(int c)
    {
        var component = Graph.Components[c];
        var numbers = Numbers.Component(Model, Loads, c);
        var readsPerDay = numbers.AverageReads * Calendar.SecondsPerDay;
        var readsFigure = new Figure("reads per day", readsPerDay, FigureUnit.Count, "average reads x seconds per day", [Derived("average reads", numbers.AverageReads, FigureUnit.Rate)]);

        // The items a cache holds are records of the stores its misses fall through to: the entities its own operations
        // say they read, else those the calls behind it read (stated, or named by the callee operation), else every one.
        var backingEdges = Graph.Edges.Where(e => e.BacksCache == c).ToList();
        var backing = backingEdges.Select(e => Graph.ComponentOf[e.To]).Distinct().ToList();
        var entities = CachedEntities(c, backingEdges, backing).Where(e => Design.Data[e].RecordSize is not null).ToList();
        var memoryFigure = component.Memory is { } memory
            ? new Figure("memory", memory.Bytes * component.Instances, FigureUnit.Bytes, "memory per instance x instances",
                [In("memory", memory.Bytes, FigureUnit.Bytes, component.Path + "/memory"), In("instances", component.Instances, FigureUnit.Count, component.Path + "/instances")])
            : Figure.Unknown("memory", FigureUnit.Bytes, "no memory stated");
        if (entities.Count == 0)
        {
            var why = backing.Count == 0 ? "no miss path to a store (a call after the cache call, or the cache's own calls)" : "the backing store's entities have no record_size";
            return new CacheSizing(component.Name, readsFigure, Figure.Unknown("item size", FigureUnit.Bytes, why), Figure.Unknown("hot set", FigureUnit.Bytes, why),
                memoryFigure, Figure.Unknown("fit", FigureUnit.Ratio, why));
        }

        var largest = entities.MaxBy(e => Design.Data[e].RecordSize!.Value.Bytes);
        var itemSize = Design.Data[largest].RecordSize!.Value.Bytes;
        var itemFigure = new Figure("item size", itemSize, FigureUnit.Bytes, "largest record_size among the entities it holds",
            [In($"{Design.Data[largest].Name} record_size", itemSize, FigureUnit.Bytes, Design.Data[largest].Path + "/record_size")]);

        // Distinct items read in a day: at most the reads (a key read twice is one item), and at most the records that
        // exist (at the first horizon) when every entity it holds says how many there are: a fan-out read of N items
        // per request reads N keys, not N new ones.
        var months = Options.Horizons[0];
        var counted = entities.All(e => Design.Data[e].NewRecords is not null || Design.Data[e].InitialRecords is not null);
        var records = counted ? entities.Sum(e => Numbers.Entity(Model, Values, e).RecordsAt(months, Growth)) : double.PositiveInfinity;
        var distinct = Math.Min(readsPerDay, records);
        var hot = Options.HotSetFraction * distinct * itemSize;
        var inputs = new List<FigureInput>
        {
            new("hot fraction", Options.HotSetFraction, FigureUnit.Ratio, FigureSources.Option, 0),
            Derived("reads per day", readsPerDay, FigureUnit.Count),
        };
        if (counted)
        {
            inputs.Add(Derived(Invariant($"records at {months:0.##} months ({string.Join(", ", entities.Select(e => Design.Data[e].Name))})"), records, FigureUnit.Count));
        }

        inputs.Add(Derived("item size", itemSize, FigureUnit.Bytes));
        var hotFigure = new Figure("hot set", hot, FigureUnit.Bytes,
            counted ? "hot fraction x distinct items read per day (the reads per day, at most the records that exist) x item size"
                : "hot fraction x distinct items read per day (at most the reads per day) x item size",
            [.. inputs]);
        var fit = memoryFigure.IsKnown
            ? new Figure("fit", hot / memoryFigure.Value!.Value, FigureUnit.Ratio, "hot set / memory", [Derived("hot set", hot, FigureUnit.Bytes), Derived("memory", memoryFigure.Value!.Value, FigureUnit.Bytes)])
            : Figure.Unknown("fit", FigureUnit.Ratio, "no memory stated");
        return new CacheSizing(component.Name, readsFigure, itemFigure, hotFigure, memoryFigure, fit);
    }

    /// <summary>
    /// The entities a cache holds: those its own operations read (<c>reads:</c>), else what the calls behind it read
    /// (the callee operation's <c>reads:</c>, else the owned entities its name names), else every entity of the stores behind it.
    /// </summary>
    private IEnumerable<int> CachedEntities(int c, List<Plumbline.Analysis.Graph.CallEdge> backingEdges, List<int> backing)
    {
        var index = Design.Data.Select((d, i) => (d.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var own = Graph.OperationsOf[c].SelectMany(op => Graph.Operations[op].Reads).ToList();
        if (own.Count > 0)
        {
            return own.Where(index.ContainsKey).Select(n => index[n]).Distinct();
        }

        var read = new List<int>();
        foreach (var edge in backingEdges)
        {
            var callee = Graph.Operations[edge.To];
            var owned = Model.EntitiesOwnedBy(Graph.ComponentOf[edge.To]).Select(e => Design.Data[e].Name).ToList();
            var names = callee.Reads.Length > 0 ? callee.Reads : [.. EntityNames.Named(callee.Name, owned)];
            read.AddRange(names.Where(index.ContainsKey).Select(n => index[n]));
        }

        return read.Count > 0 ? read.Distinct() : backing.SelectMany(b => Model.EntitiesOwnedBy(b));
    }
}
