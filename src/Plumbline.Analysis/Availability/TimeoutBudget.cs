using System.Globalization;
using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Availability;

/// <summary>The longest an operation can take before it answers or gives up, with the sum written out.</summary>
/// <param name="Seconds">Worst case in seconds.</param>
/// <param name="Arithmetic">"p99 5ms + links-db.get 3 x 50ms + 30ms backoff = 185ms": own latency and the longest retry loop.</param>
/// <param name="HasCalls">Whether the operation makes synchronous calls (else the worst case is its own latency).</param>
public sealed record WorstCaseTime(double Seconds, string Arithmetic, bool HasCalls);

/// <summary>
/// Retry budgets, Polly's semantics: a call with <c>retries.max</c> r makes up to r + 1 attempts,
/// each cut off at the call's timeout, with a backoff delay before each retry (constant: base;
/// linear: base x k; exponential: base x 2^(k-1); each capped at max_delay; jitter only spreads
/// delays below that). An operation's worst case is the time it needs to see one failing
/// dependency through: its own slowest stated latency plus the longest retry loop among its
/// synchronous calls (attempts x timeout + backoff, times the call's count when its copies are made one
/// after another: 15 sequential calls to a slow callee wait 15 timeouts). An attempt with no timeout waits as long as
/// the callee's own worst case. Everything failing at once would take longer still; one slow
/// dependency is the case timeouts must be budgeted for.
/// </summary>
public static class TimeoutBudget
{
    /// <summary>The delay before retry <paramref name="retry"/> (1-based), in seconds, at its largest.</summary>
    public static double Delay(RetryPolicy policy, int retry)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var baseDelay = policy.Base?.Seconds ?? 0;
        var delay = policy.Backoff switch
        {
            BackoffKind.Linear => baseDelay * retry,
            BackoffKind.Exponential => baseDelay * Math.Pow(2, retry - 1),
            _ => baseDelay,
        };
        return policy.MaxDelay is { } cap ? Math.Min(delay, cap.Seconds) : delay;
    }

    /// <summary>The sum of the delays before every retry, in seconds; 0 with no retries.</summary>
    public static double TotalDelay(RetryPolicy? policy)
    {
        if (policy is null)
        {
            return 0;
        }

        var total = 0.0;
        foreach (var k in Enumerable.Range(1, Math.Max(0, policy.Max)))
        {
            total += Delay(policy, k);
        }

        return total;
    }

    /// <summary>The slowest latency the operation states (p999, p99, p90, mean, p50, in that order), in seconds; 0 when none.</summary>
    public static (double Seconds, string Label) OwnLatency(Operation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var l = operation.Latency;
        return l switch
        {
            { P999: { } d } => (d.Seconds, "p999"),
            { P99: { } d } => (d.Seconds, "p99"),
            { P90: { } d } => (d.Seconds, "p90"),
            { Mean: { } d } => (d.Seconds, "mean"),
            { P50: { } d } => (d.Seconds, "p50"),
            _ => (0, "latency"),
        };
    }

    /// <summary>The worst case of one operation: its own latency and the longest retry loop among its synchronous calls.</summary>
    public static WorstCaseTime Of(CallGraph graph, int operation) => Of(graph, operation, All(graph));

    /// <summary>The worst case of one operation, given every operation's worst case from <see cref="All"/> (so a caller asking about many operations computes them once).</summary>
    public static WorstCaseTime Of(CallGraph graph, int operation, double[] worst)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(worst);
        var (own, label) = OwnLatency(graph.Operations[operation]);
        var longest = Longest(graph, operation, worst);
        var parts = new List<string> { $"{label} {Quantities.Duration(own)}" };
        if (longest is { Call: { } call } edge)
        {
            parts.Add($"{graph.Operations[edge.To].RefText} {Describe(call, worst[edge.To])}");
        }

        return new WorstCaseTime(worst[operation], string.Join(" + ", parts) + $" = {Quantities.Duration(worst[operation])}", longest is not null);
    }

    /// <summary>
    /// Every operation's worst case in seconds, callees before callers (reverse call-graph order),
    /// without recursion so a deep chain cannot overflow the stack.
    /// </summary>
    public static double[] All(CallGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var worst = new double[graph.Operations.Length];
        for (var i = graph.Order.Length - 1; i >= 0; i--)
        {
            var op = graph.Order[i];
            var longest = Longest(graph, op, worst);
            worst[op] = OwnLatency(graph.Operations[op]).Seconds + (longest?.Call is { } call ? CallSeconds(call, worst[longest.To]) : 0);
        }

        return worst;
    }

    /// <summary>The synchronous call of an operation with the longest retry loop, the first on a tie; null when it makes none.</summary>
    private static CallEdge? Longest(CallGraph graph, int op, double[] worst)
    {
        CallEdge? longest = null;
        var most = -1.0;
        foreach (var e in graph.Outgoing[op])
        {
            var edge = graph.Edges[e];
            if (edge.Kind == EdgeKind.Sync && edge.Call is { } call && CallSeconds(call, worst[edge.To]) > most)
            {
                most = CallSeconds(call, worst[edge.To]);
                longest = edge;
            }
        }

        return longest;
    }

    /// <summary>
    /// How many times a call is made one after another in one execution: its count rounded up, unless it is
    /// parallel (its copies are made at the same time, and the caller waits for the slowest once).
    /// </summary>
    public static int Sequential(Call call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Parallel ? 1 : (int)Math.Min(1_000_000, Math.Ceiling(call.Count - 1e-9));
    }

    private static double CallSeconds(Call call, double callee) =>
        Sequential(call) * ((Attempts.Max(call) * (call.Timeout?.Seconds ?? callee)) + TotalDelay(call.Retries));

    private static string Describe(Call call, double callee)
    {
        var text = DescribeOne(call, callee);
        var times = Sequential(call);
        return times == 1 ? text : string.Create(CultureInfo.InvariantCulture, $"{times} calls in turn x ({text})");
    }

    private static string DescribeOne(Call call, double callee)
    {
        var attempts = Attempts.Max(call);
        var perAttempt = call.Timeout?.Seconds ?? callee;
        var delays = TotalDelay(call.Retries);
        var text = attempts == 1 ? Quantities.Duration(perAttempt) : string.Create(CultureInfo.InvariantCulture, $"{attempts} x {Quantities.Duration(perAttempt)}");
        if (call.Timeout is null)
        {
            text += " (no timeout: its own worst case)";
        }

        if (delays > 0)
        {
            text += $" + {Quantities.Duration(delays)} backoff";
        }

        return text;
    }

}
