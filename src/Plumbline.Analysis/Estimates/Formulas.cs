namespace Plumbline.Analysis.Estimates;

/// <summary>
/// The whiteboard formulas behind the estimates, as pure functions so each can be tested against
/// a hand-computed value.
/// </summary>
public static class Formulas
{
    /// <summary>
    /// Instances needed so that peak load runs at the target utilisation; at least 1. A whole number held as a
    /// double, so it cannot wrap: a load no int could count gives its true size (4.3e12), and a load past any
    /// number gives infinity, which reports print as such.
    /// </summary>
    public static double InstancesNeeded(double peakLoad, double capacityPerInstance, double targetUtilisation)
    {
        if (capacityPerInstance <= 0 || targetUtilisation <= 0)
        {
            return 0;
        }

        return Math.Max(1, Math.Ceiling((peakLoad / (capacityPerInstance * targetUtilisation)) - 1e-9));
    }

    /// <summary>
    /// Months until load growing by <paramref name="monthlyGrowthFactor"/> each month takes
    /// utilisation from <paramref name="utilisation"/> to 100%: ln(1/U) / ln(g). Zero when already
    /// at or over capacity; null when nothing grows.
    /// </summary>
    public static double? HeadroomMonths(double utilisation, double monthlyGrowthFactor)
    {
        if (utilisation >= 1)
        {
            return 0;
        }

        if (monthlyGrowthFactor <= 1 || utilisation <= 0)
        {
            return null;
        }

        return Math.Log(1 / utilisation) / Math.Log(monthlyGrowthFactor);
    }

    /// <summary>
    /// Records kept at a horizon of <paramref name="horizonMonths"/> when <paramref name="perMonth"/>
    /// new records arrive now, the rate grows by <paramref name="monthlyGrowthFactor"/> a month, and
    /// records older than <paramref name="retentionMonths"/> are deleted: the integral of r g^t over
    /// the retained window [max(0, H - R), H].
    /// </summary>
    public static double RecordsAt(double horizonMonths, double perMonth, double retentionMonths, double monthlyGrowthFactor)
    {
        var from = Math.Max(0, horizonMonths - retentionMonths);
        if (Math.Abs(monthlyGrowthFactor - 1) < 1e-12)
        {
            return perMonth * (horizonMonths - from);
        }

        // r g^from (g^(H - from) - 1) / ln g: the same integral, written so that a growth too fast for a double gives
        // infinity (which reports print as such) rather than infinity minus infinity, which is not a number.
        if (perMonth == 0)
        {
            return 0;
        }

        var ln = Math.Log(monthlyGrowthFactor);
        return perMonth * Math.Pow(monthlyGrowthFactor, from) * (Math.Pow(monthlyGrowthFactor, horizonMonths - from) - 1) / ln;
    }

    /// <summary>Nodes needed to hold <paramref name="bytes"/> at <paramref name="bytesPerNode"/> each; at least 1. A whole number held as a double, so it cannot wrap.</summary>
    public static double ShardsForStorage(double bytes, double bytesPerNode) =>
        bytesPerNode <= 0 ? 0 : Math.Max(1, Math.Ceiling((bytes / bytesPerNode) - 1e-9));

    /// <summary>Copies of the data: each primary and its share of the replicas.</summary>
    public static double ReplicationFactor(int instances, int replicas) =>
        1 + (replicas / (double)Math.Max(instances, 1));
}
