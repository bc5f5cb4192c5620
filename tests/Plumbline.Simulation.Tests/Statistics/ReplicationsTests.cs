using Plumbline.Analysis.Latency;
using Plumbline.Simulation.Queueing;
using Plumbline.Simulation.Randomness;
using Plumbline.Simulation.Statistics;
using Xunit;

namespace Plumbline.Simulation.Tests.Statistics;

public sealed class ReplicationsTests
{
    private static NetworkResult Replication(int index) =>
        new QueueingNetwork(0.7, [new StationSpec(1, ServiceTime.Exponential(1))], Xoshiro256StarStar.ForStream(2026, index).NextUInt64())
            .Run(duration: RunLength.Pick(2_000, 500), warmUp: RunLength.Pick(200, 50));

    [Fact]
    public void Parallel_replications_give_the_sequential_results_in_order()
    {
        var parallel = Replications.Run(8, Replication, parallelism: 2, TestContext.Current.CancellationToken);
        var sequential = Enumerable.Range(0, 8).Select(Replication).ToList();
        Assert.Equal(sequential.Select(r => r.MeanSojourn), parallel.Select(r => r.MeanSojourn));
        Assert.Equal(8, parallel.Select(r => r.MeanSojourn).Distinct().Count()); // independent streams
    }

    [Fact]
    public void The_interval_covers_the_replications_figure()
    {
        // M/M/1 at rho 0.7: W = 1 / (1 - 0.7) = 10/3; short runs, so a wide 99% interval that must still contain it.
        var results = Replications.Run(8, Replication, cancellation: TestContext.Current.CancellationToken);
        var ci = Replications.Interval(results, r => r.MeanSojourn, 0.99);
        Assert.Equal(8, ci.Count);
        Assert.True(ci.Contains(10.0 / 3), ci.ToString());
    }

    [Fact]
    public void At_least_one_replication_is_needed() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Replications.Run(0, Replication, cancellation: TestContext.Current.CancellationToken));

    [Fact]
    public void Replications_come_back_in_order_at_any_parallelism()
    {
        // Parallelism 0 is taken as one at a time.
        Assert.Equal([0, 1, 4, 9, 16], Replications.Run(5, i => i * i, parallelism: 0, TestContext.Current.CancellationToken));
        Assert.Equal([0, 1, 4, 9, 16], Replications.Run(5, i => i * i, parallelism: 3, TestContext.Current.CancellationToken));
        var ci = Replications.Interval([1.0, 3.0], x => x, 0.95);
        Assert.Equal((2.0, 2), (ci.Mean, ci.Count));
        Assert.Equal(12.7062047, ci.HalfWidth, 6);
    }

    [Fact]
    public void At_most_the_parallelism_asked_for_runs_at_once()
    {
        // Each replication waits a little while counting how many run at once: with parallelism 1, never two.
        var running = 0;
        var most = 0;
        int Run(int i)
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            Thread.Sleep(10);
            Interlocked.Decrement(ref running);
            return i;
        }

        Assert.Equal([0, 1, 2, 3, 4, 5], Replications.Run(6, Run, parallelism: 1, TestContext.Current.CancellationToken));
        Assert.Equal(1, most);
    }

    [Fact]
    public void A_cancelled_run_stops_and_missing_arguments_are_refused()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => Replications.Run(4, i => i, parallelism: 2, cancelled.Token));
        Assert.Throws<ArgumentNullException>(() => Replications.Run<int>(4, null!, cancellation: TestContext.Current.CancellationToken));
        // Refused by name: without the checks, LINQ's Select would throw the same exception, naming "source" or "selector".
        Assert.Equal("results", Assert.Throws<ArgumentNullException>(() => Replications.Interval<double>(null!, x => x)).ParamName);
        Assert.Equal("figure", Assert.Throws<ArgumentNullException>(() => Replications.Interval([1.0, 2.0], null!)).ParamName);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
