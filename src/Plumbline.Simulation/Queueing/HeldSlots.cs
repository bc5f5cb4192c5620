namespace Plumbline.Simulation.Queueing;

/// <summary>
/// A station whose jobs hold a server (a slot) for a time known when they start: <see cref="Servers"/> slots fed
/// from one FIFO queue of at most <see cref="QueueCapacity"/> waiting jobs, as <see cref="Station"/>, but a slot's
/// release is a time kept here, not an event. While nobody waits, a release only has to be seen by the next arrival,
/// which takes every release due by then; only while jobs wait does the caller schedule an event, at
/// <see cref="NextRelease"/>, to start the longest waiting there. A design at low load then handles no event at all
/// for a slot coming free (bench/README.md, "Simulating a design").
/// </summary>
/// <remarks>
/// The run is the one a release event per slot gives: a job starts at the same time whether it found a slot that came
/// free before it arrived (taken here) or waited for one (the caller's event). Busy server-seconds are the holds
/// started less what is still to come of those not yet over, so they are exact at any time without a release event.
/// </remarks>
public sealed class HeldSlots
{
    // The release times of the slots held, a binary min-heap; _held of them are in use.
    private double[] _releases;
    private int _held;

    // The waiting jobs: a ring buffer grown by doubling, a power-of-two length so the wrap is a mask.
    private int[] _ring;
    private int _head;
    private int _waitingCount;
    private double _queueArea;
    private double _queueChanged;
    private double _heldSeconds;

    /// <param name="servers">Slots, one or more.</param>
    /// <param name="queueCapacity">Jobs that may wait, zero or more; <see cref="int.MaxValue"/> for no limit.</param>
    public HeldSlots(int servers, int queueCapacity = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(servers);
        ArgumentOutOfRangeException.ThrowIfNegative(queueCapacity);
        Servers = servers;
        QueueCapacity = queueCapacity;
        _releases = new double[Math.Min(servers, 8)];
        _ring = new int[4];
    }

    public int Servers { get; }

    public int QueueCapacity { get; }

    /// <summary>Jobs waiting now.</summary>
    public int Waiting => _waitingCount;

    /// <summary>When the earliest slot held comes free; only meaningful while a slot is held (always, while jobs wait).</summary>
    public double NextRelease => _releases[0];

    /// <summary>
    /// A job arrives at <paramref name="now"/>: <see cref="Admission.Started"/> when a slot is free (the caller then
    /// calls <see cref="Hold"/>), else it waits, or is rejected when <paramref name="mayReject"/> and the queue is full.
    /// A job that becomes the first waiting needs the caller's release event at <see cref="NextRelease"/>.
    /// </summary>
    public Admission Arrive(int job, double now, bool mayReject)
    {
        if (_waitingCount == 0)
        {
            // Nobody waits, so no release event is pending: take every release due by now here.
            while (_held > 0 && _releases[0] <= now)
            {
                RemoveEarliest();
            }

            if (_held < Servers)
            {
                return Admission.Started;
            }
        }

        if (mayReject && _waitingCount >= QueueCapacity)
        {
            return Admission.Rejected;
        }

        if (_waitingCount == _ring.Length)
        {
            Grow();
        }

        AdvanceQueue(now);
        _ring[(_head + _waitingCount) & (_ring.Length - 1)] = job;
        _waitingCount++;
        return Admission.Queued;
    }

    /// <summary>A job that was given a slot at <paramref name="now"/> holds it until <paramref name="until"/>.</summary>
    public void Hold(double now, double until)
    {
        if (_held == _releases.Length)
        {
            Array.Resize(ref _releases, _releases.Length * 2);
        }

        // Sift up from the end.
        var index = _held++;
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (_releases[parent] <= until)
            {
                break;
            }

            _releases[index] = _releases[parent];
            index = parent;
        }

        _releases[index] = until;
        _heldSeconds += until - now;
    }

    /// <summary>
    /// The caller's release event, at <see cref="NextRelease"/> while jobs wait: the earliest slot comes free at
    /// <paramref name="now"/> and the longest waiting job takes it (returned; the caller calls <see cref="Hold"/> for it);
    /// -1 when none waits.
    /// </summary>
    public int Release(double now)
    {
        if (_held == 0)
        {
            throw new InvalidOperationException("A slot came free at a station with no slot held.");
        }

        RemoveEarliest();
        if (_waitingCount == 0)
        {
            return -1;
        }

        AdvanceQueue(now);
        var next = _ring[_head];
        _head = (_head + 1) & (_ring.Length - 1);
        _waitingCount--;
        return next;
    }

    /// <summary>Busy slot-seconds from the start up to <paramref name="now"/> (not before the last arrival or release).</summary>
    public double BusyTime(double now)
    {
        var ahead = 0.0;
        for (var i = 0; i < _held; i++)
        {
            ahead += Math.Max(0, _releases[i] - now);
        }

        return _heldSeconds - ahead;
    }

    /// <summary>Job-seconds spent waiting from the start up to <paramref name="now"/>.</summary>
    public double WaitingTime(double now) => _queueArea + (_waitingCount * (now - _queueChanged));

    private void RemoveEarliest()
    {
        var last = _releases[--_held];
        var index = 0;
        while (true)
        {
            var child = (index << 1) + 1;
            if (child >= _held)
            {
                break;
            }

            if (child + 1 < _held && _releases[child + 1] < _releases[child])
            {
                child++;
            }

            if (last <= _releases[child])
            {
                break;
            }

            _releases[index] = _releases[child];
            index = child;
        }

        _releases[index] = last;
    }

    private void AdvanceQueue(double now)
    {
        _queueArea += _waitingCount * (now - _queueChanged);
        _queueChanged = now;
    }

    private void Grow()
    {
        var bigger = new int[_ring.Length * 2];
        for (var k = 0; k < _waitingCount; k++)
        {
            bigger[k] = _ring[(_head + k) & (_ring.Length - 1)];
        }

        _ring = bigger;
        _head = 0;
    }
}
