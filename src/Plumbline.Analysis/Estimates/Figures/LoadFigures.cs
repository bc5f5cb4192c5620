using System.Collections.Immutable;
using Plumbline.Analysis.Explain;
using Plumbline.Analysis.Graph;

namespace Plumbline.Analysis.Estimates.Figures;

/// <summary>Load through the call graph: each operation's average and peak load and its worst-case retry amplification.</summary>
internal sealed class LoadFigures(EstimateContext context) : FigureBuilder(context)
{
    public OperationLoad OperationLoad(int i)
    {
        var op = Graph.Operations[i];
        var inputs = ImmutableArray.CreateBuilder<FigureInput>();
        var peakInputs = ImmutableArray.CreateBuilder<FigureInput>();
        for (var w = 0; w < Design.Workflows.Length; w++)
        {
            var workflow = Design.Workflows[w];
            if (Graph.IndexOf(workflow.Entry) == i)
            {
                var avg = Model.WorkflowAverage(Values, w);
                inputs.Add(In($"workflow {workflow.Name}", double.IsNaN(avg) ? 0 : avg, FigureUnit.Rate, workflow.Path + "/entry"));
                peakInputs.Add(In($"workflow {workflow.Name} at peak", double.IsNaN(avg) ? 0 : Model.WorkflowPeak(Values, w), FigureUnit.Rate, workflow.Path + "/entry"));
            }
        }

        foreach (var e in Graph.Incoming[i])
        {
            var edge = Graph.Edges[e];
            var caller = Graph.Operations[edge.From].Ref;
            var p = Model.EdgeProbability(Values, edge);
            var count = Model.Value(Values, InputKind.FanOut, edge.Index);
            var attempts = Model.EdgeAttempts(edge);
            var path = edge.Call?.Path ?? Graph.Components[Graph.ComponentOf[edge.To]].Path;
            var how = edge.Kind == EdgeKind.Delivery
                ? $"delivered from {caller}"
                : Invariant($"from {caller}: load x p {p:0.####}{(edge.MissOfCache >= 0 ? " (cache miss)" : string.Empty)} x count {count:0.##} x attempts {attempts:0.####}{(edge.Kind == EdgeKind.Async ? " (async)" : string.Empty)}");
            var factor = p * count * attempts;
            inputs.Add(In(how, Loads.Average[edge.From] * factor, FigureUnit.Rate, path));
            peakInputs.Add(In(how, Loads.Peak[edge.From] * factor, FigureUnit.Rate, path));
        }

        const string formula = "sum of entry workflows + sum over callers of (caller load x probability x count x expected attempts)";
        var average = new Figure("average load", Loads.Average[i], FigureUnit.Rate, formula, inputs.ToImmutable());
        var peak = new Figure("peak load", Loads.Peak[i], FigureUnit.Rate, formula, peakInputs.ToImmutable());
        return new OperationLoad(op.Ref.ToString(), op.Component, Model.OperationTypes[i], average, peak, Amplification(i));
    }

    private (double[] Amp, int[] Via)? _amplification;

    private (double[] Amp, int[] Via) ComputeAmplification()
    {
        // Worst case: every callee on the path fails outright, so every retry is used at every layer.
        var amp = new double[Graph.Operations.Length];
        var via = new int[Graph.Operations.Length];
        Array.Fill(via, -1);
        Array.Fill(amp, 1);
        foreach (var op in Graph.Order)
        {
            foreach (var e in Graph.Outgoing[op])
            {
                var edge = Graph.Edges[e];
                var factor = edge.Call?.Retries is { } r ? Formulas.WorstCaseAttempts(r.Max) : 1;
                if (amp[op] * factor > amp[edge.To])
                {
                    amp[edge.To] = amp[op] * factor;
                    via[edge.To] = e;
                }
            }
        }

        return (amp, via);
    }

    private Figure Amplification(int target)
    {
        var (amp, via) = _amplification ??= ComputeAmplification();
        var inputs = ImmutableArray.CreateBuilder<FigureInput>();
        var steps = 0;
        for (var e = via[target]; e >= 0 && steps < 64; e = via[Graph.Edges[e].From], steps++)
        {
            var edge = Graph.Edges[e];
            if (edge.Call?.Retries is { } r)
            {
                inputs.Insert(0, In($"{edge.Call.Id} attempts (1 + retries.max)", r.Max + 1, FigureUnit.Factor, edge.Call.Path + "/retries"));
            }
        }

        return new Figure("worst-case retry amplification", amp[target], FigureUnit.Factor, "product of (1 + retries.max) along the worst path from an entry", inputs.ToImmutable());
    }
}
