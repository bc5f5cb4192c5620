using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Plumbline.Simulation.Engine;

/// <summary>
/// The future-event list: a priority queue of <see cref="SimEvent"/> values ordered by time then sequence, which
/// changes structure with the number pending. Up to <see cref="RadixAbove"/> events it is a 4-ary min-heap in one
/// array; above that, a radix heap (Ahuja, Mehlhorn, Orlin and Tarjan, 1990) over the 128-bit key (the time's bits,
/// then the sequence number), until fewer than <see cref="HeapBelow"/> remain. Chosen on measurement (bench/README.md,
/// "Future-event list: the evidence"): the 4-ary heap is the fastest list measured at 10 pending, and every heap is
/// bound by cache misses once the list outgrows the caches, where the radix heap, whose every access is a walk along
/// an array, is more than twice as fast at 100,000 pending.
/// </summary>
/// <remarks>
/// <para>
/// The order in which events leave depends only on their (time, sequence) keys, unique in a run, never on the
/// structure holding them: changing structure cannot change a run. A radix heap is a monotone queue (nothing added
/// precedes the key its buckets are reckoned from, the last earliest event it found), which an event list is: a
/// simulator never schedules into its past. The one exception, a run that looked at the earliest event, stopped at its
/// horizon and then scheduled an event before it, reckons the buckets again from the new event (every pending event
/// follows it); so any order of additions is served, the rare out-of-order one at the cost of one pass over the list.
/// </para>
/// <para>
/// No allocation once the arrays have grown to the run's largest pending count (they double, and never shrink).
/// <see cref="ReplaceTop"/> removes the earliest event and adds another, in the heap in one sift: the common case of
/// an event that schedules its successor. Times must not be NaN.
/// </para>
/// </remarks>
public sealed class FutureEventList
{
    /// <summary>Pending events above which the list becomes a radix heap.</summary>
    public const int RadixAbove = 1024;

    /// <summary>Pending events below which a radix heap becomes a 4-ary heap again.</summary>
    public const int HeapBelow = 256;

    private const int TopBucket = 128;

    // A bucket of at most this many events goes into the bottom heap when it is the lowest in use, instead of being
    // spread into lower buckets (measured at 100,000 pending: 8 and 16 alike, 32 and 64 slower; bench/README.md).
    private const int BottomAtMost = 16;

    private SimEvent[] _heap;
    private int _count;
    private bool _radix;

    // The radix heap: bucket b holds the events whose highest key bit differing from the reference key (_refTime,
    // _refSequence) is bit b - 1, bucket 0 the event equal to it; _usedLow and _usedHigh mark buckets 0 to 127 in
    // use (bucket 128, a negative and a positive time, is tried when no other is). Allocated the first time the list grows past RadixAbove.
    private SimEvent[][]? _buckets;
    private int[]? _sizes;
    private ulong _usedLow;
    private ulong _usedHigh;
    private ulong _refTime;
    private ulong _refSequence;

    // While the list is a radix heap, _heap[0.._bottom) is the bottom heap (a 4-ary heap): events earlier than every
    // event in the buckets, the earliest pending among them. Events whose bucket is below _bound go there.
    private int _bottom;
    private int _bound;

    /// <param name="capacity">Initial capacity; the list grows past it as needed.</param>
    public FutureEventList(int capacity = 64) => _heap = new SimEvent[Math.Max(4, capacity)];

    /// <summary>Number of pending events.</summary>
    public int Count => _count;

    /// <summary>True while the list is a radix heap (many pending), false while it is a 4-ary heap.</summary>
    public bool IsRadix => _radix;

    /// <summary>The earliest pending event. The queue must not be empty.</summary>
    public ref readonly SimEvent Peek()
    {
        if (_count == 0)
        {
            ThrowEmpty();
        }

        if (_radix)
        {
            return ref RadixTop();
        }

        return ref _heap[0];
    }

    /// <summary>Adds an event.</summary>
    public void Enqueue(in SimEvent item)
    {
        if (_radix)
        {
            RadixEnqueue(item);
            return;
        }

        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        SiftUp(_count++, item);
        if (_count > RadixAbove)
        {
            ToRadix();
        }
    }

    /// <summary>Removes and returns the earliest event. The queue must not be empty.</summary>
    public SimEvent Dequeue()
    {
        if (_count == 0)
        {
            ThrowEmpty();
        }

        if (_radix)
        {
            return RadixDequeue();
        }

        var heap = _heap;
        var top = heap[0];
        var last = --_count;
        if (last > 0)
        {
            SiftDown(0, heap[last], last);
        }

        heap[last] = default;
        return top;
    }

    /// <summary>Removes the earliest event and adds <paramref name="item"/>: in the heap, one sift instead of two.</summary>
    public void ReplaceTop(in SimEvent item)
    {
        if (_count == 0)
        {
            ThrowEmpty();
        }

        if (_radix)
        {
            RadixReplaceTop(item);
            return;
        }

        SiftDown(0, item, _count);
    }

    /// <summary>Removes every event; the capacity stays.</summary>
    public void Clear()
    {
        if (_radix)
        {
            EmptyBuckets();
            Array.Clear(_heap, 0, _bottom);
            _bottom = 0;
            _bound = 0;
            _radix = false;
        }
        else
        {
            Array.Clear(_heap, 0, _count);
        }

        _count = 0;
    }

    // ---- the 4-ary heap ----

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
    private void SiftDown(int index, in SimEvent item, int count)
    {
        ref var heap = ref MemoryMarshal.GetArrayDataReference(_heap);
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

    // ---- the radix heap ----

    /// <summary>
    /// A time's bits as an unsigned number in the order of the times (negative times below positive ones; -0 as 0),
    /// so that comparing keys bit by bit agrees with <see cref="SimEvent.Precedes"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong TimeKey(double time)
    {
        var bits = BitConverter.DoubleToUInt64Bits(time + 0.0);
        return bits ^ ((ulong)((long)bits >> 63) | 0x8000_0000_0000_0000UL);
    }

    /// <summary>A sequence number as an unsigned number in its order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SequenceKey(long sequence) => (ulong)sequence ^ 0x8000_0000_0000_0000UL;

    /// <summary>The heap's events into the radix heap, reckoned from the earliest of them.</summary>
    private void ToRadix()
    {
        if (_buckets is null)
        {
            _buckets = new SimEvent[TopBucket + 1][];
            _sizes = new int[TopBucket + 1];
            for (var b = 0; b <= TopBucket; b++)
            {
                _buckets[b] = new SimEvent[16];
            }
        }

        _refTime = TimeKey(_heap[0].Time);
        _refSequence = SequenceKey(_heap[0].Sequence);
        _bottom = 0;
        _bound = 0;
        for (var i = 0; i < _count; i++)
        {
            RadixAdd(BucketOf(_heap[i]), _heap[i]);
        }

        Array.Clear(_heap, 0, _count);
        _radix = true;
    }

    /// <summary>The radix heap's events back into the 4-ary heap (any array of them is made a heap from the leaves up).</summary>
    private void ToHeap()
    {
        GatherIntoHeapArray();
        _radix = false;
        Heapify(_count);
    }

    private void Heapify(int count)
    {
        for (var i = (count - 2) >> 2; i >= 0; i--)
        {
            var item = _heap[i];
            SiftDown(i, item, count);
        }
    }

    /// <summary>The bottom heap's and every bucket's events into the heap array, in no order; the buckets left empty.</summary>
    private void GatherIntoHeapArray()
    {
        if (_heap.Length < _count)
        {
            Array.Resize(ref _heap, Math.Max(_heap.Length * 2, _count));
        }

        var n = _bottom;
        _bottom = 0;
        _bound = 0;
        for (var b = 0; b <= TopBucket; b++)
        {
            var size = _sizes![b];
            Array.Copy(_buckets![b], 0, _heap, n, size);
            n += size;
        }

        EmptyBuckets();
    }

    private void EmptyBuckets()
    {
        for (var b = 0; b <= TopBucket; b++)
        {
            Array.Clear(_buckets![b], 0, _sizes![b]);
            _sizes[b] = 0;
        }

        _usedLow = 0;
        _usedHigh = 0;
    }

    /// <summary>The bucket of an event not before the reference key: one past its highest bit differing from it, 0 when equal.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int BucketOf(in SimEvent e)
    {
        var differs = TimeKey(e.Time) ^ _refTime;
        return differs != 0
            ? 128 - BitOperations.LeadingZeroCount(differs)
            : 64 - BitOperations.LeadingZeroCount(SequenceKey(e.Sequence) ^ _refSequence);
    }

    /// <summary>Whether an event goes into the bottom heap rather than a bucket (and if not, its bucket).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool GoesToBottom(in SimEvent e, out int bucket)
    {
        var time = TimeKey(e.Time);
        if (time < _refTime || (time == _refTime && SequenceKey(e.Sequence) < _refSequence))
        {
            // Before the reference key (a run looked at the earliest event, stopped at its horizon and scheduled an
            // event before it): earlier than every event in the buckets, which are all at or after the reference key.
            bucket = 0;
            return true;
        }

        bucket = BucketOf(e);
        return bucket < _bound;
    }

    private void RadixEnqueue(in SimEvent item)
    {
        if (GoesToBottom(item, out var b))
        {
            BottomPush(item);
        }
        else
        {
            RadixAdd(b, item);
        }

        _count++;
    }

    private void BottomPush(in SimEvent item)
    {
        if (_bottom == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        SiftUp(_bottom++, item);
    }

    private SimEvent RadixDequeue()
    {
        if (_bottom == 0)
        {
            Refill();
        }

        var heap = _heap;
        var top = heap[0];
        var last = --_bottom;
        if (last > 0)
        {
            SiftDown(0, heap[last], last);
        }

        heap[last] = default;
        _count--;
        if (_count < HeapBelow)
        {
            ToHeap();
        }

        return top;
    }

    private void RadixReplaceTop(in SimEvent item)
    {
        if (_bottom == 0)
        {
            Refill();
        }

        if (GoesToBottom(item, out var b))
        {
            SiftDown(0, item, _bottom);
            return;
        }

        var last = --_bottom;
        if (last > 0)
        {
            SiftDown(0, _heap[last], last);
        }

        _heap[last] = default;
        RadixAdd(b, item);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RadixAdd(int b, in SimEvent e)
    {
        var sizes = _sizes!;
        var size = sizes[b];
        var bucket = _buckets![b];
        if (size == bucket.Length)
        {
            Array.Resize(ref _buckets[b], size * 2);
            bucket = _buckets[b];
        }

        bucket[size] = e;
        sizes[b] = size + 1;
        if (b < 64)
        {
            _usedLow |= 1UL << b;
        }
        else if (b < TopBucket)
        {
            _usedHigh |= 1UL << (b - 64);
        }
    }

    /// <summary>The earliest event, at the top of the bottom heap (the list is a radix heap and not empty).</summary>
    private ref SimEvent RadixTop()
    {
        if (_bottom == 0)
        {
            Refill();
        }

        return ref _heap[0];
    }

    /// <summary>
    /// The bottom heap is empty: the lowest bucket in use becomes the bottom heap when it holds few events; otherwise
    /// its events are spread into lower buckets, reckoned from the bucket's lower bound (the reference key's bits above
    /// the bucket's bit, that bit set, the rest clear), which no event in it precedes: one pass over them, with no search
    /// for the earliest. Every event in a lower bucket precedes every event in a higher one, so the bottom heap, once
    /// filled, holds the earliest events, and the events added later whose bucket is below its own join it there.
    /// </summary>
    private void Refill()
    {
        // Each pass spreads the lowest bucket in use into buckets below it, so the bucket taken falls from pass to pass and
        // there are at most as many passes as buckets: more mean a reference key that does not move, a loop without end.
        for (var pass = 0; pass <= TopBucket; pass++)
        {
            int b;
            if (_usedLow != 0)
            {
                b = BitOperations.TrailingZeroCount(_usedLow);
                _usedLow &= ~(1UL << b);
            }
            else if (_usedHigh != 0)
            {
                b = 64 + BitOperations.TrailingZeroCount(_usedHigh);
                _usedHigh &= ~(1UL << (b - 64));
            }
            else
            {
                b = TopBucket; // the one left: keys whose order bit differs from the reference's (a negative and a positive time)
            }

            var bucket = _buckets![b];
            var size = _sizes![b];
            _sizes[b] = 0;
            if (size <= BottomAtMost || b == 0)
            {
                Array.Copy(bucket, _heap, size);
                Array.Clear(bucket, 0, size);
                _bottom = size;
                _bound = b + 1;
                Heapify(size);
                return;
            }

            if (b > 64)
            {
                var shift = b - 65;
                _refTime = ((_refTime >> shift) | 1) << shift;
                _refSequence = 0;
            }
            else
            {
                var shift = b - 1;
                _refSequence = ((_refSequence >> shift) | 1) << shift;
            }

            // The bucket's old events stay in its array, past its size, unread: events hold no references.
            for (var i = 0; i < size; i++)
            {
                RadixAdd(BucketOf(bucket[i]), bucket[i]);
            }
        }

        throw new InvalidOperationException("The event list's refill did not reach its earliest events.");
    }

    private static void ThrowEmpty() => throw new InvalidOperationException("The event list is empty.");
}
