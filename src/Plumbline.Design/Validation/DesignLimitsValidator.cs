using Plumbline.Design.Diagnostics;
using Plumbline.Design.Loading;
using Plumbline.Design.Loading.Binding;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Design.Validation;

/// <summary>
/// Refuses a design past its <see cref="DesignLimits"/>, each at the first thing past the limit: the component,
/// operation, call or workflow one too many, the consumers of the queue whose deliveries pass the total, the call that
/// starts a chain too long. Linear in the design; iterative, so a long chain cannot overflow the stack.
/// </summary>
internal static class DesignLimitsValidator
{
    public static void Validate(SystemDesign design, BindContext context, DesignLimits limits)
    {
        if (design.Components.Length > limits.MaxComponents)
        {
            var path = design.Components[limits.MaxComponents].Path;
            Report(context, path, key: true, $"the design has {N(design.Components.Length)} components, more than the {N(limits.MaxComponents)} a design may have",
                "split the system into designs that each describe a part, or group replicas of one thing into one component with instances");
        }

        var operations = 0;
        foreach (var component in design.Components)
        {
            if (operations <= limits.MaxOperations && operations + component.Operations.Length > limits.MaxOperations)
            {
                var path = component.Operations[limits.MaxOperations - operations].Path;
                var total = design.Components.Sum(c => (long)c.Operations.Length);
                Report(context, path, key: true, $"the design has {N(total)} operations, more than the {N(limits.MaxOperations)} a design may have",
                    "split the system into designs that each describe a part, or describe one operation for a family of similar ones");
            }

            operations += component.Operations.Length;
        }

        var calls = 0L;
        foreach (var component in design.Components)
        {
            foreach (var operation in component.Operations)
            {
                if (calls <= limits.MaxCalls && calls + operation.Calls.Length > limits.MaxCalls)
                {
                    var path = operation.Calls[(int)(limits.MaxCalls - calls)].Path;
                    var total = design.Components.Sum(c => c.Operations.Sum(o => (long)o.Calls.Length));
                    Report(context, path, key: true, $"the design has {N(total)} calls, more than the {N(limits.MaxCalls)} a design may have",
                        "split the system into designs that each describe a part, or describe one call for a family of similar ones");
                }

                calls += operation.Calls.Length;
            }
        }

        if (design.Workflows.Length > limits.MaxWorkflows)
        {
            var path = design.Workflows[limits.MaxWorkflows].Path;
            Report(context, path, key: true, $"the design has {N(design.Workflows.Length)} workflows, more than the {N(limits.MaxWorkflows)} a design may have",
                "keep the workflows that carry distinct load or criticality; fold the rest into them");
        }

        long deliveries = 0;
        foreach (var component in design.Components)
        {
            if (component.Kind != ComponentKind.Queue || component.Consumers.IsEmpty)
            {
                continue;
            }

            var these = (long)component.Operations.Length * component.Consumers.Length;
            if (deliveries <= limits.MaxDeliveries && deliveries + these > limits.MaxDeliveries)
            {
                Report(context, component.Path + "/consumers", key: false,
                    $"{component.Name} delivers its {N(component.Operations.Length)} operations to {N(component.Consumers.Length)} consumers: with the queues before it, {N(deliveries + these)} deliveries, more than the {N(limits.MaxDeliveries)} a design may have",
                    "give the queue fewer operations (one per kind of message) or split it into queues that each have their own consumers");
            }

            deliveries += these;
        }

        if (deliveries > limits.MaxDeliveries)
        {
            return;
        }

        var (all, index, targets) = Graph(design);
        CallDepth(context, all, targets, limits.MaxCallDepth);
        Reach(design, context, all, index, targets, limits.MaxReach);
    }

    /// <summary>The operations in file order, their index, and each one's calls that resolve.</summary>
    private static (List<Operation> Operations, Dictionary<OperationRef, int> Index, List<(int Target, Call Call)>[] Targets) Graph(SystemDesign design)
    {
        var index = new Dictionary<OperationRef, int>();
        var operations = new List<Operation>();
        foreach (var component in design.Components)
        {
            foreach (var operation in component.Operations)
            {
                index.TryAdd(operation.Ref, operations.Count);
                operations.Add(operation);
            }
        }

        var targets = new List<(int Target, Call Call)>[operations.Count];
        for (var i = 0; i < operations.Count; i++)
        {
            targets[i] = [];
            foreach (var call in operations[i].Calls)
            {
                if (index.TryGetValue(call.To, out var target))
                {
                    targets[i].Add((target, call));
                }
            }
        }

        return (operations, index, targets);
    }

    /// <summary>
    /// The operations each workflow reaches (calls, hand-offs and deliveries), summed over the workflows, workflows that
    /// enter at one operation counted once; reported at the workflow that passes the limit. Stops there, so it costs
    /// at most the limit.
    /// </summary>
    private static void Reach(SystemDesign design, BindContext context, List<Operation> operations, Dictionary<OperationRef, int> index,
        List<(int Target, Call Call)>[] targets, int max)
    {
        var consumers = new List<int>?[operations.Count];
        foreach (var component in design.Components)
        {
            if (component.Kind != ComponentKind.Queue)
            {
                continue;
            }

            var delivered = component.Consumers.Select(c => index.TryGetValue(c, out var i) ? i : -1).Where(i => i >= 0).ToList();
            foreach (var operation in component.Operations)
            {
                if (index.TryGetValue(operation.Ref, out var i))
                {
                    consumers[i] = delivered;
                }
            }
        }

        var mark = new int[operations.Count];
        var entries = new HashSet<int>();
        var queue = new List<int>();
        long total = 0;
        foreach (var workflow in design.Workflows)
        {
            if (!index.TryGetValue(workflow.Entry, out var entry) || !entries.Add(entry))
            {
                continue;
            }

            var generation = entries.Count;
            queue.Clear();
            queue.Add(entry);
            mark[entry] = generation;
            for (var i = 0; i < queue.Count && total + queue.Count <= max; i++)
            {
                foreach (var (target, _) in targets[queue[i]])
                {
                    if (mark[target] != generation)
                    {
                        mark[target] = generation;
                        queue.Add(target);
                    }
                }

                foreach (var target in consumers[queue[i]] ?? [])
                {
                    if (mark[target] != generation)
                    {
                        mark[target] = generation;
                        queue.Add(target);
                    }
                }
            }

            total += queue.Count;
            if (total > max)
            {
                Report(context, workflow.Path, key: true,
                    $"the operations the workflows reach, summed over the workflows, pass {N(max)} at workflow {workflow.Name}, more than a design may have",
                    "merge workflows that enter alike, or split the system into designs that each describe a part");
                return;
            }
        }
    }

    /// <summary>
    /// The longest chain of calls from each operation, by a depth-first walk that ignores a call back into the chain
    /// being walked (an async loop counts once); the first operation, in file order, whose chain is too long is reported.
    /// </summary>
    private static void CallDepth(BindContext context, List<Operation> operations, List<(int Target, Call Call)>[] targets, int max)
    {
        var n = operations.Count;
        var depth = new int[n];
        var next = new int[n];
        var state = new byte[n]; // 0 new, 1 on the stack, 2 done
        var stack = new Stack<(int Node, int NextEdge)>();
        for (var start = 0; start < n; start++)
        {
            if (state[start] != 0)
            {
                continue;
            }

            state[start] = 1;
            stack.Push((start, 0));
            while (stack.Count > 0)
            {
                var (node, edge) = stack.Pop();
                if (edge < targets[node].Count)
                {
                    stack.Push((node, edge + 1));
                    var target = targets[node][edge].Target;
                    if (state[target] == 0)
                    {
                        state[target] = 1;
                        stack.Push((target, 0));
                    }

                    continue;
                }

                // Every callee is done (or on the stack: a loop, not followed): the node's depth is the deepest callee's + 1.
                next[node] = -1;
                for (var e = 0; e < targets[node].Count; e++)
                {
                    var target = targets[node][e].Target;
                    if (state[target] == 2 && depth[target] + 1 > depth[node])
                    {
                        depth[node] = depth[target] + 1;
                        next[node] = e;
                    }
                }

                state[node] = 2;
            }
        }

        for (var op = 0; op < n; op++)
        {
            if (depth[op] <= max)
            {
                continue;
            }

            var chain = new List<string>();
            for (var at = op; at >= 0 && chain.Count <= depth[op]; at = next[at] >= 0 ? targets[at][next[at]].Target : -1)
            {
                chain.Add(operations[at].RefText);
            }

            var shown = chain.Count <= 6 ? string.Join(" -> ", chain) : $"{string.Join(" -> ", chain.Take(3))} -> ... -> {string.Join(" -> ", chain.TakeLast(2))}";
            var first = targets[op][next[op]].Call;
            Report(context, first.Path + "/to", key: false, $"a chain of {N(depth[op])} calls starts at {operations[op].RefText} ({shown}), more than the {N(max)} a design may nest",
                "flatten the chain: call services side by side from one orchestrator, or end it at a queue whose consumers start their own chain");
            return;
        }
    }

    /// <summary>Reports at the key of a component, operation or workflow (<paramref name="key"/>), else at the value.</summary>
    private static void Report(BindContext context, string path, bool key, string message, string help) =>
        context.Report(DiagnosticCodes.DesignLimit(key ? context.SourceMap.KeySpan(path) : context.BuildSpan(path), path, message, help));

    private static string N(long value) => Quantities.Exact(value);
}
