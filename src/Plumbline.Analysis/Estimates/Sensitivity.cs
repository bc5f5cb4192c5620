using System.Collections.Immutable;
using Plumbline.Analysis.Explain;

namespace Plumbline.Analysis.Estimates;

/// <summary>
/// Which assumption matters: each input is moved down and up by the step, the headline figures
/// are recomputed, and inputs are ranked by how far they move them, so a team knows which number
/// to pin down first.
/// </summary>
public static class Sensitivity
{
    public static SensitivityReport Run(LoadModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var step = model.Options.SensitivityStep;
        var baseline = model.BaselineValues();
        var (values, subjects) = Headlines(model, baseline);
        var headlines = ImmutableArray.Create(
            new Headline("busiest component's peak utilisation", values[0], FigureUnit.Ratio, subjects),
            new Headline("instances needed", values[1], FigureUnit.Count, string.Empty),
            new Headline($"storage at {model.Options.Horizons[^1]:0.##} months", values[2], FigureUnit.Bytes, string.Empty),
            new Headline("egress to the internet", values[3], FigureUnit.BytesPerSecond, string.Empty));

        var rows = ImmutableArray.CreateBuilder<SensitivityRow>();
        var scratch = model.BaselineValues();
        foreach (var input in model.Inputs)
        {
            var down = Moved(model, scratch, input, 1 - step, values);
            var up = Moved(model, scratch, input, 1 + step, values);
            var score = down.Concat(up).Select(Math.Abs).Max();
            rows.Add(new SensitivityRow(input, down, up, score));
        }

        // Ties (two inputs that each move one headline by the step) go to the one that moves more headlines.
        var ranked = rows.OrderByDescending(r => Math.Round(r.Score, 9))
            .ThenByDescending(r => r.Down.Concat(r.Up).Sum(Math.Abs))
            .ThenBy(r => r.Input.Slot)
            .ToImmutableArray();
        return new SensitivityReport(step, headlines, ranked);
    }

    private static ImmutableArray<double> Moved(LoadModel model, double[] scratch, EstimateInput input, double factor, double[] baseline)
    {
        var original = scratch[input.Slot];
        var moved = original * factor;

        // Shares stay shares: a 95% hit ratio moved up 20% is capped at 100%; growth moves as a rate.
        if (input.Kind is InputKind.HitRatio or InputKind.CallProbability)
        {
            moved = Math.Clamp(moved, 0, 1);
        }

        if (input.Kind == InputKind.PeakFactor)
        {
            moved = Math.Max(1, moved);
        }

        scratch[input.Slot] = moved;
        var (values, _) = Headlines(model, scratch);
        scratch[input.Slot] = original;
        return [.. values.Select((v, i) => Relative(v, baseline[i]))];
    }

    private static double Relative(double value, double baseline) =>
        baseline == 0 ? (value == 0 ? 0 : 1) : (value - baseline) / Math.Abs(baseline);

    /// <summary>The four headline figures for a parameter vector, and the busiest component's name.</summary>
    internal static (double[] Values, string Busiest) Headlines(LoadModel model, double[] values)
    {
        var loads = model.Propagate(values);
        var graph = model.Graph;
        var busiest = 0.0;
        var busiestName = string.Empty;
        var instances = 0.0;
        for (var c = 0; c < graph.Components.Length; c++)
        {
            var n = Numbers.Component(model, loads, c);
            if (n.Basis == CapacityBasis.None)
            {
                continue;
            }

            if (n.PeakUtilisation > busiest)
            {
                busiest = n.PeakUtilisation;
                busiestName = graph.Components[c].Name;
            }

            instances += Numbers.InstancesNeeded(n, model.Options.TargetUtilisation);
        }

        var storage = 0.0;
        var growth = LoadModel.MonthlyGrowth(values);
        var horizon = model.Options.Horizons[^1];
        for (var e = 0; e < model.Design.Data.Length; e++)
        {
            var entity = model.Design.Data[e];
            if (entity.RecordSize is null || entity.NewRecords is null)
            {
                continue;
            }

            var n = Numbers.Entity(model, values, e);
            storage += n.RecordsAt(horizon, growth) * n.RecordSize * n.ReplicationFactor;
        }

        return ([busiest, instances, storage, Numbers.InternetEgress(model, values)], busiestName);
    }
}
