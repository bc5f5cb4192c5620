using Plumbline.Analysis.Latency;
using Xunit;

namespace Plumbline.Analysis.Tests.Latency;

/// <summary>
/// The convolution's loops run several points at once; each lane must do the same multiplications and additions in the
/// same order as one point at a time, so every figure stays the same to the last bit. Checked against the loops written
/// one point at a time.
/// </summary>
public sealed class ConvolutionTests
{
    [Theory]
    [InlineData(7, 5)]        // direct: 35 products against 5 x 16 x 4; 7 points are one vector of 4 and a scalar tail of 3
    [InlineData(3, 200)]      // direct, one side short, a length that is no whole number of vectors
    [InlineData(203, 3)]      // direct, the long side first: 203 = 50 vectors of 4 (25 of 8) and a scalar tail of 3
    [InlineData(80, 128)]     // direct at the threshold itself: 80 x 128 = 10,240 = 5 x 256 x 8 (an FFT would differ in the last bits)
    [InlineData(99, 118)]     // FFT of 256
    [InlineData(216, 256)]    // FFT of 512, the composition's common size
    [InlineData(4096, 4096)]  // FFT of 8,192, the full grid
    public void Vector_loops_give_the_one_point_at_a_time_results_bit_for_bit(int na, int nb)
    {
        var random = new Random(na * 10_007 + nb);
        var a = Masses(random, na);
        var b = Masses(random, nb);

        var got = Convolution.Convolve(a, b);
        var expected = OnePointAtATime(a, b);

        Assert.Equal(expected.Length, got.Length);
        for (var k = 0; k < got.Length; k++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[k]), BitConverter.DoubleToInt64Bits(got[k]));
        }
    }

    [Fact]
    public void The_sum_of_two_masses_is_their_convolution()
    {
        // (0.5, 0.5) * (0.25, 0.75) = (0.125, 0.5, 0.375), by hand.
        Assert.Equal([0.125, 0.5, 0.375], Convolution.Convolve([0.5, 0.5], [0.25, 0.75]));

        // One point on each side: the product alone.
        Assert.Equal([0.3], Convolution.Convolve([0.5], [0.6]));

        // The result holds a + b - 1 points and no other length.
        Assert.Throws<ArgumentException>(() => Convolution.Convolve([0.5, 0.5], [0.25, 0.75], new double[4]));
        Assert.Throws<ArgumentException>(() => Convolution.Convolve([0.5, 0.5], [0.25, 0.75], new double[2]));
    }

    [Fact]
    public void An_fft_of_two_masses_is_their_convolution_by_hand()
    {
        // 30 points of 1/30 each, twice: 30 x 30 = 900 products against 5 x 64 x 6 = 1,920, direct. 60 and 60: 3,600 against
        // 5 x 128 x 7 = 4,480, still direct. 100 and 100: 10,000 against 5 x 256 x 8 = 10,240, direct; 120 and 120: 14,400,
        // an FFT of 256. Point k of the sum of two runs of n equal masses 1/n is (min(k, 2n - 2 - k) + 1) / n^2: k = 0 is
        // 1/14,400, k = 119 is 120/14,400, k = 238 is 1/14,400. Within 1e-15 of that, the FFT's round-off; nothing negative.
        var a = Enumerable.Repeat(1.0 / 120, 120).ToArray();
        var c = Convolution.Convolve(a, a);
        Assert.Equal(239, c.Length);
        Assert.Equal(1.0 / 14_400, c[0], 1e-15);
        Assert.Equal(120.0 / 14_400, c[119], 1e-15);
        Assert.Equal(60.0 / 14_400, c[59], 1e-15);
        Assert.Equal(1.0 / 14_400, c[238], 1e-15);
        Assert.All(c, v => Assert.True(v >= 0));
    }

    private static double[] Masses(Random random, int n)
    {
        var mass = new double[n];
        for (var i = 0; i < n; i++)
        {
            mass[i] = i % 17 == 3 ? 0 : random.NextDouble() / n;
        }

        return mass;
    }

    /// <summary>The convolution as it was written before its loops were vectorised: the same choice of method, one point at a time.</summary>
    private static double[] OnePointAtATime(double[] a, double[] b)
    {
        var length = a.Length + b.Length - 1;
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)length);
        var log = System.Numerics.BitOperations.Log2((uint)size);
        var c = new double[length];
        if ((long)a.Length * b.Length <= 5L * size * Math.Max(log, 1))
        {
            var (x, y) = a.Length < b.Length ? (b, a) : (a, b);
            for (var j = 0; j < y.Length; j++)
            {
                if (y[j] != 0)
                {
                    for (var i = 0; i < x.Length; i++)
                    {
                        c[j + i] += x[i] * y[j];
                    }
                }
            }

            return c;
        }

        var r = new double[size];
        var m = new double[size];
        a.CopyTo(r, 0);
        b.CopyTo(m, 0);
        Transform(r, m, -1.0);
        for (var k = 0; k <= size / 2; k++)
        {
            var k2 = (size - k) & (size - 1);
            var (cr, ci) = Product(r[k], m[k], r[k2], -m[k2]);
            var (dr, di) = Product(r[k2], m[k2], r[k], -m[k]);
            (r[k], m[k], r[k2], m[k2]) = (cr, ci, dr, di);
        }

        Transform(r, m, 1.0);
        for (var k = 0; k < length; k++)
        {
            var v = r[k] * (1.0 / size);
            c[k] = v > 0 ? v : 0;
        }

        return c;
    }

    private static (double, double) Product(double zr, double zi, double wr, double wi)
    {
        var dr = (zr * zr) - (zi * zi) - ((wr * wr) - (wi * wi));
        var di = (2 * zr * zi) - (2 * wr * wi);
        return (di / 4, -dr / 4);
    }

    private static void Transform(double[] re, double[] im, double sign)
    {
        var n = re.Length;
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
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        for (var half = 1; half < n; half <<= 1)
        {
            for (var start = 0; start < n; start += 2 * half)
            {
                for (var k = 0; k < half; k++)
                {
                    var cr = Math.Cos(Math.PI * k / half);
                    var ci = sign * Math.Sin(Math.PI * k / half);
                    var qr = re[start + half + k];
                    var qi = im[start + half + k];
                    var xr = (qr * cr) - (qi * ci);
                    var xi = (qr * ci) + (qi * cr);
                    var pr = re[start + k];
                    var pi = im[start + k];
                    re[start + half + k] = pr - xr;
                    im[start + half + k] = pi - xi;
                    re[start + k] = pr + xr;
                    im[start + k] = pi + xi;
                }
            }
        }
    }

    [Fact]
    public void A_plan_of_eight_holds_its_twiddles_by_stage_and_the_bit_reversal_swaps()
    {
        // Stage of half-length h stores e^(-i pi k / h) for k below h at h + k: h = 1 at 1 (angle 0), h = 2 at 2 and 3 (0,
        // pi/2), h = 4 at 4 to 7 (0, pi/4, pi/2, 3pi/4). cos: 1; 1, 0; 1, 0.7071, 0, -0.7071. sin: 0; 0, 1; 0, 0.7071, 1,
        // 0.7071 (entry 0 is unused). Bit reversal of 3 bits: 1 = 001 <-> 100 = 4, 3 = 011 <-> 110 = 6; 2, 5 and 7 are their
        // own reversal.
        var plan = Fft.Plan.Build(8);
        var h = Math.Sqrt(0.5);
        double[] cos = [0, 1, 1, 0, 1, h, 0, -h];
        double[] sin = [0, 0, 0, 1, 0, h, 1, h];
        Assert.Equal(8, plan.Cos.Length);
        for (var k = 0; k < 8; k++)
        {
            Assert.Equal(cos[k], plan.Cos[k], 1e-15);
            Assert.Equal(sin[k], plan.Sin[k], 1e-15);
        }

        Assert.Equal([1, 4, 3, 6], plan.Swaps);

        // Sixteen: 4 bits, 1 <-> 8, 2 <-> 4, 3 <-> 12, 5 <-> 10, 7 <-> 14, 11 <-> 13, in the order i meets them.
        Assert.Equal([1, 8, 2, 4, 3, 12, 5, 10, 7, 14, 11, 13], Fft.Plan.Build(16).Swaps);
    }
}
