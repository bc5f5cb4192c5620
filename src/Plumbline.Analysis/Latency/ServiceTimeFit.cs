using System.Collections.Immutable;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Latency;

/// <summary>
/// A service time fitted to what a design states, and how: the stated figures it passes through,
/// whether its shape was assumed, and any stated figure it could not honour.
/// </summary>
/// <param name="Time">The distribution, in seconds.</param>
/// <param name="Describe">Writes <see cref="Description"/>, when it is first read: a design of thousands of operations prints few.</param>
/// <param name="ShapeAssumed">True when the design states too little to fix the shape (one figure, or none).</param>
/// <param name="Stated">False when the design states no latency at all (the time is then 0).</param>
/// <param name="Ignored">Stated figures not used, each with the reason.</param>
public sealed record FittedServiceTime(ServiceTime Time, Func<string> Describe, bool ShapeAssumed, bool Stated, ImmutableArray<string> Ignored)
{
    private string? _description;

    /// <summary>"log-normal through p50 10ms and p99 60ms".</summary>
    public string Description => _description ??= Describe();
}

/// <summary>
/// Fits a <see cref="ServiceTime"/> to an operation's stated latency. The rules, in order:
/// <list type="number">
/// <item>two or more percentiles (p50, p90, p99, p999): a log-normal through all of them (spliced
/// between neighbours when more than two), so every stated percentile holds exactly; a stated mean
/// is then not used;</item>
/// <item>one percentile and the mean: the log-normal with both (for the median: sigma =
/// sqrt(2 ln(mean / p50))), when one exists;</item>
/// <item>one figure alone: an exponential through it (shape assumed);</item>
/// <item>nothing: zero (the operation's own time is unknown and left out).</item>
/// </list>
/// Percentiles that do not increase with their level cannot belong to one distribution: the first
/// of each such pair is kept and the other is ignored, with the reason.
/// </summary>
public static class ServiceTimeFit
{
    /// <summary>Fits the profile; null or empty gives zero, marked not stated.</summary>
    public static FittedServiceTime Fit(LatencyProfile? profile)
    {
        var levels = new List<(double P, double Seconds, string Name)>(4);
        var ignored = ImmutableArray.CreateBuilder<string>();
        if (profile is not null)
        {
            Add(levels, ignored, 0.5, profile.P50, "p50");
            Add(levels, ignored, 0.9, profile.P90, "p90");
            Add(levels, ignored, 0.99, profile.P99, "p99");
            Add(levels, ignored, 0.999, profile.P999, "p999");
        }

        var mean = profile?.Mean?.Seconds;
        if (levels.Count >= 2)
        {
            if (mean is not null)
            {
                ignored.Add("mean: the percentiles fix the shape");
            }

            var ps = levels.Select(l => l.P).ToArray();
            var xs = levels.Select(l => l.Seconds).ToArray();
            return new(ServiceTime.LogNormalThrough(ps, xs), () =>
                (levels.Count == 2 ? "log-normal through " : "log-normal spliced through ")
                + string.Join(", ", levels.Take(levels.Count - 1).Select(Show)) + " and " + Show(levels[^1]), false, true, ignored.ToImmutable());
        }

        if (levels.Count == 1 && mean is { } m && m > 0)
        {
            var (p, x, name) = levels[0];
            if (LogNormalFromPercentileAndMean(p, x, m) is { } fitted)
            {
                return new(fitted, () => $"log-normal with {name} {Format(x)} and mean {Format(m)}", false, true, ignored.ToImmutable());
            }

            ignored.Add($"mean {Format(m)}: no log-normal has it with {name} {Format(x)}");
        }

        if (levels.Count == 1)
        {
            var (p, x, name) = levels[0];
            var meanOfExponential = x / -Math.Log(1 - p);
            return new(ServiceTime.Exponential(meanOfExponential), () => $"exponential through {name} {Format(x)} (shape assumed)", true, true, ignored.ToImmutable());
        }

        if (mean is { } only && only > 0)
        {
            return new(ServiceTime.Exponential(only), () => $"exponential with mean {Format(only)} (shape assumed)", true, true, ignored.ToImmutable());
        }

        return new(ServiceTime.Constant(mean ?? 0), mean is null ? static () => "no latency stated (counted as 0)" : static () => "constant 0 (stated)", mean is null, mean is not null, ignored.ToImmutable());
    }

    /// <summary>
    /// The log-normal with P(X &lt;= x) = p and mean m, if one exists: m = x e^(sigma^2/2 - z sigma)
    /// gives sigma = z +- sqrt(z^2 + 2 ln(m / x)); the smallest positive root is taken.
    /// </summary>
    public static ServiceTime? LogNormalFromPercentileAndMean(double p, double seconds, double mean)
    {
        if (!(p > 0 && p < 1) || !(seconds > 0) || !(mean > 0))
        {
            return null;
        }

        var z = StandardNormal.Quantile(p);
        var discriminant = (z * z) + (2 * Math.Log(mean / seconds));
        if (discriminant < 0)
        {
            return null;
        }

        var root = Math.Sqrt(discriminant);
        var sigma = z - root > 1e-12 ? z - root : z + root;
        if (!(sigma > 1e-12) || !double.IsFinite(sigma))
        {
            return null;
        }

        return ServiceTime.LogNormal(Math.Log(seconds) - (sigma * z), sigma);
    }

    private static void Add(List<(double P, double Seconds, string Name)> levels, ImmutableArray<string>.Builder ignored, double p, Design.Units.Duration? value, string name)
    {
        if (value is not { } d)
        {
            return;
        }

        var seconds = d.Seconds;
        if (!(seconds > 0))
        {
            ignored.Add($"{name} {Format(seconds)}: a percentile of zero fits no distribution here");
            return;
        }

        if (levels.Count > 0 && seconds <= levels[^1].Seconds)
        {
            ignored.Add($"{name} {Format(seconds)}: not above {levels[^1].Name} {Format(levels[^1].Seconds)}");
            return;
        }

        levels.Add((p, seconds, name));
    }

    private static string Show((double P, double Seconds, string Name) level) => $"{level.Name} {Format(level.Seconds)}";

    private static string Format(double seconds) => Quantities.Duration(seconds);
}
