using Plumbline.Design.Model;

namespace Plumbline.Analysis.Availability;

/// <summary>
/// The one place that counts a call's attempts, Polly's semantics: <c>retries.max</c> r means up
/// to r + 1 attempts. The estimate's expected load, the worst-case amplification (estimate and
/// review alike), timeout budgets and latency all count attempts here.
/// </summary>
public static class Attempts
{
    /// <summary>Attempts a call makes at most, when every attempt fails: 1 + retries.max (1 with no retries).</summary>
    public static int Max(RetryPolicy? retries) => 1 + (retries?.Max ?? 0);

    /// <summary>Attempts a call makes at most: 1 + retries.max.</summary>
    public static int Max(Call call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Max(call.Retries);
    }

    /// <summary>
    /// Expected attempts when each attempt fails independently with probability
    /// <paramref name="failure"/> (0..1) and up to retries.max retries follow: 1 + f + f^2 + ... + f^max.
    /// </summary>
    public static double Expected(RetryPolicy? retries, double failure)
    {
        var max = retries?.Max ?? 0;
        var total = 0.0;
        var term = 1.0;

        // Loops over ranges, not counters, in the figure code: a counter turned around (k-- for k++) by a mutation test
        // would run two billion times before it stopped; a range cannot be (docs/mutation.md).
        foreach (var _ in Enumerable.Range(0, Math.Max(0, max + 1)))
        {
            total += term;
            term *= failure;
        }

        return total;
    }
}
