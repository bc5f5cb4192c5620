namespace Plumbline.Simulation.Statistics;

/// <summary>Quantiles of Student's t and of the standard normal distribution, for confidence intervals.</summary>
public static class StudentT
{
    /// <summary>
    /// The two-sided critical value t such that P(|T| &lt;= t) = <paramref name="confidence"/> for
    /// <paramref name="degreesOfFreedom"/> degrees of freedom: the multiplier of the standard error in a
    /// confidence interval for a mean. Hill's algorithm 396 (Comm. ACM 13(10), 1970), exact for 1 and 2
    /// degrees of freedom and within 1e-4 of the tables elsewhere.
    /// </summary>
    public static double TwoSidedCritical(double confidence, int degreesOfFreedom)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence must be between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        var p = 1 - confidence; // two-tailed probability
        double n = degreesOfFreedom;
        if (degreesOfFreedom == 1)
        {
            var angle = p * Math.PI / 2;
            return Math.Cos(angle) / Math.Sin(angle);
        }

        if (degreesOfFreedom == 2)
        {
            return Math.Sqrt((2 / (p * (2 - p))) - 2);
        }

        var a = 1 / (n - 0.5);
        var b = 48 / (a * a);
        var c = ((((20700 * a / b) - 98) * a) - 16) * a + 96.36;
        var d = ((((94.5 / (b + c)) - 3) / b) + 1) * Math.Sqrt(a * Math.PI / 2) * n;
        var x = d * p;
        var y = Math.Pow(x, 2 / n);
        if (y > 0.05 + a)
        {
            x = NormalQuantile(0.5 * p);
            y = x * x;
            if (degreesOfFreedom < 5)
            {
                c += 0.3 * (n - 4.5) * (x + 0.6);
            }

            var cubic = ((((0.05 * d * x) - 5) * x) - 7) * x - 2;
            c = (cubic * x) + b + c;
            var quartic = ((((0.4 * y) + 6.3) * y) + 36) * y + 94.5;
            y = ((((quartic / c) - y - 3) / b) + 1) * x;
            y = a * y * y;
            y = y > 0.002 ? Math.Exp(y) - 1 : (0.5 * y * y) + y;
        }
        else
        {
            var inner = ((n + 6) / (n * y)) - (0.089 * d) - 0.822;
            var term = (1 / (inner * (n + 2) * 3)) + (0.5 / (n + 4));
            y = (((term * y) - 1) * (n + 1) / (n + 2)) + (1 / y);
        }

        return Math.Sqrt(n * y);
    }

    /// <summary>
    /// The quantile of the standard normal distribution at <paramref name="p"/> in (0, 1): Acklam's rational
    /// approximation, relative error below 1.2e-9.
    /// </summary>
    public static double NormalQuantile(double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must be between 0 and 1.");
        }

        ReadOnlySpan<double> a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        ReadOnlySpan<double> b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        ReadOnlySpan<double> c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        ReadOnlySpan<double> d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double Low = 0.02425;
        if (p < Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                   ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }

        if (p > 1 - Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }

        var r = p - 0.5;
        var s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r /
               (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }
}
