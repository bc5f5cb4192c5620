using System.Runtime.CompilerServices;

namespace Plumbline.Simulation.Engine;

/// <summary>
/// The discrete-event engine: a virtual clock in seconds and the future-event list. A run repeatedly takes
/// the earliest event, moves the clock to its time and hands it to the model, which schedules more.
/// Nothing here reads the wall clock or shares a random source: the same model and seed give the same run.
/// </summary>
/// <remarks>
/// Timers of one fixed delay (a call's timeout) go through a channel (<see cref="AddChannel"/>): since they are
/// scheduled in time order with the same delay, they fire in the order they were scheduled, so a channel keeps
/// them in a ring and only its earliest sits in the event list. A design at peak keeps most of its pending
/// events there (a timeout per request in flight) and the list stays small (bench/README.md, "Simulation").
/// Scheduling allocates nothing: events are values in one array. While an event is handled it stays at the
/// top of the list, and the first event the handler schedules takes its place in a single sift
/// (<see cref="FutureEventList.ReplaceTop"/>), which halves the list's work for the common event that schedules
/// its successor.
/// </remarks>
public sealed class Simulator
{
    private readonly FutureEventList _queue;
    private Channel[] _channels = [];
    private long _sequence;
    private bool _topHandled;
    private bool _stopRequested;

    /// <param name="capacity">Initial capacity of the event list; it grows as needed.</param>
    public Simulator(int capacity = 64) => _queue = new FutureEventList(capacity);

    /// <summary>Virtual time in seconds; starts at 0.</summary>
    public double Now { get; private set; }

    /// <summary>Events handled so far, over every call to <see cref="Run{TModel}"/>.</summary>
    public long EventsHandled { get; private set; }

    /// <summary>Channel events dropped unhandled because the model had abandoned them (<see cref="IModel.Live"/>).</summary>
    public long EventsDropped { get; private set; }

    /// <summary>Events scheduled and not yet handled (the one being handled excluded), channels included.</summary>
    public int Pending
    {
        get
        {
            var pending = _queue.Count - (_topHandled ? 1 : 0);
            foreach (var c in _channels)
            {
                // A channel's earliest event is both in its ring and in the list.
                pending += Math.Max(0, c.Count - 1);
            }

            return pending;
        }
    }

    /// <summary>
    /// A channel for events that all fire <paramref name="delay"/> seconds (zero or more) after they are
    /// scheduled, such as one call's timeouts. Returns its number for <see cref="ScheduleOnChannel"/>.
    /// </summary>
    public int AddChannel(double delay)
    {
        if (!(delay >= 0) || !double.IsFinite(delay))
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "A channel's delay must be a finite number, zero or more.");
        }

        Array.Resize(ref _channels, _channels.Length + 1);
        _channels[^1] = new Channel(delay);
        return _channels.Length - 1;
    }

    /// <summary>
    /// Schedules an event on <paramref name="channel"/>, its delay from now. Events on one channel fire in the
    /// order they were scheduled, interleaved with every other event by time. Returns its sequence number.
    /// </summary>
    public long ScheduleOnChannel(int channel, int kind, int target = 0, int tag = 0)
    {
        var c = _channels[channel];
        var sequence = _sequence++;
        var e = new SimEvent(Now + c.Delay, sequence, kind, target, tag, channel + 1);
        c.Append(e);
        if (c.Count == 1)
        {
            Insert(e);
        }

        return sequence;
    }

    /// <summary>
    /// Schedules an event <paramref name="delay"/> seconds from now (zero or more). Returns its sequence number,
    /// unique in the run: a model that may abandon a timer keeps the number and ignores a timer that does not match.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Schedule(double delay, int kind, int target = 0, int tag = 0) =>
        ScheduleAt(Now + delay, kind, target, tag);

    /// <summary>Schedules an event at virtual time <paramref name="time"/>, not before <see cref="Now"/>; returns its sequence number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long ScheduleAt(double time, int kind, int target = 0, int tag = 0)
    {
        if (!(time >= Now))
        {
            ThrowPast(time);
        }

        var sequence = _sequence++;
        Insert(new SimEvent(time, sequence, kind, target, tag));
        return sequence;
    }

    /// <summary>Ends the current run after the event being handled.</summary>
    public void Stop() => _stopRequested = true;

    /// <summary>
    /// Handles events in order while their time is at most <paramref name="until"/> seconds, then leaves the
    /// clock at <paramref name="until"/> when it is finite (or where <see cref="Stop"/> was called). Returns the events handled.
    /// </summary>
    public long Run<TModel>(ref TModel model, double until)
        where TModel : IModel
    {
        _stopRequested = false;
        long handled = 0;
        long dropped = 0;
        while (!_stopRequested && _queue.Count > 0)
        {
            ref readonly var top = ref _queue.Peek();
            if (top.Time > until)
            {
                break;
            }

            var e = top;
            Now = e.Time;
            _topHandled = true;
            if (e.Channel != 0)
            {
                // The channel's next live event takes this one's place in the list; the abandoned ones before it
                // (timeouts of calls that have answered) are dropped from the ring, never sifted through the list.
                var c = _channels[e.Channel - 1];
                c.RemoveFirst();
                while (c.Count > 0 && !model.Live(in c.First))
                {
                    c.RemoveFirst();
                    dropped++;
                }

                if (c.Count > 0)
                {
                    _topHandled = false;
                    _queue.ReplaceTop(c.First);
                }

                if (!model.Live(in e))
                {
                    // Abandoned after it entered the list.
                    if (_topHandled)
                    {
                        _topHandled = false;
                        _queue.Dequeue();
                    }

                    dropped++;
                    continue;
                }
            }

            model.Handle(this, in e);
            if (_topHandled)
            {
                _topHandled = false;
                _queue.Dequeue();
            }

            handled++;
        }

        if (!_stopRequested && Now < until && !double.IsPositiveInfinity(until))
        {
            Now = until;
        }

        EventsHandled += handled;
        EventsDropped += dropped;
        return handled;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Insert(in SimEvent e)
    {
        if (_topHandled)
        {
            _topHandled = false;
            _queue.ReplaceTop(e);
        }
        else
        {
            _queue.Enqueue(e);
        }
    }

    private static void ThrowPast(double time) =>
        throw new ArgumentOutOfRangeException(nameof(time), time, "An event cannot be scheduled in the past or at a time that is not a number.");

    /// <summary>The events of one fixed delay, in scheduling order (which is time order): a growable ring.</summary>
    private sealed class Channel(double delay)
    {
        private SimEvent[] _ring = new SimEvent[16];
        private int _head;

        public double Delay { get; } = delay;

        public int Count { get; private set; }

        public ref readonly SimEvent First => ref _ring[_head];

        public void Append(in SimEvent e)
        {
            if (Count == _ring.Length)
            {
                var bigger = new SimEvent[_ring.Length * 2];
                for (var k = 0; k < Count; k++)
                {
                    bigger[k] = _ring[(_head + k) & (_ring.Length - 1)];
                }

                _ring = bigger;
                _head = 0;
            }

            _ring[(_head + Count) & (_ring.Length - 1)] = e;
            Count++;
        }

        public void RemoveFirst()
        {
            _head = (_head + 1) & (_ring.Length - 1);
            Count--;
        }
    }
}
