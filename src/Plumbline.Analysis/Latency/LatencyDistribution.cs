using System.Buffers;

namespace Plumbline.Analysis.Latency;

/// <summary>
/// A latency distribution held numerically: probability mass on equally spaced points
/// <c>Origin + i x Step</c>, each point's mass spread evenly over its cell of width Step (so the CDF
/// is piecewise linear and exact at cell edges for a distribution discretised from its CDF). A
/// single point (<see cref="Cells"/> 1) is an exact constant.
/// </summary>
/// <remarks>
/// <para>
/// Why this grid: a path's latency is a sum, maximum and mixture of service times that have no closed
/// form together (a sum of log-normals has none). Mass on a uniform grid makes the sum a discrete
/// convolution, done directly when one side is narrow and by FFT otherwise; the maximum is the
/// product of CDFs at cell edges; a mixture is a weighted sum after moving both onto one grid.
/// Moving mass onto a coarser grid splits each point between its two neighbours in proportion
/// (so the mean is kept exactly); constants shift the origin and cost nothing.
/// </para>
/// <para>
/// Adaptive: each result is trimmed to its own support (less <see cref="LatencyGrid.Tail"/> at each end)
/// and, when wider than <see cref="LatencyGrid.Cells"/> points, re-spaced onto that many. So every step
/// costs at most one convolution of two grids of that size, and a path of n calls costs O(n) steps,
/// never more: the grid widens with the path instead of growing.
/// </para>
/// <para>Immutable; safe to share between threads.</para>
/// </remarks>
public sealed class LatencyDistribution
{
    private readonly double[] _mass;
    private readonly double _total;
    private double[]? _cumulative;

    private LatencyDistribution(double origin, double step, double[] mass)
    {
        Origin = origin;
        Step = mass.Length == 1 ? 0 : step;
        _mass = mass;
        var total = 0.0;
        foreach (var m in mass)
        {
            total += m;
        }

        _total = total;
    }

    /// <summary>A latency of exactly zero.</summary>
    public static LatencyDistribution Zero { get; } = new(0, 0, [1]);

    /// <summary>Seconds at the first point.</summary>
    public double Origin { get; }

    /// <summary>Seconds between points; 0 for a single point.</summary>
    public double Step { get; }

    /// <summary>Points held (1 for a constant).</summary>
    public int Cells => _mass.Length;

    /// <summary>The mass at each point, in order.</summary>
    public ReadOnlySpan<double> Masses => _mass;

    /// <summary>True for a constant latency.</summary>
    public bool IsPoint => _mass.Length == 1;

    /// <summary>The lowest latency held: the first cell's lower edge (or the constant).</summary>
    public double Lowest => Math.Max(0, Origin - (Step / 2));

    /// <summary>The highest latency held: the last cell's upper edge (or the constant).</summary>
    public double Highest => Origin + ((_mass.Length - 0.5) * Step);

    /// <summary>The mean in seconds.</summary>
    public double Mean
    {
        get
        {
            if (_total <= 0)
            {
                return 0;
            }

            var sum = 0.0;
            for (var i = 0; i < _mass.Length; i++)
            {
                sum += _mass[i] * i;
            }

            return Origin + (Step * sum / _total);
        }
    }

    /// <summary>The variance in seconds squared, including the spread within cells (Step^2 / 12).</summary>
    public double Variance
    {
        get
        {
            if (_total <= 0 || IsPoint)
            {
                return 0;
            }

            var mean = (Mean - Origin) / Step;
            var sum = 0.0;
            for (var i = 0; i < _mass.Length; i++)
            {
                var d = i - mean;
                sum += _mass[i] * d * d;
            }

            return Step * Step * ((sum / _total) + (1.0 / 12));
        }
    }

    /// <summary>Exactly <paramref name="seconds"/> (zero or more).</summary>
    public static LatencyDistribution Point(double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "A latency is a finite number of seconds, zero or more.");
        }

        return seconds == 0 ? Zero : new(seconds, 0, [1]);
    }

    /// <summary>
    /// A service time on the grid: cells tile its support from the Tail to the 1 - Tail quantile
    /// (what lies beyond goes to the end cells), each with the exact probability of its cell.
    /// </summary>
    public static LatencyDistribution Of(ServiceTime time, LatencyGrid? grid = null)
    {
        grid ??= LatencyGrid.Default;
        if (time.Kind == ServiceTimeKind.Constant)
        {
            return Point(time.Quantile(0.5));
        }

        var lo = time.Kind switch
        {
            ServiceTimeKind.Exponential => 0,
            ServiceTimeKind.Uniform => time.Quantile(0),
            _ => time.Quantile(grid.Tail),
        };
        var hi = time.Kind == ServiceTimeKind.Uniform ? time.Quantile(1) : time.Quantile(1 - grid.Tail);
        if (!(hi > lo))
        {
            return Point(lo);
        }

        var n = grid.Cells;
        var step = (hi - lo) / n;
        var median = time.Quantile(0.5);
        var mass = new double[n];

        // Each edge's probability is computed once: below the median the CDF (small and exact),
        // above it the survival function (so far-tail cells keep their relative precision).
        var (belowA, aboveA) = Split(time, lo, median);
        for (var j = 0; j < n; j++)
        {
            var b = j == n - 1 ? hi : lo + ((j + 1) * step);
            var (belowB, aboveB) = Split(time, b, median);
            mass[j] = belowA is { } fa && belowB is { } fb ? fb - fa
                : aboveA is { } sa && aboveB is { } sb ? sa - sb
                : (1 - aboveB!.Value) - belowA!.Value;
            (belowA, aboveA) = (belowB, aboveB);
        }

        mass[0] += time.Cdf(lo);
        mass[n - 1] += time.Survival(hi);
        return new(lo + (step / 2), step, mass);
    }

    private static (double? Cdf, double? Survival) Split(ServiceTime time, double x, double median) =>
        x < median ? (time.Cdf(x), null) : (null, time.Survival(x));

    /// <summary>This latency plus a constant <paramref name="seconds"/> (exact: only the origin moves).</summary>
    public LatencyDistribution Shift(double seconds)
    {
        if (!double.IsFinite(seconds) || Origin + seconds < -Step)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "A shift must keep the latency at zero or more.");
        }

        return seconds == 0 ? this : new(Origin + seconds, Step, _mass);
    }

    /// <summary>One after the other: the sum of two independent latencies (their convolution).</summary>
    public static LatencyDistribution Series(LatencyDistribution first, LatencyDistribution second, LatencyGrid? grid = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        grid ??= LatencyGrid.Default;
        if (first.IsPoint)
        {
            return Scale(second.Shift(first.Origin), first._total);
        }

        if (second.IsPoint)
        {
            return Scale(first.Shift(second.Origin), second._total);
        }

        // The regridded side and the convolution are worked in pooled buffers: only what the result keeps is allocated.
        var step = Math.Max(first.Step, second.Step);
        double[]? regridded = null;
        var a = first.Step == step ? first._mass : Regridded(first, step, ref regridded);
        var b = second.Step == step ? second._mass : Regridded(second, step, ref regridded);
        var length = a.Length + b.Length - 1;
        var sum = ArrayPool<double>.Shared.Rent(length);
        try
        {
            Convolution.Convolve(a, b, sum.AsSpan(0, length));
            return Make(first.Origin + second.Origin, step, sum.AsSpan(0, length), null, grid);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sum);
            if (regridded is not null)
            {
                ArrayPool<double>.Shared.Return(regridded);
            }
        }
    }

    /// <summary>d moved onto a coarser step from its own origin, in a pooled buffer (at most one side of a sum is regridded).</summary>
    private static ReadOnlySpan<double> Regridded(LatencyDistribution d, double step, ref double[]? buffer)
    {
        var count = CountAt(d, step);
        buffer = ArrayPool<double>.Shared.Rent(count);
        var mass = buffer.AsSpan(0, count);
        mass.Clear();
        AddRegridded(d._mass, d.Origin, d.Step, 1, d.Origin, step, mass);
        return mass;
    }

    /// <summary>The sum of independent latencies in order; zero for none.</summary>
    public static LatencyDistribution Series(IEnumerable<LatencyDistribution> parts, LatencyGrid? grid = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sum = Zero;
        foreach (var part in parts)
        {
            sum = Series(sum, part, grid);
        }

        return sum;
    }

    /// <summary>
    /// <paramref name="count"/> independent copies one after another, by repeated doubling: about
    /// log2(count) convolutions however large the count.
    /// </summary>
    public static LatencyDistribution Repeat(LatencyDistribution one, int count, LatencyGrid? grid = null)
    {
        ArgumentNullException.ThrowIfNull(one);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = Zero;
        var power = one;
        while (count > 0)
        {
            if ((count & 1) == 1)
            {
                result = Series(result, power, grid);
            }

            count >>= 1;
            if (count > 0)
            {
                power = Series(power, power, grid);
            }
        }

        return result;
    }

    /// <summary>A call made with probability <paramref name="probability"/>: this latency then, zero otherwise.</summary>
    public static LatencyDistribution Maybe(double probability, LatencyDistribution latency, LatencyGrid? grid = null)
    {
        ArgumentNullException.ThrowIfNull(latency);
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability is between 0 and 1.");
        }

        return probability switch
        {
            0 => Zero,
            1 => latency,
            _ => Mixture([(1 - probability, Zero), (probability, latency)], grid),
        };
    }

    /// <summary>One of several latencies, each with its weight (weights are normalised to sum to 1).</summary>
    public static LatencyDistribution Mixture(ReadOnlySpan<(double Weight, LatencyDistribution Latency)> parts, LatencyGrid? grid = null)
    {
        grid ??= LatencyGrid.Default;
        var total = 0.0;
        foreach (var (w, d) in parts)
        {
            if (!(w >= 0) || !double.IsFinite(w))
            {
                throw new ArgumentOutOfRangeException(nameof(parts), w, "A weight is a finite number, zero or more.");
            }

            ArgumentNullException.ThrowIfNull(d);
            total += w * d._total;
        }

        if (!(total > 0))
        {
            throw new ArgumentException("A mixture needs some weight.", nameof(parts));
        }

        return Normalised(Mix(parts, grid), 1);
    }

    /// <summary>Both at once, waiting for the slower: the maximum of two independent latencies (the product of their CDFs).</summary>
    public static LatencyDistribution Max(LatencyDistribution a, LatencyDistribution b, LatencyGrid? grid = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return MaxOf(a, 1, b, 1, grid ?? LatencyGrid.Default);
    }

    /// <summary><paramref name="count"/> independent copies at once, waiting for all: F(t)^count.</summary>
    public static LatencyDistribution MaxOf(LatencyDistribution one, int count, LatencyGrid? grid = null)
    {
        ArgumentNullException.ThrowIfNull(one);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count == 0 ? Zero : MaxOf(one, count, Zero, 1, grid ?? LatencyGrid.Default);
    }

    /// <summary>
    /// A call's latency through its attempts. With a timeout T, an attempt taking longer is cut at T
    /// and fails; an attempt that answered in time fails anyway with the error probability. After a
    /// failure, the next attempt starts once the delay before it has passed. The caller's latency is
    /// the sum over the failed attempts and delays plus the successful attempt, or, when every attempt
    /// fails, the time the last one gave up:
    /// sum over k &lt; n of shift(F^(*k) * S, D_k) + shift(F^(*n-1) * F, D_(n-1)), where S is an attempt that
    /// succeeds ((1 - e) X truncated at T), F one that fails (P(X &gt; T) at T, plus e X truncated at T),
    /// D_k the delays before retry k summed, and * convolution. Terms whose mass is below the grid's
    /// tail are dropped. With no timeout and no error probability, the attempt's own latency.
    /// </summary>
    public static LatencyDistribution WithRetries(LatencyDistribution attempt, RetryShape shape, LatencyGrid? grid = null)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(shape);
        grid ??= LatencyGrid.Default;
        var e = shape.ErrorProbability;
        if (!(e >= 0 && e <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(shape), e, "The error probability is between 0 and 1.");
        }

        if (shape.Timeout is null && (e == 0 || shape.Attempts <= 1))
        {
            return attempt;
        }

        LatencyDistribution success;
        LatencyDistribution failure;
        if (shape.Timeout is { } timeout)
        {
            var inTime = TruncateAt(attempt, timeout);
            var timedOut = Math.Max(0, 1 - inTime._total);
            success = Scale(inTime, 1 - e);
            failure = Mix([(timedOut, Point(timeout)), (e, inTime)], grid);
        }
        else
        {
            success = Scale(attempt, 1 - e);
            failure = Scale(attempt, e);
        }

        var parts = new List<(double, LatencyDistribution)>();
        var failedSoFar = Zero;
        var delay = 0.0;
        for (var k = 0; k < shape.Attempts; k++)
        {
            delay += shape.DelayBefore(k);
            if (failedSoFar._total < grid.Tail)
            {
                break;
            }

            if (success._total > 0)
            {
                parts.Add((1, Series(failedSoFar, success, grid).Shift(delay)));
            }

            if (failure._total <= 0)
            {
                break;
            }

            var failedAgain = Series(failedSoFar, failure, grid);
            if (k == shape.Attempts - 1)
            {
                parts.Add((1, failedAgain.Shift(delay)));
            }

            failedSoFar = failedAgain;
        }

        return Normalised(Mix([.. parts], grid), 1);
    }

    /// <summary>The M/M/c queueing wait: zero with probability 1 - C, else exponential with rate c mu - lambda.</summary>
    public static LatencyDistribution QueueWait(QueueingDelay delay, LatencyGrid? grid = null)
    {
        ArgumentNullException.ThrowIfNull(delay);
        if (delay.IsUnbounded)
        {
            throw new ArgumentException("The queue is unbounded (utilisation 100% or more): its wait has no distribution.", nameof(delay));
        }

        if (delay.ProbabilityOfWaiting <= 0)
        {
            return Zero;
        }

        return Mixture([(1 - delay.ProbabilityOfWaiting, Zero), (delay.ProbabilityOfWaiting, Of(ServiceTime.Exponential(1 / delay.Rate), grid))], grid);
    }

    /// <summary>P(latency &lt;= <paramref name="seconds"/>).</summary>
    public double Cdf(double seconds)
    {
        if (_total <= 0)
        {
            return 0;
        }

        if (IsPoint)
        {
            return seconds >= Origin ? 1 : 0;
        }

        var t = ((seconds - Origin) / Step) + 0.5;
        if (t <= 0)
        {
            return 0;
        }

        if (t >= _mass.Length)
        {
            return 1;
        }

        var k = (int)t;
        var cumulative = Cumulative();
        var below = k > 0 ? cumulative[k - 1] : 0;
        return Math.Min(1, (below + (_mass[k] * (t - k))) / _total);
    }

    /// <summary>The latency not exceeded by a share <paramref name="p"/> (0..1) of requests.</summary>
    public double Quantile(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability is between 0 and 1.");
        }

        if (IsPoint)
        {
            return Origin;
        }

        var cumulative = Cumulative();
        var target = p * _total;
        var lo = 0;
        var hi = _mass.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (cumulative[mid] >= target)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        var before = lo > 0 ? cumulative[lo - 1] : 0;
        var fraction = _mass[lo] > 0 ? Math.Clamp((target - before) / _mass[lo], 0, 1) : 0;
        return Math.Max(0, Origin + ((lo - 0.5 + fraction) * Step));
    }

    private double[] Cumulative()
    {
        var cumulative = _cumulative;
        if (cumulative is null)
        {
            cumulative = new double[_mass.Length];
            var sum = 0.0;
            for (var i = 0; i < _mass.Length; i++)
            {
                sum += _mass[i];
                cumulative[i] = sum;
            }

            _cumulative = cumulative;
        }

        return cumulative;
    }

    /// <summary>The mass at or below <paramref name="seconds"/>, kept where it is (a sub-distribution).</summary>
    private static LatencyDistribution TruncateAt(LatencyDistribution d, double seconds)
    {
        if (d.IsPoint)
        {
            return d.Origin <= seconds ? d : new(d.Origin, 0, [0]);
        }

        var t = ((seconds - d.Origin) / d.Step) + 0.5;
        if (t <= 0)
        {
            return new(d.Origin, 0, [0]);
        }

        if (t >= d._mass.Length)
        {
            return d;
        }

        var k = (int)t;
        var mass = new double[k + 1];
        Array.Copy(d._mass, mass, k);
        mass[k] = d._mass[k] * (t - k);
        return new(d.Origin, d.Step, mass);
    }

    private static LatencyDistribution Scale(LatencyDistribution d, double factor)
    {
        if (factor == 1)
        {
            return d;
        }

        var mass = new double[d._mass.Length];
        for (var i = 0; i < mass.Length; i++)
        {
            mass[i] = d._mass[i] * factor;
        }

        return new(d.Origin, d.Step, mass);
    }

    private static LatencyDistribution Normalised(LatencyDistribution d, double total) =>
        d._total > 0 && Math.Abs(d._total - total) > 1e-15 ? Scale(d, total / d._total) : d;

    /// <summary>
    /// The weighted sum of sub-distributions on one grid spanning them all: the widest step among
    /// them, or wider if that would take more than the grid's cells. Parts with less than the tail's
    /// share of the mass are left out (the caller normalises).
    /// </summary>
    private static LatencyDistribution Mix(ReadOnlySpan<(double Weight, LatencyDistribution Latency)> parts, LatencyGrid grid)
    {
        var total = 0.0;
        foreach (var (w, d) in parts)
        {
            total += w * d._total;
        }

        if (!(total > 0))
        {
            return new(0, 0, [0]);
        }

        var lo = double.PositiveInfinity;
        var hi = double.NegativeInfinity;
        var step = 0.0;
        var kept = 0;
        foreach (var (w, d) in parts)
        {
            if (w * d._total < grid.Tail * total)
            {
                continue;
            }

            kept++;
            lo = Math.Min(lo, d.Origin);
            hi = Math.Max(hi, d.Origin + ((d._mass.Length - 1) * d.Step));
            step = Math.Max(step, d.Step);
        }

        if (kept == 1 || hi <= lo)
        {
            foreach (var (w, d) in parts)
            {
                if (w * d._total >= grid.Tail * total)
                {
                    return hi <= lo && kept > 1 ? new(lo, 0, [total]) : Scale(d, w);
                }
            }
        }

        step = Math.Max(step, (hi - lo) / (grid.Cells - 1));
        var count = Math.Min(grid.Cells, (int)Math.Ceiling(((hi - lo) / step) - 1e-9) + 1);
        var mass = new double[count];
        foreach (var (w, d) in parts)
        {
            if (w * d._total >= grid.Tail * total)
            {
                AddRegridded(d, w, lo, step, mass);
            }
        }

        return Make(lo, step, mass, grid);
    }

    /// <summary>
    /// The maximum of count copies of a and count2 copies of b, all independent: F = Fa^count x Fb^count2,
    /// evaluated at the edges of cells tiling from the larger lower end to the larger upper end.
    /// </summary>
    private static LatencyDistribution MaxOf(LatencyDistribution a, int countA, LatencyDistribution b, int countB, LatencyGrid grid)
    {
        var lo = Math.Max(a.Lowest, b.Lowest);
        var hi = Math.Max(a.Highest, b.Highest);
        if (a.IsPoint && b.IsPoint)
        {
            return Point(Math.Max(a.Origin, b.Origin));
        }

        var step = a.IsPoint ? b.Step : b.IsPoint ? a.Step : Math.Min(a.Step, b.Step);
        if (!(hi > lo))
        {
            return Point(lo);
        }

        step = Math.Max(step, (hi - lo) / grid.Cells);
        var count = Math.Max(1, (int)Math.Ceiling(((hi - lo) / step) - 1e-9));
        var mass = new double[count];
        var previous = F(lo);
        mass[0] = previous;
        for (var j = 0; j < count; j++)
        {
            var next = j == count - 1 ? 1 : F(lo + ((j + 1) * step));
            mass[j] += Math.Max(0, next - previous);
            previous = Math.Max(previous, next);
        }

        return Make(lo + (step / 2), step, mass, grid);

        double F(double x) => Power(a.Cdf(x), countA) * Power(b.Cdf(x), countB);
    }

    private static double Power(double x, int n)
    {
        var result = 1.0;
        while (n > 0)
        {
            if ((n & 1) == 1)
            {
                result *= x;
            }

            n >>= 1;
            x *= x;
        }

        return result;
    }

    /// <summary>Cells needed to hold d at a coarser step from its own origin, with room for the last split.</summary>
    private static int CountAt(LatencyDistribution d, double step) =>
        (int)Math.Floor((((d._mass.Length - 1) * d.Step) / step) + 1e-9) + 2;

    /// <summary>Adds weight x d onto the grid (origin, step): each point's mass split between its two neighbours in proportion, which keeps the mean.</summary>
    private static void AddRegridded(LatencyDistribution d, double weight, double origin, double step, double[] target) =>
        AddRegridded(d._mass, d.Origin, d.Step, weight, origin, step, target);

    /// <summary>Adds weight x the masses at (from, by) onto the grid (origin, step), as <see cref="AddRegridded(LatencyDistribution, double, double, double, double[])"/>.</summary>
    private static void AddRegridded(ReadOnlySpan<double> masses, double from, double by, double weight, double origin, double step, Span<double> target)
    {
        var last = target.Length - 1;
        for (var i = 0; i < masses.Length; i++)
        {
            var m = masses[i] * weight;
            if (m == 0)
            {
                continue;
            }

            var position = (from + (i * by) - origin) / step;
            if (position <= 0)
            {
                target[0] += m;
                continue;
            }

            if (position >= last)
            {
                target[last] += m;
                continue;
            }

            var j = (int)position;
            var fraction = position - j;
            target[j] += m * (1 - fraction);
            target[j + 1] += m * fraction;
        }
    }

    /// <summary>
    /// A result on (origin, step): negative round-off cleared, each end trimmed of the grid's tail
    /// (moved onto the end cell kept), and re-spaced onto the grid's cells when wider than that.
    /// </summary>
    private static LatencyDistribution Make(double origin, double step, double[] mass, LatencyGrid grid) =>
        Make(origin, step, mass, mass, grid);

    /// <summary>
    /// <see cref="Make(double, double, double[], LatencyGrid)"/> over <paramref name="mass"/>, which this may change; when
    /// <paramref name="owned"/> is that same array it may be kept as the result, otherwise (a pooled buffer) what is kept is copied.
    /// </summary>
    private static LatencyDistribution Make(double origin, double step, Span<double> mass, double[]? owned, LatencyGrid grid)
    {
        var total = 0.0;
        for (var i = 0; i < mass.Length; i++)
        {
            if (!(mass[i] > 0))
            {
                mass[i] = 0;
            }

            total += mass[i];
        }

        if (!(total > 0))
        {
            return new(origin, 0, [0]);
        }

        var cut = grid.Tail * total;
        var first = 0;
        var below = 0.0;
        while (first < mass.Length - 1 && below + mass[first] <= cut)
        {
            below += mass[first];
            first++;
        }

        var last = mass.Length - 1;
        var above = 0.0;
        while (last > first && above + mass[last] <= cut)
        {
            above += mass[last];
            last--;
        }

        if (first == last)
        {
            return new(origin + (first * step), 0, [total]);
        }

        var kept = last - first + 1;
        var trimmed = mass.Slice(first, kept);
        trimmed[0] += below;
        trimmed[^1] += above;
        var start = origin + (first * step);
        if (kept <= grid.Cells)
        {
            return new(start, step, owned is not null && kept == owned.Length ? owned : trimmed.ToArray());
        }

        var wider = (kept - 1) * step / (grid.Cells - 1);
        var coarse = new double[grid.Cells];
        AddRegridded(trimmed, start, step, 1, start, wider, coarse);
        return new(start, wider, coarse);
    }
}
