namespace Plumbline.Analysis.Latency;

/// <summary>
/// How finely a <see cref="LatencyDistribution"/> is held. Every distribution is probability mass on
/// at most <see cref="Cells"/> equally spaced points, each point's mass spread evenly over its cell.
/// Each composition works on grids of that size and hands one back, so composing a path costs the
/// same per step however long the path is.
/// </summary>
/// <param name="Cells">
/// Points per distribution (16 to <see cref="MaxCells"/>); default 1024. The upper bound is a guard: every composition
/// costs at least its cells, so a grid asked for millions of cells (an arithmetic slip in whoever sizes it) would turn a
/// millisecond estimate into minutes; it fails at once instead.
/// </param>
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

    /// <summary>The finest grid: 16 times the estimate's own 4,096 cells.</summary>
    public const int MaxCells = 65_536;

    public static LatencyGrid Default { get; } = new();

    public int Cells { get; } = Cells is >= 16 and <= MaxCells ? Cells : throw new ArgumentOutOfRangeException(nameof(Cells), Cells, "A grid holds 16 to 65,536 cells.");

    public double Tail { get; } = Tail is >= 0 and <= 1e-3 ? Tail : throw new ArgumentOutOfRangeException(nameof(Tail), Tail, "The tail is between 0 and 1e-3.");
}
