using System.Runtime.CompilerServices;

namespace Plumbline.Simulation.Randomness;

/// <summary>The shapes a <see cref="Sampler"/> draws from.</summary>
public enum SamplerKind
{
    /// <summary>Always the same value.</summary>
    Constant,

    /// <summary>Exponential with the given mean (memoryless: Poisson arrivals, M/M/c service).</summary>
    Exponential,

    /// <summary>Uniform between a minimum and a maximum.</summary>
    Uniform,

    /// <summary>Log-normal: the logarithm is normal with the given mean and standard deviation.</summary>
    LogNormal,
}

/// <summary>
/// Draws non-negative values (durations in seconds, or gaps between arrivals) from a distribution, using
/// a caller's generator. A small value type, so a model keeps one per operation at no cost per draw.
/// It only samples: fitting a distribution to a design's stated latencies belongs to the analysis.
/// </summary>
public readonly record struct Sampler
{
    private Sampler(SamplerKind kind, double a, double b)
    {
        Kind = kind;
        A = a;
        B = b;
    }

    public SamplerKind Kind { get; }

    /// <summary>Constant: the value. Exponential: the mean. Uniform: the minimum. Log-normal: mu.</summary>
    public double A { get; }

    /// <summary>Uniform: the maximum. Log-normal: sigma. Otherwise 0.</summary>
    public double B { get; }

    /// <summary>Always <paramref name="value"/> (zero or more).</summary>
    public static Sampler Constant(double value)
    {
        RequireFinite(value, nameof(value), allowZero: true);
        return new(SamplerKind.Constant, value, 0);
    }

    /// <summary>Exponential with mean <paramref name="mean"/> (more than zero), rate 1/mean.</summary>
    public static Sampler Exponential(double mean)
    {
        RequireFinite(mean, nameof(mean), allowZero: false);
        return new(SamplerKind.Exponential, mean, 0);
    }

    /// <summary>Uniform on [<paramref name="min"/>, <paramref name="max"/>), 0 &lt;= min &lt;= max.</summary>
    public static Sampler Uniform(double min, double max)
    {
        RequireFinite(min, nameof(min), allowZero: true);
        RequireFinite(max, nameof(max), allowZero: true);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(min, max);
        return new(SamplerKind.Uniform, min, max);
    }

    /// <summary>exp(N(<paramref name="mu"/>, <paramref name="sigma"/>²)); sigma zero or more.</summary>
    public static Sampler LogNormal(double mu, double sigma)
    {
        if (!double.IsFinite(mu))
        {
            throw new ArgumentOutOfRangeException(nameof(mu), mu, "mu must be a finite number.");
        }

        RequireFinite(sigma, nameof(sigma), allowZero: true);
        return new(SamplerKind.LogNormal, mu, sigma);
    }

    /// <summary>The distribution's mean.</summary>
    public double Mean => Kind switch
    {
        SamplerKind.Constant => A,
        SamplerKind.Exponential => A,
        SamplerKind.Uniform => (A + B) / 2,
        _ => Math.Exp(A + (B * B / 2)),
    };

    /// <summary>One draw.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sample(Xoshiro256StarStar rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return Kind switch
        {
            SamplerKind.Exponential => -Math.Log(rng.NextDoubleNonZero()) * A,
            SamplerKind.Constant => A,
            SamplerKind.Uniform => A + ((B - A) * rng.NextDouble()),
            _ => Math.Exp(A + (B * StandardNormal(rng))),
        };
    }

    /// <summary>One draw of N(0, 1) by the Box-Muller transform (one of the pair; the other is dropped).</summary>
    public static double StandardNormal(Xoshiro256StarStar rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var u = rng.NextDoubleNonZero();
        var v = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    private static void RequireFinite(double value, string name, bool allowZero)
    {
        if (!double.IsFinite(value) || value < 0 || (!allowZero && value == 0))
        {
            throw new ArgumentOutOfRangeException(name, value, allowZero ? "Must be a finite number, zero or more." : "Must be a finite number more than zero.");
        }
    }
}
