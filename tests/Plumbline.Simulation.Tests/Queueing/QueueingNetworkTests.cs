using Plumbline.Analysis.Latency;
using Plumbline.Simulation.Queueing;
using Plumbline.Simulation.Randomness;
using Xunit;

namespace Plumbline.Simulation.Tests.Queueing;

/// <summary>
/// Short runs of the network traced by hand, event by event. Service times are constant, so only the arrivals are drawn:
/// the run draws one uniform u from its generator for the next arrival at each arrival (the first at the start) and one
/// for each service as it starts (a constant ignores it), and an inter-arrival time is -ln(1 - u) / rate.
/// </summary>
public sealed class QueueingNetworkTests
{
    [Fact]
    public void The_generator_gives_the_draws_the_traces_start_from()
    {
        // Seed 1's first two uniforms give the first arrival, 1.213759987 = -ln(1 - 0.702921833), and the next, 0.734879214 later.
        var rng = new Xoshiro256StarStar(1);
        Assert.Equal(0.702921833, rng.NextDouble(), 9);
        Assert.Equal(0.520436620, rng.NextDouble(), 9);
    }

    [Fact]
    public void A_single_server_with_one_place_to_wait_serves_waits_and_rejects_as_traced()
    {
        // Seed 1, 1 arrival/s, one server, 1 s of service, one job may wait; 6 s. Arrivals at 1.213759987, 1.948639201,
        // 2.445115934, 2.600101005, 2.673796218, 3.153744244, 5.172297554 (the next, 7.869, is after the end):
        //   job 0 starts at 1.2138 and leaves at 2.2138; job 1 waits from 1.9486 and starts at 2.2138 (wait 0.265120786);
        //   job 2 waits from 2.4451 and starts at 3.2138 (wait 0.768644053); jobs 3, 4 and 5 find the one place taken;
        //   job 6 starts at 5.1723 and is still in service at 6.
        // Served (left): 3, of which 2 waited; mean wait (0 + 0.265120786 + 0.768644053) / 3 = 0.344588280, sojourn 1.344588280.
        // Busy 1.2138 to 4.2138 and 5.1723 to 6: 3.827702446 of 6 s = 0.637950408. Waiting 0.265120786 + 0.768644053 =
        // 1.033764839 job-seconds over 6 s = 0.172294140. Events: 7 arrivals and 3 departures.
        var run = new QueueingNetwork(1, [new StationSpec(1, ServiceTime.Constant(1), QueueCapacity: 1)], seed: 1).Run(duration: 6);

        var s = Assert.Single(run.Stations);
        Assert.Equal((7L, 3L, 3L), (s.Arrivals, s.Rejected, s.Served));
        Assert.Equal(0.344588280, s.MeanWait, 8);
        Assert.Equal(2.0 / 3, s.WaitedFraction, 12);
        Assert.Equal(1.344588280, s.MeanSojourn, 8);
        Assert.Equal(0.637950408, s.Utilisation, 8);
        Assert.Equal(0.172294140, s.MeanQueueLength, 8);
        Assert.Equal(3, run.Completed);
        Assert.Equal(1.344588280, run.MeanSojourn, 8);
        Assert.Equal(10, run.Events);
    }

    [Fact]
    public void A_warm_up_counts_only_the_jobs_that_arrive_after_it()
    {
        // The same run with a 2 s warm-up: jobs 2 to 6 arrive after it (5 arrivals, 3 rejected); of those only job 2 leaves
        // by 6 (wait 0.768644053, sojourn 1.768644053). Time averages over [2, 6]: busy 2 to 4.2138 and 5.1723 to 6,
        // 2.213759987 + 0.827702446 = 3.041462432 of 4 s = 0.760365608; waiting, job 1 on [2, 2.2138] and job 2 on
        // [2.4451, 3.2138]: 0.213759987 + 0.768644053 = 0.982404040 over 4 s = 0.245601010. Events: the warm-up's one more.
        var run = new QueueingNetwork(1, [new StationSpec(1, ServiceTime.Constant(1), QueueCapacity: 1)], seed: 1).Run(duration: 6, warmUp: 2);

        var s = Assert.Single(run.Stations);
        Assert.Equal((5L, 3L, 1L), (s.Arrivals, s.Rejected, s.Served));
        Assert.Equal(0.768644053, s.MeanWait, 8);
        Assert.Equal(1, s.WaitedFraction);
        Assert.Equal(1.768644053, s.MeanSojourn, 8);
        Assert.Equal(0.760365608, s.Utilisation, 8);
        Assert.Equal(0.245601010, s.MeanQueueLength, 8);
        Assert.Equal(1, run.Completed);
        Assert.Equal(1.768644053, run.MeanSojourn, 8);
        Assert.Equal(11, run.Events);
    }

    [Fact]
    public void A_tandem_passes_each_job_on_and_adds_the_second_stations_wait()
    {
        // Seed 2, 2 arrivals/s, then two servers of 1 s, then one server of 0.75 s with one place to wait; 5 s. Arrivals at
        // 0.053892344, 0.700325845, 1.389195831, 1.910016689, 2.601394132, 3.171873368: none waits at the first station
        // (at most two in service), so they reach the second at 1.053892344, 1.700325845, 2.389195831, 2.910016689,
        // 3.601394132, 4.171873368. There each starts when the one before leaves (0.75 s after it started): at 1.0539,
        // 1.8039, 2.5539, 3.3039, 4.0539, 4.8039; waits 0, 0.103566499, 0.164696513, 0.393875655, 0.452498212 for the five
        // that leave by 5 (mean 0.222927376), and job 5 still in service. End to end: 1 + 0.75 + the wait, mean 1.972927376.
        // Busy: first station 6 jobs x 1 s of 2 x 5 s = 0.6; second 5 x 0.75 + (5 - 4.803892344) = 3.946107656 of 5 s.
        var run = new QueueingNetwork(
            2, [new StationSpec(2, ServiceTime.Constant(1)), new StationSpec(1, ServiceTime.Constant(0.75), QueueCapacity: 1)], seed: 2)
            .Run(duration: 5);

        Assert.Equal(2, run.Stations.Count);
        var first = run.Stations[0];
        Assert.Equal((6L, 0L, 6L), (first.Arrivals, first.Rejected, first.Served));
        Assert.Equal(0, first.MeanWait);
        Assert.Equal(0, first.WaitedFraction);
        Assert.Equal(1, first.MeanSojourn, 12);
        Assert.Equal(0.6, first.Utilisation, 12);
        Assert.Equal(0, first.MeanQueueLength);

        var second = run.Stations[1];
        Assert.Equal((6L, 0L, 5L), (second.Arrivals, second.Rejected, second.Served));
        Assert.Equal(0.222927376, second.MeanWait, 8);
        Assert.Equal(0.8, second.WaitedFraction, 12);
        Assert.Equal(0.972927376, second.MeanSojourn, 8);
        Assert.Equal(3.946107656 / 5, second.Utilisation, 8);
        Assert.Equal(1.746655855 / 5, second.MeanQueueLength, 8);

        Assert.Equal(5, run.Completed);
        Assert.Equal(1.972927376, run.MeanSojourn, 8);
        Assert.Equal(17, run.Events); // 6 arrivals, 6 departures from the first station, 5 from the second
    }

    [Fact]
    public void Hundreds_in_the_system_at_once_keep_their_own_times()
    {
        // 100 arrivals/s, each served 5 s by one of 1,000 servers: about 500 jobs at once, past the 256 job slots the network
        // starts with, and slots freed by jobs that left are taken again. No job waits, so every one stays exactly 5 s.
        var run = new QueueingNetwork(100, [new StationSpec(1_000, ServiceTime.Constant(5))], seed: 3).Run(duration: 12);

        // Counted in a trace of the same draws: 1,186 arrivals by 12 s, 702 of them by 7 s, which have left.
        var s = Assert.Single(run.Stations);
        Assert.Equal((1186L, 702L), (s.Arrivals, s.Served));
        Assert.Equal(702, run.Completed);
        Assert.Equal(0, s.MeanWait);
        Assert.Equal(5, s.MeanSojourn, 9);
        Assert.Equal(5, run.MeanSojourn, 9);
        Assert.Equal(0, s.Rejected);
    }

    [Fact]
    public void A_network_runs_once_and_refuses_what_it_cannot_run()
    {
        var network = new QueueingNetwork(1, [new StationSpec(1, ServiceTime.Constant(1))], seed: 1);
        network.Run(duration: 1);
        Assert.Throws<InvalidOperationException>(() => network.Run(duration: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QueueingNetwork(0, [new StationSpec(1, ServiceTime.Constant(1))], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QueueingNetwork(double.PositiveInfinity, [new StationSpec(1, ServiceTime.Constant(1))], 1));
        Assert.Throws<ArgumentException>(() => new QueueingNetwork(1, [], 1));
        var fresh = new QueueingNetwork(1, [new StationSpec(1, ServiceTime.Constant(1))], seed: 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => fresh.Run(duration: 2, warmUp: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => fresh.Run(duration: 2, warmUp: -1));
    }
}
