using Plumbline.Analysis.Latency;
using Plumbline.Simulation.Randomness;
using Plumbline.Simulation.Statistics;
using Xunit;

namespace Plumbline.Simulation.Tests.Randomness;

/// <summary>
/// The simulator draws service times from the analysis's fitted distributions through its own generator.
/// The draws must have the distribution's mean and variance (textbook formulas, not the code's own).
/// </summary>
public sealed class SamplingTests
{
    public static TheoryData<string, double, double> Cases => new()
    {
        // name, expected mean, expected variance.
        { "exponential mean 2", 2, 4 },
        { "uniform 1..5", 3, 16.0 / 12 },
        { "log-normal mu 0 sigma 0.5", Math.Exp(0.125), (Math.Exp(0.25) - 1) * Math.Exp(0.25) },
    };

    private static ServiceTime Make(string name) => name switch
    {
        "exponential mean 2" => ServiceTime.Exponential(2),
        "uniform 1..5" => ServiceTime.Uniform(1, 5),
        _ => ServiceTime.LogNormal(0, 0.5),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Draws_through_the_generator_have_the_distributions_mean_within_a_99_percent_interval(string name, double mean, double variance)
    {
        var distribution = Make(name);

        // 20 batches of 50,000 draws: the batch means are independent and nearly normal.
        var rng = new Xoshiro256StarStar(11);
        var batchMeans = new double[20];
        double sumSquares = 0;
        for (var b = 0; b < batchMeans.Length; b++)
        {
            double sum = 0;
            for (var i = 0; i < 50_000; i++)
            {
                var x = distribution.Sample(ref rng);
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
}
