using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Plumbline.Analysis.Latency;

/// <summary>
/// Discrete convolution of two mass vectors: directly when one is short (cost na x nb), otherwise
/// by FFT (cost about M log M for M the next power of two above na + nb - 1), whichever is cheaper.
/// </summary>
/// <remarks>
/// The loops run over several points at once (<see cref="Vector{T}"/>): each lane does the same multiplications and
/// additions in the same order as one point at a time, so the results are the same to the last bit, only sooner.
/// </remarks>
internal static class Convolution
{
    /// <summary>
    /// c[k] = sum over i + j = k of a[i] b[j], written into <paramref name="c"/>, whose length is a + b - 1. Negative
    /// round-off from the FFT is cleared. The caller owns <paramref name="c"/> (a pooled buffer: no allocation per
    /// composition).
    /// </summary>
    public static void Convolve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c)
    {
        var length = a.Length + b.Length - 1;
        if (c.Length != length)
        {
            throw new ArgumentException("The result holds a + b - 1 points.", nameof(c));
        }

        var size = (int)BitOperations.RoundUpToPowerOf2((uint)length);
        var log = BitOperations.Log2((uint)size);

        // A complex FFT of size M costs about 5 M log M flops and we need two; direct costs 2 na nb.
        if ((long)a.Length * b.Length <= 5L * size * Math.Max(log, 1))
        {
            Direct(a, b, c);
        }
        else
        {
            ByFft(a, b, c, size);
        }
    }

    /// <summary>c[k] = sum over i + j = k of a[i] b[j]; length a + b - 1 (allocated).</summary>
    public static double[] Convolve(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var c = new double[a.Length + b.Length - 1];
        Convolve(a, b, c);
        return c;
    }

    private static void Direct(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c)
    {
        if (a.Length < b.Length)
        {
            var t = a;
            a = b;
            b = t;
        }

        c.Clear();
        var lanes = Vector<double>.Count;
        var whole = Vector.IsHardwareAccelerated ? a.Length - (a.Length % lanes) : 0;
        ref var source = ref MemoryMarshal.GetReference(a);
        for (var j = 0; j < b.Length; j++)
        {
            var w = b[j];
            if (w == 0)
            {
                continue;
            }

            var target = c.Slice(j, a.Length);
            ref var into = ref MemoryMarshal.GetReference(target);
            var weight = new Vector<double>(w);
            var i = 0;
            for (; i < whole; i += lanes)
            {
                var sum = Vector.LoadUnsafe(ref into, (nuint)i) + (Vector.LoadUnsafe(ref source, (nuint)i) * weight);
                sum.StoreUnsafe(ref into, (nuint)i);
            }

            for (; i < a.Length; i++)
            {
                target[i] += a[i] * w;
            }
        }
    }

    /// <summary>
    /// Both real inputs in one complex FFT (a in the real part, b in the imaginary part); the
    /// product of their transforms is (Z_k^2 - conj(Z_(M-k))^2) / 4i; one inverse FFT gives c.
    /// </summary>
    private static void ByFft(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int size)
    {
        var re = ArrayPool<double>.Shared.Rent(size);
        var im = ArrayPool<double>.Shared.Rent(size);
        try
        {
            var r = re.AsSpan(0, size);
            var m = im.AsSpan(0, size);
            r.Clear();
            m.Clear();
            a.CopyTo(r);
            b.CopyTo(m);
            Fft.Transform(r, m, inverse: false);
            for (var k = 0; k <= size / 2; k++)
            {
                var k2 = (size - k) & (size - 1);
                var (cr, ci) = Product(r[k], m[k], r[k2], -m[k2]);
                var (dr, di) = Product(r[k2], m[k2], r[k], -m[k]);
                r[k] = cr;
                m[k] = ci;
                r[k2] = dr;
                m[k2] = di;
            }

            Fft.Transform(r, m, inverse: true);
            var scale = 1.0 / size;
            for (var k = 0; k < c.Length; k++)
            {
                var v = r[k] * scale;
                c[k] = v > 0 ? v : 0;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(re);
            ArrayPool<double>.Shared.Return(im);
        }
    }

    /// <summary>(Z^2 - W^2) / 4i for Z = (zr, zi) and W = (wr, wi): the product of the two real transforms at one frequency.</summary>
    private static (double Re, double Im) Product(double zr, double zi, double wr, double wi)
    {
        var dr = (zr * zr) - (zi * zi) - ((wr * wr) - (wi * wi));
        var di = (2 * zr * zi) - (2 * wr * wi);
        return (di / 4, -dr / 4);
    }
}

/// <summary>
/// An in-place iterative radix-2 complex FFT. Per size it caches the bit-reversal permutation and a
/// twiddle table laid out by stage (stage of half-length h reads entries h..2h-1 in order), so the
/// inner loop reads memory sequentially and does no trigonometry.
/// </summary>
internal static class Fft
{
    private static readonly Plan?[] Plans = new Plan[31];

    /// <summary>
    /// Transforms (re, im) in place; the length is a power of two. Forward uses e^(-2 pi i jk / n);
    /// inverse uses e^(+2 pi i jk / n) and does not divide by n.
    /// </summary>
    public static void Transform(Span<double> re, Span<double> im, bool inverse)
    {
        var n = re.Length;
        if (n <= 1)
        {
            return;
        }

        var plan = PlanFor(n);
        var swaps = plan.Swaps;
        for (var s = 0; s < swaps.Length; s += 2)
        {
            var i = swaps[s];
            var j = swaps[s + 1];
            (re[i], re[j]) = (re[j], re[i]);
            (im[i], im[j]) = (im[j], im[i]);
        }

        ref var r = ref MemoryMarshal.GetReference(re);
        ref var m = ref MemoryMarshal.GetReference(im);
        for (var p = 0; p < n; p += 2)
        {
            var ar = Unsafe.Add(ref r, p);
            var ai = Unsafe.Add(ref m, p);
            var br = Unsafe.Add(ref r, p + 1);
            var bi = Unsafe.Add(ref m, p + 1);
            Unsafe.Add(ref r, p) = ar + br;
            Unsafe.Add(ref m, p) = ai + bi;
            Unsafe.Add(ref r, p + 1) = ar - br;
            Unsafe.Add(ref m, p + 1) = ai - bi;
        }

        ref var wr0 = ref MemoryMarshal.GetArrayDataReference(plan.Cos);
        ref var wi0 = ref MemoryMarshal.GetArrayDataReference(plan.Sin);
        var sign = inverse ? 1.0 : -1.0;
        var lanes = Vector.IsHardwareAccelerated ? Vector<double>.Count : int.MaxValue;
        var signs = new Vector<double>(sign);
        for (var half = 2; half < n; half <<= 1)
        {
            var len = half << 1;
            ref var wr = ref Unsafe.Add(ref wr0, half);
            ref var wi = ref Unsafe.Add(ref wi0, half);
            if (half >= lanes && half % lanes == 0)
            {
                // The same butterfly as below, a vector of points at a time (half is a power of two, so a whole number of vectors).
                for (var start = 0; start < n; start += len)
                {
                    ref var r1 = ref Unsafe.Add(ref r, start);
                    ref var m1 = ref Unsafe.Add(ref m, start);
                    ref var r2 = ref Unsafe.Add(ref r, start + half);
                    ref var m2 = ref Unsafe.Add(ref m, start + half);
                    for (var k = 0; k < half; k += lanes)
                    {
                        var at = (nuint)k;
                        var cr = Vector.LoadUnsafe(ref wr, at);
                        var ci = signs * Vector.LoadUnsafe(ref wi, at);
                        var qr = Vector.LoadUnsafe(ref r2, at);
                        var qi = Vector.LoadUnsafe(ref m2, at);
                        var xr = (qr * cr) - (qi * ci);
                        var xi = (qr * ci) + (qi * cr);
                        var pr = Vector.LoadUnsafe(ref r1, at);
                        var pi = Vector.LoadUnsafe(ref m1, at);
                        (pr - xr).StoreUnsafe(ref r2, at);
                        (pi - xi).StoreUnsafe(ref m2, at);
                        (pr + xr).StoreUnsafe(ref r1, at);
                        (pi + xi).StoreUnsafe(ref m1, at);
                    }
                }

                continue;
            }

            for (var start = 0; start < n; start += len)
            {
                ref var r1 = ref Unsafe.Add(ref r, start);
                ref var m1 = ref Unsafe.Add(ref m, start);
                ref var r2 = ref Unsafe.Add(ref r, start + half);
                ref var m2 = ref Unsafe.Add(ref m, start + half);
                for (var k = 0; k < half; k++)
                {
                    var cr = Unsafe.Add(ref wr, k);
                    var ci = sign * Unsafe.Add(ref wi, k);
                    var qr = Unsafe.Add(ref r2, k);
                    var qi = Unsafe.Add(ref m2, k);
                    var xr = (qr * cr) - (qi * ci);
                    var xi = (qr * ci) + (qi * cr);
                    var pr = Unsafe.Add(ref r1, k);
                    var pi = Unsafe.Add(ref m1, k);
                    Unsafe.Add(ref r2, k) = pr - xr;
                    Unsafe.Add(ref m2, k) = pi - xi;
                    Unsafe.Add(ref r1, k) = pr + xr;
                    Unsafe.Add(ref m1, k) = pi + xi;
                }
            }
        }
    }

    /// <summary>The plan for size n, built once; a race builds it twice, harmlessly.</summary>
    private static Plan PlanFor(int n)
    {
        var log = BitOperations.Log2((uint)n);
        var plan = Volatile.Read(ref Plans[log]);
        if (plan is null)
        {
            plan = Plan.Build(n);
            Volatile.Write(ref Plans[log], plan);
        }

        return plan;
    }

    /// <summary>
    /// The twiddle tables and bit-reversal swaps of one size. Built apart from the cache so tests can check a fresh one: a
    /// cached plan is built once per process, so a mutation test, which runs every mutant in one process, would otherwise
    /// never see a change to how it is built.
    /// </summary>
    internal sealed record Plan(double[] Cos, double[] Sin, int[] Swaps)
    {
        public static Plan Build(int n)
        {
            // Stage of half-length h uses e^(-i pi k / h), k below h, stored at h + k.
            var cos = new double[n];
            var sin = new double[n];
            for (var half = 1; half < n; half <<= 1)
            {
                for (var k = 0; k < half; k++)
                {
                    cos[half + k] = Math.Cos(Math.PI * k / half);
                    sin[half + k] = Math.Sin(Math.PI * k / half);
                }
            }

            var swaps = new List<int>();
            for (int i = 1, j = 0; i < n; i++)
            {
                var bit = n >> 1;
                for (; (j & bit) != 0; bit >>= 1)
                {
                    j ^= bit;
                }

                j ^= bit;
                if (i < j)
                {
                    swaps.Add(i);
                    swaps.Add(j);
                }
            }

            return new Plan(cos, sin, [.. swaps]);
        }
    }
}
