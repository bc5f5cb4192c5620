using Plumbline.Design.Diagnostics;
using Plumbline.Design.Loading.Binding;
using Plumbline.Design.Model;

namespace Plumbline.Design.Validation;

/// <summary>
/// Finds cycles of synchronous calls between operations: a request that would wait on itself.
/// Async hand-offs break a cycle, since the caller does not wait. Iterative, so a long call chain
/// cannot overflow the stack.
/// </summary>
internal static class CallGraphValidator
{
    /// <summary>Enough to show the problem without drowning the user when a design is badly tangled.</summary>
    private const int MaxCyclesReported = 20;

    public static void Validate(SystemDesign design, BindContext context)
    {
        var index = new Dictionary<OperationRef, int>();
        var operations = new List<Operation>();
        foreach (var component in design.Components)
        {
            foreach (var operation in component.Operations)
            {
                index[operation.Ref] = operations.Count;
                operations.Add(operation);
            }
        }

        // Adjacency: for each operation, its synchronous calls that resolve.
        var edges = new List<(int Target, Call Call)>[operations.Count];
        for (var i = 0; i < operations.Count; i++)
        {
            edges[i] = [];
            foreach (var call in operations[i].Calls)
            {
                if (!call.Async && index.TryGetValue(call.To, out var target))
                {
                    edges[i].Add((target, call));
                }
            }
        }

        var state = new byte[operations.Count]; // 0 new, 1 on the stack, 2 done
        var stack = new List<(int Node, int NextEdge)>();
        var reported = 0;
        for (var start = 0; start < operations.Count && reported < MaxCyclesReported; start++)
        {
            if (state[start] != 0)
            {
                continue;
            }

            stack.Add((start, 0));
            state[start] = 1;
            while (stack.Count > 0)
            {
                var (node, next) = stack[^1];
                if (next >= edges[node].Count)
                {
                    state[node] = 2;
                    stack.RemoveAt(stack.Count - 1);
                    continue;
                }

                stack[^1] = (node, next + 1);
                var (target, call) = edges[node][next];
                if (state[target] == 0)
                {
                    state[target] = 1;
                    stack.Add((target, 0));
                }
                else if (state[target] == 1 && reported < MaxCyclesReported)
                {
                    var from = stack.FindIndex(f => f.Node == target);
                    var cycle = stack.Skip(from).Select(f => operations[f.Node].RefText).Append(operations[target].RefText).ToList();
                    var path = call.Path + "/to";
                    context.Report(DiagnosticCodes.SyncCycle(context.BuildSpan(path), path, cycle));
                    reported++;
                }
            }
        }
    }
}
