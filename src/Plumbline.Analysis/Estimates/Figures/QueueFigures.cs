using System.Collections.Immutable;
using Plumbline.Analysis.Explain;
using Plumbline.Design.Units;

namespace Plumbline.Analysis.Estimates.Figures;

/// <summary>Queue flow: publish rate against the slowest consumer's capacity, and the backlog growth at peak.</summary>
internal sealed class QueueFigures(EstimateContext context) : FigureBuilder(context)
{
    public QueueFlow QueueFlow(int c)
    {
        var component = Graph.Components[c];
        var numbers = Numbers.Component(Model, Loads, c);
        var average = new Figure("publish rate", numbers.AverageLoad, FigureUnit.Rate, "sum of the load on its operations",
            [.. Graph.OperationsOf[c].Select(i => Derived(Graph.Operations[i].Ref.ToString(), Loads.Average[i], FigureUnit.Rate))]);
        var peak = new Figure("peak publish rate", numbers.PeakLoad, FigureUnit.Rate, "sum of the peak load on its operations",
            [.. Graph.OperationsOf[c].Select(i => Derived(Graph.Operations[i].Ref.ToString(), Loads.Peak[i], FigureUnit.Rate))]);
        var inputs = ImmutableArray.CreateBuilder<FigureInput>();
        var capacity = 0.0;
        var known = component.Consumers.Length > 0;
        foreach (var consumer in component.Consumers)
        {
            var target = Design.FindComponent(consumer.Component);
            var op = target?.FindOperation(consumer.Operation);
            var perInstance = op?.Capacity?.PerSecond ?? target?.Capacity?.Total?.PerSecond ?? target?.Capacity?.Writes?.PerSecond;
            if (target is null || perInstance is null)
            {
                known = false;
                continue;
            }

            var p = perInstance.Value;
            capacity += p * target.Instances;
            inputs.Add(In($"{consumer} capacity x instances", p * target.Instances, FigureUnit.Rate, target.Path + "/capacity"));
        }

        // Each consumer group sees every message, so the slowest consumer sets the pace.
        var slowest = inputs.Count == 0 ? 0 : inputs.Min(i => i.Value);
        var consumerCapacity = known
            ? new Figure("consumer capacity", slowest, FigureUnit.Rate, "the slowest consumer's capacity per instance x instances", inputs.ToImmutable())
            : Figure.Unknown("consumer capacity", FigureUnit.Rate, component.Consumers.Length == 0 ? "no consumers" : "a consumer has no capacity stated");
        var backlog = consumerCapacity.IsKnown
            ? new Figure("backlog growth per hour at peak", Math.Max(0, numbers.PeakLoad - slowest) * Calendar.SecondsPerHour, FigureUnit.Count, "max(0, peak publish rate - consumer capacity) x 3600",
                [Derived("peak publish rate", numbers.PeakLoad, FigureUnit.Rate), Derived("consumer capacity", slowest, FigureUnit.Rate)])
            : Figure.Unknown("backlog growth per hour at peak", FigureUnit.Count, "consumer capacity unknown");
        return new QueueFlow(component.Name, average, peak, consumerCapacity, backlog);
    }
}
