using System.Runtime.CompilerServices;
using Plumbline.Analysis.Latency;

namespace Plumbline.Simulation.Randomness;

/// <summary>
/// The xoshiro256** generator (Blackman and Vigna, 2018): 256 bits of state, period 2^256 - 1, fast and of
/// high statistical quality. Seeded from one 64-bit number through SplitMix64, as its authors recommend.
/// <see cref="Jump"/> advances 2^128 steps, which gives independent streams from one seed.
/// Not for cryptography. Not thread-safe: one instance per stream. It is the uniform source the analysis's
/// <see cref="ServiceTime"/> samples from, so the simulator draws from the very distributions the estimate fits.
/// </summary>
public sealed class Xoshiro256StarStar : IUniformSource
{
    private const double DoubleUnit = 1.0 / (1UL << 53);

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>A generator whose state is four SplitMix64 outputs from <paramref name="seed"/>.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>A generator with the given raw state (not all zero), as in the reference implementation.</summary>
    public Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            throw new ArgumentException("The state of xoshiro256** must not be all zero.");
        }

        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>
    /// Stream <paramref name="stream"/> of <paramref name="seed"/>: the seeded generator jumped
    /// <paramref name="stream"/> times, so streams never overlap within 2^128 draws each.
    /// </summary>
    public static Xoshiro256StarStar ForStream(ulong seed, int stream)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stream);
        var rng = new Xoshiro256StarStar(seed);
        // Over a range: a loop counter a mutant turned around would jump two billion times.
        foreach (var _ in Enumerable.Range(0, stream))
        {
            rng.Jump();
        }

        return rng;
    }

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1), in steps of 2^-53.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * DoubleUnit;

    /// <summary>Uniform on (0, 1], in steps of 2^-53: never zero, so its logarithm is finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDoubleNonZero() => ((NextUInt64() >> 11) + 1) * DoubleUnit;

    /// <summary>Uniform integer on [0, <paramref name="bound"/>), without modulo bias (Lemire's method).</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var range = (ulong)bound;
        var product = Math.BigMul(NextUInt64(), range, out var low);
        if (low < range)
        {
            var threshold = (0UL - range) % range;
            while (low < threshold)
            {
                product = Math.BigMul(NextUInt64(), range, out low);
            }
        }

        return (int)product;
    }

    /// <summary>Advances the state by 2^128 draws (the reference jump polynomial).</summary>
    public void Jump()
    {
        ReadOnlySpan<ulong> polynomial = [0x180ec6d33cfd0aba, 0xd5a61266f0c9392c, 0xa9582618e03fc9aa, 0x39abdc4529b1661c];
        ulong s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        foreach (var word in polynomial)
        {
            // The bit walks up and out of the word: no counter that could be turned around.
            for (var bit = 1UL; bit != 0; bit <<= 1)
            {
                if ((word & bit) != 0)
                {
                    s0 ^= _s0;
                    s1 ^= _s1;
                    s2 ^= _s2;
                    s3 ^= _s3;
                }

                NextUInt64();
            }
        }

        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    private static ulong SplitMix64(ref ulong x)
    {
        var z = x += 0x9e3779b97f4a7c15;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
        z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
        return z ^ (z >> 31);
    }
}
