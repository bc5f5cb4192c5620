using Plumbline.Analysis.Latency;
using Xunit;

namespace Plumbline.Analysis.Tests.Latency;

/// <summary>A call's attempts and delays as the latency composes them, and the grid's bounds.</summary>
public sealed class RetryShapeTests
{
    private const string Design = """
        plumbline: 1
        system: { name: retries }
        components:
          a:
            kind: service
            operations:
              run:
                calls:
                  - { to: b.run, timeout: 100ms, retries: { max: 3, backoff: exponential, base: 10ms, max_delay: 30ms } }
                  - { to: b.run }
          b: { kind: service, operations: { run: {} } }
        """;

    [Fact]
    public void A_call_with_retries_makes_one_attempt_more_than_its_retries_each_after_its_largest_delay()
    {
        // Three retries: four attempts. Exponential from 10ms: 10, 20, 40ms, the last capped at 30ms.
        var calls = DesignKit.Load(Design).Components.Single(c => c.Name == "a").Operations[0].Calls;
        var shape = RetryShape.Of(calls[0], 0.25);

        Assert.Equal(4, shape.Attempts);
        Assert.Equal(0.1, shape.Timeout!.Value, 1e-15);
        Assert.Equal([0.01, 0.02, 0.03], shape.Delays.Select(d => Math.Round(d, 12)));
        Assert.Equal(0.25, shape.ErrorProbability);
        Assert.Equal(0, shape.DelayBefore(0));
        Assert.Equal(0.01, shape.DelayBefore(1), 1e-15);
        Assert.Equal(0.03, shape.DelayBefore(3), 1e-15);
        Assert.Equal(0, shape.DelayBefore(4));

        // No retries and no timeout: one attempt, no delay.
        var plain = RetryShape.Of(calls[1]);
        Assert.Equal(1, plain.Attempts);
        Assert.Null(plain.Timeout);
        Assert.Empty(plain.Delays);
        Assert.Equal(0, plain.ErrorProbability);
        Assert.Equal(RetryShape.None.Attempts, plain.Attempts);
        Assert.Null(RetryShape.None.Timeout);

        Assert.Throws<ArgumentNullException>(() => RetryShape.Of(null!));
    }

    [Fact]
    public void A_grid_holds_16_to_65536_cells_and_gives_up_at_most_a_thousandth_at_each_end()
    {
        Assert.Equal(1024, LatencyGrid.Default.Cells);
        Assert.Equal(1e-7, LatencyGrid.Default.Tail);
        Assert.Equal(16, new LatencyGrid(16).Cells);
        Assert.Equal(65_536, new LatencyGrid(65_536).Cells);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyGrid(15));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyGrid(65_537));
        Assert.Equal(0, new LatencyGrid(16, 0).Tail);
        Assert.Equal(1e-3, new LatencyGrid(16, 1e-3).Tail);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyGrid(16, -1e-12));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyGrid(16, 1.0001e-3));
    }
}
