using System.Collections.Immutable;
using Plumbline.Analysis.Explain;
using Plumbline.Design.Text;
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
            [.. Graph.OperationsOf[c].Select(i => Derived(Graph.Operations[i].RefText, Loads.Average[i], FigureUnit.Rate))]);
        var peak = new Figure("peak publish rate", numbers.PeakLoad, FigureUnit.Rate, "sum of the peak load on its operations",
            [.. Graph.OperationsOf[c].Select(i => Derived(Graph.Operations[i].RefText, Loads.Peak[i], FigureUnit.Rate))]);
        var inputs = ImmutableArray.CreateBuilder<FigureInput>();
        var known = component.Consumers.Length > 0;
        var shared = false;
        var slowestShare = 1.0;
        var slowestRate = double.PositiveInfinity;
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
            // A consumer taking a share of the messages (its topics or filter) keeps up with a publish rate of its capacity / share.
            var share = component.ShareOf(consumer);
            shared |= share < 1;
            if (p * target.Instances / share < slowestRate)
            {
                slowestRate = p * target.Instances / share;
                slowestShare = share;
            }

            inputs.Add(share < 1
                ? In($"{consumer} capacity x instances / share {Quantities.Percent(share)}", p * target.Instances / share, FigureUnit.Rate, target.Path + "/capacity")
                : In($"{consumer} capacity x instances", p * target.Instances, FigureUnit.Rate, target.Path + "/capacity"));
        }

        // Each consumer group sees every message it subscribes to, so the slowest consumer sets the pace.
        var slowest = inputs.Count == 0 ? 0 : inputs.Min(i => i.Value);
        var consumerCapacity = known
            ? new Figure("consumer capacity", slowest, FigureUnit.Rate,
                shared ? "the publish rate the slowest consumer keeps up with: its capacity per instance x instances / the share of messages it takes" : "the slowest consumer's capacity per instance x instances",
                inputs.ToImmutable())
            : Figure.Unknown("consumer capacity", FigureUnit.Rate, component.Consumers.Length == 0 ? "no consumers" : "a consumer has no capacity stated");
        // The slowest consumer's backlog counts only its share of the messages: (peak x share - its capacity) x 3600.
        var backlog = !consumerCapacity.IsKnown
            ? Figure.Unknown("backlog growth per hour at peak", FigureUnit.Count, "consumer capacity unknown")
            : shared && slowestShare < 1
                ? new Figure("backlog growth per hour at peak", Math.Max(0, numbers.PeakLoad - slowest) * slowestShare * Calendar.SecondsPerHour, FigureUnit.Count,
                    "max(0, peak publish rate - consumer capacity) x the slowest consumer's share x 3600",
                    [Derived("peak publish rate", numbers.PeakLoad, FigureUnit.Rate), Derived("consumer capacity", slowest, FigureUnit.Rate), Derived("share", slowestShare, FigureUnit.Ratio)])
                : new Figure("backlog growth per hour at peak", Math.Max(0, numbers.PeakLoad - slowest) * Calendar.SecondsPerHour, FigureUnit.Count, "max(0, peak publish rate - consumer capacity) x 3600",
                    [Derived("peak publish rate", numbers.PeakLoad, FigureUnit.Rate), Derived("consumer capacity", slowest, FigureUnit.Rate)]);
        return new QueueFlow(component.Name, average, peak, consumerCapacity, backlog);
    }
}
