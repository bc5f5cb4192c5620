using Plumbline.Simulation.Engine;
using Plumbline.Simulation.Queueing;
using Plumbline.Simulation.Randomness;
using Xunit;

namespace Plumbline.Simulation.Tests.Queueing;

public sealed class HeldSlotsTests
{
    private const int ArrivalKind = 0;
    private const int ReleaseKind = 1;

    [Fact]
    public void A_slot_released_before_an_arrival_is_taken_without_an_event_and_waiting_jobs_leave_in_order()
    {
        var slots = new HeldSlots(servers: 2, queueCapacity: 2);
        Assert.Equal(Admission.Started, slots.Arrive(1, 0, mayReject: true));
        slots.Hold(0, 5);
        Assert.Equal(Admission.Started, slots.Arrive(2, 1, mayReject: true));
        slots.Hold(1, 3);

        // Both held: job 3 is the first to wait, so the caller's release event goes at the earliest release, 3.
        Assert.Equal(Admission.Queued, slots.Arrive(3, 2, mayReject: true));
        Assert.Equal(1, slots.Waiting);
        Assert.Equal(3, slots.NextRelease);
        Assert.Equal(Admission.Queued, slots.Arrive(4, 2, mayReject: true));
        Assert.Equal(Admission.Rejected, slots.Arrive(5, 2, mayReject: true));
        Assert.Equal(Admission.Queued, slots.Arrive(6, 2, mayReject: false)); // a delivery the broker holds waits anyway

        Assert.Equal(3, slots.Release(3));
        slots.Hold(3, 4);
        Assert.Equal(4, slots.NextRelease);
        Assert.Equal(4, slots.Release(4));
        slots.Hold(4, 10);
        Assert.Equal(5, slots.NextRelease);
        Assert.Equal(6, slots.Release(5));
        slots.Hold(5, 6);
        Assert.Equal(0, slots.Waiting);

        // Nobody waits: the release at 6 is never an event; the arrival at 7 finds that slot free.
        Assert.Equal(Admission.Started, slots.Arrive(7, 7, mayReject: true));
        slots.Hold(7, 8);
        Assert.Equal(Admission.Queued, slots.Arrive(8, 7.5, mayReject: true));
        Assert.Equal(8, slots.NextRelease);
    }

    [Fact]
    public void Busy_and_waiting_seconds_are_hand_computed()
    {
        // Slots held: [0, 2) by job 1, [2, 6) by 2, [2.2, 3) by 4, [3, 4) by 3 after it waited on [2.5, 3). Slot-seconds
        // by 4.5: 2 + 2.5 + 0.8 + 1 = 6.3; by 6: 2 + 4 + 0.8 + 1 = 7.8. Waiting: one job on [2.5, 3), 0.5 job-seconds.
        var slots = new HeldSlots(servers: 2);
        Assert.Equal(Admission.Started, slots.Arrive(1, 0, mayReject: true));
        slots.Hold(0, 2);
        Assert.Equal(Admission.Started, slots.Arrive(2, 2, mayReject: true)); // the slot held to 2 is free again at 2
        slots.Hold(2, 6);
        Assert.Equal(Admission.Started, slots.Arrive(4, 2.2, mayReject: true));
        slots.Hold(2.2, 3);
        Assert.Equal(Admission.Queued, slots.Arrive(3, 2.5, mayReject: true));
        Assert.Equal(3, slots.NextRelease);
        Assert.Equal(0, slots.WaitingTime(2.5), 12);
        Assert.Equal(3, slots.Release(3));
        slots.Hold(3, 4);
        Assert.Equal(2 + 2.5 + 0.8 + 1, slots.BusyTime(4.5), 12);
        Assert.Equal(2 + 4 + 0.8 + 1, slots.BusyTime(6), 12);
        Assert.Equal(0.5, slots.WaitingTime(6), 12);
    }

    [Fact]
    public void A_release_with_no_slot_held_is_a_model_error() =>
        Assert.Throws<InvalidOperationException>(() => new HeldSlots(1).Release(0));

    [Theory]
    [InlineData(1, 0.9)]
    [InlineData(3, 0.95)]
    [InlineData(16, 0.7)]
    public void The_same_run_as_a_station_with_a_release_event_per_slot(int servers, double load)
    {
        // One M/M/c queue with a bounded queue, run twice on the same draws: a Station whose every release is an event,
        // and HeldSlots with events only while jobs wait. Every job starts at the same time (or is rejected in both),
        // and the busy and waiting seconds agree.
        var eager = Run(servers, load, lazy: false);
        var held = Run(servers, load, lazy: true);
        Assert.Equal(eager.Starts, held.Starts);
        Assert.Equal(eager.Busy, held.Busy, 6);
        Assert.Equal(eager.Waiting, held.Waiting, 6);
        Assert.True(held.Events < eager.Events, $"{held.Events} events with held slots, {eager.Events} with a release event per slot");
        Assert.Contains(eager.Starts, s => s < 0); // some were rejected: the bound was reached
    }

    private static (double[] Starts, double Busy, double Waiting, long Events) Run(int servers, double load, bool lazy)
    {
        var jobs = RunLength.Pick(20_000, 2_000);
        var rng = Xoshiro256StarStar.ForStream(11, 0);
        var arrivals = new double[jobs];
        var holds = new double[jobs];
        var t = 0.0;
        for (var j = 0; j < jobs; j++)
        {
            t += -Math.Log(rng.NextDoubleNonZero()) / (load * servers);
            arrivals[j] = t;
            holds[j] = -Math.Log(rng.NextDoubleNonZero());
        }

        var starts = new double[jobs];
        Array.Fill(starts, -1);
        var sim = new Simulator();
        var station = new Station(servers, queueCapacity: 5);
        var slots = new HeldSlots(servers, queueCapacity: 5);
        for (var j = 0; j < jobs; j++)
        {
            sim.ScheduleAt(arrivals[j], ArrivalKind, j);
        }

        var model = new Model(sim, station, slots, starts, holds, lazy);
        sim.Run(ref model, double.PositiveInfinity);
        var end = arrivals[^1] + 1_000; // after every hold, the same time for both
        return lazy
            ? (starts, slots.BusyTime(end), slots.WaitingTime(end), sim.EventsHandled)
            : (starts, station.BusyTime(end), station.WaitingTime(end), sim.EventsHandled);
    }

    private readonly struct Model(Simulator sim, Station station, HeldSlots slots, double[] starts, double[] holds, bool lazy) : IModel
    {
        public void Handle(Simulator simulator, in SimEvent e)
        {
            if (e.Kind == ArrivalKind)
            {
                Arrive(e.Target);
            }
            else
            {
                Release(e.Target);
            }
        }

        public bool Live(in SimEvent e) => true;

        private void Arrive(int job)
        {
            if (!lazy)
            {
                if (station.Arrive(job, sim.Now) == Admission.Started)
                {
                    Start(job);
                }

                return;
            }

            switch (slots.Arrive(job, sim.Now, mayReject: true))
            {
                case Admission.Started:
                    Start(job);
                    break;
                case Admission.Queued when slots.Waiting == 1:
                    sim.ScheduleAt(slots.NextRelease, ReleaseKind);
                    break;
            }
        }

        private void Release(int instance)
        {
            var next = lazy ? slots.Release(sim.Now) : station.Complete(sim.Now);
            if (next >= 0)
            {
                Start(next);
            }

            if (lazy && slots.Waiting > 0)
            {
                sim.ScheduleAt(slots.NextRelease, ReleaseKind, instance);
            }
        }

        private void Start(int job)
        {
            starts[job] = sim.Now;
            if (lazy)
            {
                slots.Hold(sim.Now, sim.Now + holds[job]);
            }
            else
            {
                sim.Schedule(holds[job], ReleaseKind);
            }
        }
    }
}
