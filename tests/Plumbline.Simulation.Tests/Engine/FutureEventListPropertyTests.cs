using CsCheck;
using Xunit;

namespace Plumbline.Simulation.Tests.Engine;

/// <summary>The checks of <see cref="FutureEventListTests"/> on fresh cases each run (left out of the mutation set).</summary>
public sealed class FutureEventListPropertyTests
{
    [Fact]
    public void Events_leave_in_time_order_then_in_scheduling_order() =>
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 15]).Array[0, 400].SampleReplayable(FutureEventListTests.CheckInOrder);

    [Fact]
    public void Events_leave_in_order_while_the_list_changes_structure_both_ways() =>
        Gen.Select(Gen.Int[0, 99], Gen.Double[0, 1], Gen.Int[0, 4]).Array[6000, 9000]
            .SampleReplayable(FutureEventListTests.CheckStructureChanges, iter: 20);

    [Fact]
    public void Many_pending_under_the_hold_model_leave_in_order() =>
        Gen.Select(Gen.Int[0, 9], Gen.Double[0.000001, 1]).Array[20_000, 30_000]
            .SampleReplayable(ops => FutureEventListTests.CheckHoldModel(ops, prefill: 5000), iter: 10);
}
