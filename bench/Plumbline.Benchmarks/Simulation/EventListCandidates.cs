using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

/// <summary>
/// A 4-ary min-heap of 16-byte keys (time, then sequence and slot packed in one 64-bit number) with the rest of
/// each event (kind, target, tag, channel) in a side array at a stable slot: half the bytes moved per level of
/// a sift, and the four children of a node in one 64-byte cache line (the array is pinned and offset so that
/// they start on a line). A freed slot is reused first, so the successor an event schedules writes where it was read.
/// </summary>
public sealed class Quaternary16List
{
    private const int SlotBits = 28;
    private const ulong SlotMask = (1UL << SlotBits) - 1;
    private Key[] _keys;
    private int _offset;
    private int _count;
    private Payload[] _payloads;
    private int[] _free;
    private int _freeCount;
    private int _slots;

    public Quaternary16List(int capacity)
    {
        _keys = AllocateAligned(Math.Max(16, capacity), out _offset);
        _payloads = new Payload[Math.Max(16, capacity)];
        _free = new int[_payloads.Length];
    }

    public int Count => _count;

    public void Enqueue(in SimEvent e)
    {
        var slot = NewSlot();
        _payloads[slot] = new Payload(e.Kind, e.Target, e.Tag);
        if (_offset + _count + 1 > _keys.Length)
        {
            var bigger = AllocateAligned(_count * 2, out var offset);
            Array.Copy(_keys, _offset, bigger, offset, _count);
            _keys = bigger;
            _offset = offset;
        }

        SiftUp(_count++, new Key(e.Time, ((ulong)e.Sequence << SlotBits) | (uint)slot));
    }

    public SimEvent Dequeue()
    {
        ref var heap = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_keys), _offset);
        var top = heap;
        var last = --_count;
        if (last > 0)
        {
            SiftDown(Unsafe.Add(ref heap, last));
        }

        var slot = (int)(top.SeqSlot & SlotMask);
        var p = _payloads[slot];
        _free[_freeCount++] = slot;
        return new SimEvent(top.Time, (long)(top.SeqSlot >> SlotBits), p.Kind, p.Target, p.Tag);
    }

    /// <summary>Removes the earliest event and adds <paramref name="e"/> in one sift; returns the removed one.</summary>
    public SimEvent ReplaceTop(in SimEvent e)
    {
        ref var heap = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_keys), _offset);
        var top = heap;
        var slot = (int)(top.SeqSlot & SlotMask);
        var p = _payloads[slot];
        _payloads[slot] = new Payload(e.Kind, e.Target, e.Tag);
        SiftDown(new Key(e.Time, ((ulong)e.Sequence << SlotBits) | (uint)slot));
        return new SimEvent(top.Time, (long)(top.SeqSlot >> SlotBits), p.Kind, p.Target, p.Tag);
    }

    public ref readonly Key PeekKey() => ref _keys[_offset];

    private int NewSlot()
    {
        if (_freeCount > 0)
        {
            return _free[--_freeCount];
        }

        if (_slots == _payloads.Length)
        {
            Array.Resize(ref _payloads, _slots * 2);
            Array.Resize(ref _free, _slots * 2);
        }

        return _slots++;
    }

    private static unsafe Key[] AllocateAligned(int length, out int offset)
    {
        // Index 1 (the root's first child) on a 64-byte line, so every node's four children share one line.
        var keys = GC.AllocateArray<Key>(length + 4, pinned: true);
        var address = (long)Unsafe.AsPointer(ref keys[0]);
        var misalignment = (int)((address + 16) & 63);
        offset = misalignment == 0 ? 0 : (64 - misalignment) / 16;
        return keys;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SiftUp(int index, Key item)
    {
        ref var heap = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_keys), _offset);
        while (index > 0)
        {
            var parent = (index - 1) >> 2;
            ref var p = ref Unsafe.Add(ref heap, parent);
            if (!item.Precedes(p))
            {
                break;
            }

            Unsafe.Add(ref heap, index) = p;
            index = parent;
        }

        Unsafe.Add(ref heap, index) = item;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SiftDown(Key item)
    {
        ref var heap = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_keys), _offset);
        var count = _count;
        var index = 0;
        while (true)
        {
            var first = (index << 2) + 1;
            if (first >= count)
            {
                break;
            }

            var best = first;
            ref var bestRef = ref Unsafe.Add(ref heap, first);
            var end = Math.Min(first + 4, count);
            for (var c = first + 1; c < end; c++)
            {
                ref var candidate = ref Unsafe.Add(ref heap, c);
                if (candidate.Precedes(bestRef))
                {
                    best = c;
                    bestRef = ref candidate;
                }
            }

            if (!bestRef.Precedes(item))
            {
                break;
            }

            Unsafe.Add(ref heap, index) = bestRef;
            index = best;
        }

        Unsafe.Add(ref heap, index) = item;
    }

    public readonly record struct Key(double Time, ulong SeqSlot)
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Precedes(in Key other) => Time < other.Time || (Time == other.Time && SeqSlot < other.SeqSlot);
    }

    private readonly record struct Payload(int Kind, int Target, int Tag);
}

/// <summary>
/// A radix heap (Ahuja, Mehlhorn, Orlin and Tarjan, 1990) over 128-bit keys: the time's bits (a non-negative
/// double orders as its bits do), then the sequence number and a payload slot. A monotone priority queue, which
/// an event list is (nothing is scheduled before now): bucket b holds the keys whose highest bit differing from
/// the last key removed is bit b - 1. Removing the minimum takes it from bucket 0, or empties the lowest bucket
/// in use into lower ones around its minimum. Every access is a sequential walk of a bucket's array, so it stays
/// fast when the list outgrows the caches; each key moves about log2 of its bucket's size times.
/// </summary>
public sealed class RadixList
{
    private const int SlotBits = 28;
    private const ulong SlotMask = (1UL << SlotBits) - 1;
    private const int Buckets = 129;
    private readonly RadixKey[][] _buckets = new RadixKey[Buckets][];
    private readonly int[] _sizes = new int[Buckets];
    private ulong _used0, _used1; // buckets 0-63 and 64-127 in use (bucket 128 is tried last)
    private ulong _lastHi, _lastLo;
    private int _count;
    private Payload[] _payloads;
    private int[] _free;
    private int _freeCount;
    private int _slots;

    public RadixList(int capacity)
    {
        for (var b = 0; b < Buckets; b++)
        {
            _buckets[b] = new RadixKey[4];
        }

        _payloads = new Payload[Math.Max(16, capacity)];
        _free = new int[_payloads.Length];
    }

    public int Count => _count;

    public void Enqueue(in SimEvent e)
    {
        var slot = NewSlot();
        _payloads[slot] = new Payload(e.Kind, e.Target, e.Tag);
        Add(new RadixKey(BitConverter.DoubleToUInt64Bits(e.Time + 0.0), ((ulong)e.Sequence << SlotBits) | (uint)slot));
        _count++;
    }

    public SimEvent Dequeue()
    {
        if (_sizes[0] == 0)
        {
            Refill();
        }

        var key = _buckets[0][--_sizes[0]];
        if (_sizes[0] == 0)
        {
            _used0 &= ~1UL;
        }

        _count--;
        var slot = (int)(key.Lo & SlotMask);
        var p = _payloads[slot];
        _free[_freeCount++] = slot;
        return new SimEvent(BitConverter.UInt64BitsToDouble(key.Hi), (long)(key.Lo >> SlotBits), p.Kind, p.Target, p.Tag);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int BucketOf(in RadixKey k)
    {
        var hi = k.Hi ^ _lastHi;
        if (hi != 0)
        {
            return 128 - BitOperations.LeadingZeroCount(hi);
        }

        var lo = k.Lo ^ _lastLo;
        return 64 - BitOperations.LeadingZeroCount(lo);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(in RadixKey k)
    {
        var b = BucketOf(k);
        var size = _sizes[b];
        var bucket = _buckets[b];
        if (size == bucket.Length)
        {
            Array.Resize(ref _buckets[b], size * 2);
            bucket = _buckets[b];
        }

        bucket[size] = k;
        _sizes[b] = size + 1;
        if (b < 64)
        {
            _used0 |= 1UL << b;
        }
        else if (b < 128)
        {
            _used1 |= 1UL << (b - 64);
        }
    }

    private void Refill()
    {
        int b;
        if (_used0 != 0)
        {
            b = BitOperations.TrailingZeroCount(_used0);
            _used0 &= ~(1UL << b);
        }
        else if (_used1 != 0)
        {
            var k = BitOperations.TrailingZeroCount(_used1);
            _used1 &= ~(1UL << k);
            b = 64 + k;
        }
        else
        {
            b = 128;
        }

        var bucket = _buckets[b];
        var size = _sizes[b];
        _sizes[b] = 0;
        var min = bucket[0];
        for (var i = 1; i < size; i++)
        {
            if (bucket[i].Precedes(min))
            {
                min = bucket[i];
            }
        }

        _lastHi = min.Hi;
        _lastLo = min.Lo;
        for (var i = 0; i < size; i++)
        {
            Add(bucket[i]);
        }
    }

    private int NewSlot()
    {
        if (_freeCount > 0)
        {
            return _free[--_freeCount];
        }

        if (_slots == _payloads.Length)
        {
            Array.Resize(ref _payloads, _slots * 2);
            Array.Resize(ref _free, _slots * 2);
        }

        return _slots++;
    }

    private readonly record struct RadixKey(ulong Hi, ulong Lo)
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Precedes(in RadixKey other) => Hi < other.Hi || (Hi == other.Hi && Lo < other.Lo);
    }

    private readonly record struct Payload(int Kind, int Target, int Tag);
}

/// <summary>
/// The radix heap of <see cref="RadixList"/> holding whole 32-byte events in its buckets (the key is the time's
/// bits and the sequence number; no slot, no side array): each move copies twice the bytes, but a removal reads no
/// second array. Times are non-negative, so the sign bit never differs and 128 buckets suffice.
/// </summary>
public sealed class RadixEventList
{
    private const int Buckets = 128;
    private readonly SimEvent[][] _buckets = new SimEvent[Buckets][];
    private readonly int[] _sizes = new int[Buckets];
    private ulong _used0, _used1;
    private ulong _lastTime;
    private ulong _lastSeq;
    private int _count;

    public RadixEventList()
    {
        for (var b = 0; b < Buckets; b++)
        {
            _buckets[b] = new SimEvent[4];
        }
    }

    public int Count => _count;

    public void Enqueue(in SimEvent e)
    {
        Add(e);
        _count++;
    }

    public ref readonly SimEvent Peek()
    {
        if (_sizes[0] == 0)
        {
            Refill();
        }

        return ref _buckets[0][0];
    }

    public SimEvent Dequeue()
    {
        if (_sizes[0] == 0)
        {
            Refill();
        }

        _sizes[0] = 0;
        _used0 &= ~1UL;
        _count--;
        return _buckets[0][0];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(in SimEvent e)
    {
        var hi = BitConverter.DoubleToUInt64Bits(e.Time) ^ _lastTime;
        var b = hi != 0 ? 128 - BitOperations.LeadingZeroCount(hi) : 64 - BitOperations.LeadingZeroCount((ulong)e.Sequence ^ _lastSeq);
        ref var size = ref _sizes[b];
        var bucket = _buckets[b];
        if (size == bucket.Length)
        {
            Array.Resize(ref _buckets[b], size * 2);
            bucket = _buckets[b];
        }

        bucket[size++] = e;
        if (b < 64)
        {
            _used0 |= 1UL << b;
        }
        else
        {
            _used1 |= 1UL << (b - 64);
        }
    }

    private void Refill()
    {
        int b;
        if (_used0 != 0)
        {
            b = BitOperations.TrailingZeroCount(_used0);
            _used0 &= ~(1UL << b);
        }
        else
        {
            b = 64 + BitOperations.TrailingZeroCount(_used1);
            _used1 &= ~(1UL << (b - 64));
        }

        var bucket = _buckets[b];
        var size = _sizes[b];
        _sizes[b] = 0;
        var min = 0;
        for (var i = 1; i < size; i++)
        {
            if (bucket[i].Precedes(bucket[min]))
            {
                min = i;
            }
        }

        _lastTime = BitConverter.DoubleToUInt64Bits(bucket[min].Time);
        _lastSeq = (ulong)bucket[min].Sequence;
        for (var i = 0; i < size; i++)
        {
            Add(bucket[i]);
        }
    }
}

/// <summary>
/// The 4-ary min-heap of 32-byte events alone, as the engine's list was before it changed structure with the pending
/// count (and still is up to 1,024 pending): kept here so the hold model compares it at every size.
/// </summary>
public sealed class QuaternaryHeapList
{
    private SimEvent[] _heap;
    private int _count;

    /// <param name="capacity">Initial capacity; the list grows past it as needed.</param>
    public QuaternaryHeapList(int capacity = 64) => _heap = new SimEvent[Math.Max(4, capacity)];

    /// <summary>Number of pending events.</summary>
    public int Count => _count;

    /// <summary>The earliest pending event. The queue must not be empty.</summary>
    public ref readonly SimEvent Peek()
    {
        if (_count == 0)
        {
            ThrowEmpty();
        }

        return ref _heap[0];
    }

    /// <summary>Adds an event.</summary>
    public void Enqueue(in SimEvent item)
    {
        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        SiftUp(_count++, item);
    }

    /// <summary>Removes and returns the earliest event. The queue must not be empty.</summary>
    public SimEvent Dequeue()
    {
        if (_count == 0)
        {
            ThrowEmpty();
        }

        var heap = _heap;
        var top = heap[0];
        var last = --_count;
        if (last > 0)
        {
            SiftDown(0, heap[last]);
        }

        heap[last] = default;
        return top;
    }

    /// <summary>Removes the earliest event and adds <paramref name="item"/>: one sift instead of two.</summary>
    public void ReplaceTop(in SimEvent item)
    {
        if (_count == 0)
        {
            ThrowEmpty();
        }

        SiftDown(0, item);
    }

    /// <summary>Removes every event; the capacity stays.</summary>
    public void Clear()
    {
        Array.Clear(_heap, 0, _count);
        _count = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SiftUp(int index, in SimEvent item)
    {
        // Indices stay below _count <= length: unchecked access is safe and saves a bounds check per level.
        ref var heap = ref MemoryMarshal.GetArrayDataReference(_heap);
        while (index > 0)
        {
            var parent = (index - 1) >> 2;
            ref var p = ref Unsafe.Add(ref heap, parent);
            if (!item.Precedes(p))
            {
                break;
            }

            Unsafe.Add(ref heap, index) = p;
            index = parent;
        }

        Unsafe.Add(ref heap, index) = item;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SiftDown(int index, in SimEvent item)
    {
        ref var heap = ref MemoryMarshal.GetArrayDataReference(_heap);
        var count = _count;
        while (true)
        {
            var first = (index << 2) + 1;
            if (first >= count)
            {
                break;
            }

            // The earliest of up to four children.
            var best = first;
            ref var bestRef = ref Unsafe.Add(ref heap, first);
            var end = Math.Min(first + 4, count);
            for (var c = first + 1; c < end; c++)
            {
                ref var candidate = ref Unsafe.Add(ref heap, c);
                if (candidate.Precedes(bestRef))
                {
                    best = c;
                    bestRef = ref candidate;
                }
            }

            if (!bestRef.Precedes(item))
            {
                break;
            }

            Unsafe.Add(ref heap, index) = bestRef;
            index = best;
        }

        Unsafe.Add(ref heap, index) = item;
    }

    private static void ThrowEmpty() => throw new InvalidOperationException("The event list is empty.");
}
