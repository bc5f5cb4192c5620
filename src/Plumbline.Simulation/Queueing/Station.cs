namespace Plumbline.Simulation.Queueing;

/// <summary>What happened to a job that arrived at a <see cref="Station"/>.</summary>
public enum Admission
{
    /// <summary>A server was free: service starts now.</summary>
    Started,

    /// <summary>Every server was busy: the job waits in the queue.</summary>
    Queued,

    /// <summary>Every server was busy and the queue was full: the job is turned away.</summary>
    Rejected,
}

/// <summary>
/// A queueing station: <see cref="Servers"/> identical servers fed from one FIFO queue that holds at most
/// <see cref="QueueCapacity"/> waiting jobs; a job that finds the queue full is rejected. Jobs are the
/// caller's numbers; the caller draws service times and schedules completions. The station keeps the
/// time-weighted busy servers and queue length since the last <see cref="ResetStatistics"/>.
/// </summary>
public sealed class Station
{
    // The waiting jobs: a ring buffer kept in the station (no separate queue object to reach through), grown
    // by doubling up to the capacity; a power-of-two length so the wrap is a mask.
    private int[] _ring;
    private int _head;
    private int _waitingCount;
    private double _lastChange;
    private double _statisticsStart;
    private double _busyArea;
    private double _queueArea;

    /// <param name="servers">Jobs served at once, one or more.</param>
    /// <param name="queueCapacity">Jobs that may wait, zero or more; <see cref="int.MaxValue"/> for no limit.</param>
    public Station(int servers, int queueCapacity = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(servers);
        ArgumentOutOfRangeException.ThrowIfNegative(queueCapacity);
        Servers = servers;
        QueueCapacity = queueCapacity;
        _ring = new int[4];
    }

    public int Servers { get; }

    public int QueueCapacity { get; }

    /// <summary>Servers busy now.</summary>
    public int Busy { get; private set; }

    /// <summary>Jobs waiting now.</summary>
    public int Waiting => _waitingCount;

    /// <summary>Arrivals since the statistics were reset, rejected ones included.</summary>
    public long Arrivals { get; private set; }

    /// <summary>Arrivals turned away because the queue was full.</summary>
    public long Rejected { get; private set; }

    /// <summary>Services completed since the statistics were reset.</summary>
    public long Completed { get; private set; }

    /// <summary>A job arrives at <paramref name="now"/>: it starts service, waits, or is rejected.</summary>
    public Admission Arrive(int job, double now) => Arrive(job, now, mayReject: true);

    /// <summary>
    /// A job arrives at <paramref name="now"/>: it starts service or waits; when <paramref name="mayReject"/>, it is
    /// rejected if the queue is full. A job that may not be rejected (a message a broker holds) waits whatever the queue holds.
    /// </summary>
    public Admission Arrive(int job, double now, bool mayReject)
    {
        Advance(now);
        Arrivals++;
        if (Busy < Servers)
        {
            Busy++;
            return Admission.Started;
        }

        if (mayReject && _waitingCount >= QueueCapacity)
        {
            Rejected++;
            return Admission.Rejected;
        }

        if (_waitingCount == _ring.Length)
        {
            Grow();
        }

        _ring[(_head + _waitingCount) & (_ring.Length - 1)] = job;
        _waitingCount++;
        return Admission.Queued;
    }

    /// <summary>
    /// A service completes at <paramref name="now"/>. Returns the job that starts service on the freed server
    /// (the longest waiting), or -1 when none was waiting and the server goes idle.
    /// </summary>
    public int Complete(double now)
    {
        if (Busy == 0)
        {
            throw new InvalidOperationException("A service completed at a station with no busy server.");
        }

        Advance(now);
        Completed++;
        if (_waitingCount > 0)
        {
            var next = _ring[_head];
            _head = (_head + 1) & (_ring.Length - 1);
            _waitingCount--;
            return next;
        }

        Busy--;
        return -1;
    }

    /// <summary>Busy server-seconds since the statistics were reset, up to <paramref name="now"/>.</summary>
    public double BusyTime(double now)
    {
        Advance(now);
        return _busyArea;
    }

    /// <summary>Job-seconds spent waiting since the statistics were reset, up to <paramref name="now"/>.</summary>
    public double WaitingTime(double now)
    {
        Advance(now);
        return _queueArea;
    }

    /// <summary>Starts the statistics afresh at <paramref name="now"/> (the end of a warm-up).</summary>
    public void ResetStatistics(double now)
    {
        Advance(now);
        _statisticsStart = now;
        _busyArea = 0;
        _queueArea = 0;
        Arrivals = 0;
        Rejected = 0;
        Completed = 0;
    }

    /// <summary>Mean busy servers over mean servers, since the reset, up to <paramref name="now"/>.</summary>
    public double Utilisation(double now)
    {
        Advance(now);
        var span = now - _statisticsStart;
        return span > 0 ? _busyArea / (span * Servers) : 0;
    }

    /// <summary>Time-weighted mean number of waiting jobs since the reset, up to <paramref name="now"/>.</summary>
    public double MeanQueueLength(double now)
    {
        Advance(now);
        var span = now - _statisticsStart;
        return span > 0 ? _queueArea / span : 0;
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

    private void Advance(double now)
    {
        var dt = now - _lastChange;
        _busyArea += Busy * dt;
        _queueArea += _waitingCount * dt;
        _lastChange = now;
    }
}
