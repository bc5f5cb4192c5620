using CsCheck;
using Xunit;

namespace Plumbline.Simulation.Tests.Engine;

/// <summary>The checks of <see cref="SimulatorChannelTests"/> on fresh mixes each run (left out of the mutation set).</summary>
public sealed class SimulatorChannelPropertyTests
{
    [Fact]
    public void Channel_events_and_ordinary_events_fire_in_time_then_scheduling_order() =>
        Gen.Int[0, int.MaxValue].SampleReplayable(SimulatorChannelTests.CheckChannelOrder, iter: 50);

    [Fact]
    public void Abandoned_channel_events_are_dropped_and_the_rest_keep_their_order()
    {
        long abandoned = 0;
        Gen.Int[0, int.MaxValue].SampleReplayable(seed => Interlocked.Add(ref abandoned, SimulatorChannelTests.CheckAbandonedDropped(seed)), iter: 50);

        // Runs that schedule little may abandon nothing; over fifty, thousands are.
        Assert.True(abandoned > 1_000, $"only {abandoned} abandoned over the runs");
    }
}
