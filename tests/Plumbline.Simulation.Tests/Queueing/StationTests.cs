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
}
