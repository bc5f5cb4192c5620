using Plumbline.Analysis.Latency;
using Xunit;

namespace Plumbline.Analysis.Tests.Latency;

/// <summary>
/// The grid's operations on distributions small enough to work by hand: a uniform on 16 cells of 0.25ms each from 2ms to
/// 6ms (each cell 1/16), points, and mixtures of points.
/// </summary>
public sealed class LatencyDistributionTests
{
    private const double Ms = 1e-3;
    private static readonly LatencyGrid Sixteen = new(16);
    private static readonly LatencyGrid SixtyFour = new(64);

    /// <summary>Uniform on [2ms, 6ms] on 16 cells: step 0.25ms, cell centres 2.125ms to 5.875ms, 1/16 each.</summary>
    private static LatencyDistribution Uniform() => LatencyDistribution.Of(ServiceTime.Uniform(2 * Ms, 6 * Ms), Sixteen);

    [Fact]
    public void A_uniform_on_16_cells_holds_one_sixteenth_in_each_and_keeps_the_mean_and_variance()
    {
        var u = Uniform();

        Assert.Equal(16, u.Cells);
        Assert.False(u.IsPoint);
        Assert.Equal(0.25 * Ms, u.Step, 1e-15);
        Assert.Equal(2.125 * Ms, u.Origin, 1e-15);
        foreach (var m in u.Masses)
        {
            Assert.Equal(1.0 / 16, m, 1e-15);
        }

        // Mean: 2.125 + 0.25 x (0 + 1 + ... + 15) / 16 = 2.125 + 0.25 x 7.5 = 4ms. Variance: the cells' spread about the
        // middle, sum (i - 7.5)^2 / 16 = (16^2 - 1) / 12 = 21.25 steps^2, plus a cell's own step^2 / 12: 21.3333 x 0.0625e-6
        // = 1.33333e-6 s^2, the uniform's (6 - 2)^2 / 12 ms^2.
        Assert.Equal(4 * Ms, u.Mean, 1e-15);
        Assert.Equal(16.0 / 12 * Ms * Ms, u.Variance, 1e-18);
        Assert.Equal(2 * Ms, u.Lowest, 1e-15);
        Assert.Equal(6 * Ms, u.Highest, 1e-15);

        // Cdf(3ms): 4 cells of 16; the 10% quantile: cell 1 (cumulative 2/16 >= 0.1), 0.6 of its way in
        // ((0.1 - 1/16) / (1/16)): 2.125 + (1 - 0.5 + 0.6) x 0.25 = 2.4ms, the uniform's 2 + 0.1 x 4.
        Assert.Equal(0.25, u.Cdf(3 * Ms), 1e-12);
        Assert.Equal(2.4 * Ms, u.Quantile(0.1), 1e-15);
        Assert.Equal(4 * Ms, u.Quantile(0.5), 1e-15);
        Assert.Equal(2 * Ms, u.Quantile(0), 1e-15);
        Assert.Equal(6 * Ms, u.Quantile(1), 1e-15);

        // Below the first edge nothing, at or past the last everything.
        Assert.Equal(0, u.Cdf(2 * Ms));
        Assert.Equal(0, u.Cdf(1 * Ms));
        Assert.Equal(1, u.Cdf(6 * Ms));
        Assert.Equal(1, u.Cdf(7 * Ms));
    }

    [Fact]
    public void An_exponential_starts_at_zero_and_puts_its_far_tail_in_the_last_cell()
    {
        // Mean 10ms, 16 cells, tail 1e-3: from 0 to the 1 - 1e-3 quantile, 10ms x ln 1000 = 69.0776ms, a step of
        // 4.31735ms = 0.431735 means. Cell 0: 1 - e^-0.431735 = 0.350618; cell 15: e^(-15 x 0.431735) - e^(-16 x 0.431735)
        // = 0.00153993 - 0.001, plus the 0.001 beyond: 0.00153993.
        var d = LatencyDistribution.Of(ServiceTime.Exponential(10 * Ms), new LatencyGrid(16, 1e-3));

        Assert.Equal(16, d.Cells);
        Assert.Equal(4.3173470 * Ms, d.Step, 1e-9);
        Assert.Equal(0, d.Lowest, 1e-15);
        Assert.Equal(0.3506184, d.Masses[0], 1e-7);
        Assert.Equal(0.0015399, d.Masses[15], 1e-7);
        var total = 0.0;
        foreach (var m in d.Masses)
        {
            total += m;
        }

        Assert.Equal(1, total, 1e-12);
    }

    [Fact]
    public void A_log_normal_on_the_grid_spans_its_tail_quantiles_and_keeps_its_median()
    {
        // Through p50 10ms and p99 60ms, tail 1e-3: from the 0.1% to the 99.9% quantile. sigma = ln 6 / z(0.99) =
        // 1.791759 / 2.326348 = 0.770203; z(0.999) = 3.090232, sigma z = 2.380113: 10ms e^-2.380113 = 0.925408ms and
        // 10ms e^2.380113 = 108.0604ms. Half the mass lies below the median, 10ms.
        var time = ServiceTime.LogNormalThrough(0.5, 10 * Ms, 0.99, 60 * Ms);
        var d = LatencyDistribution.Of(time, new LatencyGrid(64, 1e-3));

        Assert.Equal(0.925408 * Ms, d.Lowest, 1e-9);
        Assert.Equal(108.0604 * Ms, d.Highest, 1e-7);
        Assert.Equal(0.5, d.Cdf(10 * Ms), 2e-3);

        // A constant is a point at it.
        var constant = LatencyDistribution.Of(ServiceTime.Constant(3 * Ms), Sixteen);
        Assert.True(constant.IsPoint);
        Assert.Equal(3 * Ms, constant.Origin);
    }

    [Fact]
    public void A_point_is_exact_and_refuses_what_is_not_a_latency()
    {
        Assert.Same(LatencyDistribution.Zero, LatencyDistribution.Point(0));
        var p = LatencyDistribution.Point(2 * Ms);
        Assert.True(p.IsPoint);
        Assert.Equal(1, p.Cells);
        Assert.Equal(2 * Ms, p.Origin);
        Assert.Equal(0, p.Step);
        Assert.Equal(2 * Ms, p.Mean);
        Assert.Equal(0, p.Variance);
        Assert.Equal(2 * Ms, p.Quantile(0.3));
        Assert.Equal(2 * Ms, p.Lowest);
        Assert.Equal(2 * Ms, p.Highest);
        Assert.Equal(1, p.Cdf(2 * Ms));
        Assert.Equal(0, p.Cdf(1.999 * Ms));

        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyDistribution.Point(-1 * Ms));
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyDistribution.Point(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyDistribution.Point(double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => p.Quantile(-0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => p.Quantile(1.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => p.Quantile(double.NaN));
    }

    [Fact]
    public void A_shift_moves_the_origin_only_and_may_not_go_below_zero()
    {
        var u = Uniform();
        Assert.Same(u, u.Shift(0));
        var later = u.Shift(1 * Ms);
        Assert.Equal(3.125 * Ms, later.Origin, 1e-15);
        Assert.Equal(u.Step, later.Step);
        Assert.Equal(5 * Ms, later.Mean, 1e-15);

        // A point at 2ms moves down to 0 but not below; the uniform's first centre 2.125ms may go as far as -0.25ms (a step).
        Assert.Equal(0, LatencyDistribution.Point(2 * Ms).Shift(-2 * Ms).Origin, 1e-18);
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyDistribution.Point(2 * Ms).Shift(-2.001 * Ms));
        Assert.Throws<ArgumentOutOfRangeException>(() => u.Shift(-2.376 * Ms));
        Assert.Equal(-0.125 * Ms, u.Shift(-2.25 * Ms).Origin, 1e-15);
        Assert.Throws<ArgumentOutOfRangeException>(() => u.Shift(double.NaN));
    }

    [Fact]
    public void Two_uniforms_in_series_make_a_triangle()
    {
        // (1/16 each) * (1/16 each): cell k of 31 holds (min(k, 30 - k) + 1) / 256, from 2.125 + 2.125 = 4.25ms; mean 8ms.
        var sum = LatencyDistribution.Series(Uniform(), Uniform(), SixtyFour);

        Assert.Equal(31, sum.Cells);
        Assert.Equal(4.25 * Ms, sum.Origin, 1e-15);
        Assert.Equal(0.25 * Ms, sum.Step, 1e-15);
        Assert.Equal(1.0 / 256, sum.Masses[0], 1e-15);
        Assert.Equal(16.0 / 256, sum.Masses[15], 1e-15);
        Assert.Equal(1.0 / 256, sum.Masses[30], 1e-15);
        Assert.Equal(8 * Ms, sum.Mean, 1e-14);

        // Onto 16 cells the 31 are re-spaced at 30 x 0.25 / 15 = 0.5ms, keeping the mean.
        var coarse = LatencyDistribution.Series(Uniform(), Uniform(), Sixteen);
        Assert.Equal(16, coarse.Cells);
        Assert.Equal(0.5 * Ms, coarse.Step, 1e-15);
        Assert.Equal(4.25 * Ms, coarse.Origin, 1e-15);
        Assert.Equal(8 * Ms, coarse.Mean, 1e-14);
    }

    [Fact]
    public void Series_with_a_point_shifts_and_a_coarser_side_sets_the_step()
    {
        var u = Uniform();
        var shifted = LatencyDistribution.Series(LatencyDistribution.Point(1 * Ms), u, Sixteen);
        Assert.Equal(3.125 * Ms, shifted.Origin, 1e-15);
        Assert.Equal(16, shifted.Cells);
        var after = LatencyDistribution.Series(u, LatencyDistribution.Point(1 * Ms), Sixteen);
        Assert.Equal(3.125 * Ms, after.Origin, 1e-15);
        Assert.Equal(5 * Ms, LatencyDistribution.Series(LatencyDistribution.Point(2 * Ms), LatencyDistribution.Point(3 * Ms)).Origin, 1e-15);

        // A uniform on [0, 8ms] has a step of 0.5ms: the 0.25ms side is moved onto it (splitting each point between its
        // neighbours, which keeps its mean), and the sum's mean is 4 + 4 = 8ms, either side first.
        var wide = LatencyDistribution.Of(ServiceTime.Uniform(0, 8 * Ms), Sixteen);
        Assert.Equal(0.5 * Ms, wide.Step, 1e-15);
        foreach (var sum in new[] { LatencyDistribution.Series(u, wide, SixtyFour), LatencyDistribution.Series(wide, u, SixtyFour) })
        {
            Assert.Equal(0.5 * Ms, sum.Step, 1e-15);
            Assert.Equal(8 * Ms, sum.Mean, 1e-14);
            Assert.Equal(2.125 * Ms + (0.25 * Ms), sum.Origin, 1e-15);
        }

        Assert.Same(LatencyDistribution.Zero, LatencyDistribution.Series([]));
        Assert.Equal(10 * Ms, LatencyDistribution.Series([LatencyDistribution.Point(4 * Ms), LatencyDistribution.Point(6 * Ms)]).Origin, 1e-15);
    }

    [Fact]
    public void Repeating_doubles_and_adds_by_the_bits_of_the_count()
    {
        // 5 = 101 in binary: 2ms once and 2ms x 4; 6 = 110; 1 is the call itself; 0 none.
        var p = LatencyDistribution.Point(2 * Ms);
        Assert.Equal(10 * Ms, LatencyDistribution.Repeat(p, 5).Origin, 1e-15);
        Assert.Equal(12 * Ms, LatencyDistribution.Repeat(p, 6).Origin, 1e-15);
        Assert.Equal(2 * Ms, LatencyDistribution.Repeat(p, 1).Origin, 1e-15);
        Assert.Same(LatencyDistribution.Zero, LatencyDistribution.Repeat(p, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyDistribution.Repeat(p, -1));

        // Three uniforms: mean 3 x 4 = 12ms.
        Assert.Equal(12 * Ms, LatencyDistribution.Repeat(Uniform(), 3, SixtyFour).Mean, 1e-14);
    }

    [Fact]
    public void A_call_made_sometimes_and_a_mixture_weigh_their_parts()
    {
        var p = LatencyDistribution.Point(8 * Ms);
        Assert.Same(LatencyDistribution.Zero, LatencyDistribution.Maybe(0, p));
        Assert.Same(p, LatencyDistribution.Maybe(1, p));
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyDistribution.Maybe(-0.1, p));
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyDistribution.Maybe(1.1, p));
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyDistribution.Maybe(double.NaN, p));

        // 8ms on a quarter of requests: points at 0 and 8ms, 15 cells of 8/15ms apart on 16: mean 2ms, Cdf(4ms) = 0.75.
        var quarter = LatencyDistribution.Maybe(0.25, p, Sixteen);
        Assert.Equal(16, quarter.Cells);
        Assert.Equal(8.0 / 15 * Ms, quarter.Step, 1e-15);
        Assert.Equal(0.75, quarter.Masses[0], 1e-15);
        Assert.Equal(0.25, quarter.Masses[15], 1e-15);
        Assert.Equal(2 * Ms, quarter.Mean, 1e-15);
        Assert.Equal(0.75, quarter.Cdf(4 * Ms), 1e-15);

        // Weights 1 and 3 on 2ms and 6ms are normalised to 1/4 and 3/4: mean 0.5 + 4.5 = 5ms.
        var mixed = LatencyDistribution.Mixture([(1, LatencyDistribution.Point(2 * Ms)), (3, LatencyDistribution.Point(6 * Ms))], Sixteen);
        Assert.Equal(5 * Ms, mixed.Mean, 1e-15);
        Assert.Equal(0.25, mixed.Masses[0], 1e-15);
        Assert.Equal(2 * Ms, mixed.Origin, 1e-15);

        // Two parts at one time are that point; a part whose weight is below the tail's share is left out.
        var same = LatencyDistribution.Mixture([(1, LatencyDistribution.Point(3 * Ms)), (1, LatencyDistribution.Point(3 * Ms))], Sixteen);
        Assert.True(same.IsPoint);
        Assert.Equal(3 * Ms, same.Origin);
        var almost = LatencyDistribution.Mixture([(1, LatencyDistribution.Point(3 * Ms)), (1e-9, LatencyDistribution.Point(9 * Ms))], Sixteen);
        Assert.True(almost.IsPoint);
        Assert.Equal(3 * Ms, almost.Origin);

        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyDistribution.Mixture([(-1, p)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyDistribution.Mixture([(double.NaN, p)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyDistribution.Mixture([(double.PositiveInfinity, p)]));
        Assert.Throws<ArgumentException>(() => LatencyDistribution.Mixture([(0, p)]));
        Assert.Throws<ArgumentException>(() => LatencyDistribution.Mixture([]));
    }

    [Fact]
    public void The_slowest_of_copies_takes_the_power_of_the_cdf_at_each_edge()
    {
        // Two copies of the uniform: F = ((x - 2ms) / 4ms)^2 at the edges, so cell j holds ((j + 1)^2 - j^2) / 256 =
        // (2j + 1) / 256; mean 2.125 + 0.25 x sum j (2j + 1) / 256 = 2.125 + 0.25 x 2600 / 256 = 4.6640625ms.
        var two = LatencyDistribution.MaxOf(Uniform(), 2, Sixteen);
        Assert.Equal(16, two.Cells);
        Assert.Equal(2.125 * Ms, two.Origin, 1e-15);
        Assert.Equal(1.0 / 256, two.Masses[0], 1e-15);
        Assert.Equal(31.0 / 256, two.Masses[15], 1e-15);
        Assert.Equal(4.6640625 * Ms, two.Mean, 1e-14);

        // Three: ((j + 1)^3 - j^3) / 4096, cell 15 holds (4096 - 3375) / 4096.
        var three = LatencyDistribution.MaxOf(Uniform(), 3, Sixteen);
        Assert.Equal(1.0 / 4096, three.Masses[0], 1e-15);
        Assert.Equal(721.0 / 4096, three.Masses[15], 1e-15);

        // Max(u, u) is MaxOf(u, 2).
        var max = LatencyDistribution.Max(Uniform(), Uniform(), Sixteen);
        Assert.Equal(two.Mean, max.Mean, 1e-15);

        // Against a point at 4ms: nothing below 4ms, half the mass there (F(4ms) = 1/2), then the uniform's upper half.
        var floor = LatencyDistribution.Max(Uniform(), LatencyDistribution.Point(4 * Ms), Sixteen);
        Assert.Equal(4 * Ms, floor.Lowest, 1e-15);
        Assert.Equal(6 * Ms, floor.Highest, 1e-15);
        Assert.Equal(0.5 + (1.0 / 16), floor.Masses[0], 1e-15);

        Assert.Equal(7 * Ms, LatencyDistribution.Max(LatencyDistribution.Point(7 * Ms), LatencyDistribution.Point(3 * Ms)).Origin);
        Assert.Equal(4 * Ms, LatencyDistribution.MaxOf(LatencyDistribution.Point(4 * Ms), 3).Origin);
        Assert.Same(LatencyDistribution.Zero, LatencyDistribution.MaxOf(Uniform(), 0));
        Assert.Equal(4 * Ms, LatencyDistribution.MaxOf(Uniform(), 1, Sixteen).Mean, 1e-15);
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyDistribution.MaxOf(Uniform(), -1));
    }

    [Fact]
    public void A_timeout_cuts_each_attempt_and_a_retry_follows_its_delay()
    {
        // The uniform through a timeout of 5ms, two attempts, 1ms before the retry. An attempt answers in time with
        // probability 12/16 = 0.75 (cells 0 to 11, mean 3.5ms), else gives up at 5ms. So: 0.75 answered at once (mean 3.5ms),
        // 0.25 x 0.75 = 0.1875 answered by the retry (5 + 1 + 3.5 = 9.5ms), 0.0625 given up after 5 + 1 + 5 = 11ms.
        // Mean: 0.75 x 3.5 + 0.1875 x 9.5 + 0.0625 x 11 = 2.625 + 1.78125 + 0.6875 = 5.09375ms.
        var shape = new RetryShape(2, 5 * Ms, [1 * Ms]);
        var through = LatencyDistribution.WithRetries(Uniform(), shape, Sixteen);
        Assert.Equal(5.09375 * Ms, through.Mean, 1e-14);

        // Without the delay: 0.1875 x 8.5 + 0.0625 x 10: 2.625 + 1.59375 + 0.625 = 4.84375ms.
        Assert.Equal(4.84375 * Ms, LatencyDistribution.WithRetries(Uniform(), new RetryShape(2, 5 * Ms, []), Sixteen).Mean, 1e-14);

        // One attempt: 0.75 x 3.5 + 0.25 x 5 = 3.875ms.
        Assert.Equal(3.875 * Ms, LatencyDistribution.WithRetries(Uniform(), new RetryShape(1, 5 * Ms, []), Sixteen).Mean, 1e-14);

        // A timeout below every answer: each of three attempts gives up at 1ms, delays 1ms and 2ms: 3 + 3 = 6ms, always.
        var never = LatencyDistribution.WithRetries(Uniform(), new RetryShape(3, 1 * Ms, [1 * Ms, 2 * Ms]), Sixteen);
        Assert.True(never.IsPoint);
        Assert.Equal(6 * Ms, never.Origin, 1e-15);

        // A timeout above every answer cuts nothing: the attempt itself.
        var above = LatencyDistribution.WithRetries(Uniform(), new RetryShape(3, 10 * Ms, [1 * Ms, 1 * Ms]), Sixteen);
        Assert.Equal(4 * Ms, above.Mean, 1e-15);
        Assert.Equal(16, above.Cells);
    }

    [Fact]
    public void An_error_without_a_timeout_retries_after_the_whole_attempt()
    {
        // 4ms, failing half the time, two attempts: 4ms on half, 8ms on the other half (the second answers, or fails too
        // and is the last): mean 6ms, half at 4ms.
        var p = LatencyDistribution.Point(4 * Ms);
        var twice = LatencyDistribution.WithRetries(p, new RetryShape(2, null, [], 0.5), Sixteen);
        Assert.Equal(6 * Ms, twice.Mean, 1e-15);
        Assert.Equal(0.5, twice.Cdf(5 * Ms), 1e-15);

        // Three attempts: 4ms on 1/2, 8ms on 1/4, 12ms on 1/4: mean 2 + 2 + 3 = 7ms.
        Assert.Equal(7 * Ms, LatencyDistribution.WithRetries(p, new RetryShape(3, null, [], 0.5), Sixteen).Mean, 1e-15);

        // No timeout and no error, or one attempt and no timeout: the attempt itself.
        Assert.Same(p, LatencyDistribution.WithRetries(p, new RetryShape(3, null, [])));
        Assert.Same(p, LatencyDistribution.WithRetries(p, new RetryShape(1, null, [], 0.5)));

        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyDistribution.WithRetries(p, new RetryShape(2, null, [], 1.5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyDistribution.WithRetries(p, new RetryShape(2, null, [], -0.5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyDistribution.WithRetries(p, new RetryShape(2, null, [], double.NaN)));
    }

    [Fact]
    public void The_queueing_wait_is_zero_or_exponential_with_the_erlang_c_weight()
    {
        // M/M/2 at lambda 1/s, mu 1/s: C(2, 1) = 1/3 (ErlangCTests), so 2/3 of arrivals do not wait and the others wait
        // an exponential of rate 2 - 1 = 1/s: mean 1/3 s (within 1%, the 64-cell grid's error on the exponential).
        var wait = LatencyDistribution.QueueWait(ErlangC.Delay(2, 1, 1), SixtyFour);
        Assert.Equal(0, wait.Lowest);
        Assert.Equal(1.0 / 3, wait.Mean, 0.01 / 3);

        Assert.Same(LatencyDistribution.Zero, LatencyDistribution.QueueWait(ErlangC.Delay(2, 0, 1)));
        Assert.Throws<ArgumentException>(() => LatencyDistribution.QueueWait(ErlangC.Delay(2, 2, 1)));
    }

    /// <summary>Uniform on [2ms, 6ms] on 64 cells: step 1/16 ms.</summary>
    private static LatencyDistribution Fine() => LatencyDistribution.Of(ServiceTime.Uniform(2 * Ms, 6 * Ms), SixtyFour);

    [Fact]
    public void Missing_distributions_are_refused_by_name()
    {
        var u = Uniform();
        var timeout = new RetryShape(2, 5 * Ms, []);
        string? Name(Action act) => Assert.Throws<ArgumentNullException>(act).ParamName;
        Assert.Equal("first", Name(() => LatencyDistribution.Series(null!, u)));
        Assert.Equal("second", Name(() => LatencyDistribution.Series(u, null!)));
        Assert.Equal("parts", Name(() => LatencyDistribution.Series(null!)));
        Assert.Equal("one", Name(() => LatencyDistribution.Repeat(null!, 1)));
        Assert.Equal("latency", Name(() => LatencyDistribution.Maybe(0.5, null!)));
        Assert.Equal("d", Name(() => LatencyDistribution.Mixture([(1, null!)])));
        Assert.Equal("a", Name(() => LatencyDistribution.Max(null!, u)));
        Assert.Equal("b", Name(() => LatencyDistribution.Max(u, null!)));
        Assert.Equal("one", Name(() => LatencyDistribution.MaxOf(null!, 2)));
        Assert.Equal("attempt", Name(() => LatencyDistribution.WithRetries(null!, timeout)));
        Assert.Equal("shape", Name(() => LatencyDistribution.WithRetries(u, null!)));
        Assert.Equal("delay", Name(() => LatencyDistribution.QueueWait(null!)));

        // A probability outside 0..1 is refused as such, not as a mixture's weight.
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => LatencyDistribution.Maybe(-0.1, u)).ParamName);
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => LatencyDistribution.Maybe(1.1, u)).ParamName);
    }

    [Fact]
    public void Each_composition_works_on_the_grid_it_is_given()
    {
        // Two uniforms of 64 cells: on a grid of 16 the slowest of them is held on 16 cells, a timeout's result too;
        // on the default grid of 1,024 the maximum keeps the 64 cells of its inputs.
        Assert.Equal(16, LatencyDistribution.Max(Fine(), Fine(), Sixteen).Cells);
        Assert.Equal(64, LatencyDistribution.Max(Fine(), Fine()).Cells);
        Assert.Equal(16, LatencyDistribution.MaxOf(Fine(), 2, Sixteen).Cells);
        Assert.Equal(64, LatencyDistribution.MaxOf(Fine(), 2).Cells);
        Assert.True(LatencyDistribution.WithRetries(Fine(), new RetryShape(2, 5 * Ms, []), Sixteen).Cells <= 16);
    }

    [Fact]
    public void Adding_a_constant_keeps_the_cells_and_adding_zero_keeps_the_distribution()
    {
        // A constant shifts the other side exactly, on its own cells even when the grid holds fewer.
        var fine = Fine();
        Assert.Equal(64, LatencyDistribution.Series(LatencyDistribution.Point(1 * Ms), fine, Sixteen).Cells);
        Assert.Equal(64, LatencyDistribution.Series(fine, LatencyDistribution.Point(1 * Ms), Sixteen).Cells);
        Assert.Same(fine, LatencyDistribution.Series(LatencyDistribution.Zero, fine));
        Assert.Same(fine, LatencyDistribution.Series(fine, LatencyDistribution.Zero));
    }

    [Fact]
    public void Timeouts_and_errors_at_their_edges()
    {
        // Every attempt fails (error probability 1): two attempts of 4ms, 8ms.
        var p = LatencyDistribution.Point(4 * Ms);
        var failing = LatencyDistribution.WithRetries(p, new RetryShape(2, null, [], 1), Sixteen);
        Assert.True(failing.IsPoint);
        Assert.Equal(8 * Ms, failing.Origin, 1e-15);

        // A constant against a timeout: 4ms answers within a timeout of 4ms or 5ms (the attempt itself); against 3ms it never
        // does, and two attempts give up after 3 + 1 + 3 = 7ms.
        Assert.Equal(4 * Ms, LatencyDistribution.WithRetries(p, new RetryShape(2, 4 * Ms, [1 * Ms]), Sixteen).Origin, 1e-15);
        Assert.Equal(4 * Ms, LatencyDistribution.WithRetries(p, new RetryShape(2, 5 * Ms, [1 * Ms]), Sixteen).Origin, 1e-15);
        var never = LatencyDistribution.WithRetries(p, new RetryShape(2, 3 * Ms, [1 * Ms]), Sixteen);
        Assert.True(never.IsPoint);
        Assert.Equal(7 * Ms, never.Origin, 1e-15);

        // The uniform against a timeout at its highest, 6ms, exactly: nothing is cut.
        var whole = LatencyDistribution.WithRetries(Uniform(), new RetryShape(2, 6 * Ms, []), Sixteen);
        Assert.Equal(4 * Ms, whole.Mean, 1e-15);
        Assert.Equal(16, whole.Cells);

        // Timeout 5ms and an error probability of 1/2, two attempts. An attempt answers in time with 0.75 (cells 0 to 11,
        // mean 3.5ms) and then succeeds with 1/2: S has mass 0.375, mean 3.5ms. It fails with 0.625: 0.25 timed out at 5ms,
        // 0.375 answered and failed (mean 3.5ms), a mean of (1.25 + 1.3125) / 0.625 = 4.1ms. The retry's success: mass
        // 0.625 x 0.375 = 0.234375 at 4.1 + 3.5 = 7.6ms; both failing: 0.390625 at 8.2ms. Mean: 0.375 x 3.5 + 0.234375 x 7.6
        // + 0.390625 x 8.2 = 1.3125 + 1.78125 + 3.203125 = 6.296875ms.
        var both = LatencyDistribution.WithRetries(Uniform(), new RetryShape(2, 5 * Ms, [], 0.5), Sixteen);
        Assert.Equal(6.296875 * Ms, both.Mean, 1e-13);
    }

    [Fact]
    public void The_cdf_inside_the_first_cell_is_a_share_of_it()
    {
        // 2.1ms is 0.4 of the way into the first cell's 0.25ms (its edges 2ms and 2.25ms): 0.4 x 1/16 = 0.025, the uniform's
        // (2.1 - 2) / 4.
        Assert.Equal(0.025, Uniform().Cdf(2.1 * Ms), 1e-12);
    }

    [Fact]
    public void A_mixture_leaves_out_parts_below_the_tail_of_its_whole_weight_wherever_they_come()
    {
        // Weights 1e-5 and 1,000: the tail's share of the whole is 1e-7 x 1,000.00001 = 1e-4, above 1e-5, so the 9ms part is
        // left out, first or last: a point at 3ms.
        var small = LatencyDistribution.Point(9 * Ms);
        var large = LatencyDistribution.Point(3 * Ms);
        foreach (var mixed in new[]
                 {
                     LatencyDistribution.Mixture([(1e-5, small), (1_000, large)], Sixteen),
                     LatencyDistribution.Mixture([(1_000, large), (1e-5, small)], Sixteen),
                 })
        {
            Assert.True(mixed.IsPoint);
            Assert.Equal(3 * Ms, mixed.Origin);
        }

        // Beside two parts kept (3ms and 5ms, 1,000 each), the small one is left out too: the mean is 4ms exactly.
        var three = LatencyDistribution.Mixture([(1_000, large), (1_000, LatencyDistribution.Point(5 * Ms)), (1e-5, small)], Sixteen);
        Assert.Equal(4 * Ms, three.Mean, 1e-16);
        Assert.Equal(5 * Ms, three.Quantile(1) - (three.Step / 2), 1e-15);

        // One part kept, with more cells than the grid: kept as it is.
        Assert.Equal(64, LatencyDistribution.Mixture([(1, Fine())], Sixteen).Cells);
        Assert.Equal(64, LatencyDistribution.Mixture([(1, Fine()), (1e-9, small)], Sixteen).Cells);
    }

    [Fact]
    public void A_mixture_spans_its_parts_at_the_widest_step_or_the_grid_if_coarser()
    {
        // 1ms and the uniform (2.125ms to 5.875ms in steps of 0.25ms), half each. On 64 cells the step stays 0.25ms
        // (4.875 / 63 = 0.077 is finer): from 1ms to 5.875ms, 19.5 steps, 21 cells. Mean (1 + 4) / 2 = 2.5ms.
        var mixed = LatencyDistribution.Mixture([(1, LatencyDistribution.Point(1 * Ms)), (1, Uniform())], SixtyFour);
        Assert.Equal(21, mixed.Cells);
        Assert.Equal(0.25 * Ms, mixed.Step, 1e-15);
        Assert.Equal(1 * Ms, mixed.Origin, 1e-15);
        Assert.Equal(2.5 * Ms, mixed.Mean, 1e-15);

        // On 16 cells the span needs 4.875 / 15 = 0.325ms: 16 cells.
        var coarse = LatencyDistribution.Mixture([(1, LatencyDistribution.Point(1 * Ms)), (1, Uniform())], Sixteen);
        Assert.Equal(16, coarse.Cells);
        Assert.Equal(0.325 * Ms, coarse.Step, 1e-15);
        Assert.Equal(2.5 * Ms, coarse.Mean, 1e-15);
    }

    [Fact]
    public void The_slowest_of_two_is_held_on_the_finer_step_from_the_larger_lower_end()
    {
        // A point at 4ms first and the uniform: from 4ms to 6ms at the uniform's 0.25ms, 8 cells, as the other way round.
        var point = LatencyDistribution.Point(4 * Ms);
        Assert.Equal(8, LatencyDistribution.Max(point, Uniform(), Sixteen).Cells);
        Assert.Equal(8, LatencyDistribution.Max(Uniform(), point, Sixteen).Cells);

        // The uniform from 0 to 8ms (step 0.5ms) and the one from 2 to 6ms (0.25ms): from 2ms to 8ms at 0.25ms, 24 cells,
        // whichever comes first.
        var wide = LatencyDistribution.Of(ServiceTime.Uniform(0, 8 * Ms), Sixteen);
        Assert.Equal(24, LatencyDistribution.Max(wide, Uniform(), SixtyFour).Cells);
        Assert.Equal(24, LatencyDistribution.Max(Uniform(), wide, SixtyFour).Cells);

        // A point above everything the other can take is that point.
        var above = LatencyDistribution.Max(Uniform(), LatencyDistribution.Point(10 * Ms), Sixteen);
        Assert.True(above.IsPoint);
        Assert.Equal(10 * Ms, above.Origin);
    }
}
