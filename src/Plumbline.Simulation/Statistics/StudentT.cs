using Plumbline.Analysis.Latency;

namespace Plumbline.Simulation.Statistics;

/// <summary>Quantiles of Student's t, for confidence intervals (the normal quantile is the analysis's <see cref="StandardNormal"/>).</summary>
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
            x = StandardNormal.Quantile(0.5 * p);
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
}
