using BenchmarkDotNet.Attributes;
using Plumbline.Analysis.Latency;

namespace Plumbline.Benchmarks;

/// <summary>
/// Composing a synchronous path's latency as distributions, for paths of 1x, 2x, 4x and 8x the base
/// length (1,250 to 10,000 calls). Each call is a log-normal own time plus a callee reached with a
/// probability, a timeout and two retries, every fourth call fans out to two callees at once. The
/// cost must grow linearly with the path: each step is a fixed-size grid operation.
/// </summary>
[MemoryDiagnoser]
public class LatencyBenchmarks
{
    [Params(1_250, 2_500, 5_000, 10_000)]
    public int Calls { get; set; }

    [Benchmark]
    public double ComposeChain() => LatencyChain.Compose(Calls).Quantile(0.99);
}

/// <summary>The path the latency benchmarks compose, built callee first as a design's call graph is walked.</summary>
public static class LatencyChain
{
    private static readonly ServiceTime Own = ServiceTime.LogNormalThrough(0.5, 0.2e-3, 0.99, 2e-3);
    private static readonly ServiceTime Leaf = ServiceTime.LogNormalThrough(0.5, 2e-3, 0.99, 15e-3);
    private static readonly RetryShape Retries = new(3, 50e-3, [5e-3, 10e-3]);

    /// <summary>The latency at the top of a chain of <paramref name="calls"/> calls.</summary>
    public static LatencyDistribution Compose(int calls)
    {
        var own = LatencyDistribution.Of(Own);
        var below = LatencyDistribution.Of(Leaf);
        for (var i = 0; i < calls; i++)
        {
            var call = LatencyDistribution.WithRetries(below, Retries);
            if (i % 4 == 3)
            {
                call = LatencyDistribution.Max(call, below);
            }

            below = LatencyDistribution.Series(own, LatencyDistribution.Maybe(0.9, call));
        }

        return below;
    }
}

/// <summary>The quick harness's latency cases: the same chain at 1x, 2x, 4x and 8x.</summary>
public static class LatencyQuickCases
{
    public static IEnumerable<QuickCase> Create()
    {
        foreach (var calls in new[] { 1_250, 2_500, 5_000, 10_000 })
        {
            yield return new QuickCase($"latency chain {calls} calls", calls, () => LatencyChain.Compose(calls));
        }
    }
}
