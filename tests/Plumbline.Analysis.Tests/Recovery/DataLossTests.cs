using Plumbline.Analysis.Recovery;
using Xunit;

namespace Plumbline.Analysis.Tests.Recovery;

/// <summary>The MTTDL of n copies: the chain solved against its closed forms, the approximation against the chain, and both against a seeded Monte Carlo of the same failures and repairs.</summary>
public sealed class DataLossTests
{
    [Theory]
    [InlineData(1.0, 20.0)]
    [InlineData(0.02, 8766.0)]
    [InlineData(3.0, 0.5)]
    public void Two_copies_solve_to_the_closed_form(double lambda, double mu) =>
        Assert.Equal((3 * lambda + mu) / (2 * lambda * lambda), DataLoss.ExactMttdl(2, lambda, mu), Relative((3 * lambda + mu) / (2 * lambda * lambda)));

    [Theory]
    [InlineData(1.0, 20.0)]
    [InlineData(0.02, 8766.0)]
    [InlineData(3.0, 0.5)]
    public void Three_copies_solve_to_the_closed_form(double lambda, double mu)
    {
        var closed = ((11 * lambda * lambda) + (4 * lambda * mu) + (mu * mu)) / (6 * lambda * lambda * lambda);
        Assert.Equal(closed, DataLoss.ExactMttdl(3, lambda, mu), Relative(closed));
    }

    [Fact]
    public void One_copy_lasts_its_mean_time_to_failure()
    {
        Assert.Equal(50, DataLoss.ExactMttdl(1, 0.02, 1000), 9);
        Assert.Equal(50, DataLoss.ApproximateMttdl(1, 0.02, 1000), 9);
    }

    [Fact]
    public void The_approximation_is_the_leading_term_by_hand()
    {
        // Two copies, MTTF 50 y (2% a year), MTTR 1 h = 1/8766 y: MTTF^2 / (2 MTTR) = 2500 x 8766 / 2 = 10,957,500 y.
        Assert.Equal(10_957_500, DataLoss.ApproximateMttdl(2, 0.02, 8766), 3);

        // Three copies: MTTF^3 / (6 MTTR^2) = 125,000 x 8766^2 / 6 = 1.6008e12 y.
        Assert.Equal(125_000.0 * 8766 * 8766 / 6, DataLoss.ApproximateMttdl(3, 0.02, 8766), 1);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void The_approximation_is_below_the_exact_value_and_within_n_lambda_over_mu_of_it(int n)
    {
        // Repairs 10,000 times faster than failures: the terms the approximation drops are O(λ/μ).
        const double lambda = 1;
        const double mu = 10_000;
        var exact = DataLoss.ExactMttdl(n, lambda, mu);
        var approximate = DataLoss.ApproximateMttdl(n, lambda, mu);

        Assert.True(approximate <= exact);
        Assert.True((exact - approximate) / exact < n * n * lambda / mu, $"{approximate} vs {exact}");
    }

    [Theory]
    [InlineData(2, 20_000)]
    [InlineData(3, 5_000)]
    public void A_seeded_monte_carlo_of_the_failures_and_repairs_lands_within_its_confidence_interval(int n, int runs)
    {
        const double lambda = 1;
        const double mu = 20;
        var seed = Environment.GetEnvironmentVariable("PLUMBLINE_SEED") is { Length: > 0 } s && int.TryParse(s, out var chosen) ? chosen : 20261203;
        TestContext.Current.TestOutputHelper?.WriteLine($"Monte Carlo seed: {seed} (replay with PLUMBLINE_SEED={seed})");
        var random = new Random(seed);

        var sum = 0.0;
        var sumSquares = 0.0;
        for (var run = 0; run < runs; run++)
        {
            var lost = 0;
            var t = 0.0;
            while (lost < n)
            {
                var fail = (n - lost) * lambda;
                var repair = lost > 0 ? mu : 0;
                t += -Math.Log(1 - random.NextDouble()) / (fail + repair);
                lost += random.NextDouble() * (fail + repair) < fail ? 1 : -1;
            }

            sum += t;
            sumSquares += t * t;
        }

        var mean = sum / runs;
        var sd = Math.Sqrt((sumSquares / runs) - (mean * mean));
        var halfWidth = 3.29 * sd / Math.Sqrt(runs); // 99.9%
        var exact = DataLoss.ExactMttdl(n, lambda, mu);
        Assert.True(Math.Abs(mean - exact) <= halfWidth, $"Monte Carlo {mean} ± {halfWidth}, exact {exact}");
    }

    [Fact]
    public void The_chance_within_a_period_is_one_minus_exp()
    {
        Assert.Equal(1 - Math.Exp(-0.5), DataLoss.ChanceWithin(1, 2), 15);
        Assert.Equal(0, DataLoss.ChanceWithin(1, double.PositiveInfinity));
        Assert.Equal(1e-12, DataLoss.ChanceWithin(1, 1e12), 1e-24);
    }

    [Fact]
    public void Fewer_than_one_copy_is_refused()
    {
        Assert.Equal("copies", Assert.Throws<ArgumentOutOfRangeException>(() => DataLoss.ApproximateMttdl(0, 0.02, 8766)).ParamName);
        Assert.Equal("copies", Assert.Throws<ArgumentOutOfRangeException>(() => DataLoss.ExactMttdl(0, 0.02, 8766)).ParamName);
    }

    [Fact]
    public void An_instant_repair_leaves_one_copy_its_mean_time_to_failure()
    {
        // One copy is never repaired in time: its MTTF, 1 / 0.5 = 2, however fast the repair (an infinite rate, a repair of 0 s).
        Assert.Equal(2, DataLoss.ExactMttdl(1, 0.5, double.PositiveInfinity));
    }

    [Fact]
    public void Data_never_lost_has_no_chance_of_loss_in_any_period()
    {
        Assert.Equal(0, DataLoss.ChanceWithin(double.PositiveInfinity, double.PositiveInfinity));
    }

    [Fact]
    public void A_small_chance_keeps_its_third_term()
    {
        // x = 1 / 20,000 = 5e-5: x - x^2/2 + x^3/6 = 5e-5 - 1.25e-9 + 2.0833e-14 = 4.99987500208333e-5 (x^4/24 = 2.6e-19 left out).
        Assert.Equal(4.99987500208333e-5, DataLoss.ChanceWithin(1, 20_000), 1e-18);
    }

    private static double Relative(double value) => Math.Abs(value) * 1e-12;
}
