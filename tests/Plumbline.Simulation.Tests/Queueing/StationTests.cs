using Plumbline.Simulation.Queueing;
using Xunit;

namespace Plumbline.Simulation.Tests.Queueing;

public sealed class StationTests
{
    [Fact]
    public void Jobs_start_then_wait_then_are_rejected_and_leave_in_arrival_order()
    {
        var station = new Station(servers: 2, queueCapacity: 2);
        Assert.Equal(Admission.Started, station.Arrive(1, 0));
        Assert.Equal(Admission.Started, station.Arrive(2, 0));
        Assert.Equal(Admission.Queued, station.Arrive(3, 1));
        Assert.Equal(Admission.Queued, station.Arrive(4, 1));
        Assert.Equal(Admission.Rejected, station.Arrive(5, 1));
        Assert.Equal(3, station.Complete(2));
        Assert.Equal(4, station.Complete(3));
        Assert.Equal(-1, station.Complete(4));
        Assert.Equal(-1, station.Complete(4));
        Assert.Equal(0, station.Busy);
        Assert.Equal((5L, 1L, 4L), (station.Arrivals, station.Rejected, station.Completed));
    }

    [Fact]
    public void Time_averages_are_hand_computed()
    {
        // Busy servers: 1 on [0, 2), 2 on [2, 4), 1 on [4, 6), 0 on [6, 8): area 8 over 8 s and 2 servers = 0.5.
        // Queue: one waiting on [3, 4): mean 1/8.
        var station = new Station(servers: 2);
        station.Arrive(1, 0);
        station.Arrive(2, 2);
        station.Arrive(3, 3);
        Assert.Equal(3, station.Complete(4));
        Assert.Equal(-1, station.Complete(4));
        Assert.Equal(-1, station.Complete(6));
        Assert.Equal(0.5, station.Utilisation(8), 12);
        Assert.Equal(0.125, station.MeanQueueLength(8), 12);
    }

    [Fact]
    public void A_completion_with_no_busy_server_is_a_model_error() =>
        Assert.Throws<InvalidOperationException>(() => new Station(1).Complete(0));

    [Fact]
    public void A_queue_that_wraps_and_grows_keeps_arrival_order_and_its_time_averages()
    {
        // One server. Jobs 1 to 4 at 0 (1 starts, three wait); at 1 job 2 starts; 5 and 6 at 1.5 fill the ring of four past
        // its end; 7 at 2 grows it. Each service ends a second after the last: 3 starts at 2, then 4, 5, 6, 7 at 3 to 6,
        // idle from 7. Waiting: 3 on [0, 1), 2 on [1, 1.5), 4 on [1.5, 2) and on [2, 3) (7 came, 3 started), then 3, 2, 1:
        // 3 + 1 + 2 + 4 + 3 + 2 + 1 = 16 job-seconds; busy 7 server-seconds. By 8: utilisation 7/8, mean queue 2.
        var station = new Station(servers: 1);
        Assert.Equal(Admission.Started, station.Arrive(1, 0));
        station.Arrive(2, 0);
        station.Arrive(3, 0);
        station.Arrive(4, 0);
        Assert.Equal(2, station.Complete(1));
        station.Arrive(5, 1.5);
        station.Arrive(6, 1.5);
        Assert.Equal(Admission.Queued, station.Arrive(7, 2));
        Assert.Equal(5, station.Waiting);
        Assert.Equal([3, 4, 5, 6, 7, -1], [station.Complete(2), station.Complete(3), station.Complete(4), station.Complete(5), station.Complete(6), station.Complete(7)]);
        Assert.Equal(16, station.WaitingTime(7), 12);
        Assert.Equal(7, station.BusyTime(7), 12);
        Assert.Equal(7.0 / 8, station.Utilisation(8), 12);
        Assert.Equal(2, station.MeanQueueLength(8), 12);

        // After a reset at 8 the counts and averages start again: no time yet, then one job served on [9, 10) of [8, 12).
        station.ResetStatistics(8);
        Assert.Equal((0L, 0L, 0L), (station.Arrivals, station.Rejected, station.Completed));
        Assert.Equal(0, station.Utilisation(8));
        Assert.Equal(0, station.MeanQueueLength(8));
        station.Arrive(8, 9);
        Assert.Equal(-1, station.Complete(10));
        Assert.Equal(0.25, station.Utilisation(12), 12);
        Assert.Equal(0, station.MeanQueueLength(12));
        Assert.Equal((1L, 0L, 1L), (station.Arrivals, station.Rejected, station.Completed));
    }

    [Fact]
    public void A_job_that_may_not_be_rejected_waits_beyond_the_capacity()
    {
        var station = new Station(servers: 1, queueCapacity: 0);
        Assert.Equal(Admission.Started, station.Arrive(1, 0));
        Assert.Equal(Admission.Rejected, station.Arrive(2, 0));
        Assert.Equal(Admission.Queued, station.Arrive(3, 0, mayReject: false));
        Assert.Equal(3, station.Complete(1));
        Assert.Equal((3L, 1L), (station.Arrivals, station.Rejected));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Station(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Station(1, -1));
    }
}
