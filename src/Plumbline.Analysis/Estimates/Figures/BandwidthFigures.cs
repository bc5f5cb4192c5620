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

        // Along every call, what moves: a write carries its rows into the callee; a read's response
        // (stated, or rows x record size from a store) comes back to the caller. What cannot be known
        // makes the figures it would add to unknown, never 0.
        var unknownIn = new List<string>[n];
        var unknownOut = new List<string>[n];
        for (var c = 0; c < n; c++)
        {
            unknownIn[c] = [];
            unknownOut[c] = [];
        }

        foreach (var edge in Graph.Edges)
        {
            if (edge.Call is null)
            {
                continue;
            }

            var load = Loads.Average[edge.From] * Model.EdgeFactor(Values, edge);
            if (load <= 0)
            {
                continue;
            }

            var callee = Graph.ComponentOf[edge.To];
            var caller = Graph.ComponentOf[edge.From];
            var operation = Graph.Operations[edge.To];
            var label = $"{edge.Call.Id}";
            if (Model.OperationTypes[edge.To] == AccessType.Write)
            {
                if (RecordBytes(edge.To, write: true) is { } written)
                {
                    Flow(callee, caller, load * written.Bytes, $"{label} writes: {written.How}", edge.Call.Path);
                }

                continue;
            }

            if (operation.Response is { } response)
            {
                Flow(caller, callee, load * response.Bytes, $"{label} responses of {response}", operation.Path + "/response");
            }
            else if (RecordBytes(edge.To, write: false) is { } read)
            {
                Flow(caller, callee, load * read.Bytes, $"{label} reads: {read.How}", edge.Call.Path);
            }
            else if (Model.EntitiesOwnedBy(callee).IsEmpty || RangeRead(callee))
            {
                var why = Model.EntitiesOwnedBy(callee).IsEmpty
                    ? $"{operation.RefText} states no response size"
                    : $"{operation.RefText} reads a range ({RangePatterns(callee)}) and states no rows or response";
                unknownIn[caller].Add(why);
                unknownOut[callee].Add(why);
            }
        }

        return [.. Enumerable.Range(0, n).Where(c => ingress[c] > 0 || egress[c] > 0 || unknownIn[c].Count > 0 || unknownOut[c].Count > 0).Select(c => new ComponentBandwidth(
            Graph.Components[c].Name,
            Sum("ingress", ingress[c], "sum of requests, written records and responses flowing in", inInputs[c], unknownIn[c]),
            Sum("egress", egress[c], "sum of responses and records flowing out", outInputs[c], unknownOut[c])))];
    }

    private static Figure Sum(string name, double value, string formula, List<FigureInput> inputs, List<string> unknown) =>
        unknown.Count == 0
            ? new Figure(name, value, FigureUnit.BytesPerSecond, formula, [.. inputs])
            : new Figure(name, null, FigureUnit.BytesPerSecond,
                $"unknown: {string.Join("; ", unknown.Distinct().Take(3))}{(unknown.Distinct().Count() > 3 ? "; ..." : string.Empty)} (state response or rows on the operation)", [.. inputs]);

    /// <summary>
    /// Bytes one execution of a store's operation moves: rows (stated, or 1 for a key lookup) x the
    /// largest record the store owns (a cache: the records of the stores behind it); null when there
    /// is no sized record, or it reads a range without saying how many rows.
    /// </summary>
    private (double Bytes, string How)? RecordBytes(int op, bool write)
    {
        var component = Graph.ComponentOf[op];
        var sizes = Model.EntitiesOwnedBy(component).Select(e => Design.Data[e].RecordSize?.Bytes ?? 0).Where(b => b > 0).ToList();
        if (sizes.Count == 0 && Graph.Components[component].Kind == ComponentKind.Cache)
        {
            // A cache holds the records of the stores its misses fall through to.
            sizes = [.. Graph.Edges.Where(e => e.BacksCache == component).SelectMany(e => Model.EntitiesOwnedBy(Graph.ComponentOf[e.To]))
                .Select(e => Design.Data[e].RecordSize?.Bytes ?? 0).Where(b => b > 0)];
        }

        if (sizes.Count == 0)
        {
            return null;
        }

        var operation = Graph.Operations[op];
        if (operation.Rows is { } rows)
        {
            return (rows * sizes.Max(), Invariant($"{rows:0.##} rows x {sizes.Max():0} B"));
        }

        if (!write && RangeRead(component))
        {
            return null;
        }

        return (sizes.Max(), Invariant($"1 record x {sizes.Max():0} B"));
    }

    /// <summary>Whether the store's entities are read by more than a key (a range, a time window, an aggregate or a text search).</summary>
    private bool RangeRead(int component) => RangePatterns(component).Length > 0;

    private string RangePatterns(int component) => string.Join(", ", Model.EntitiesOwnedBy(component)
        .SelectMany(e => Design.Data[e].Access)
        .Where(a => a.Kind is AccessPatternKind.RangeScan or AccessPatternKind.TimeSeries or AccessPatternKind.Aggregate or AccessPatternKind.FullText)
        .Select(a => a.Text).Distinct());

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
