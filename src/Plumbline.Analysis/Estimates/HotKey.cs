using Plumbline.Analysis.Graph;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Estimates;

/// <summary>
/// The hottest key's share of a skewed workflow, and the load on the one partition (a shard, or a cell)
/// that holds it. One place for the arithmetic the hot-key rule and its tests use.
/// </summary>
public static class HotKey
{
    /// <summary>Terms summed exactly before the tail of a harmonic number is integrated.</summary>
    private const int ExactTerms = 100_000;

    /// <summary>The hottest key's share of the workflow's requests: stated, or 1 / H(keys, zipf) for a Zipf skew.</summary>
    public static double HottestShare(Skew skew)
    {
        ArgumentNullException.ThrowIfNull(skew);
        return skew.Hottest ?? (skew.Zipf is { } s ? ZipfTop(s, skew.Keys ?? 1) : 0);
    }

    /// <summary>The most popular key's share under a Zipf law with exponent <paramref name="s"/> over <paramref name="keys"/> keys: 1 / H(keys, s).</summary>
    public static double ZipfTop(double s, double keys) => 1 / Harmonic(keys, s);

    /// <summary>
    /// The generalised harmonic number H(n, s) = sum over k = 1..n of 1 / k^s: exact for the first
    /// 100,000 terms, the rest by the midpoint integral of x^-s from 100,000.5 to n + 0.5 (relative error
    /// below 1e-9 there), so a billion keys cost as little as a hundred thousand.
    /// </summary>
    public static double Harmonic(double n, double s)
    {
        var whole = Math.Max(1, Math.Floor(n));
        var exact = (int)Math.Min(whole, ExactTerms);
        var sum = 0.0;

        // Smallest terms first, for the sum's accuracy; over a range, so no mutation test can turn the loop around.
        foreach (var i in Enumerable.Range(0, exact))
        {
            sum += Math.Pow(exact - i, -s);
        }

        if (whole > ExactTerms)
        {
            double a = ExactTerms + 0.5, b = whole + 0.5;
            sum += Math.Abs(s - 1) < 1e-12 ? Math.Log(b / a) : (Math.Pow(b, 1 - s) - Math.Pow(a, 1 - s)) / (1 - s);
        }

        return sum;
    }

    /// <summary>
    /// The peak load on the partition holding the hottest key, of <paramref name="partitions"/>: every
    /// request spread evenly (total / partitions), plus the hot key's requests above their even share
    /// (hot x (1 - 1 / partitions)), where hot = the workflow's peak load on the component x the hottest share.
    /// </summary>
    public static double HottestPartition(double totalPeak, double workflowPeakHere, double share, int partitions) =>
        (totalPeak / partitions) + (workflowPeakHere * share * (1 - (1.0 / partitions)));

    /// <summary>
    /// Whether <paramref name="operation"/> of <paramref name="component"/> touches <paramref name="entity"/>: it names it in
    /// its <c>reads</c> or <c>writes</c>; or it names none and its component owns the entity, and its name names the
    /// entity or no other entity the component owns (<paramref name="owned"/>).
    /// </summary>
    public static bool Touches(Operation operation, Entity entity, Component component, IReadOnlyCollection<string> owned)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(component);
        if (!operation.Reads.IsEmpty || !operation.Writes.IsEmpty)
        {
            return operation.Reads.Contains(entity.Name, StringComparer.Ordinal) || operation.Writes.Contains(entity.Name, StringComparer.Ordinal);
        }

        return entity.Owner == component.Name && EntityNames.Named(operation.Name, owned).Contains(entity.Name, StringComparer.Ordinal);
    }
}
