using System.Globalization;

namespace Plumbline.Simulation.Statistics;

/// <summary>
/// A confidence interval for a mean: <see cref="Mean"/> ± <see cref="HalfWidth"/> at <see cref="Confidence"/>.
/// Built from independent observations (replications with different seeds, or batch means), each itself an
/// estimate of the quantity, with Student's t for the small counts replications give.
/// </summary>
public readonly record struct ConfidenceInterval(double Mean, double HalfWidth, double Confidence, int Count)
{
    public double Lower => Mean - HalfWidth;

    public double Upper => Mean + HalfWidth;

    /// <summary>True when <paramref name="value"/> lies in the interval (ends included).</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>The interval for the mean of <paramref name="observations"/> (two or more).</summary>
    public static ConfidenceInterval ForMean(IReadOnlyList<double> observations, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var n = observations.Count;
        if (n < 2)
        {
            throw new ArgumentException("A confidence interval needs two observations or more.", nameof(observations));
        }

        // Welford's update: stable for observations far from zero.
        double mean = 0, m2 = 0;
        for (var i = 0; i < n; i++)
        {
            var x = observations[i];
            var delta = x - mean;
            mean += delta / (i + 1);
            m2 += delta * (x - mean);
        }

        var standardError = Math.Sqrt(m2 / (n - 1) / n);
        return new ConfidenceInterval(mean, StudentT.TwoSidedCritical(confidence, n - 1) * standardError, confidence, n);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Mean:G6} ± {HalfWidth:G3} ({Confidence:P0}, n={Count})");
}
