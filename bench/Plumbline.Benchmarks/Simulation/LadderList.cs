using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using Plumbline.Simulation.Engine;

namespace Plumbline.Benchmarks.Simulation;

/// <summary>
/// A ladder queue (Tang, Goh and Thng, 2005) over a 4-ary heap, tried as the engine's list above 1,024 pending and
/// kept here as a frozen peer: rungs of buckets, each bucket a span of time holding its events unsorted in nodes linked
/// from one pool, a bucket of more than 64 cut into a finer rung, an unsorted top beyond the ladder, and the earliest
/// bucket moved into the heap (the ladder's bottom) when the heap is empty. O(1) work per event, but reading a bucket
/// follows its links through nodes written long before: at 100,000 pending every node is a miss that waits on the last.
/// </summary>
public sealed class LadderList
{
    /// <summary>Events in the heap above which they are spread into a rung of buckets.</summary>
    public const int LadderAbove = 1024;

    /// <summary>Events in a bucket above which the bucket becomes a finer rung rather than moving into the heap.</summary>
    public const int BucketLimit = 64;

    private const int MaxRungs = 8;

    // The heap (the ladder's bottom): every event before the finest rung's next bucket.
    private SimEvent[] _heap;
    private int _heapCount;
    private int _count;
    private int _spreadAbove = LadderAbove;

    // The rungs, 0 the coarsest; a rung's buckets from Current on hold events.
    private readonly Rung[] _rungs = new Rung[MaxRungs];
    private readonly Bucket[][] _buckets = new Bucket[MaxRungs][];
    private int _rungCount;

    // The nodes of every bucket's list: an event and the next node (-1 ends a list); freed nodes form a list too.
    private Node[] _nodes = [];
    private int _nodesUsed;
    private int _freeNode = -1;

    // The top: events after the coarsest rung, unsorted, with their earliest and latest time.
    private SimEvent[] _top = [];
    private int _topCount;
    private double _topMin = double.PositiveInfinity;
    private double _topMax = double.NegativeInfinity;

    /// <param name="capacity">Initial capacity; the list grows past it as needed.</param>
    public LadderList(int capacity = 64)
    {
        _heap = new SimEvent[Math.Max(4, Math.Min(capacity, LadderAbove + 1))];
        for (var r = 0; r < MaxRungs; r++)
        {
            _buckets[r] = [];
        }
    }

    /// <summary>Number of pending events.</summary>
    public int Count => _count;

    /// <summary>True while some events sit in the ladder's buckets or top (many pending), false while the heap holds them all.</summary>
    public bool IsLadder => _count > _heapCount;

    /// <summary>The earliest pending event. The queue must not be empty.</summary>
    public ref readonly SimEvent Peek()
    {
        if (_heapCount == 0)
        {
            Refill();
        }

        return ref _heap[0];
    }

    /// <summary>Adds an event.</summary>
    public void Enqueue(in SimEvent item)
    {
        _count++;
        if (_rungCount > 0 && Place(item))
        {
            return;
        }

        if (_heapCount == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        SiftUp(_heapCount++, item);
        if (_heapCount > _spreadAbove)
        {
            SpreadHeap();
        }
    }

    /// <summary>Removes and returns the earliest event. The queue must not be empty.</summary>
    public SimEvent Dequeue()
    {
        if (_heapCount == 0)
        {
            Refill();
        }

        var top = _heap[0];
        RemoveHeapTop();
        _count--;
        return top;
    }

    /// <summary>Removes the earliest event and adds <paramref name="item"/>: in the heap, one sift instead of two.</summary>
    public void ReplaceTop(in SimEvent item)
    {
        if (_heapCount == 0)
        {
            Refill();
        }

        if (_rungCount > 0 && Place(item))
        {
            RemoveHeapTop();
            return;
        }

        SiftDown(0, item);
    }

    /// <summary>Removes every event; the capacity stays.</summary>
    public void Clear()
    {
        Array.Clear(_heap, 0, _heapCount);
        _heapCount = 0;
        for (var r = 0; r < _rungCount; r++)
        {
            Array.Fill(_buckets[r], Bucket.Empty, 0, _rungs[r].Buckets);
        }

        _rungCount = 0;
        _nodesUsed = 0;
        _freeNode = -1;
        EmptyTop();
        _spreadAbove = LadderAbove;
        _count = 0;
    }

    // ---- the 4-ary heap ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RemoveHeapTop()
    {
        var last = --_heapCount;
        if (last > 0)
        {
            SiftDown(0, _heap[last]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SiftUp(int index, in SimEvent item)
    {
        // Indices stay below _heapCount <= length: unchecked access is safe and saves a bounds check per level.
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
        var count = _heapCount;
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

    /// <summary>The heap's array made a heap again from the leaves up (Floyd), after events were copied into it.</summary>
    private void Heapify()
    {
        for (var i = (_heapCount - 2) >> 2; i >= 0; i--)
        {
            var item = _heap[i];
            SiftDown(i, item);
        }
    }

    // ---- the ladder ----

    /// <summary>
    /// Puts an event in the top or in a rung's bucket, from the coarsest rung to the finest; false when it falls before
    /// the finest rung's next bucket, so it belongs in the heap. There is at least one rung.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Place(in SimEvent item)
    {
        var time = item.Time;
        ref var rung = ref _rungs[0];
        var d = (time - rung.Start) * rung.Scale;
        if (d >= rung.Buckets)
        {
            AddToTop(item);
            return true;
        }

        // Down to a finer rung (or the heap) while the time falls before this rung's next bucket; a finer rung holds
        // whatever reaches it after its next bucket, a time past its last bucket in the last (behind Current once taken).
        var r = 0;
        while (!(d >= rung.Current) || rung.Current == rung.Buckets)
        {
            if (++r == _rungCount)
            {
                return false;
            }

            rung = ref _rungs[r];
            d = (time - rung.Start) * rung.Scale;
        }

        var b = d < rung.Buckets ? (int)d : rung.Buckets - 1;
        Link(_buckets[r], b, item);
        rung.Events++;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Link(Bucket[] buckets, int b, in SimEvent item)
    {
        var node = _freeNode;
        if (node >= 0)
        {
            _freeNode = _nodes[node].Next;
        }
        else
        {
            if (_nodesUsed == _nodes.Length)
            {
                Array.Resize(ref _nodes, Math.Max(1024, _nodes.Length * 2));
            }

            node = _nodesUsed++;
        }

        ref var bucket = ref buckets[b];
        ref var n = ref _nodes[node];
        n.Event = item;
        n.Next = bucket.Head;
        bucket.Head = node;
        bucket.Size++;
    }

    private void AddToTop(in SimEvent item)
    {
        if (_topCount == _top.Length)
        {
            Array.Resize(ref _top, Math.Max(1024, _top.Length * 2));
        }

        _top[_topCount++] = item;
        var time = item.Time;
        if (time < _topMin)
        {
            _topMin = time;
        }

        if (time > _topMax)
        {
            _topMax = time;
        }
    }

    private void EmptyTop()
    {
        _topCount = 0;
        _topMin = double.PositiveInfinity;
        _topMax = double.NegativeInfinity;
    }

    /// <summary>The heap is empty and events remain: the finest rung's next bucket moves into it (or becomes a finer rung).</summary>
    private void Refill()
    {
        if (_count == 0)
        {
            ThrowEmpty();
        }

        while (true)
        {
            var r = _rungCount - 1;
            ref var rung = ref _rungs[r];
            if (rung.Events == 0)
            {
                if (r > 0)
                {
                    _rungCount--;
                    continue;
                }

                // Every rung is empty: the top becomes the ladder (or, when few, the heap).
                _rungCount = 0;
                if (SpreadTop())
                {
                    continue;
                }

                return;
            }

            var buckets = _buckets[r];
            var b = rung.Current;
            while (buckets[b].Size == 0)
            {
                b++;
            }

            rung.Current = b + 1;
            var size = buckets[b].Size;
            rung.Events -= size;
            if (size > BucketLimit && _rungCount < MaxRungs && SpreadBucket(buckets, b))
            {
                continue;
            }

            BucketToHeap(buckets, b);
            return;
        }
    }

    /// <summary>A bucket's events into the empty heap; the bucket's nodes freed.</summary>
    private void BucketToHeap(Bucket[] buckets, int b)
    {
        ref var bucket = ref buckets[b];
        if (_heap.Length < bucket.Size)
        {
            _heap = new SimEvent[Math.Max(_heap.Length * 2, bucket.Size)];
        }

        var nodes = _nodes;
        var n = 0;
        var node = bucket.Head;
        while (node >= 0)
        {
            ref var current = ref nodes[node];
            _heap[n++] = current.Event;
            var next = current.Next;
            current.Next = _freeNode;
            _freeNode = node;
            node = next;
        }

        bucket = Bucket.Empty;
        _heapCount = n;
        _spreadAbove = n > LadderAbove ? n * 2 : LadderAbove;
        Heapify();
    }

    /// <summary>
    /// A large bucket (now behind its rung's next bucket) becomes a finer rung over its events' span, one bucket per
    /// event; false, and nothing changed, when they share one time (no span to cut).
    /// </summary>
    private bool SpreadBucket(Bucket[] buckets, int b)
    {
        ref var bucket = ref buckets[b];
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        for (var node = bucket.Head; node >= 0; node = _nodes[node].Next)
        {
            var time = _nodes[node].Event.Time;
            min = Math.Min(min, time);
            max = Math.Max(max, time);
        }

        if (!NewRung(min, max, bucket.Size))
        {
            return false;
        }

        // The nodes move to the new rung's buckets as they are: no event is copied.
        var r = _rungCount - 1;
        ref var rung = ref _rungs[r];
        var fine = _buckets[r];
        var nodeIndex = bucket.Head;
        while (nodeIndex >= 0)
        {
            ref var node = ref _nodes[nodeIndex];
            var next = node.Next;
            var f = Math.Min((int)((node.Event.Time - rung.Start) * rung.Scale), rung.Buckets - 1);
            ref var target = ref fine[f];
            node.Next = target.Head;
            target.Head = nodeIndex;
            target.Size++;
            nodeIndex = next;
        }

        rung.Events = bucket.Size;
        bucket = Bucket.Empty;
        return true;
    }

    /// <summary>
    /// The heap outgrew <see cref="_spreadAbove"/>: its events become a new finest rung (the first rung, with a top
    /// after it, when there was none), and the next bucket moves into the heap when an event is wanted.
    /// </summary>
    private void SpreadHeap()
    {
        var min = _heap[0].Time;
        var max = double.NegativeInfinity;
        for (var i = 0; i < _heapCount; i++)
        {
            max = Math.Max(max, _heap[i].Time);
        }

        if (_rungCount == MaxRungs || !NewRung(min, max, _heapCount))
        {
            // One time shared by all (or no rung left): they stay in the heap, which is tried again at twice the size.
            _spreadAbove = _heapCount * 2;
            return;
        }

        _spreadAbove = LadderAbove;
        var r = _rungCount - 1;
        ref var rung = ref _rungs[r];
        var buckets = _buckets[r];
        for (var i = 0; i < _heapCount; i++)
        {
            var f = Math.Min((int)((_heap[i].Time - rung.Start) * rung.Scale), rung.Buckets - 1);
            Link(buckets, f, _heap[i]);
        }

        rung.Events = _heapCount;
        _heapCount = 0;
    }

    /// <summary>
    /// Every rung is empty: the top's events become the first rung, or the heap when there are few of them or they
    /// share one time. True when a rung was made.
    /// </summary>
    private bool SpreadTop()
    {
        var count = _topCount;
        if (count > LadderAbove && NewRung(_topMin, _topMax, count))
        {
            ref var rung = ref _rungs[0];
            var buckets = _buckets[0];
            for (var i = 0; i < count; i++)
            {
                // The first rung was sized to hold the latest of them: no bucket index is out of range.
                Link(buckets, (int)((_top[i].Time - rung.Start) * rung.Scale), _top[i]);
            }

            rung.Events = count;
            EmptyTop();
            return true;
        }

        if (_heap.Length < count)
        {
            _heap = new SimEvent[Math.Max(_heap.Length * 2, count)];
        }

        Array.Copy(_top, _heap, count);
        _heapCount = count;
        EmptyTop();
        Heapify();
        _spreadAbove = count > LadderAbove ? count * 2 : LadderAbove;
        return false;
    }

    /// <summary>
    /// A new finest rung from <paramref name="min"/> to <paramref name="max"/> in <paramref name="count"/> buckets of equal
    /// span (as many as the events it receives); false when the span is zero or not a finite number.
    /// </summary>
    private bool NewRung(double min, double max, int count)
    {
        var span = max - min;
        var scale = count / span;
        if (!(span > 0) || !double.IsFinite(span) || !double.IsFinite(scale))
        {
            return false;
        }

        // As many buckets as the latest event needs under this very arithmetic (count, or one more from rounding).
        var buckets = (int)((max - min) * scale) + 1;
        var r = _rungCount++;
        _rungs[r] = new Rung { Start = min, Scale = scale, Buckets = buckets, Current = 0, Events = 0 };
        if (_buckets[r].Length < buckets)
        {
            var grown = new Bucket[Math.Max(buckets, _buckets[r].Length * 2)];
            Array.Fill(grown, Bucket.Empty);
            _buckets[r] = grown;
        }

        return true;
    }

    private static void ThrowEmpty() => throw new InvalidOperationException("The event list is empty.");

    private struct Rung
    {
        public double Start;
        public double Scale;
        public int Buckets;
        public int Current;
        public int Events;
    }

    private struct Bucket
    {
        public static readonly Bucket Empty = new() { Head = -1, Size = 0 };

        public int Head;
        public int Size;
    }

    private struct Node
    {
        public SimEvent Event;
        public int Next;
    }
}
