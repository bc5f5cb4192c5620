using Plumbline.Simulation.Engine;
using Xunit;

namespace Plumbline.Simulation.Tests.Engine;

public sealed class SimulatorTests
{
    [Fact]
    public void Events_fire_in_time_order_and_ties_in_scheduling_order()
    {
        var sim = new Simulator();
        sim.ScheduleAt(3, kind: 1, target: 30);
        sim.ScheduleAt(1, kind: 1, target: 10);
        sim.ScheduleAt(2, kind: 1, target: 20);
        sim.ScheduleAt(2, kind: 1, target: 21);
        sim.ScheduleAt(2, kind: 1, target: 22);
        var model = new Recorder();
        var handled = sim.Run(ref model, until: 10);

        Assert.Equal(5, handled);
        Assert.Equal([(1.0, 10), (2.0, 20), (2.0, 21), (2.0, 22), (3.0, 30)], model.Seen);
        Assert.Equal(10, sim.Now);
    }

    [Fact]
    public void A_run_stops_at_its_horizon_and_the_next_run_carries_on()
    {
        var sim = new Simulator();
        var model = new Chain(every: 1.5);
        sim.ScheduleAt(0, 0);
        Assert.Equal(4, sim.Run(ref model, until: 5)); // 0, 1.5, 3, 4.5
        Assert.Equal(5, sim.Now);
        Assert.Equal(1, sim.Pending);
        Assert.Equal(3, sim.Run(ref model, until: 9)); // 6, 7.5, 9 (an event at the horizon fires)
        Assert.Equal(7, sim.EventsHandled);
    }

    [Fact]
    public void An_event_that_schedules_two_keeps_both_and_the_order()
    {
        // The first event scheduled while handling takes the handled event's place in the list;
        // the second is an ordinary insert. Both must fire, in time order.
        var sim = new Simulator();
        var model = new Fork(depth: 10);
        sim.ScheduleAt(0, 0, target: 0);
        sim.Run(ref model, double.PositiveInfinity);
        Assert.Equal(2047, sim.EventsHandled); // a full binary tree of depth 10
        Assert.True(model.Times.SequenceEqual(model.Times.Order()));
        Assert.Equal(model.Times[^1], sim.Now); // an infinite horizon leaves the clock at the last event
    }

    [Fact]
    public void Stop_ends_the_run_after_the_current_event()
    {
        var sim = new Simulator();
        var model = new Chain(every: 1, stopAt: 3);
        sim.ScheduleAt(0, 0);
        sim.Run(ref model, until: 100);
        Assert.Equal(3, sim.Now);
        Assert.Equal(4, sim.EventsHandled);
    }

    [Fact]
    public void The_past_and_not_a_number_are_refused()
    {
        var sim = new Simulator();
        var model = new Chain(every: 1);
        sim.ScheduleAt(0, 0);
        sim.Run(ref model, until: 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.ScheduleAt(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Schedule(double.NaN, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Schedule(-0.5, 0));
    }

    private sealed class Recorder : IModel
    {
        public List<(double, int)> Seen { get; } = [];

        public void Handle(Simulator simulator, in SimEvent e) => Seen.Add((e.Time, e.Target));

        public bool Live(in SimEvent e) => true;
    }

    private struct Chain(double every, double stopAt = double.PositiveInfinity) : IModel
    {
        public readonly void Handle(Simulator simulator, in SimEvent e)
        {
            if (e.Time >= stopAt)
            {
                simulator.Stop();
            }

            simulator.Schedule(every, 0);
        }

        public readonly bool Live(in SimEvent e) => true;
    }

    private sealed class Fork(int depth) : IModel
    {
        public List<double> Times { get; } = [];

        public bool Live(in SimEvent e) => true;

        public void Handle(Simulator simulator, in SimEvent e)
        {
            Times.Add(e.Time);
            if (e.Target < depth)
            {
                // Later child first, so the replaced top is not the earliest.
                simulator.Schedule(1.0 + (0.25 / (e.Target + 1)), 0, e.Target + 1);
                simulator.Schedule(1.0, 0, e.Target + 1);
            }
        }
    }
}

public sealed class SimulatorChannelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Channel_events_and_ordinary_events_fire_in_time_then_scheduling_order_on_fixed_mixes(int seed) =>
        CheckChannelOrder(seed);

    [Fact]
    public void Abandoned_channel_events_are_dropped_and_the_rest_keep_their_order_on_fixed_mixes()
    {
        // A mix that schedules little may abandon nothing; over ten, hundreds are.
        var abandoned = Enumerable.Range(1, 10).Sum(seed => CheckAbandonedDropped(seed));
        Assert.True(abandoned > 100, $"only {abandoned} abandoned over the mixes");
    }

    /// <summary>
    /// A model that, on each event, schedules random mixes of ordinary events (random delays, many ties from a small set of
    /// delays) and channel events (two fixed delays, one of them zero). Every event must fire, in (time, sequence) order.
    /// </summary>
    internal static void CheckChannelOrder(int seed)
    {
        var sim = new Simulator(4);
        var slow = sim.AddChannel(0.5);
        var instant = sim.AddChannel(0);
        var model = new Mixer(new Random(seed), slow, instant, budget: 2_000);
        sim.ScheduleAt(0, 0);
        sim.Run(ref model, double.PositiveInfinity);
        Assert.Equal(model.Scheduled, model.Fired.Count);
        AssertInOrder(model.Fired);
        Assert.Equal(0, sim.Pending);
    }

    /// <summary>
    /// The same mixes, where the model also abandons a random channel event still pending now and then (a timeout whose call
    /// answered): those never fire and are counted as dropped, every other event fires, in (time, sequence) order. Returns
    /// how many were abandoned.
    /// </summary>
    internal static long CheckAbandonedDropped(int seed)
    {
        var sim = new Simulator(4);
        var slow = sim.AddChannel(0.5);
        var instant = sim.AddChannel(0);
        var model = new Mixer(new Random(seed), slow, instant, budget: 2_000, abandon: true);
        sim.ScheduleAt(0, 0);
        sim.Run(ref model, double.PositiveInfinity);
        Assert.Equal(model.Scheduled - model.Abandoned.Count, model.Fired.Count);
        Assert.Equal(model.Abandoned.Count, sim.EventsDropped);
        Assert.Equal(model.Fired.Count, sim.EventsHandled);
        Assert.DoesNotContain(model.Fired, f => model.Abandoned.Contains(f.Sequence));
        AssertInOrder(model.Fired);
        Assert.Equal(0, sim.Pending);
        return model.Abandoned.Count;
    }

    [Fact]
    public void Pending_counts_channel_events_once()
    {
        var sim = new Simulator();
        var channel = sim.AddChannel(2);
        sim.ScheduleOnChannel(channel, 0);
        sim.ScheduleOnChannel(channel, 0);
        sim.Schedule(1, 0);
        Assert.Equal(3, sim.Pending);
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.AddChannel(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.AddChannel(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.AddChannel(double.PositiveInfinity));
    }

    [Fact]
    public void A_channel_ring_that_wraps_and_grows_keeps_scheduling_order()
    {
        // Delay 10. Twelve events at 0 each put one on the channel (due at 10); after they fired, the ring of 16 has its first
        // free place at 12, so twenty more put on it at 10.5 run past its end and make it grow. All fire in scheduling order.
        var sim = new Simulator();
        var channel = sim.AddChannel(10);
        var model = new ChannelRecorder(channel);
        for (var i = 0; i < 12; i++)
        {
            sim.ScheduleAt(0, kind: 0, target: -1);
        }

        sim.Run(ref model, until: 10.5);
        Assert.Equal(12, model.Seen.Count);
        for (var i = 0; i < 20; i++)
        {
            sim.ScheduleOnChannel(channel, kind: 1, target: 100 + i);
        }

        Assert.Equal(20, sim.Pending);
        sim.Run(ref model, double.PositiveInfinity);
        Assert.Equal(Enumerable.Range(0, 12).Concat(Enumerable.Range(100, 20)), model.Seen.Select(s => s.Target));
        Assert.Equal([10.0, 20.5], model.Seen.Select(s => s.Time).Distinct());
        Assert.Equal(20.5, sim.Now);
        Assert.Equal(44, sim.EventsHandled);
    }

    private sealed class ChannelRecorder(int channel) : IModel
    {
        private readonly HashSet<long> _handled = [];
        private int _next;

        public List<(double Time, int Target)> Seen { get; } = [];

        public void Handle(Simulator simulator, in SimEvent e)
        {
            // An event handled twice fails here rather than being handled forever.
            Assert.True(_handled.Add(e.Sequence), $"event {e.Sequence} handled twice");
            if (e.Target < 0)
            {
                simulator.ScheduleOnChannel(channel, kind: 1, target: _next++);
            }
            else
            {
                Seen.Add((e.Time, e.Target));
            }
        }

        public bool Live(in SimEvent e) => true;
    }

    private static void AssertInOrder(List<(double Time, long Sequence)> fired)
    {
        for (var i = 1; i < fired.Count; i++)
        {
            var (t0, s0) = fired[i - 1];
            var (t1, s1) = fired[i];
            Assert.True(t0 < t1 || (t0 == t1 && s0 < s1), $"event {i} out of order: ({t0}, {s0}) then ({t1}, {s1})");
        }
    }

    private sealed class Mixer(Random random, int slow, int instant, int budget, bool abandon = false) : IModel
    {
        private readonly List<long> _pendingOnChannels = [];

        public List<(double Time, long Sequence)> Fired { get; } = [];

        public HashSet<long> Abandoned { get; } = [];

        public int Scheduled { get; private set; } = 1;

        private readonly HashSet<long> _handled = [];
        private int _liveCalls;

        /// <summary>
        /// Whether the event is still wanted. The run asks at most three times per event it takes from the list (for each
        /// channel event it drops, for the channel's next one, for the event itself), so more calls than three times the
        /// budget mean a run that asks about the same event forever: it fails here instead.
        /// </summary>
        public bool Live(in SimEvent e)
        {
            Assert.True(++_liveCalls <= 3 * budget, $"{_liveCalls} questions whether an event is live, for {budget} events at most");
            return !Abandoned.Contains(e.Sequence);
        }

        public void Handle(Simulator simulator, in SimEvent e)
        {
            Assert.DoesNotContain(e.Sequence, Abandoned);
            Assert.True(_handled.Add(e.Sequence), $"event {e.Sequence} handled twice");
            Fired.Add((e.Time, e.Sequence));
            _pendingOnChannels.Remove(e.Sequence);
            if (abandon && _pendingOnChannels.Count > 0 && random.Next(0, 3) == 0)
            {
                var k = random.Next(0, _pendingOnChannels.Count);
                Abandoned.Add(_pendingOnChannels[k]);
                _pendingOnChannels.RemoveAt(k);
            }

            var n = random.Next(0, 4);
            for (var i = 0; i < n && Scheduled < budget; i++, Scheduled++)
            {
                switch (random.Next(0, 3))
                {
                    case 0:
                        simulator.Schedule(random.Next(0, 3) * 0.25, 0);
                        break;
                    case 1:
                        _pendingOnChannels.Add(simulator.ScheduleOnChannel(slow, 0));
                        break;
                    default:
                        _pendingOnChannels.Add(simulator.ScheduleOnChannel(instant, 0));
                        break;
                }
            }
        }
    }
}
