using Plumbline.Analysis.Latency;
using Xunit;

namespace Plumbline.Analysis.Tests.Latency;

/// <summary>Compositions against closed forms: the numeric grid must reproduce the textbook answer within 1% (in practice far closer).</summary>
public sealed class LatencyCompositionTests
{
    private const double Ms = 1e-3;
    private const double Tolerance = 0.01;
    private static readonly double[] Levels = [0.5, 0.9, 0.99, 0.999];

    [Fact]
    public void Two_exponentials_in_series_give_the_hypoexponential()
    {
        // Rates 1/10ms and 1/30ms: F(t) = 1 - (l2 e^(-l1 t) - l1 e^(-l2 t)) / (l2 - l1).
        double l1 = 1 / (10 * Ms), l2 = 1 / (30 * Ms);
        var sum = LatencyDistribution.Series(
            LatencyDistribution.Of(ServiceTime.Exponential(10 * Ms)),
            LatencyDistribution.Of(ServiceTime.Exponential(30 * Ms)));
        AssertQuantiles(t => 1 - (((l2 * Math.Exp(-l1 * t)) - (l1 * Math.Exp(-l2 * t))) / (l2 - l1)), sum);
        Assert.Equal(40 * Ms, sum.Mean, 40 * Ms * 1e-4);
    }

    [Fact]
    public void A_constant_plus_a_log_normal_is_the_log_normal_shifted()
    {
        var logNormal = ServiceTime.LogNormalThrough(0.5, 10 * Ms, 0.99, 60 * Ms);
        var sum = LatencyDistribution.Series(LatencyDistribution.Point(5 * Ms), LatencyDistribution.Of(logNormal));
        AssertQuantiles(t => logNormal.Cdf(t - (5 * Ms)), sum);
        Assert.Equal(15 * Ms, sum.Quantile(0.5), 15 * Ms * 1e-3);
        Assert.Equal(65 * Ms, sum.Quantile(0.99), 65 * Ms * 1e-3);
    }

    [Fact]
    public void Two_exponentials_in_parallel_give_the_product_of_their_cdfs()
    {
        double l1 = 1 / (10 * Ms), l2 = 1 / (30 * Ms);
        var max = LatencyDistribution.Max(
            LatencyDistribution.Of(ServiceTime.Exponential(10 * Ms)),
            LatencyDistribution.Of(ServiceTime.Exponential(30 * Ms)));
        AssertQuantiles(t => (1 - Math.Exp(-l1 * t)) * (1 - Math.Exp(-l2 * t)), max);

        // E[max] = 1/l1 + 1/l2 - 1/(l1 + l2) = 10 + 30 - 7.5 = 32.5ms.
        Assert.Equal(32.5 * Ms, max.Mean, 32.5 * Ms * 1e-3);
    }

    [Fact]
    public void Ten_identical_calls_in_parallel_take_the_tenth_power_of_the_cdf()
    {
        var max = LatencyDistribution.MaxOf(LatencyDistribution.Of(ServiceTime.Exponential(10 * Ms)), 10);
        AssertQuantiles(t => Math.Pow(1 - Math.Exp(-t / (10 * Ms)), 10), max);
    }

    [Fact]
    public void A_call_made_with_a_probability_mixes_with_zero()
    {
        var logNormal = ServiceTime.LogNormalThrough(0.5, 10 * Ms, 0.99, 60 * Ms);
        var maybe = LatencyDistribution.Series(
            LatencyDistribution.Point(1 * Ms),
            LatencyDistribution.Maybe(0.3, LatencyDistribution.Of(logNormal)));
        AssertQuantiles(t => t < 1 * Ms ? 0 : 0.7 + (0.3 * logNormal.Cdf(t - (1 * Ms))), maybe, [0.8, 0.9, 0.99, 0.999]);
        Assert.Equal((1 * Ms) + (0.3 * logNormal.Mean), maybe.Mean, 1e-3 * maybe.Mean);
    }

    [Fact]
    public void A_timeout_bounds_each_attempt_and_retries_widen_the_tail()
    {
        // An exponential attempt with mean 20ms, cut at 50ms, three attempts, 10ms before each retry.
        // q = P(X > T) = e^-2.5; success after k failures ends at k x 50ms + delays + X | X <= T;
        // after three failures the caller gives up at 3 x 50ms + 20ms.
        double mean = 20 * Ms, timeout = 50 * Ms, delay = 10 * Ms;
        var q = Math.Exp(-timeout / mean);
        var shape = new RetryShape(3, timeout, [delay, delay]);
        var latency = LatencyDistribution.WithRetries(LatencyDistribution.Of(ServiceTime.Exponential(mean)), shape);

        double Truncated(double s) => s <= 0 ? 0 : (1 - Math.Exp(-Math.Min(s, timeout) / mean)) / (1 - q);
        double Cdf(double t)
        {
            var sum = 0.0;
            for (var k = 0; k < 3; k++)
            {
                sum += Math.Pow(q, k) * (1 - q) * Truncated(t - (k * (timeout + delay)));
            }

            return sum + (t >= (3 * timeout) + (2 * delay) ? Math.Pow(q, 3) : 0);
        }

        AssertQuantiles(Cdf, latency, [0.5, 0.9, 0.95, 0.99]);
        Assert.True(latency.Highest <= (3 * timeout) + (2 * delay) + latency.Step, "never beyond the worst case (to within a cell)");

        // One attempt and a timeout: the attempt capped at T, so p99 (at 92ms uncapped) is 50ms.
        var capped = LatencyDistribution.WithRetries(LatencyDistribution.Of(ServiceTime.Exponential(mean)), new RetryShape(1, timeout, []));
        Assert.Equal(timeout, capped.Quantile(0.99), capped.Step);
        // Below T the capped attempt is the exponential itself; the cut-off mass q sits within a cell of T.
        var below = timeout - (2 * capped.Step);
        Assert.Equal(1 - Math.Exp(-below / mean), capped.Cdf(below), 1e-4);
    }

    [Fact]
    public void Errors_without_a_timeout_retry_after_the_full_attempt()
    {
        // Each attempt fails with probability e after its full time; two attempts: with probability e
        // the latency is X1 + X2 (an Erlang-2), else X1. F(t) = (1 - e) F1(t) + e F2(t).
        double mean = 10 * Ms, e = 0.2;
        var latency = LatencyDistribution.WithRetries(LatencyDistribution.Of(ServiceTime.Exponential(mean)), new RetryShape(2, null, [0], e));
        AssertQuantiles(
            t => ((1 - e) * (1 - Math.Exp(-t / mean))) + (e * (1 - (Math.Exp(-t / mean) * (1 + (t / mean))))),
            latency);
    }

    [Fact]
    public void The_queueing_wait_is_zero_or_exponential()
    {
        var delay = ErlangC.Delay(4, 300, 100);
        var wait = LatencyDistribution.QueueWait(delay);
        foreach (var p in new[] { 0.9, 0.99, 0.999 })
        {
            var expected = delay.Quantile(p);
            Assert.True(Math.Abs(wait.Quantile(p) - expected) <= Tolerance * expected, $"p{p}: {wait.Quantile(p)} vs {expected}");
        }

        Assert.Equal(delay.MeanWait, wait.Mean, delay.MeanWait * 1e-3);
    }

    [Fact]
    public void Repeating_a_call_doubles_up_to_the_same_answer_as_adding_it_one_by_one()
    {
        var one = LatencyDistribution.Of(ServiceTime.LogNormalThrough(0.5, 2 * Ms, 0.99, 12 * Ms));
        var repeated = LatencyDistribution.Repeat(one, 11);
        var added = LatencyDistribution.Series(Enumerable.Repeat(one, 11));
        foreach (var p in Levels)
        {
            Assert.Equal(added.Quantile(p), repeated.Quantile(p), added.Quantile(p) * 1e-3);
        }

        Assert.Equal(11 * one.Mean, repeated.Mean, 11 * one.Mean * 1e-6);
    }

    private static void AssertQuantiles(Func<double, double> cdf, LatencyDistribution actual, double[]? levels = null)
    {
        foreach (var p in levels ?? Levels)
        {
            var expected = QuantileOf(cdf, p);
            var got = actual.Quantile(p);
            var error = Math.Abs(got - expected) / expected;
            TestContext.Current.TestOutputHelper?.WriteLine($"p{p * 100:0.#}: {got * 1e3:0.####}ms against {expected * 1e3:0.####}ms ({error:P4})");
            Assert.True(error <= Tolerance, $"p{p}: {got} against the closed form {expected} ({error:P3} off)");
        }
    }

    /// <summary>The closed form's quantile by bisection.</summary>
    private static double QuantileOf(Func<double, double> cdf, double p)
    {
        double lo = 0, hi = 1;
        while (cdf(hi) < p)
        {
            hi *= 2;
        }

        for (var i = 0; i < 200; i++)
        {
            var mid = (lo + hi) / 2;
            if (cdf(mid) < p)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }
}
