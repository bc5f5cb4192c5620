using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using Plumbline.Simulation.Engine;

namespace Plumbline.Benchmarks.Simulation;

/// <summary>
/// The engine's list with its radix heap in 4-bit digits instead of bits, tried above 1,024 pending and kept here as a
/// frozen peer: bucket 16 x d + v holds the events whose highest 4-bit digit differing from the reference key is digit d
/// and whose own value of it is v, so an event moves about a quarter as often as in the binary radix heap (about 4
/// times at 100,000 pending instead of about 17). It measured no faster: the moves are not what the list pays there.
/// </summary>
public sealed class Radix16List
{
    /// <summary>Pending events above which the list becomes a radix heap.</summary>
    public const int RadixAbove = 1024;

    /// <summary>Pending events below which a radix heap becomes a 4-ary heap again.</summary>
    public const int HeapBelow = 256;

    private const int Buckets = 32 * 16;

    private SimEvent[] _heap;
    private int _count;
    private bool _radix;

    // The radix heap, in 4-bit digits: bucket 16 x d + v holds the events whose highest 4-bit digit differing from the
    // reference key (_refTime, _refSequence) is digit d (0 to 31, the sequence's 16 below the time's 16) and whose own
    // value of it is v; bucket 0 the event equal to it. _used marks the buckets in use. Allocated the first time the
    // list grows past RadixAbove.
    private SimEvent[][]? _buckets;
    private int[]? _sizes;
    private ulong[]? _used;
    private ulong _refTime;
    private ulong _refSequence;

    /// <param name="capacity">Initial capacity; the list grows past it as needed.</param>
    public Radix16List(int capacity = 64) => _heap = new SimEvent[Math.Max(4, capacity)];

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
            SiftDown(0, heap[last]);
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

        SiftDown(0, item);
    }

    /// <summary>Removes every event; the capacity stays.</summary>
    public void Clear()
    {
        if (_radix)
        {
            EmptyBuckets();
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

    // ---- the radix heap, in 4-bit digits ----

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
            _buckets = new SimEvent[Buckets][];
            _sizes = new int[Buckets];
            _used = new ulong[Buckets / 64];
            for (var b = 0; b < Buckets; b++)
            {
                _buckets[b] = [];
            }
        }

        _refTime = TimeKey(_heap[0].Time);
        _refSequence = SequenceKey(_heap[0].Sequence);
        for (var i = 0; i < _count; i++)
        {
            RadixAdd(_heap[i]);
        }

        Array.Clear(_heap, 0, _count);
        _radix = true;
    }

    /// <summary>The radix heap's events back into the 4-ary heap (any array of them is made a heap from the leaves up).</summary>
    private void ToHeap()
    {
        GatherIntoHeapArray();
        _radix = false;
        for (var i = (_count - 2) >> 2; i >= 0; i--)
        {
            var item = _heap[i];
            SiftDown(i, item);
        }
    }

    /// <summary>Every bucket's events into the heap array, in no order; the buckets left empty.</summary>
    private void GatherIntoHeapArray()
    {
        if (_heap.Length < _count)
        {
            _heap = new SimEvent[Math.Max(_heap.Length * 2, _count)];
        }

        var n = 0;
        for (var b = 0; b < Buckets; b++)
        {
            var size = _sizes![b];
            Array.Copy(_buckets![b], 0, _heap, n, size);
            n += size;
        }

        EmptyBuckets();
    }

    private void EmptyBuckets()
    {
        for (var b = 0; b < Buckets; b++)
        {
            Array.Clear(_buckets![b], 0, _sizes![b]);
            _sizes[b] = 0;
        }

        Array.Clear(_used!);
    }

    private void RadixEnqueue(in SimEvent item)
    {
        var time = TimeKey(item.Time);
        if (time < _refTime || (time == _refTime && SequenceKey(item.Sequence) < _refSequence))
        {
            // Before the reference key (a run looked at the earliest event, stopped at its horizon, and scheduled an
            // event before it): every pending event follows the new one, so the buckets are reckoned from it.
            GatherIntoHeapArray();
            _refTime = time;
            _refSequence = SequenceKey(item.Sequence);
            for (var i = 0; i < _count; i++)
            {
                RadixAdd(_heap[i]);
            }

            Array.Clear(_heap, 0, _count);
        }

        RadixAdd(item);
        _count++;
    }

    private SimEvent RadixDequeue()
    {
        var top = RadixTop();
        RemoveRadixTop();
        _count--;
        if (_count < HeapBelow)
        {
            ToHeap();
        }

        return top;
    }

    private void RadixReplaceTop(in SimEvent item)
    {
        RadixTop();
        RemoveRadixTop();
        _count--;
        RadixEnqueue(item);
    }

    /// <summary>
    /// The bucket of a key: 0 for the reference key itself; else 16 x the highest 4-bit digit in which it differs from
    /// the reference key (0 to 31, the sequence's digits below the time's) plus its own value of that digit (1 to 15,
    /// always more than the reference's, since no key precedes it). Buckets in increasing order hold increasing keys.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int BucketOf(in SimEvent e)
    {
        var time = TimeKey(e.Time);
        var differs = time ^ _refTime;
        if (differs != 0)
        {
            var shift = (63 - BitOperations.LeadingZeroCount(differs)) & ~3;
            return ((16 + (shift >> 2)) << 4) | (int)((time >> shift) & 15);
        }

        var sequence = SequenceKey(e.Sequence);
        differs = sequence ^ _refSequence;
        if (differs == 0)
        {
            return 0;
        }

        var low = (63 - BitOperations.LeadingZeroCount(differs)) & ~3;
        return ((low >> 2) << 4) | (int)((sequence >> low) & 15);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RadixAdd(in SimEvent e)
    {
        var b = BucketOf(e);
        var sizes = _sizes!;
        var size = sizes[b];
        var bucket = _buckets![b];
        if (size == bucket.Length)
        {
            Array.Resize(ref _buckets[b], Math.Max(16, size * 2));
            bucket = _buckets[b];
        }

        bucket[size] = e;
        sizes[b] = size + 1;
        _used![b >> 6] |= 1UL << b;
    }

    /// <summary>The earliest event, in bucket 0 (the list is a radix heap and not empty).</summary>
    private ref SimEvent RadixTop()
    {
        if (_sizes![0] == 0)
        {
            Refill();
        }

        return ref _buckets![0][0];
    }

    private void RemoveRadixTop()
    {
        _sizes![0] = 0;
        _used![0] &= ~1UL;
    }

    /// <summary>
    /// Bucket 0 is empty: the lowest bucket in use gives its earliest event as the new reference key, and all its
    /// events move to lower buckets (they agree with that key on every digit down to their bucket's), the earliest to 0.
    /// The other buckets stay as they are: their keys still differ from the new reference first in their own digit.
    /// </summary>
    private void Refill()
    {
        var used = _used!;
        var word = 0;
        while (used[word] == 0)
        {
            word++;
        }

        var b = (word << 6) + BitOperations.TrailingZeroCount(used[word]);
        used[word] &= ~(1UL << b);
        var bucket = _buckets![b];
        var size = _sizes![b];
        _sizes[b] = 0;
        var min = 0;
        for (var i = 1; i < size; i++)
        {
            if (bucket[i].Precedes(bucket[min]))
            {
                min = i;
            }
        }

        _refTime = TimeKey(bucket[min].Time);
        _refSequence = SequenceKey(bucket[min].Sequence);
        for (var i = 0; i < size; i++)
        {
            RadixAdd(bucket[i]);
        }
    }

    private static void ThrowEmpty() => throw new InvalidOperationException("The event list is empty.");
}
