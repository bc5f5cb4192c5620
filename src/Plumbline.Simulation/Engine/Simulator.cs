using System.Runtime.CompilerServices;

namespace Plumbline.Simulation.Engine;

/// <summary>
/// The discrete-event engine: a virtual clock in seconds and the future-event list. A run repeatedly takes
/// the earliest event, moves the clock to its time and hands it to the model, which schedules more.
/// Nothing here reads the wall clock or shares a random source: the same model and seed give the same run.
/// </summary>
/// <remarks>
/// Scheduling allocates nothing: events are values in one array. While an event is handled it stays at the
/// top of the list, and the first event the handler schedules takes its place in a single sift
/// (<see cref="FutureEventList.ReplaceTop"/>), which halves the list's work for the common event that schedules
/// its successor.
/// </remarks>
public sealed class Simulator
{
    private readonly FutureEventList _queue;
    private long _sequence;
    private bool _topHandled;
    private bool _stopRequested;

    /// <param name="capacity">Initial capacity of the event list; it grows as needed.</param>
    public Simulator(int capacity = 64) => _queue = new FutureEventList(capacity);

    /// <summary>Virtual time in seconds; starts at 0.</summary>
    public double Now { get; private set; }

    /// <summary>Events handled so far, over every call to <see cref="Run{TModel}"/>.</summary>
    public long EventsHandled { get; private set; }

    /// <summary>Events scheduled and not yet handled (the one being handled excluded).</summary>
    public int Pending => _queue.Count - (_topHandled ? 1 : 0);

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
        var e = new SimEvent(time, sequence, kind, target, tag);
        if (_topHandled)
        {
            _topHandled = false;
            _queue.ReplaceTop(e);
        }
        else
        {
            _queue.Enqueue(e);
        }

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
        return handled;
    }

    private static void ThrowPast(double time) =>
        throw new ArgumentOutOfRangeException(nameof(time), time, "An event cannot be scheduled in the past or at a time that is not a number.");
}
