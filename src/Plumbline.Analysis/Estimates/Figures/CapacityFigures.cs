using System.Collections.Immutable;
using Plumbline.Analysis.Explain;

namespace Plumbline.Analysis.Estimates.Figures;

/// <summary>Capacity: each component's load against its stated capacity, utilisation, instances needed and headroom.</summary>
internal sealed class CapacityFigures(EstimateContext context) : FigureBuilder(context)
{
    public ComponentCapacity Capacity(int c)
    {
        var component = Graph.Components[c];
        var n = Numbers.Component(Model, Loads, c);
        var avgLoad = new Figure("average load", n.AverageLoad, FigureUnit.Rate, "sum of its operations' average load", Operations(c, Loads.Average, null));
        var peakLoad = new Figure("peak load", n.PeakLoad, FigureUnit.Rate, "sum of its operations' peak load", Operations(c, Loads.Peak, null));
        var peakReads = new Figure("peak reads", n.PeakReads, FigureUnit.Rate, "sum of its read operations' peak load", Operations(c, Loads.Peak, Plumbline.Design.Model.AccessType.Read));
        var peakWrites = new Figure("peak writes", n.PeakWrites, FigureUnit.Rate, "sum of its write operations' peak load", Operations(c, Loads.Peak, Plumbline.Design.Model.AccessType.Write));
        if (n.Basis == CapacityBasis.None)
        {
            var unknown = Figure.Unknown("capacity", FigureUnit.Rate, "no capacity stated");
            return new ComponentCapacity(component.Name, component.Kind, component.Instances, avgLoad, peakLoad, peakReads, peakWrites, unknown,
                Figure.Unknown("average utilisation", FigureUnit.Ratio, "no capacity stated"),
                Figure.Unknown("peak utilisation", FigureUnit.Ratio, "no capacity stated"),
                Figure.Unknown("instances needed", FigureUnit.Count, "no capacity stated"),
                Figure.Unknown("headroom", FigureUnit.Months, "no capacity stated"));
        }

        var (what, capacityPath, servingText) = n.Basis switch
        {
            CapacityBasis.Reads => ("reads", component.Path + "/capacity/reads", "instances + replicas"),
            CapacityBasis.Writes => ("writes", component.Path + "/capacity/writes", "instances"),
            CapacityBasis.Operation => ($"{Graph.Operations[n.BindingOperation].Name}", Graph.Operations[n.BindingOperation].Path + "/capacity", "instances"),
            _ => ("all operations", component.Path + "/capacity", "instances"),
        };
        var capacityInputs = ImmutableArray.Create(
            In("capacity per instance", n.CapacityPerInstance, FigureUnit.Rate, capacityPath),
            In(servingText, n.Serving, FigureUnit.Count, component.Path + "/instances"));
        var capacity = new Figure($"capacity ({what})", n.Capacity, FigureUnit.Rate, $"capacity per instance x {servingText}", capacityInputs);
        var load = Derived($"average load ({what})", n.BasisAverageLoad, FigureUnit.Rate);
        var loadPeak = Derived($"peak load ({what})", n.BasisPeakLoad, FigureUnit.Rate);
        var capacityInput = Derived("capacity", n.Capacity, FigureUnit.Rate);
        var avgUtil = new Figure("average utilisation", n.AverageUtilisation, FigureUnit.Ratio, "average load / capacity", [load, capacityInput]);
        var peakUtil = new Figure("peak utilisation", n.PeakUtilisation, FigureUnit.Ratio, "peak load / capacity", [loadPeak, capacityInput]);
        var target = new FigureInput("target utilisation", Options.TargetUtilisation, FigureUnit.Ratio, FigureSources.Option, 0);
        var needed = new Figure("instances needed", Numbers.InstancesNeeded(n, Options.TargetUtilisation), FigureUnit.Count,
            "ceil(peak load / (capacity per instance x target utilisation))", [loadPeak, capacityInputs[0], target]);
        var months = Formulas.HeadroomMonths(n.PeakUtilisation, Growth);
        var headroom = Design.Requirements.Growth is null
            ? Figure.Unknown("headroom", FigureUnit.Months, "no growth stated")
            : new Figure("headroom", months, FigureUnit.Months, "ln(1 / peak utilisation) / ln(monthly growth)",
                [Derived("peak utilisation", n.PeakUtilisation, FigureUnit.Ratio), GrowthInput()]);
        return new ComponentCapacity(component.Name, component.Kind, component.Instances, avgLoad, peakLoad, peakReads, peakWrites, capacity, avgUtil, peakUtil, needed, headroom);
    }

    /// <summary>Each operation's load (of a type, or all), as derived inputs: the call-graph load behind a component's total.</summary>
    internal ImmutableArray<FigureInput> Operations(int c, double[] loads, Plumbline.Design.Model.AccessType? type) =>
        [.. Graph.OperationsOf[c].Where(i => type is null || Model.OperationTypes[i] == type).Select(i => Derived(Graph.Operations[i].RefText, loads[i], FigureUnit.Rate))];
}
