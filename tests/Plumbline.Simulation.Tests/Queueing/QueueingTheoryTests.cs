using Plumbline.Simulation.Queueing;
using Plumbline.Analysis.Latency;
using Plumbline.Simulation.Statistics;
using Xunit;

namespace Plumbline.Simulation.Tests.Queueing;

/// <summary>
/// The engine against queueing theory. Each case runs independent replications (seeds 1..R), each with a
/// warm-up that is discarded, and builds a 99% confidence interval from the replication means with Student's
/// t. The theoretical value must lie inside it, and the interval must be narrow (a few percent of the value),
/// so a wrong model cannot pass by being vague. Expected values are computed by hand in the comments.
/// </summary>
public sealed class QueueingTheoryTests
{
    private const int Replications = 10;
    private const double Confidence = 0.99;

    [Fact]
    public void MM1_waits_and_utilisation_follow_the_textbook()
    {
        // lambda 0.7, mu 1: rho 0.7; Wq = rho / (mu - lambda) = 7/3; W = 1 / (mu - lambda) = 10/3;
        // P(wait) = rho = 0.7; Lq = rho^2 / (1 - rho) = 49/30.
        var runs = Replicate(seed => new QueueingNetwork(0.7, [new StationSpec(1, ServiceTime.Exponential(1))], seed)
            .Run(duration: 220_000, warmUp: 20_000));

        AssertWithin(7.0 / 3, runs, r => r.Stations[0].MeanWait, 0.03, "Wq");
        AssertWithin(10.0 / 3, runs, r => r.Stations[0].MeanSojourn, 0.03, "W");
        AssertWithin(0.7, runs, r => r.Stations[0].WaitedFraction, 0.01, "P(wait)");
        AssertWithin(0.7, runs, r => r.Stations[0].Utilisation, 0.01, "utilisation");
        AssertWithin(49.0 / 30, runs, r => r.Stations[0].MeanQueueLength, 0.03, "Lq");
    }

    [Fact]
    public void MMc_probability_of_waiting_and_mean_wait_are_erlang_c()
    {
        // c = 3, lambda 2, mu 1: offered load a = 2. Erlang C = (a^c/c! * c/(c-a)) / (sum_{k<c} a^k/k! + a^c/c! * c/(c-a))
        // = (8/6 * 3) / (1 + 2 + 2 + 4) = 4/9. Wq = C / (c mu - lambda) = 4/9. Utilisation a/c = 2/3.
        var runs = Replicate(seed => new QueueingNetwork(2, [new StationSpec(3, ServiceTime.Exponential(1))], seed)
            .Run(duration: 110_000, warmUp: 10_000));

        AssertWithin(4.0 / 9, runs, r => r.Stations[0].WaitedFraction, 0.02, "Erlang C");
        AssertWithin(4.0 / 9, runs, r => r.Stations[0].MeanWait, 0.03, "Wq");
        AssertWithin(2.0 / 3, runs, r => r.Stations[0].Utilisation, 0.01, "utilisation");
    }

    [Fact]
    public void MMc_at_the_benchmark_load_is_erlang_c()
    {
        // The benchmark's model: c = 10, lambda 9000/s, mu 1000/s, so a = 9 and rho = 0.9.
        // Erlang C(10, 9) = 0.668731524 (sum over k < 10 of 9^k/k! = 5561.4; 9^10/10! * 10 = 9. ... see
        // any Erlang C table), Wq = C / (c mu - lambda) = 0.668731524 / 1000 s.
        var runs = Replicate(seed => new QueueingNetwork(9000, [new StationSpec(10, ServiceTime.Exponential(0.001))], seed)
            .Run(duration: 110, warmUp: 10));

        AssertWithin(0.668731524, runs, r => r.Stations[0].WaitedFraction, 0.02, "Erlang C");
        AssertWithin(0.668731524e-3, runs, r => r.Stations[0].MeanWait, 0.04, "Wq");
        AssertWithin(0.9, runs, r => r.Stations[0].Utilisation, 0.01, "utilisation");
    }

    [Fact]
    public void MD1_waits_follow_pollaczek_khinchine()
    {
        // lambda 0.7, constant service 1: E[S^2] = 1, so Wq = lambda E[S^2] / (2 (1 - rho)) = 0.7 / 0.6 = 7/6,
        // half the M/M/1 wait at the same load; W = 7/6 + 1 = 13/6.
        var runs = Replicate(seed => new QueueingNetwork(0.7, [new StationSpec(1, ServiceTime.Constant(1))], seed)
            .Run(duration: 220_000, warmUp: 20_000));

        AssertWithin(7.0 / 6, runs, r => r.Stations[0].MeanWait, 0.03, "Wq");
        AssertWithin(13.0 / 6, runs, r => r.Stations[0].MeanSojourn, 0.02, "W");
    }

    [Fact]
    public void A_tandem_of_two_MM1_stations_adds_their_sojourn_times()
    {
        // Jackson: the departures of an M/M/1 are Poisson (Burke), so each station is M/M/1 at lambda 0.6.
        // W1 = 1 / (1 - 0.6) = 2.5, W2 = 1 / (1.2 - 0.6) = 5/3, end to end 25/6.
        var runs = Replicate(seed => new QueueingNetwork(
            0.6, [new StationSpec(1, ServiceTime.Exponential(1)), new StationSpec(1, ServiceTime.Exponential(1 / 1.2))], seed)
            .Run(duration: 220_000, warmUp: 20_000));

        AssertWithin(2.5, runs, r => r.Stations[0].MeanSojourn, 0.03, "W1");
        AssertWithin(5.0 / 3, runs, r => r.Stations[1].MeanSojourn, 0.03, "W2");
        AssertWithin(25.0 / 6, runs, r => r.MeanSojourn, 0.03, "W1 + W2");
    }

    [Fact]
    public void A_full_queue_rejects_as_MM1K_predicts()
    {
        // M/M/1/K with K = 5 in the system (one in service, four waiting), lambda 1, mu 1.25: rho 0.8.
        // P(block) = (1 - rho) rho^K / (1 - rho^(K+1)) = 0.2 * 0.32768 / (1 - 0.262144) = 0.0888195.
        var runs = Replicate(seed => new QueueingNetwork(1, [new StationSpec(1, ServiceTime.Exponential(0.8), QueueCapacity: 4)], seed)
            .Run(duration: 110_000, warmUp: 10_000));

        AssertWithin(0.0888195, runs, r => (double)r.Stations[0].Rejected / r.Stations[0].Arrivals, 0.03, "P(block)");
    }

    private static NetworkResult[] Replicate(Func<ulong, NetworkResult> run) =>
        [.. Enumerable.Range(1, Replications).Select(i => run((ulong)i))];

    private static void AssertWithin(double theory, NetworkResult[] runs, Func<NetworkResult, double> measure, double maxRelativeHalfWidth, string what)
    {
        var ci = ConfidenceInterval.ForMean([.. runs.Select(measure)], Confidence);
        Assert.True(ci.Contains(theory), $"{what}: theory {theory:G6} is outside the simulated {ci}");
        Assert.True(ci.HalfWidth <= maxRelativeHalfWidth * theory, $"{what}: {ci} is wider than {maxRelativeHalfWidth:P0} of {theory:G6}; run longer");
    }
}
