using CsCheck;
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
    public void Waiting_grows_with_load_and_shrinks_with_servers_even_for_thousands_of_servers()
    {
        Gen.Select(Gen.Int[1, 5_000], Gen.Double[0.01, 0.99], Gen.Double[0.001, 0.05]).SampleReplayable(
            (servers, utilisation, more) =>
            {
                var load = servers * utilisation;
                var c = ErlangC.ProbabilityOfWaiting(servers, load);
                var higher = ErlangC.ProbabilityOfWaiting(servers, Math.Min(servers * 0.999, load * (1 + more)));
                var wider = ErlangC.ProbabilityOfWaiting(servers + 1, load);
                return c is >= 0 and <= 1 && higher >= c - 1e-12 && wider <= c + 1e-12;
            },
            iter: 2_000);
    }

    private static void Within(double published, double actual) =>
        Assert.True(Math.Abs(actual - published) <= Tolerance * published, $"{actual} is not within 0.1% of the published {published}");
}
