using System.Collections.Immutable;
using System.Globalization;
using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Availability;

/// <summary>The availability of one component: its instances (and replicas) in parallel, inside its zones in parallel.</summary>
/// <param name="PerInstance">Stated availability of one instance, or the default.</param>
/// <param name="Parallel">Instances (plus replicas for a stateful component) that can serve.</param>
/// <param name="Zones">Zones it runs in (1 when none are listed).</param>
/// <param name="Value">1 - (1 - a)^n, times 1 - (1 - z)^k for k zones.</param>
/// <param name="Arithmetic">The computation written out.</param>
public sealed record ComponentAvailability(string Component, double PerInstance, bool PerInstanceIsDefault, int Parallel, int Zones, double Value, string Arithmetic);

/// <summary>One hop of a workflow's synchronous path and the factor it contributes.</summary>
public sealed record PathFactor(string Operation, string Description, double Factor);

/// <summary>A workflow's availability, composed along its synchronous call path.</summary>
public sealed record WorkflowAvailability(string Workflow, double Value, ImmutableArray<PathFactor> Factors)
{
    /// <summary>"edge 99.99% x links-db (10% of calls) 99.9% = 99.89%".</summary>
    public string Arithmetic => string.Join(" x ", Factors.Select(f => $"{f.Description} {AvailabilityModel.Percent(f.Factor)}"))
        + $" = {AvailabilityModel.Percent(Value)}";
}

/// <summary>
/// Availability composed the way a reviewer does it on a whiteboard: components in series along
/// each workflow's synchronous calls; instances, replicas and zones in parallel; async hops and
/// calls with a fallback left out (their failure degrades, it does not fail the request). Failures
/// are taken as independent, which flatters the result; the docs say so.
/// </summary>
public sealed class AvailabilityModel
{
    /// <summary>Availability of one instance when the design states none.</summary>
    public const double DefaultInstanceAvailability = 0.999;

    /// <summary>Availability of one zone: about 53 minutes of zone outage a year.</summary>
    public const double ZoneAvailability = 0.9999;

    private readonly SystemDesign _design;
    private readonly CallGraph _graph;
    private readonly double?[] _operation;
    private readonly int[] _state;

    public AvailabilityModel(SystemDesign design, CallGraph graph)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(graph);
        _design = design;
        _graph = graph;
        Components = [.. graph.Components.Select(Compose)];
        _operation = new double?[graph.Operations.Length];
        _state = new int[graph.Operations.Length];
        Workflows = [.. design.Workflows.Select(Workflow)];
    }

    public ImmutableArray<ComponentAvailability> Components { get; }

    public ImmutableArray<WorkflowAvailability> Workflows { get; }

    public ComponentAvailability Of(string component) => Components[_graph.ComponentIndex[component]];

    public WorkflowAvailability? OfWorkflow(string workflow) => Workflows.FirstOrDefault(w => w.Workflow == workflow);

    /// <summary>Availability of one component in isolation; pure, for tests and docs.</summary>
    public static double Compose(double perInstance, int parallel, int zones) =>
        (1 - Math.Pow(1 - perInstance, Math.Max(parallel, 1))) * (1 - Math.Pow(1 - ZoneAvailability, Math.Max(zones, 1)));

    /// <summary>Availability of an operation including everything it calls synchronously.</summary>
    public double OfOperation(int op)
    {
        if (_operation[op] is { } known)
        {
            return known;
        }

        // Iterative post-order walk, so a deep chain of calls cannot overflow the stack.
        var stack = new Stack<int>();
        stack.Push(op);
        while (stack.Count > 0)
        {
            var current = stack.Peek();
            if (_state[current] == 0)
            {
                _state[current] = 1;
                foreach (var e in _graph.Outgoing[current])
                {
                    var edge = _graph.Edges[e];
                    if (Counts(edge) && _state[edge.To] == 0)
                    {
                        stack.Push(edge.To);
                    }
                }

                continue;
            }

            stack.Pop();
            if (_operation[current] is not null)
            {
                continue;
            }

            var value = Components[_graph.ComponentOf[current]].Value;
            foreach (var e in _graph.Outgoing[current])
            {
                var edge = _graph.Edges[e];
                if (Counts(edge))
                {
                    value *= CallFactor(edge, _operation[edge.To] ?? 1);
                }
            }

            _operation[current] = value;
            _state[current] = 2;
        }

        return _operation[op]!.Value;
    }

    internal static string Percent(double value)
    {
        if (value >= 1)
        {
            return "100%";
        }

        // Enough nines to tell 99.95% from 99.949%: two digits past the first non-nine.
        var nines = (int)Math.Floor(-Math.Log10(1 - value));
        var decimals = Math.Clamp(nines, 2, 8);
        return (value * 100).ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>A synchronous call with no fallback: its failure fails the caller.</summary>
    private static bool Counts(CallEdge edge) => edge.Kind == EdgeKind.Sync && string.IsNullOrWhiteSpace(edge.Call?.Fallback);

    /// <summary>The caller succeeds unless the call is made (probability p) and one of its count attempts' targets fails.</summary>
    private static double CallFactor(CallEdge edge, double callee)
    {
        var p = edge.Call?.EffectiveProbability ?? 1;
        var n = edge.Call?.Count ?? 1;
        return 1 - (p * (1 - Math.Pow(callee, Math.Max(n, 1))));
    }

    private ComponentAvailability Compose(Component component)
    {
        if (component.Kind == ComponentKind.Client)
        {
            return new ComponentAvailability(component.Name, 1, false, 1, 1, 1, "clients are outside the system");
        }

        if (component.Kind == ComponentKind.External)
        {
            var stated = component.Sla ?? component.Availability;
            var value = stated?.Fraction ?? DefaultInstanceAvailability;
            return new ComponentAvailability(component.Name, value, stated is null, 1, 1, value,
                $"{component.Name}: {(stated is null ? "no SLA stated, assumed" : "SLA")} {Percent(value)}");
        }

        var perInstance = component.Availability?.Fraction ?? DefaultInstanceAvailability;
        var parallel = component.Instances + (component.IsStateful ? component.Replicas : 0);
        var zones = Math.Max(component.Zones.Length, 1);
        var total = Compose(perInstance, parallel, zones);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{component.Name}: 1 - (1 - {Percent(perInstance)}{(component.Availability is null ? " assumed" : string.Empty)})^{parallel} instances, x 1 - (1 - {Percent(ZoneAvailability)})^{zones} zone{(zones == 1 ? string.Empty : "s")} = {Percent(total)}");
        return new ComponentAvailability(component.Name, perInstance, component.Availability is null, parallel, zones, total, text);
    }

    private WorkflowAvailability Workflow(Workflow workflow)
    {
        var entry = _graph.IndexOf(workflow.Entry);
        if (entry < 0)
        {
            return new WorkflowAvailability(workflow.Name, 1, []);
        }

        var value = OfOperation(entry);
        var factors = ImmutableArray.CreateBuilder<PathFactor>();
        var seen = new HashSet<int>();
        var queue = new Queue<(int Op, double Share)>();
        queue.Enqueue((entry, 1));
        while (queue.Count > 0 && factors.Count < 64)
        {
            var (op, share) = queue.Dequeue();
            if (!seen.Add(op))
            {
                continue;
            }

            var component = Components[_graph.ComponentOf[op]];
            var description = share < 1 ? $"{_graph.Operations[op].Ref} ({AvailabilityModel.Percent(share)} of requests)" : _graph.Operations[op].Ref.ToString();
            factors.Add(new PathFactor(_graph.Operations[op].Ref.ToString(), description, 1 - (share * (1 - component.Value))));
            foreach (var e in _graph.Outgoing[op])
            {
                var edge = _graph.Edges[e];
                if (Counts(edge))
                {
                    queue.Enqueue((edge.To, share * (edge.Call?.EffectiveProbability ?? 1)));
                }
            }
        }

        return new WorkflowAvailability(workflow.Name, value, factors.ToImmutable());
    }
}
