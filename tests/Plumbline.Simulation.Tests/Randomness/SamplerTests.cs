using Plumbline.Simulation.Randomness;
using Plumbline.Simulation.Statistics;
using Xunit;

namespace Plumbline.Simulation.Tests.Randomness;

public sealed class SamplerTests
{
    public static TheoryData<string, double, double> Cases => new()
    {
        // name, expected mean, expected variance (textbook formulas).
        { "exponential mean 2", 2, 4 },
        { "uniform 1..5", 3, 16.0 / 12 },
        { "log-normal mu 0 sigma 0.5", Math.Exp(0.125), (Math.Exp(0.25) - 1) * Math.Exp(0.25) },
    };

    private static Sampler Make(string name) => name switch
    {
        "exponential mean 2" => Sampler.Exponential(2),
        "uniform 1..5" => Sampler.Uniform(1, 5),
        _ => Sampler.LogNormal(0, 0.5),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sample_means_agree_with_the_distribution_within_a_99_percent_interval(string name, double mean, double variance)
    {
        var sampler = Make(name);
        Assert.Equal(mean, sampler.Mean, 12);

        // 20 batches of 50,000 draws: the batch means are independent and nearly normal.
        var rng = new Xoshiro256StarStar(11);
        var batchMeans = new double[20];
        double sumSquares = 0;
        for (var b = 0; b < batchMeans.Length; b++)
        {
            double sum = 0;
            for (var i = 0; i < 50_000; i++)
            {
                var x = sampler.Sample(rng);
                Assert.True(x >= 0);
                sum += x;
                sumSquares += (x - mean) * (x - mean);
            }

            batchMeans[b] = sum / 50_000;
        }

        var ci = ConfidenceInterval.ForMean(batchMeans, 0.99);
        Assert.True(ci.Contains(mean), $"{name}: {ci} does not contain {mean}");
        Assert.True(ci.HalfWidth < 0.01 * mean, $"{name}: {ci} is too wide to test anything");
        Assert.Equal(variance, sumSquares / 1_000_000, variance * 0.02);
    }

    [Fact]
    public void A_constant_is_always_its_value()
    {
        var rng = new Xoshiro256StarStar(1);
        var sampler = Sampler.Constant(0.25);
        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(0.25, sampler.Sample(rng)));
    }

    [Fact]
    public void Parameters_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampler.Exponential(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampler.Exponential(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampler.Constant(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampler.Uniform(2, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampler.LogNormal(double.PositiveInfinity, 1));
    }
}
