using System.Collections.Immutable;
using Plumbline.Analysis.Explain;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Estimates.Figures;

/// <summary>Bandwidth: each component's ingress and egress, and the system's egress to the internet.</summary>
internal sealed class BandwidthFigures(EstimateContext context) : FigureBuilder(context)
{
    public ImmutableArray<ComponentBandwidth> Bandwidth()
    {
        var n = Graph.Components.Length;
        var ingress = new double[n];
        var egress = new double[n];
        var inInputs = new List<FigureInput>[n];
        var outInputs = new List<FigureInput>[n];
        for (var c = 0; c < n; c++)
        {
            inInputs[c] = [];
            outInputs[c] = [];
        }

        void Flow(int to, int from, double bytesPerSecond, string label, string path)
        {
            if (bytesPerSecond <= 0)
            {
                return;
            }

            if (to >= 0)
            {
                ingress[to] += bytesPerSecond;
                inInputs[to].Add(In(label, bytesPerSecond, FigureUnit.BytesPerSecond, path));
            }

            if (from >= 0)
            {
                egress[from] += bytesPerSecond;
                outInputs[from].Add(In(label, bytesPerSecond, FigureUnit.BytesPerSecond, path));
            }
        }

        for (var w = 0; w < Design.Workflows.Length; w++)
        {
            var workflow = Design.Workflows[w];
            var entry = Graph.IndexOf(workflow.Entry);
            var avg = Model.WorkflowAverage(Values, w);
            if (entry < 0 || double.IsNaN(avg))
            {
                continue;
            }

            var component = Graph.ComponentOf[entry];
            Flow(component, -1, avg * (workflow.Request?.Bytes ?? 0), $"{workflow.Name} requests", workflow.Path + "/request");
            Flow(-1, component, avg * (workflow.Response?.Bytes ?? 0), $"{workflow.Name} responses", workflow.Path + "/response");
        }

        // Calls to a store move its records: writes carry one in, reads carry one out.
        foreach (var edge in Graph.Edges)
        {
            if (edge.Call is null)
            {
                continue;
            }

            var callee = Graph.ComponentOf[edge.To];
            var sizes = Model.EntitiesOwnedBy(callee).Select(e => Design.Data[e].RecordSize?.Bytes ?? 0).ToList();
            if (sizes.Count == 0)
            {
                continue;
            }

            var bytes = Loads.Average[edge.From] * Model.EdgeFactor(Values, edge) * sizes.Max();
            var caller = Graph.ComponentOf[edge.From];
            var label = $"{edge.Call.Id} records";
            if (Model.OperationTypes[edge.To] == AccessType.Write)
            {
                Flow(callee, caller, bytes, label, edge.Call.Path);
            }
            else
            {
                Flow(caller, callee, bytes, label, edge.Call.Path);
            }
        }

        return [.. Enumerable.Range(0, n).Where(c => ingress[c] > 0 || egress[c] > 0).Select(c => new ComponentBandwidth(
            Graph.Components[c].Name,
            new Figure("ingress", ingress[c], FigureUnit.BytesPerSecond, "sum of requests and records flowing in", [.. inInputs[c]]),
            new Figure("egress", egress[c], FigureUnit.BytesPerSecond, "sum of responses and records flowing out", [.. outInputs[c]])))];
    }

    public Figure InternetEgress()
    {
        var inputs = ImmutableArray.CreateBuilder<FigureInput>();
        for (var w = 0; w < Design.Workflows.Length; w++)
        {
            var workflow = Design.Workflows[w];
            var avg = Model.WorkflowAverage(Values, w);
            if (!double.IsNaN(avg) && workflow.Response is { } response)
            {
                inputs.Add(In($"{workflow.Name}: average x response", avg * response.Bytes, FigureUnit.BytesPerSecond, workflow.Path + "/response"));
            }
        }

        return new Figure("egress to the internet", Numbers.InternetEgress(Model, Values), FigureUnit.BytesPerSecond, "sum over workflows of average rate x response size", inputs.ToImmutable());
    }
}
