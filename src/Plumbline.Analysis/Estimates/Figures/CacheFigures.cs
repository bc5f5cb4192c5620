using Plumbline.Analysis.Explain;
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

        // The items a cache holds are the records of the stores its misses fall through to.
        var backing = Graph.Edges.Where(e => e.BacksCache == c).Select(e => Graph.ComponentOf[e.To]).Distinct().ToList();
        var entities = backing.SelectMany(b => Model.EntitiesOwnedBy(b)).Where(e => Design.Data[e].RecordSize is not null).ToList();
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
        var itemFigure = new Figure("item size", itemSize, FigureUnit.Bytes, "largest record_size among the entities of the store behind it",
            [In($"{Design.Data[largest].Name} record_size", itemSize, FigureUnit.Bytes, Design.Data[largest].Path + "/record_size")]);
        var hot = Options.HotSetFraction * readsPerDay * itemSize;
        var hotFigure = new Figure("hot set", hot, FigureUnit.Bytes, "hot fraction x distinct items read per day (at most the reads per day) x item size",
            [new FigureInput("hot fraction", Options.HotSetFraction, FigureUnit.Ratio, FigureSources.Option, 0), Derived("reads per day", readsPerDay, FigureUnit.Count), Derived("item size", itemSize, FigureUnit.Bytes)]);
        var fit = memoryFigure.IsKnown
            ? new Figure("fit", hot / memoryFigure.Value!.Value, FigureUnit.Ratio, "hot set / memory", [Derived("hot set", hot, FigureUnit.Bytes), Derived("memory", memoryFigure.Value!.Value, FigureUnit.Bytes)])
            : Figure.Unknown("fit", FigureUnit.Ratio, "no memory stated");
        return new CacheSizing(component.Name, readsFigure, itemFigure, hotFigure, memoryFigure, fit);
    }
}
