namespace Plumbline.Analysis.Recovery;

/// <summary>
/// Mean time to data loss (MTTDL) of data kept in <c>n</c> copies, each lost independently at rate
/// λ (1 / MTTF) and replaced one at a time at rate μ (1 / MTTR): the classic Markov model of replicated
/// storage (Patterson, Gibson and Katz's RAID analysis, generalised to n-way replication). Data is lost
/// when the last copy fails before a repair completes. Pure arithmetic in any consistent time unit.
/// </summary>
public static class DataLoss
{
    /// <summary>
    /// The classic approximation, good when repair is much faster than failure (μ ≫ λ):
    /// MTTDL ≈ μ^(n-1) / (n! λ^n) = MTTF^n / (n! MTTR^(n-1)). One copy: MTTF.
    /// </summary>
    public static double ApproximateMttdl(int copies, double failureRate, double repairRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(copies, 1);
        var result = 1 / failureRate;

        // Over a range, not a counter: a counter turned around (i--) would run for minutes, not fail.
        foreach (var i in Enumerable.Range(2, copies - 1))
        {
            // One more factor of μ / (i λ) per copy, multiplied in a way that does not overflow before it must.
            result *= repairRate / (i * failureRate);
        }

        return result;
    }

    /// <summary>
    /// The exact mean time to absorption of the same chain, for any n: states k = 0..n-1 copies lost,
    /// failure rate (n-k)λ out of state k, repair rate μ back from k &gt; 0. The time to first reach k + 1
    /// from k is τ_k = 1/((n-k)λ) + μ/((n-k)λ) τ_(k-1), τ_0 = 1/(nλ), and the MTTDL is their sum: every
    /// term positive, so it keeps its digits when μ ≫ λ. For n = 2 this is (3λ + μ) / (2λ²); for n = 3,
    /// (11λ² + 4λμ + μ²) / (6λ³).
    /// </summary>
    public static double ExactMttdl(int copies, double failureRate, double repairRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(copies, 1);
        var tau = 0.0;
        var total = 0.0;
        foreach (var k in Enumerable.Range(0, copies))
        {
            var fail = (copies - k) * failureRate;
            tau = (1 / fail) + (k == 0 ? 0 : repairRate / fail * tau);
            total += tau;
        }

        return total;
    }

    /// <summary>Chance of at least one loss within <paramref name="period"/> for losses at a mean interval: 1 - exp(-period / mttdl).</summary>
    public static double ChanceWithin(double period, double mttdl)
    {
        if (double.IsPositiveInfinity(mttdl))
        {
            return 0;
        }

        // 1 - exp(-x) loses every digit for the tiny x of well-replicated data; the series keeps them.
        var x = period / mttdl;
        return x < 1e-4 ? x - (x * x / 2) + (x * x * x / 6) : 1 - Math.Exp(-x);
    }
}
