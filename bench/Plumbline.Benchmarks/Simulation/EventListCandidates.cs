using Plumbline.Simulation.Engine;

namespace Plumbline.Benchmarks.Simulation;

/// <summary>
/// A binary min-heap of <see cref="SimEvent"/>, the textbook future-event list: one of the candidates the
/// engine's list was chosen against (the engine uses a 4-ary heap, <see cref="FutureEventList"/>).
/// </summary>
public sealed class BinaryHeapList(int capacity)
{
    private SimEvent[] _heap = new SimEvent[Math.Max(4, capacity)];
    private int _count;

    public int Count => _count;

    public ref readonly SimEvent Peek() => ref _heap[0];

    public void Enqueue(in SimEvent item)
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
            if (!item.Precedes(heap[parent]))
            {
                break;
            }

            heap[i] = heap[parent];
            i = parent;
        }

        heap[i] = item;
    }

    public SimEvent Dequeue()
    {
        var heap = _heap;
        var top = heap[0];
        var last = --_count;
        if (last > 0)
        {
            SiftDown(heap[last]);
        }

        return top;
    }

    public void ReplaceTop(in SimEvent item) => SiftDown(item);

    private void SiftDown(in SimEvent item)
    {
        var heap = _heap;
        var count = _count;
        var i = 0;
        while (true)
        {
            var child = (i << 1) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && heap[child + 1].Precedes(heap[child]))
            {
                child++;
            }

            if (!heap[child].Precedes(item))
            {
                break;
            }

            heap[i] = heap[child];
            i = child;
        }

        heap[i] = item;
    }
}

/// <summary>
/// A calendar queue (R. Brown, "Calendar queues: a fast O(1) priority queue implementation for the
/// simulation event set problem", Comm. ACM 31(10), 1988): buckets of one "day" each, a "year" of buckets
/// reused cyclically, each bucket a sorted list; it doubles or halves the buckets as the count crosses 2x or
/// 0.5x, and sets the day's width to three times the mean gap between the earliest events (Brown's rule).
/// Lists are index-linked nodes in arrays, so it does not allocate per event either. Days are computed as
/// integers from the time, so an event's bucket and its day always agree.
/// </summary>
public sealed class CalendarList
{
    private const int MinBuckets = 4;
    private SimEvent[] _events;
    private int[] _next;
    private int _freeHead = -1;
    private int _allocated;
    private int[] _heads;
    private int _mask;
    private double _width = 1;
    private long _currentDay;
    private double _lastTime;
    private int _count;
    private bool _resizing;

    public CalendarList(int capacity)
    {
        _events = new SimEvent[Math.Max(16, capacity)];
        _next = new int[_events.Length];
        _heads = new int[MinBuckets];
        Array.Fill(_heads, -1);
        _mask = MinBuckets - 1;
    }

    public int Count => _count;

    public void Enqueue(in SimEvent item)
    {
        var node = NewNode();
        _events[node] = item;
        Insert(node);
        _count++;
        if (!_resizing && _count > 2 * _heads.Length)
        {
            Resize(_heads.Length * 2);
        }
    }

    public SimEvent Dequeue()
    {
        var node = RemoveEarliest();
        var e = _events[node];
        _next[node] = _freeHead;
        _freeHead = node;
        _count--;
        if (!_resizing && _heads.Length > MinBuckets && _count < _heads.Length / 2)
        {
            Resize(_heads.Length / 2);
        }

        return e;
    }

    private long Day(double time) => (long)(time / _width);

    private void Insert(int node)
    {
        ref readonly var e = ref _events[node];
        var bucket = (int)(Day(e.Time) & _mask);
        var prev = -1;
        var cur = _heads[bucket];
        while (cur >= 0 && _events[cur].Precedes(e))
        {
            prev = cur;
            cur = _next[cur];
        }

        _next[node] = cur;
        if (prev < 0)
        {
            _heads[bucket] = node;
        }
        else
        {
            _next[prev] = node;
        }
    }

    private int RemoveEarliest()
    {
        var heads = _heads;
        for (var k = 0; k <= _mask; k++)
        {
            var bucket = (int)(_currentDay & _mask);
            var head = heads[bucket];
            if (head >= 0 && Day(_events[head].Time) <= _currentDay)
            {
                heads[bucket] = _next[head];
                _lastTime = _events[head].Time;
                return head;
            }

            _currentDay++;
        }

        // A whole year without an event due: find the earliest head directly.
        var best = -1;
        var bestBucket = -1;
        for (var b = 0; b <= _mask; b++)
        {
            var h = heads[b];
            if (h >= 0 && (best < 0 || _events[h].Precedes(_events[best])))
            {
                best = h;
                bestBucket = b;
            }
        }

        heads[bestBucket] = _next[best];
        _lastTime = _events[best].Time;
        _currentDay = Day(_lastTime);
        return best;
    }

    private void Resize(int buckets)
    {
        _resizing = true;
        var width = SampleWidth();
        var all = new List<int>(_count);
        foreach (var h in _heads)
        {
            for (var n = h; n >= 0; n = _next[n])
            {
                all.Add(n);
            }
        }

        _heads = new int[buckets];
        Array.Fill(_heads, -1);
        _mask = buckets - 1;
        _width = width;
        foreach (var n in all)
        {
            Insert(n);
        }

        _currentDay = Day(_lastTime);
        _resizing = false;
    }

    private double SampleWidth()
    {
        var sample = Math.Min(_count, 25);
        if (sample < 2)
        {
            return _width;
        }

        var taken = new SimEvent[sample];
        var lastTime = _lastTime;
        var day = _currentDay;
        for (var i = 0; i < sample; i++)
        {
            taken[i] = Dequeue();
        }

        double total = 0;
        for (var i = 1; i < sample; i++)
        {
            total += taken[i].Time - taken[i - 1].Time;
        }

        var mean = total / (sample - 1);
        double kept = 0;
        var keptCount = 0;
        for (var i = 1; i < sample; i++)
        {
            var gap = taken[i].Time - taken[i - 1].Time;
            if (gap <= 2 * mean)
            {
                kept += gap;
                keptCount++;
            }
        }

        foreach (var e in taken)
        {
            Enqueue(e);
        }

        _lastTime = lastTime;
        _currentDay = day;
        var width = keptCount > 0 ? 3 * kept / keptCount : 3 * mean;
        return width > 0 ? width : _width;
    }

    private int NewNode()
    {
        if (_freeHead >= 0)
        {
            var n = _freeHead;
            _freeHead = _next[n];
            return n;
        }

        if (_allocated == _events.Length)
        {
            Array.Resize(ref _events, _allocated * 2);
            Array.Resize(ref _next, _allocated * 2);
        }

        return _allocated++;
    }
}
