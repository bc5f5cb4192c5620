using Plumbline.Analysis.Latency;
using Xunit;

namespace Plumbline.Analysis.Tests.Latency;

/// <summary>The numeric composition of a whole path against a seeded Monte Carlo of the same path, within 2% at p50 and p99.</summary>
public sealed class MonteCarloTests
{
    private const double Ms = 1e-3;
    private const ulong Seed = 20_261_207;
    private const int Draws = 400_000;

    // A request waits in the gateway's queue (4 servers of 100/s at 300/s), does its own work,
    // calls auth, calls the database on a cache miss (30% of requests; 30ms timeout, three attempts,
    // 5ms then 10ms between), then calls search and recommendations at once and waits for both.
    private static readonly ServiceTime Gateway = ServiceTime.LogNormalThrough(0.5, 1 * Ms, 0.99, 4 * Ms);
    private static readonly ServiceTime Auth = ServiceTime.LogNormalThrough(0.5, 0.5 * Ms, 0.99, 2 * Ms);
    private static readonly ServiceTime Database = ServiceTime.LogNormalThrough(0.5, 5 * Ms, 0.99, 40 * Ms);
    private static readonly ServiceTime Search = ServiceTime.LogNormalThrough(0.5, 8 * Ms, 0.99, 30 * Ms);
    private static readonly ServiceTime Recommendations = ServiceTime.Exponential(6 * Ms);
    private static readonly QueueingDelay Queue = ErlangC.Delay(4, 300, 100);
    private static readonly RetryShape DatabaseRetries = new(3, 30 * Ms, [5 * Ms, 10 * Ms]);
    private const double MissRatio = 0.3;

    [Fact]
    public void A_composed_path_matches_a_seeded_monte_carlo_at_p50_and_p99()
    {
        var composed = LatencyDistribution.Series(
        [
            LatencyDistribution.QueueWait(Queue),
            LatencyDistribution.Of(Gateway),
            LatencyDistribution.Of(Auth),
            LatencyDistribution.Maybe(MissRatio, LatencyDistribution.WithRetries(LatencyDistribution.Of(Database), DatabaseRetries)),
            LatencyDistribution.Max(LatencyDistribution.Of(Search), LatencyDistribution.Of(Recommendations)),
        ]);

        var random = new SplitMix64(Seed);
        var samples = new double[Draws];
        for (var i = 0; i < Draws; i++)
        {
            samples[i] = OneRequest(ref random);
        }

        Array.Sort(samples);
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"Monte Carlo seed {Seed}, {Draws} draws");
        foreach (var p in new[] { 0.5, 0.99 })
        {
            var simulated = samples[(int)Math.Ceiling(p * Draws) - 1];
            var numeric = composed.Quantile(p);
            var error = Math.Abs(numeric - simulated) / simulated;
            output?.WriteLine($"p{p * 100:0.#}: composed {numeric * 1e3:0.###}ms, simulated {simulated * 1e3:0.###}ms ({error:P2})");
            Assert.True(error <= 0.02, $"p{p}: composed {numeric} against simulated {simulated} ({error:P2} apart)");
        }

        Assert.Equal(samples.Average(), composed.Mean, 0.01 * composed.Mean);
    }

    private static double OneRequest(ref SplitMix64 random)
    {
        var total = random.NextDouble() < Queue.ProbabilityOfWaiting ? -Math.Log(1 - random.NextDouble()) / Queue.Rate : 0;
        total += Gateway.Sample(ref random);
        total += Auth.Sample(ref random);
        if (random.NextDouble() < MissRatio)
        {
            for (var attempt = 1; attempt <= DatabaseRetries.Attempts; attempt++)
            {
                var x = Database.Sample(ref random);
                if (x <= DatabaseRetries.Timeout)
                {
                    total += x;
                    break;
                }

                total += DatabaseRetries.Timeout!.Value + (attempt < DatabaseRetries.Attempts ? DatabaseRetries.DelayBefore(attempt) : 0);
            }
        }

        total += Math.Max(Search.Sample(ref random), Recommendations.Sample(ref random));
        return total;
    }
}
