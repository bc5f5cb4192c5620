using System.Collections.Immutable;
using Plumbline.Analysis.Availability;
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
        foreach (var w in WorkflowsEnteringAt(i))
        {
            var workflow = Design.Workflows[w];
            var avg = Model.WorkflowAverage(Values, w);
            inputs.Add(In($"workflow {workflow.Name}", double.IsNaN(avg) ? 0 : avg, FigureUnit.Rate, workflow.Path + "/entry"));
            peakInputs.Add(In($"workflow {workflow.Name} at peak", double.IsNaN(avg) ? 0 : Model.WorkflowPeak(Values, w), FigureUnit.Rate, workflow.Path + "/entry"));
        }

        foreach (var e in Graph.Incoming[i])
        {
            var edge = Graph.Edges[e];
            var caller = Graph.Operations[edge.From].RefText;
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
        var (amplification, chain) = Amplification(i);
        return new OperationLoad(op.RefText, op.Component, Model.OperationTypes[i], average, peak, amplification) { DescribeAmplification = chain };
    }

    private Dictionary<int, AmplifiedOperation>? _amplified;
    private FigureInput?[]? _retryInputs;

    private List<int>[]? _workflowsByEntry;

    /// <summary>The workflows entering at operation <paramref name="op"/>, in design order; indexed once, not once per operation.</summary>
    private List<int> WorkflowsEnteringAt(int op)
    {
        if (_workflowsByEntry is null)
        {
            var byEntry = new List<int>[Graph.Operations.Length];
            for (var w = 0; w < Design.Workflows.Length; w++)
            {
                if (Graph.IndexOf(Design.Workflows[w].Entry) is var entry and >= 0)
                {
                    (byEntry[entry] ??= []).Add(w);
                }
            }

            _workflowsByEntry = byEntry;
        }

        return _workflowsByEntry[op] ?? [];
    }

    /// <summary>Retrying calls listed as inputs of one amplification figure; the rest are folded into one more input.</summary>
    public const int MaxListedCalls = 24;

    /// <summary>The operation's worst-case amplification: the one calculation the review's retry-amplification rule also uses.</summary>
    private (Figure Figure, Func<string> Path) Amplification(int target)
    {
        _amplified ??= RetryAmplification.Of(Design, Graph).ToDictionary(a => a.Operation);
        const string name = "worst-case retry amplification";
        if (!_amplified.TryGetValue(target, out var amplified))
        {
            return (new Figure(name, 1, FigureUnit.Factor, "not reached from any workflow", []), static () => string.Empty);
        }

        // The inputs list the first retrying calls of the path and fold the rest into one, so a deep path costs no more than a short one to explain.
        var retries = RetriesOn(amplified);
        var inputs = retries.Listed;
        if (retries.Unlisted > 0)
        {
            inputs = inputs.Add(Derived(Invariant($"attempts of the {retries.Unlisted} further calls with retries on the path (product)"), retries.UnlistedProduct, FigureUnit.Factor));
        }

        var figure = new Figure(name, amplified.Factor, FigureUnit.Factor,
            "product of (1 + retries.max) along the worst chain of calls from a workflow's entry; a queue delivery starts a new chain", inputs);
        var graph = Graph;
        return (figure, amplified.Length == 0 ? static () => string.Empty : () => amplified.Describe(graph));
    }

    private RetriesOnPath?[]? _retriesOn;

    /// <summary>
    /// The retrying calls on an operation's worst path: the first <see cref="MaxListedCalls"/> as inputs, and how many more and
    /// the product of their attempts. A path is its caller's and one more call, so this is its caller's and that call: worked
    /// out once per operation, callers first, not once per call on every path.
    /// </summary>
    private RetriesOnPath RetriesOn(AmplifiedOperation amplified)
    {
        _retriesOn ??= new RetriesOnPath?[Graph.Operations.Length];
        var pending = new Stack<AmplifiedOperation>();
        for (AmplifiedOperation? above = amplified; above is not null && _retriesOn[above.Operation] is null; above = above.Before)
        {
            pending.Push(above);
        }

        while (pending.TryPop(out var at))
        {
            if (at.Before is null)
            {
                // A path of no call, or a loop's path held whole.
                var whole = new RetriesOnPath([], 0, 1.0);
                foreach (var edge in at.Path)
                {
                    whole = whole.And(edge, this);
                }

                _retriesOn[at.Operation] = whole;
            }
            else
            {
                _retriesOn[at.Operation] = _retriesOn[at.Before.Operation]!.And(at.Last!, this);
            }
        }

        return _retriesOn[amplified.Operation]!;
    }

    /// <summary>One input per call, shared by every operation below it.</summary>
    private FigureInput RetryInput(CallEdge edge, global::Plumbline.Design.Model.Call call)
    {
        _retryInputs ??= new FigureInput?[Graph.Edges.Length];
        return _retryInputs[edge.Index] ??= In($"{call.Id} attempts (1 + retries.max)", Attempts.Max(call), FigureUnit.Factor, call.Path + "/retries");
    }

    /// <summary>The retrying calls of a path: the listed inputs, then the count and the product (in path order) of the rest.</summary>
    private sealed record RetriesOnPath(ImmutableArray<FigureInput> Listed, int Unlisted, double UnlistedProduct)
    {
        /// <summary>This path and then <paramref name="edge"/>; the same record when the call does not retry.</summary>
        public RetriesOnPath And(CallEdge edge, LoadFigures figures)
        {
            if (edge.Call is not { Retries: { } } call)
            {
                return this;
            }

            return Listed.Length < MaxListedCalls
                ? this with { Listed = Listed.Add(figures.RetryInput(edge, call)) }
                : this with { Unlisted = Unlisted + 1, UnlistedProduct = UnlistedProduct * Attempts.Max(call) };
        }
    }
}
