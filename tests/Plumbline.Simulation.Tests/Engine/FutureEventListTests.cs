using CsCheck;
using Plumbline.Simulation.Engine;
using Xunit;

namespace Plumbline.Simulation.Tests.Engine;

public sealed class FutureEventListTests
{
    [Fact]
    public void Events_leave_in_time_order_then_in_scheduling_order()
    {
        // An operation is an insert at a small integer time (many ties) or a removal; the list must give the
        // same events as a reference list sorted by (time, sequence). ReplaceTop is a removal then an insert.
        var operations = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 15]).Array[0, 400];
        operations.SampleReplayable(ops =>
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
        });
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
}
