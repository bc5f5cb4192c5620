using System.Globalization;
using System.Runtime.CompilerServices;

namespace Plumbline.Analysis.Latency;

/// <summary>The shapes a <see cref="ServiceTime"/> takes.</summary>
public enum ServiceTimeKind
{
    /// <summary>Always the same time.</summary>
    Constant,

    /// <summary>Exponential (memoryless): the M in M/M/c.</summary>
    Exponential,

    /// <summary>Uniform between a minimum and a maximum.</summary>
    Uniform,

    /// <summary>
    /// Log-normal: ln X is normal. Fitted to more than two stated percentiles, it is spliced: one
    /// log-normal between each pair of neighbouring percentiles, so every stated percentile holds.
    /// </summary>
    LogNormal,
}

/// <summary>
/// A service-time distribution in seconds: CDF, quantile, mean, and an allocation-free sampler by
/// inverse transform (so a simulator and the analysis draw from exactly the same distribution).
/// A small value type: keep one per operation.
/// </summary>
/// <remarks>
/// A log-normal has up to three pieces. Piece j is exp(N(mu_j, sigma_j^2)) and applies between
/// breakpoints; neighbouring pieces agree at their breakpoint (both pass through the stated
/// percentile there), so the CDF is continuous and increasing.
/// </remarks>
public readonly struct ServiceTime : IEquatable<ServiceTime>
{
    private readonly double _a;
    private readonly double _b;
    private readonly double _mu1;
    private readonly double _sigma1;
    private readonly double _mu2;
    private readonly double _sigma2;
    private readonly double _x0;
    private readonly double _x1;
    private readonly double _p0;
    private readonly double _p1;

    private ServiceTime(ServiceTimeKind kind, double a, double b)
    {
        Kind = kind;
        _a = a;
        _b = b;
        _x0 = _x1 = double.PositiveInfinity;
        _p0 = _p1 = 1;
    }

    private ServiceTime(double mu0, double sigma0, double mu1, double sigma1, double mu2, double sigma2, double x0, double x1, double p0, double p1)
    {
        Kind = ServiceTimeKind.LogNormal;
        _a = mu0;
        _b = sigma0;
        _mu1 = mu1;
        _sigma1 = sigma1;
        _mu2 = mu2;
        _sigma2 = sigma2;
        _x0 = x0;
        _x1 = x1;
        _p0 = p0;
        _p1 = p1;
    }

    public ServiceTimeKind Kind { get; }

    /// <summary>Pieces of a log-normal (1 to 3); 1 for the other kinds.</summary>
    public int Pieces => Kind != ServiceTimeKind.LogNormal || double.IsPositiveInfinity(_x0) ? 1 : double.IsPositiveInfinity(_x1) ? 2 : 3;

    /// <summary>Always <paramref name="seconds"/> (zero or more).</summary>
    public static ServiceTime Constant(double seconds)
    {
        RequireNonNegative(seconds, nameof(seconds));
        return new(ServiceTimeKind.Constant, seconds, 0);
    }

    /// <summary>Exponential with mean <paramref name="mean"/> seconds (more than zero): rate 1/mean.</summary>
    public static ServiceTime Exponential(double mean)
    {
        RequirePositive(mean, nameof(mean));
        return new(ServiceTimeKind.Exponential, mean, 0);
    }

    /// <summary>Uniform on [<paramref name="min"/>, <paramref name="max"/>], 0 &lt;= min &lt; max.</summary>
    public static ServiceTime Uniform(double min, double max)
    {
        RequireNonNegative(min, nameof(min));
        RequirePositive(max, nameof(max));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(min, max);
        return new(ServiceTimeKind.Uniform, min, max);
    }

    /// <summary>exp(N(<paramref name="mu"/>, <paramref name="sigma"/>^2)), sigma more than zero; the median is e^mu seconds.</summary>
    public static ServiceTime LogNormal(double mu, double sigma)
    {
        if (!double.IsFinite(mu))
        {
            throw new ArgumentOutOfRangeException(nameof(mu), mu, "mu must be finite.");
        }

        RequirePositive(sigma, nameof(sigma));
        return new(mu, sigma, 0, 0, 0, 0, double.PositiveInfinity, double.PositiveInfinity, 1, 1);
    }

    /// <summary>
    /// The log-normal through two percentiles: P(X &lt;= <paramref name="x1"/>) = <paramref name="p1"/> and
    /// P(X &lt;= <paramref name="x2"/>) = <paramref name="p2"/>, with 0 &lt; p1 &lt; p2 &lt; 1 and 0 &lt; x1 &lt; x2.
    /// sigma = (ln x2 - ln x1) / (z2 - z1), mu = ln x1 - sigma z1, where z is the standard normal quantile.
    /// </summary>
    public static ServiceTime LogNormalThrough(double p1, double x1, double p2, double x2)
    {
        var (mu, sigma) = Piece(p1, x1, p2, x2);
        return LogNormal(mu, sigma);
    }

    /// <summary>
    /// The log-normal with median <paramref name="median"/> and mean <paramref name="mean"/> (mean &gt; median):
    /// mu = ln median, sigma = sqrt(2 ln(mean / median)), since the mean is e^(mu + sigma^2 / 2).
    /// </summary>
    public static ServiceTime LogNormalFromMedianAndMean(double median, double mean)
    {
        RequirePositive(median, nameof(median));
        RequirePositive(mean, nameof(mean));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(mean, median);
        return LogNormal(Math.Log(median), Math.Sqrt(2 * Math.Log(mean / median)));
    }

    /// <summary>
    /// A log-normal that passes through every given percentile (2 to 4 of them, probabilities and
    /// times both strictly increasing): one piece between each neighbouring pair, the first piece
    /// extended below the first percentile and the last above the last.
    /// </summary>
    public static ServiceTime LogNormalThrough(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> seconds)
    {
        if (probabilities.Length != seconds.Length || probabilities.Length is < 2 or > 4)
        {
            throw new ArgumentException("Give 2 to 4 percentiles, each with its time.", nameof(probabilities));
        }

        var (mu0, s0) = Piece(probabilities[0], seconds[0], probabilities[1], seconds[1]);
        if (probabilities.Length == 2)
        {
            return LogNormal(mu0, s0);
        }

        var (mu1, s1) = Piece(probabilities[1], seconds[1], probabilities[2], seconds[2]);
        if (probabilities.Length == 3)
        {
            return new(mu0, s0, mu1, s1, 0, 0, seconds[1], double.PositiveInfinity, probabilities[1], 1);
        }

        var (mu2, s2) = Piece(probabilities[2], seconds[2], probabilities[3], seconds[3]);
        return new(mu0, s0, mu1, s1, mu2, s2, seconds[1], seconds[2], probabilities[1], probabilities[2]);
    }

    /// <summary>P(X &lt;= <paramref name="seconds"/>).</summary>
    public double Cdf(double seconds)
    {
        switch (Kind)
        {
            case ServiceTimeKind.Constant:
                return seconds >= _a ? 1 : 0;
            case ServiceTimeKind.Exponential:
                return seconds <= 0 ? 0 : -double.ExpM1(-seconds / _a);
            case ServiceTimeKind.Uniform:
                return seconds <= _a ? 0 : seconds >= _b ? 1 : (seconds - _a) / (_b - _a);
            default:
                if (seconds <= 0)
                {
                    return 0;
                }

                var (mu, sigma) = PieceAt(seconds);
                return StandardNormal.Cdf((Math.Log(seconds) - mu) / sigma);
        }
    }

    /// <summary>P(X &gt; <paramref name="seconds"/>), computed directly so far tails keep their precision.</summary>
    public double Survival(double seconds)
    {
        switch (Kind)
        {
            case ServiceTimeKind.Exponential:
                return seconds <= 0 ? 1 : Math.Exp(-seconds / _a);
            case ServiceTimeKind.LogNormal:
                if (seconds <= 0)
                {
                    return 1;
                }

                var (mu, sigma) = PieceAt(seconds);
                return StandardNormal.Cdf(-(Math.Log(seconds) - mu) / sigma);
            default:
                return 1 - Cdf(seconds);
        }
    }

    /// <summary>The time below which a share <paramref name="p"/> (0..1) of draws fall.</summary>
    public double Quantile(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability is between 0 and 1.");
        }

        return Kind switch
        {
            ServiceTimeKind.Constant => _a,
            ServiceTimeKind.Exponential => p >= 1 ? double.PositiveInfinity : -_a * Math.Log(1 - p),
            ServiceTimeKind.Uniform => _a + ((_b - _a) * p),
            _ => LogNormalQuantile(p),
        };
    }

    /// <summary>The mean in seconds.</summary>
    public double Mean => Kind switch
    {
        ServiceTimeKind.Constant => _a,
        ServiceTimeKind.Exponential => _a,
        ServiceTimeKind.Uniform => (_a + _b) / 2,
        _ => LogNormalMean(),
    };

    /// <summary>
    /// One draw by inverse transform from a uniform <paramref name="u"/> on [0, 1): the same u always
    /// gives the same time, and a larger u a longer one. No allocation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sample(double u) => Kind switch
    {
        ServiceTimeKind.Constant => _a,
        ServiceTimeKind.Exponential => -_a * Math.Log(1 - u),
        ServiceTimeKind.Uniform => _a + ((_b - _a) * u),
        _ => LogNormalQuantile(u),
    };

    /// <summary>One draw from a seeded source; generic so a struct source is neither boxed nor called virtually.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sample<TRandom>(ref TRandom random)
        where TRandom : IUniformSource
        => Sample(random.NextDouble());

    /// <summary>"log-normal mu -4.6 sigma 0.77", for explanations and test failures.</summary>
    public override string ToString() => Kind switch
    {
        ServiceTimeKind.Constant => Invariant($"constant {_a:G6}s"),
        ServiceTimeKind.Exponential => Invariant($"exponential mean {_a:G6}s"),
        ServiceTimeKind.Uniform => Invariant($"uniform {_a:G6}s..{_b:G6}s"),
        _ => Pieces == 1 ? Invariant($"log-normal mu {_a:G6} sigma {_b:G6}") : Invariant($"log-normal in {Pieces} pieces"),
    };

    public bool Equals(ServiceTime other) =>
        Kind == other.Kind && _a.Equals(other._a) && _b.Equals(other._b) && _mu1.Equals(other._mu1) && _sigma1.Equals(other._sigma1)
        && _mu2.Equals(other._mu2) && _sigma2.Equals(other._sigma2) && _x0.Equals(other._x0) && _x1.Equals(other._x1);

    public override bool Equals(object? obj) => obj is ServiceTime other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, _a, _b, _mu1, _sigma1, _x0, _x1);

    public static bool operator ==(ServiceTime left, ServiceTime right) => left.Equals(right);

    public static bool operator !=(ServiceTime left, ServiceTime right) => !left.Equals(right);

    private static (double Mu, double Sigma) Piece(double p1, double x1, double p2, double x2)
    {
        if (!(p1 > 0 && p1 < p2 && p2 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p1), "Percentiles must satisfy 0 < p1 < p2 < 1.");
        }

        RequirePositive(x1, nameof(x1));
        RequirePositive(x2, nameof(x2));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(x2, x1);
        var z1 = StandardNormal.Quantile(p1);
        var z2 = StandardNormal.Quantile(p2);
        var sigma = (Math.Log(x2) - Math.Log(x1)) / (z2 - z1);
        return (Math.Log(x1) - (sigma * z1), sigma);
    }

    private (double Mu, double Sigma) PieceAt(double seconds) =>
        seconds <= _x0 ? (_a, _b) : seconds <= _x1 ? (_mu1, _sigma1) : (_mu2, _sigma2);

    private double LogNormalQuantile(double p)
    {
        var (mu, sigma) = p <= _p0 ? (_a, _b) : p <= _p1 ? (_mu1, _sigma1) : (_mu2, _sigma2);
        return Math.Exp(mu + (sigma * StandardNormal.Quantile(p)));
    }

    /// <summary>
    /// Sum over pieces of the partial expectation E[X; lo &lt; X &lt;= hi] of that piece's log-normal:
    /// e^(mu + sigma^2/2) (Phi((ln hi - mu)/sigma - sigma) - Phi((ln lo - mu)/sigma - sigma)).
    /// </summary>
    private double LogNormalMean() =>
        Partial(_a, _b, 0, _x0) + (Pieces > 1 ? Partial(_mu1, _sigma1, _x0, _x1) : 0) + (Pieces > 2 ? Partial(_mu2, _sigma2, _x1, double.PositiveInfinity) : 0);

    private static double Partial(double mu, double sigma, double lo, double hi)
    {
        var upper = double.IsPositiveInfinity(hi) ? 1 : StandardNormal.Cdf(((Math.Log(hi) - mu) / sigma) - sigma);
        var lower = lo <= 0 ? 0 : StandardNormal.Cdf(((Math.Log(lo) - mu) / sigma) - sigma);
        return Math.Exp(mu + (sigma * sigma / 2)) * (upper - lower);
    }

    private static void RequireNonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a finite number, zero or more.");
        }
    }

    private static void RequirePositive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a finite number more than zero.");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
