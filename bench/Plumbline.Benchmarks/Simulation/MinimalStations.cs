namespace Plumbline.Benchmarks.Simulation;

/// <summary>
/// The minimal loop's peer for many stations: K independent M/M/c stations written by hand with no engine, the
/// same way as <see cref="MinimalMmc"/> (a 16-byte struct event, now time, kind and station; a binary heap that
/// replaces its top when an event schedules its successor; xoshiro256** in locals; a ring of waiting arrival times
/// per station; the mean wait). With K = 10,000 about 100,000 events are pending, every one live at a random
/// place in time: what this costs here over one station is what the memory costs any implementation, engine or not.
/// Station state is laid out for locality as a hand-writer would: one array of small structs, and one slice of a
/// shared array per station for its ring (grown by moving the station's ring to the end).
/// </summary>
public sealed class MinimalStations
{
    private readonly int _servers;
    private readonly double _meanArrival;
    private readonly double _meanService;
    private Ev[] _heap;
    private int _count;
    private readonly StationState[] _stations;
    private double[] _rings;
    private int _ringsUsed;
    private MinimalRng _rng;
    private long _served;
    private double _waitSum;

    public MinimalStations(int stations, double lambda, int servers, double mu, ulong seed)
    {
        _servers = servers;
        _meanArrival = 1 / lambda;
        _meanService = 1 / mu;
        _rng = new MinimalRng(seed);
        _heap = new Ev[Math.Max(64, stations * (servers + 1))];
        _stations = new StationState[stations];
        _rings = new double[stations * 16];
        for (var s = 0; s < stations; s++)
        {
            _stations[s] = new StationState { RingStart = s * 16, RingMask = 15 };
            Push(new Ev(_rng.Exponential(_meanArrival), 0, s));
        }

        _ringsUsed = stations * 16;
    }

    /// <summary>Arrivals and departures handled.</summary>
    public long Events { get; private set; }

    public double MeanWait => _served > 0 ? _waitSum / _served : 0;

    public int Pending => _count;

    /// <summary>Handles events up to <paramref name="until"/>.</summary>
    public void Run(double until)
    {
        var heap = _heap;
        var count = _count;
        var stations = _stations;
        var rng = _rng;
        long events = 0;
        var served = _served;
        var waitSum = _waitSum;
        while (count > 0)
        {
            var e = heap[0];
            if (e.Time > until)
            {
                break;
            }

            events++;
            var now = e.Time;
            ref var st = ref stations[e.Station];
            if (e.Kind == 0)
            {
                ReplaceTop(heap, count, new Ev(now + rng.Exponential(_meanArrival), 0, e.Station));
                if (st.Busy < _servers)
                {
                    st.Busy++;
                    _count = count;
                    Push(new Ev(now + rng.Exponential(_meanService), 1, e.Station));
                    heap = _heap;
                    count = _count;
                }
                else
                {
                    if (st.Queued > st.RingMask)
                    {
                        GrowRing(ref st);
                    }

                    _rings[st.RingStart + ((st.Head + st.Queued) & st.RingMask)] = now;
                    st.Queued++;
                }
            }
            else
            {
                served++;
                if (st.Queued > 0)
                {
                    waitSum += now - _rings[st.RingStart + st.Head];
                    st.Head = (st.Head + 1) & st.RingMask;
                    st.Queued--;
                    ReplaceTop(heap, count, new Ev(now + rng.Exponential(_meanService), 1, e.Station));
                }
                else
                {
                    st.Busy--;
                    count--;
                    if (count > 0)
                    {
                        ReplaceTop(heap, count, heap[count]);
                    }
                }
            }
        }

        _count = count;
        _rng = rng;
        Events += events;
        _served = served;
        _waitSum = waitSum;
    }

    private void Push(Ev item)
    {
        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _count * 2);
        }

        var heap = _heap;
        var i = _count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (heap[parent].Time <= item.Time)
            {
                break;
            }

            heap[i] = heap[parent];
            i = parent;
        }

        heap[i] = item;
    }

    private static void ReplaceTop(Ev[] heap, int count, Ev item)
    {
        var i = 0;
        while (true)
        {
            var child = (i << 1) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && heap[child + 1].Time < heap[child].Time)
            {
                child++;
            }

            if (heap[child].Time >= item.Time)
            {
                break;
            }

            heap[i] = heap[child];
            i = child;
        }

        heap[i] = item;
    }

    private void GrowRing(ref StationState st)
    {
        var size = st.RingMask + 1;
        if (_ringsUsed + (2 * size) > _rings.Length)
        {
            Array.Resize(ref _rings, Math.Max(_rings.Length * 2, _ringsUsed + (2 * size)));
        }

        for (var k = 0; k < st.Queued; k++)
        {
            _rings[_ringsUsed + k] = _rings[st.RingStart + ((st.Head + k) & st.RingMask)];
        }

        st.RingStart = _ringsUsed;
        st.RingMask = (2 * size) - 1;
        st.Head = 0;
        _ringsUsed += 2 * size;
    }

    private readonly record struct Ev(double Time, int Kind, int Station);

    private struct StationState
    {
        public int Busy;
        public int Head;
        public int Queued;
        public int RingStart;
        public int RingMask;
    }
}
