using Plumbline.Analysis.Latency;
using Xunit;

namespace Plumbline.Analysis.Tests.Latency;

/// <summary>Erlang's C formula against published values, within 0.1%.</summary>
public sealed class ErlangCTests
{
    private const double Tolerance = 0.001;

    [Fact]
    public void The_call_centre_worked_example()
    {
        // Call Centre Helper, "Erlang C Formula - Made Simple With an Easy Worked Example": 100 calls per
        // half hour at an average handling time of 180s is 10 erlangs; with 11 agents the probability a
        // call waits is 68.21% and the average speed of answer 122.8 seconds.
        var delay = ErlangC.Delay(11, 200.0 / 3600, 1.0 / 180);
        Within(0.6821, delay.ProbabilityOfWaiting);
        Within(122.8, delay.MeanWait);
        Within(0.6821, ErlangC.ProbabilityOfWaiting(11, 10));
    }

    [Fact]
    public void The_emergency_room_example()
    {
        // Hillier and Lieberman, Introduction to Operations Research, the County Hospital emergency
        // room (M/M/s, lambda = 2 per hour, mu = 3 per hour): with one doctor P{Wq > 0} = 2/3 and
        // Wq = 2/3 hour; with two doctors Wq = 1/24 hour.
        var one = ErlangC.Delay(1, 2, 3);
        Within(2.0 / 3, one.ProbabilityOfWaiting);
        Within(2.0 / 3, one.MeanWait);
        Within(1.0 / 24, ErlangC.Delay(2, 2, 3).MeanWait);
    }

    [Fact]
    public void The_reference_documentation_examples()
    {
        // Wolfram Language documentation for ErlangC: ErlangC[3, 2] = 4/9; two 1 Mbps lines carrying
        // 150 packets/s of 10 kb on average (a = 1.5): a packet waits with probability 0.642857.
        Within(4.0 / 9, ErlangC.ProbabilityOfWaiting(3, 2));
        Within(0.642857, ErlangC.ProbabilityOfWaiting(2, 1.5));
    }

    [Fact]
    public void One_server_waits_with_the_utilisation_and_a_full_queue_is_unbounded()
    {
        Assert.Equal(0.6, ErlangC.ProbabilityOfWaiting(1, 0.6), 12);
        var full = ErlangC.Delay(2, 200, 100);
        Assert.True(full.IsUnbounded);
        Assert.Equal(double.PositiveInfinity, full.MeanWait);
        Assert.Equal(0, ErlangC.Delay(3, 0, 100).MeanWait);
    }

    [Fact]
    public void Two_servers_at_half_load_by_the_textbook_formula()
    {
        // c = 2, A = lambda / mu = 1 / 1 = 1 erlang. By the textbook: P0 = 1 / (1 + A + A^2 / 2! x c / (c - A)) =
        // 1 / (1 + 1 + 1) = 1/3, C = A^2 / 2! x c / (c - A) x P0 = 1/2 x 2 x 1/3 = 1/3. Rate c mu - lambda = 1/s, mean wait
        // C / rate = 1/3 s, utilisation 1/2. P(W > t) = C e^-t: 2/3 of arrivals do not wait (quantiles up to 2/3 are 0), and
        // the 90% quantile is ln(C / 0.1) = ln(10/3) = 1.2039728 s.
        Assert.Equal(1.0 / 3, ErlangC.ProbabilityOfWaiting(2, 1), 1e-15);
        var delay = ErlangC.Delay(2, 1, 1);
        Assert.Equal(1.0 / 3, delay.ProbabilityOfWaiting, 1e-15);
        Assert.Equal(1, delay.Rate, 1e-15);
        Assert.Equal(0.5, delay.Utilisation, 1e-15);
        Assert.Equal(1.0 / 3, delay.MeanWait, 1e-15);
        Assert.False(delay.IsUnbounded);
        Assert.Equal(1.2039728043259361, delay.Quantile(0.9), 1e-12);
        Assert.Equal(0, delay.Quantile(0.5));
        Assert.Equal(0, delay.Quantile(0.6666));
        Assert.Equal(0, delay.Quantile(0));
        Assert.Equal(double.PositiveInfinity, delay.Quantile(1));

        // Four times as fast a service (mu = 4/s, lambda = 4/s): the same A = 1, so the same C, and a rate of 8 - 4 = 4/s.
        var faster = ErlangC.Delay(2, 4, 4);
        Assert.Equal(1.0 / 3, faster.ProbabilityOfWaiting, 1e-15);
        Assert.Equal(4, faster.Rate, 1e-15);
        Assert.Equal(1.0 / 12, faster.MeanWait, 1e-15);
        Assert.Equal(1.2039728043259361 / 4, faster.Quantile(0.9), 1e-12);
    }

    [Fact]
    public void At_or_past_full_load_the_queue_is_unbounded_and_without_load_nobody_waits()
    {
        Assert.Equal(1, ErlangC.ProbabilityOfWaiting(2, 2));
        Assert.Equal(1, ErlangC.ProbabilityOfWaiting(2, 2.5));
        Assert.Equal(0, ErlangC.ProbabilityOfWaiting(3, 0));

        var full = ErlangC.Delay(2, 2, 1);
        Assert.True(full.IsUnbounded);
        Assert.Equal(1, full.ProbabilityOfWaiting);
        Assert.Equal(0, full.Rate);
        Assert.Equal(1, full.Utilisation, 1e-15);
        Assert.Equal(double.PositiveInfinity, full.Quantile(0.5));
        Assert.Equal(double.PositiveInfinity, full.Quantile(0));

        var idle = ErlangC.Delay(2, 0, 1);
        Assert.Equal(0, idle.ProbabilityOfWaiting);
        Assert.Equal(0, idle.Quantile(0.99));
    }

    [Fact]
    public void What_is_not_a_queue_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.ProbabilityOfWaiting(0, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.ProbabilityOfWaiting(2, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.ProbabilityOfWaiting(2, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.ProbabilityOfWaiting(2, double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Delay(0, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Delay(2, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Delay(2, 1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Delay(2, 1, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Delay(2, 1, double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Delay(2, -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Delay(2, double.NaN, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Delay(2, double.PositiveInfinity, 1));
        var delay = ErlangC.Delay(2, 1, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => delay.Quantile(-0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => delay.Quantile(1.1));
    }

    private static void Within(double published, double actual) =>
        Assert.True(Math.Abs(actual - published) <= Tolerance * published, $"{actual} is not within 0.1% of the published {published}");

    [Fact]
    public void The_utilisation_divides_by_every_server_and_past_capacity_the_rate_is_zero()
    {
        // lambda 4/s on 2 servers of mu 4/s: 4 / (2 x 4) = 0.5. lambda 3/s against a capacity of 2 x 1/s: unbounded, rate 0
        // (not 2 - 3), utilisation 1.5.
        Assert.Equal(0.5, ErlangC.Delay(2, 4, 4).Utilisation, 1e-15);
        var over = ErlangC.Delay(2, 3, 1);
        Assert.Equal(0, over.Rate);
        Assert.Equal(1, over.ProbabilityOfWaiting);
        Assert.Equal(1.5, over.Utilisation, 1e-15);
    }
}
