using Plumbline.Design.Model;

namespace Plumbline.Analysis.Availability;

/// <summary>Where a store's count of copies comes from.</summary>
public enum CopiesBasis
{
    /// <summary><c>replication.copies</c> as stated.</summary>
    Stated,

    /// <summary>An object store with no replicas keeps one copy in each of its zones (assumed).</summary>
    OnePerZone,

    /// <summary>1 + replicas / instances: each primary and its share of the replicas.</summary>
    Replicas,
}

/// <summary>
/// How many copies of each piece of data a store keeps: the one count the availability model (a store's units) and
/// the recovery analysis (RPO, RTO, durability) both use.
/// </summary>
public static class StoreCopies
{
    /// <summary>Copies of each shard of <paramref name="component"/>, and where the count comes from.</summary>
    public static (int Copies, CopiesBasis Basis) Of(Component component)
    {
        ArgumentNullException.ThrowIfNull(component);
        if (component.Replication?.Copies is { } stated)
        {
            return (Math.Max(1, stated), CopiesBasis.Stated);
        }

        if (component.Kind == ComponentKind.ObjectStore && component.Replicas == 0 && component.Zones.Length > 1)
        {
            return (component.Zones.Length, CopiesBasis.OnePerZone);
        }

        return (1 + (component.Replicas / Math.Max(1, component.Instances)), CopiesBasis.Replicas);
    }
}
