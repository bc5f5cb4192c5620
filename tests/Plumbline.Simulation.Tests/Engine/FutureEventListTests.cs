using Plumbline.Simulation.Engine;
using Xunit;

namespace Plumbline.Simulation.Tests.Engine;

public sealed class FutureEventListTests
{
    [Fact]
    public void Events_leave_in_time_order_then_in_scheduling_order_on_a_fixed_script()
    {
        var random = new Random(2026);
        CheckInOrder([.. Enumerable.Range(0, 400).Select(_ => (random.Next(0, 3), random.Next(0, 16)))]);
    }

    [Fact]
    public void Events_leave_in_order_while_the_list_changes_structure_both_ways_on_a_fixed_script()
    {
        var random = new Random(2027);
        var ops = Enumerable.Range(0, 6000).Select(_ => (random.Next(0, 100), random.NextDouble(), random.Next(0, 5))).ToArray();
        CheckStructureChanges(ops);
    }

    [Fact]
    public void The_list_is_a_radix_heap_only_while_many_are_pending()
    {
        var list = new FutureEventList();
        for (var i = 0; i <= FutureEventList.RadixAbove; i++)
        {
            list.Enqueue(new SimEvent(2000 - i, i, 0, 0, 0));
            Assert.Equal(i + 1 > FutureEventList.RadixAbove, list.IsRadix);
        }

        var last = -1.0;
        while (list.Count >= FutureEventList.HeapBelow)
        {
            Assert.True(list.IsRadix);
            var e = list.Dequeue();
            Assert.True(e.Time > last);
            last = e.Time;
        }

        Assert.False(list.IsRadix);
        // The earliest 2000 - RadixAbove, and RadixAbove + 1 - (HeapBelow - 1) events taken out.
        Assert.Equal(2000 - FutureEventList.RadixAbove + (FutureEventList.RadixAbove + 1 - (FutureEventList.HeapBelow - 1)), list.Peek().Time);
    }

    [Fact]
    public void Many_pending_under_the_hold_model_leave_in_order_on_a_fixed_script()
    {
        var random = new Random(2028);
        var ops = Enumerable.Range(0, RunLength.Pick(20_000, 6_000)).Select(_ => (random.Next(0, 10), 0.000001 + (random.NextDouble() * 0.999999))).ToArray();
        CheckHoldModel(ops, prefill: RunLength.Pick(5000, 2000));
    }

    [Fact]
    public void Thousands_due_at_one_time_leave_in_scheduling_order()
    {
        // Events that share one time differ in their sequence's bits alone: they leave by sequence; the others,
        // before, between and after them (one at infinity), keep their places.
        var list = new FutureEventList();
        var reference = new List<(double Time, long Sequence)>();
        long sequence = 0;
        void Add(double time)
        {
            list.Enqueue(new SimEvent(time, sequence, 0, 0, 0));
            reference.Add((time, sequence++));
        }

        for (var i = 1; i <= 1100; i++)
        {
            Add(i);
        }

        Add(double.PositiveInfinity);
        for (var i = 0; i < 5000; i++)
        {
            Add(i % 2 == 0 ? 500.5 : 200);
        }

        Assert.True(list.IsRadix);
        reference.Sort();
        foreach (var expected in reference)
        {
            var e = list.Dequeue();
            Assert.Equal(expected, (e.Time, e.Sequence));
        }

        Assert.Equal(0, list.Count);
    }

    [Fact]
    public void An_event_added_before_the_earliest_looked_at_leaves_first_in_either_structure()
    {
        // A run that stops at its horizon looks at the earliest event and leaves it; an event scheduled next may
        // fall between the horizon and it, before the key the radix heap's buckets were reckoned from.
        var list = new FutureEventList();
        for (var i = 0; i < FutureEventList.RadixAbove + 10; i++)
        {
            list.Enqueue(new SimEvent(10 + i, i, 0, 0, 0));
        }

        Assert.Equal(0, list.Dequeue().Sequence);
        Assert.Equal(11, list.Peek().Time);
        list.Enqueue(new SimEvent(10.5, 5000, 0, 0, 0));
        list.Enqueue(new SimEvent(10.25, 5001, 0, 0, 0));
        Assert.True(list.IsRadix);
        Assert.Equal([10.25, 10.5, 11, 12], [list.Dequeue().Time, list.Dequeue().Time, list.Dequeue().Time, list.Dequeue().Time]);
    }

    [Fact]
    public void An_empty_list_refuses_to_give_an_event()
    {
        var list = new FutureEventList();
        Assert.Throws<InvalidOperationException>(() => list.Dequeue());
        Assert.Throws<InvalidOperationException>(() => list.Peek());
    }

    [Fact]
    public void Clear_empties_the_list_and_it_can_be_reused()
    {
        var list = new FutureEventList();
        for (var i = 0; i < 100; i++)
        {
            list.Enqueue(new SimEvent(100 - i, i, 0, 0, 0));
        }

        list.Clear();
        Assert.Equal(0, list.Count);
        list.Enqueue(new SimEvent(3, 0, 0, 0, 0));
        Assert.Equal(3, list.Dequeue().Time);
    }

    /// <summary>
    /// An operation is an insert at a small integer time (many ties) or a removal; the list must give the same events as a
    /// reference list sorted by (time, sequence). ReplaceTop is a removal then an insert.
    /// </summary>
    internal static void CheckInOrder((int Op, int Time)[] ops)
    {
        var list = new FutureEventList(4);
        var reference = new List<SimEvent>();
        long sequence = 0;
        foreach (var (op, time) in ops)
        {
            var e = new SimEvent(time, sequence++, 0, time, 0);
            if (op == 0 || reference.Count == 0)
            {
                list.Enqueue(e);
                reference.Add(e);
            }
            else if (op == 1)
            {
                var expected = PopReference(reference);
                var actual = list.Dequeue();
                Assert.Equal((expected.Time, expected.Sequence), (actual.Time, actual.Sequence));
            }
            else
            {
                var expected = PopReference(reference);
                Assert.Equal((expected.Time, expected.Sequence), (list.Peek().Time, list.Peek().Sequence));
                list.ReplaceTop(e);
                reference.Add(e);
            }

            Assert.Equal(reference.Count, list.Count);
        }

        while (reference.Count > 0)
        {
            var expected = PopReference(reference);
            var actual = list.Dequeue();
            Assert.Equal((expected.Time, expected.Sequence), (actual.Time, actual.Sequence));
        }
    }

    /// <summary>
    /// Thousands pending (a radix heap), then drained below HeapBelow (a 4-ary heap again), twice: the events leave as a sorted
    /// reference gives them. Times are drawn on a coarse grid (many ties: the sequence's bits), in wide ranges (every bit of
    /// the time), and now and then before the last event taken out, which a radix heap serves by reckoning its buckets again.
    /// </summary>
    internal static void CheckStructureChanges((int Op, double U, int Scale)[] ops)
    {
        var list = new FutureEventList(4);
        var reference = new SortedSet<(double Time, long Sequence)>();
        long sequence = 0;
        double now = 0;
        var sawRadix = false;
        for (var i = 0; i < ops.Length; i++)
        {
            var (op, u, scale) = ops[i];
            var filling = (i / 2000) % 2 == 0;
            // Mostly after the last event taken out, as a simulator schedules; now and then before it, even below zero.
            var delay = scale switch { 0 => Math.Floor(u * 4), 1 => u, 2 => u * 1e6, 3 => u * 1e-9, _ => op < 3 ? -u * 2e6 : u };
            var e = new SimEvent(now + delay, sequence++, 0, 0, 0);
            if (reference.Count == 0 || (filling ? op < 90 : op < 10))
            {
                list.Enqueue(e);
                reference.Add((e.Time, e.Sequence));
            }
            else if (op % 2 == 0)
            {
                var expected = reference.Min;
                reference.Remove(expected);
                var actual = list.Dequeue();
                Assert.Equal(expected, (actual.Time, actual.Sequence));
                now = actual.Time;
            }
            else
            {
                var expected = reference.Min;
                reference.Remove(expected);
                Assert.Equal(expected, (list.Peek().Time, list.Peek().Sequence));
                now = expected.Time;
                e = new SimEvent(now + delay, e.Sequence, 0, 0, 0);
                list.ReplaceTop(e);
                reference.Add((e.Time, e.Sequence));
            }

            sawRadix |= list.IsRadix;
            Assert.Equal(reference.Count, list.Count);
        }

        Assert.True(sawRadix);
        while (reference.Count > 0)
        {
            var expected = reference.Min;
            reference.Remove(expected);
            var actual = list.Dequeue();
            Assert.Equal(expected, (actual.Time, actual.Sequence));
        }

        Assert.False(list.IsRadix);
    }

    /// <summary>
    /// The engine's case at 100,000 pending, smaller: fill with thousands of exponential delays, then take the earliest and put
    /// it back later (by ReplaceTop or by Dequeue then Enqueue), now and then a burst; the radix heap's buckets fill and empty
    /// at every bit.
    /// </summary>
    internal static void CheckHoldModel((int Op, double U)[] ops, int prefill)
    {
        var list = new FutureEventList();
        var reference = new SortedSet<(double Time, long Sequence)>();
        long sequence = 0;
        double now = 0;
        for (var i = 0; i < prefill; i++)
        {
            var t = -Math.Log(ops[i % ops.Length].Item2);
            list.Enqueue(new SimEvent(t, sequence, 0, 0, 0));
            reference.Add((t, sequence++));
        }

        foreach (var (op, u) in ops)
        {
            var time = now - Math.Log(u);
            if (op == 0 || reference.Count == 0)
            {
                list.Enqueue(new SimEvent(time, sequence, 0, 0, 0));
                reference.Add((time, sequence++));
                continue;
            }

            var expected = reference.Min;
            reference.Remove(expected);
            now = expected.Time;
            time = now - Math.Log(u);
            if (op == 1)
            {
                var taken = list.Dequeue();
                Assert.Equal(expected, (taken.Time, taken.Sequence));
                continue;
            }

            Assert.Equal(expected, (list.Peek().Time, list.Peek().Sequence));
            if (op < 6)
            {
                list.ReplaceTop(new SimEvent(time, sequence, 0, 0, 0));
            }
            else
            {
                list.Dequeue();
                list.Enqueue(new SimEvent(time, sequence, 0, 0, 0));
            }

            reference.Add((time, sequence++));
            Assert.Equal(reference.Count, list.Count);
        }

        Assert.True(list.IsRadix);
        while (reference.Count > 0)
        {
            var expected = reference.Min;
            reference.Remove(expected);
            var actual = list.Dequeue();
            Assert.Equal(expected, (actual.Time, actual.Sequence));
        }
    }

    private static SimEvent PopReference(List<SimEvent> reference)
    {
        var best = 0;
        for (var i = 1; i < reference.Count; i++)
        {
            if (reference[i].Precedes(reference[best]))
            {
                best = i;
            }
        }

        var e = reference[best];
        reference.RemoveAt(best);
        return e;
    }

    [Fact]
    public void Clear_empties_a_radix_heap_and_the_list_is_a_heap_again()
    {
        var list = new FutureEventList(0);
        for (var i = 0; i <= FutureEventList.RadixAbove; i++)
        {
            list.Enqueue(new SimEvent(2000 - i, i, 0, 0, 0));
        }

        Assert.True(list.IsRadix);
        Assert.Equal(2000 - FutureEventList.RadixAbove, list.Peek().Time);
        list.Clear();
        Assert.Equal(0, list.Count);
        Assert.False(list.IsRadix);
        list.Enqueue(new SimEvent(7, 0, 0, 0, 0));
        list.Enqueue(new SimEvent(5, 1, 0, 0, 0));
        Assert.Equal([5.0, 7.0], [list.Dequeue().Time, list.Dequeue().Time]);
    }
}
