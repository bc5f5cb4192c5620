using Plumbline.Analysis.Latency;
using Xunit;

namespace Plumbline.Analysis.Tests.Latency;

/// <summary>
/// Checks whose point is their length: a thousand compositions in a row, a hundred thousand draws, two million quantiles.
/// Not in the mutation set (scripts/mutation latency): they take a tenth of a second and more in the assembly Stryker
/// compiles, against every mutant they cover; the composition, the inverse transform and the spliced mean they check are
/// pinned on a few steps there.
/// </summary>
public sealed class LatencyLongRunTests
{
    private const double Ms = 1e-3;

    [Fact]
    public void A_long_chain_keeps_its_mean_and_variance()
    {
        // 1,000 log-normal calls in a row: the mean and variance of a sum are the sums.
        var time = ServiceTime.LogNormalThrough(0.5, 1 * Ms, 0.99, 5 * Ms);
        var one = LatencyDistribution.Of(time);
        var chain = LatencyDistribution.Zero;
        for (var i = 0; i < 1_000; i++)
        {
            chain = LatencyDistribution.Series(chain, one);
        }

        Assert.True(chain.Cells <= LatencyGrid.DefaultCells);
        Assert.Equal(1_000 * time.Mean, chain.Mean, 1_000 * time.Mean * 1e-5);
        Assert.Equal(1_000 * one.Variance, chain.Variance, 1_000 * one.Variance * 0.02);
    }

    [Fact]
    public void Sampling_is_the_inverse_transform_and_allocates_nothing()
    {
        var time = ServiceTime.LogNormalThrough(0.5, 10 * Ms, 0.99, 60 * Ms);
        Assert.Equal(time.Quantile(0.99), time.Sample(0.99));

        // The loop is compiled fully optimised and run once before measuring, so no JIT work (tiering, on-stack
        // replacement) on this thread is counted as the sampler's allocation.
        var warm = new SplitMix64(1);
        _ = SumOfSamples(time, ref warm, 1_000);
        var random = new SplitMix64(42);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = SumOfSamples(time, ref random, 100_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);

        // Seed 42: the sample mean of 100,000 draws is within 1% of the mean (its standard error is 0.3%).
        Assert.Equal(time.Mean, sum / 100_000, 0.01 * time.Mean);
    }

    [Fact]
    public void The_mean_of_spliced_pieces_is_the_integral_of_the_quantile_function()
    {
        // The midpoint rule over 2,000,000 quantiles (ServiceTimeShapeTests pins the pieces' partial expectations by hand).
        var time = ServiceTime.LogNormalThrough([0.5, 0.9, 0.99, 0.999], [10 * Ms, 25 * Ms, 60 * Ms, 400 * Ms]);
        var n = 2_000_000;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += time.Quantile((i + 0.5) / n);
        }

        Assert.Equal(sum / n, time.Mean, 1e-3 * time.Mean);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static double SumOfSamples(ServiceTime time, ref SplitMix64 random, int count)
    {
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += time.Sample(ref random);
        }

        return sum;
    }
}
