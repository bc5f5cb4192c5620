namespace Plumbline.Analysis.Latency;

/// <summary>
/// The standard normal distribution's CDF and quantile to double precision, for fitting and
/// sampling log-normals. No allocation, no state.
/// </summary>
public static class StandardNormal
{
    private const double SqrtTwoPi = 2.506628274631;

    /// <summary>
    /// P(Z &lt;= x). Hart's rational approximation in the form West gives it ("Better approximations
    /// to cumulative normal functions", Wilmott, 2005): about 1e-15 absolute across the range, and the
    /// lower tail computed directly so small probabilities keep their relative precision.
    /// </summary>
    public static double Cdf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        var z = Math.Abs(x);
        double tail;
        if (z > 37)
        {
            tail = 0;
        }
        else
        {
            var e = Math.Exp(-z * z / 2);
            if (z < 7.07106781186547)
            {
                var n = (3.52624965998911e-02 * z) + 0.700383064443688;
                n = (n * z) + 6.37396220353165;
                n = (n * z) + 33.912866078383;
                n = (n * z) + 112.079291497871;
                n = (n * z) + 221.213596169931;
                n = (n * z) + 220.206867912376;
                var d = (8.83883476483184e-02 * z) + 1.75566716318264;
                d = (d * z) + 16.064177579207;
                d = (d * z) + 86.7807322029461;
                d = (d * z) + 296.564248779674;
                d = (d * z) + 637.333633378831;
                d = (d * z) + 793.826512519948;
                d = (d * z) + 440.413735824752;
                tail = e * n / d;
            }
            else
            {
                var b = z + 0.65;
                b = z + (4 / b);
                b = z + (3 / b);
                b = z + (2 / b);
                b = z + (1 / b);
                tail = e / (b * SqrtTwoPi);
            }
        }

        return x > 0 ? 1 - tail : tail;
    }

    /// <summary>
    /// The z with P(Z &lt;= z) = <paramref name="p"/>: Wichura's algorithm AS 241 (PPND16, Applied
    /// Statistics 37(3), 1988), about 1e-16 relative. Minus or plus infinity at 0 and 1.
    /// </summary>
    public static double Quantile(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            return double.NaN;
        }

        if (p == 0)
        {
            return double.NegativeInfinity;
        }

        if (p == 1)
        {
            return double.PositiveInfinity;
        }

        var q = p - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            var r = 0.180625 - (q * q);
            return q * Horner(r, 2509.0809287301226727, 33430.575583588128105, 67265.770927008700853, 45921.953931549871457,
                    13731.693765509461125, 1971.5909503065514427, 133.14166789178437745, 3.387132872796366608)
                / Horner(r, 5226.495278852854561, 28729.085735721942674, 39307.89580009271061, 21213.794301586595867,
                    5394.1960214247511077, 687.1870074920579083, 42.313330701600911252, 1);
        }

        var s = Math.Sqrt(-Math.Log(q < 0 ? p : 1 - p));
        double value;
        if (s <= 5)
        {
            s -= 1.6;
            value = Horner(s, 7.7454501427834140764e-4, 0.0227238449892691845833, 0.24178072517745061177, 1.27045825245236838258,
                    3.64784832476320460504, 5.7694972214606914055, 4.6303378461565452959, 1.42343711074968357734)
                / Horner(s, 1.05075007164441684324e-9, 5.475938084995344946e-4, 0.0151986665636164571966, 0.14810397642748007459,
                    0.68976733498510000455, 1.6763848301838038494, 2.05319162663775882187, 1);
        }
        else
        {
            s -= 5;
            value = Horner(s, 2.01033439929228813265e-7, 2.71155556874348757815e-5, 0.0012426609473880784386, 0.026532189526576123093,
                    0.29656057182850489123, 1.7848265399172913358, 5.4637849111641143699, 6.6579046435011037772)
                / Horner(s, 2.04426310338993978564e-15, 1.4215117583164458887e-7, 1.8463183175100546818e-5, 7.868691311456132591e-4,
                    0.0148753612908506148525, 0.13692988092273580531, 0.59983220655588793769, 1);
        }

        return q < 0 ? -value : value;
    }

    /// <summary>c7 x^7 + c6 x^6 + ... + c0, highest power first.</summary>
    private static double Horner(double x, double c7, double c6, double c5, double c4, double c3, double c2, double c1, double c0) =>
        (((((((((((((c7 * x) + c6) * x) + c5) * x) + c4) * x) + c3) * x) + c2) * x) + c1) * x) + c0;
}
