namespace Plumbline.Analysis.Latency;

/// <summary>
/// How finely a <see cref="LatencyDistribution"/> is held. Every distribution is probability mass on
/// at most <see cref="Cells"/> equally spaced points, each point's mass spread evenly over its cell.
/// Each composition works on grids of that size and hands one back, so composing a path costs the
/// same per step however long the path is.
/// </summary>
/// <param name="Cells">Points per distribution (at least 16); default 4096.</param>
/// <param name="Tail">
/// Mass given up at each end per step (0 to 1e-3); default 1e-7. The grid spans the distribution
/// from its Tail to its 1 - Tail quantile, and what lies beyond is moved to the end cell, so a
/// quantile p of a path of n steps is exact to the grid's resolution while 1 - p is well above n x Tail.
/// A smaller tail makes the grid wider and so coarser; p99.99 on a path of 100 steps needs 1e-7.
/// </param>
public sealed record LatencyGrid(int Cells = LatencyGrid.DefaultCells, double Tail = LatencyGrid.DefaultTail)
{
    public const int DefaultCells = 1024;

    public const double DefaultTail = 1e-7;

    public static LatencyGrid Default { get; } = new();

    public int Cells { get; } = Cells >= 16 ? Cells : throw new ArgumentOutOfRangeException(nameof(Cells), Cells, "A grid needs at least 16 cells.");

    public double Tail { get; } = Tail is >= 0 and <= 1e-3 ? Tail : throw new ArgumentOutOfRangeException(nameof(Tail), Tail, "The tail is between 0 and 1e-3.");
}
