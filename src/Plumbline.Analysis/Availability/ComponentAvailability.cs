using System.Collections.Immutable;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Availability;

/// <summary>Where a component's availability comes from.</summary>
public enum AvailabilityBasis
{
    /// <summary>A client: outside the system, 100%.</summary>
    Client,

    /// <summary>Its provider's stated <c>sla</c>: one black box at that availability.</summary>
    Sla,

    /// <summary>An external system without an SLA: its stated availability, or the default assumed.</summary>
    External,

    /// <summary>Its instances (or a store's copies of a shard), placed in its zones and regions.</summary>
    Units,
}

/// <summary>
/// The availability of one component on its own: for <see cref="AvailabilityBasis.Units"/>, the
/// probability that at least the needed number of its units can serve, where a unit is up when it,
/// its zone and its zone's region are all up. For a service every instance can serve, so
/// <see cref="Parallel"/> is its instances (plus replicas when it declares itself stateful); for a
/// store (database, cache, queue, object store, search), <c>instances</c> are shards and a request
/// needs its own shard, so <see cref="Parallel"/> is the copies of one shard: 1 + replicas / instances.
/// </summary>
/// <param name="PerInstance">Availability of one unit (for an SLA or external, of the whole).</param>
/// <param name="PerInstanceIsDefault">True when the design states none and the default was assumed.</param>
/// <param name="Parallel">Units that can each serve a request.</param>
/// <param name="Zones">Distinct zones its units are in (0 when it lists none).</param>
/// <param name="Value">Its availability for reads (at the read quorum), 0..1.</param>
/// <param name="Arithmetic">The computation written out.</param>
public sealed record ComponentAvailability(
    string Component,
    AvailabilityBasis Basis,
    double PerInstance,
    bool PerInstanceIsDefault,
    int Parallel,
    int Zones,
    double Value,
    string Arithmetic)
{
    /// <summary>Its availability for writes (at the write quorum); equal to <see cref="Value"/> without a quorum.</summary>
    public double WriteValue { get; init; } = Value;

    /// <summary>The computation without its result: "api: any of 2 instances at 99.9% each".</summary>
    public string How
    {
        get
        {
            var end = Arithmetic.LastIndexOf(" = ", StringComparison.Ordinal);
            return end < 0 ? Arithmetic : Arithmetic[..end];
        }
    }

    /// <summary>What had to be assumed because the design does not say, in words.</summary>
    public ImmutableArray<string> Assumptions { get; init; } = [];
}

/// <summary>
/// A component's units and where they are placed, and the exact probability that enough of them are
/// up given the states of some failure domains (the rest integrated out).
/// </summary>
internal sealed class ComponentUnits
{
    private const int MaxRegionsEnumerated = 16;

    private readonly FailureDomains _domains;
    private readonly double _perUnit;
    private readonly int _zoneless;
    private readonly (int Zone, int Region, int Count)[] _groups;
    private readonly int[] _regions;
    private readonly bool _failover;

    public ComponentUnits(FailureDomains domains, Component component, double perUnit, int units, bool failover)
    {
        _domains = domains;
        _perUnit = perUnit;
        Units = units;
        _failover = failover;
        var zones = component.Zones;
        var counts = new Dictionary<int, int>();
        var order = new List<int>();
        foreach (var i in Enumerable.Range(0, units))
        {
            if (zones.IsEmpty)
            {
                _zoneless++;
                continue;
            }

            var zone = domains.ZoneIndex(zones[i % zones.Length]);
            if (counts.TryAdd(zone, 1))
            {
                order.Add(zone);
            }
            else
            {
                counts[zone]++;
            }
        }

        _groups = [.. order.Select(z => (z, domains.All[z].Region, counts[z]))];
        var regions = new List<int>();
        foreach (var zone in zones)
        {
            var region = domains.All[domains.ZoneIndex(zone)].Region;
            if (region >= 0 && !regions.Contains(region))
            {
                regions.Add(region);
            }
        }

        _regions = [.. regions];
        Domains = [.. _regions.Concat(_groups.Select(g => g.Zone)).Distinct().Order()];
    }

    /// <summary>Units that can each serve.</summary>
    public int Units { get; }

    /// <summary>Distinct zones its units occupy.</summary>
    public int ZoneCount => _groups.Length;

    /// <summary>The regions its zones are in, in the order first listed (a failover's order).</summary>
    public IReadOnlyList<int> Regions => _regions;

    /// <summary>Every failure domain it depends on (regions and the zones its units occupy), ascending.</summary>
    public ImmutableArray<int> Domains { get; }

    /// <summary>
    /// The probability that at least <paramref name="needed"/> units can serve, given the domains
    /// whose <paramref name="state"/> is 0 (down) or 1 (up); domains at -1 are integrated out.
    /// With failover, only the active region's units serve (the first region in order that is up),
    /// and a quorum larger than that region's units needs all of them.
    /// </summary>
    public double UpAtLeast(int needed, ReadOnlySpan<sbyte> state)
    {
        var unknown = new List<int>();
        foreach (var r in _regions)
        {
            if (state[r] < 0 && unknown.Count < MaxRegionsEnumerated)
            {
                unknown.Add(r);
            }
        }

        var regionUp = new Dictionary<int, double>();
        var total = 0.0;
        var combinations = 1 << unknown.Count;
        foreach (var mask in Enumerable.Range(0, combinations))
        {
            var weight = 1.0;
            for (var i = 0; i < unknown.Count; i++)
            {
                var a = _domains.All[unknown[i]].Availability;
                var up = (mask & (1 << i)) != 0;
                weight *= up ? a : 1 - a;
                regionUp[unknown[i]] = up ? 1 : 0;
            }

            if (weight == 0)
            {
                continue;
            }

            foreach (var r in _regions)
            {
                if (state[r] >= 0)
                {
                    regionUp[r] = state[r];
                }
                else if (!unknown.Contains(r))
                {
                    regionUp[r] = _domains.All[r].Availability; // beyond the enumeration cap: folded in
                }
            }

            total += weight * Given(needed, state, regionUp);
        }

        return total;
    }

    private double Given(int needed, ReadOnlySpan<sbyte> state, Dictionary<int, double> regionUp)
    {
        var active = -1;
        if (_failover && _regions.Length > 1)
        {
            foreach (var r in _regions)
            {
                if (regionUp[r] >= 1)
                {
                    active = r;
                    break;
                }
            }

            if (active < 0)
            {
                return 0;
            }
        }

        var usable = new List<(double Up, int Count)>();
        var units = 0;
        if (active < 0 && _zoneless > 0)
        {
            usable.Add((1, _zoneless));
            units += _zoneless;
        }

        foreach (var (zone, region, count) in _groups)
        {
            if (active >= 0 && region != active)
            {
                continue;
            }

            var zoneUp = state[zone] >= 0 ? state[zone] : _domains.All[zone].Availability;
            usable.Add(((region >= 0 ? regionUp[region] : 1) * zoneUp, count));
            units += count;
        }

        return AtLeast(Math.Min(needed, units), usable, _perUnit);
    }

    /// <summary>
    /// P(at least <paramref name="k"/> units up) when each group is usable with probability Up and
    /// then each of its Count units is up independently with probability <paramref name="a"/>.
    /// </summary>
    internal static double AtLeast(int k, List<(double Up, int Count)> groups, double a)
    {
        if (k <= 0)
        {
            return 1;
        }

        if (k == 1)
        {
            var allDown = 1.0;
            foreach (var (up, count) in groups)
            {
                allDown *= 1 - (up * (1 - Math.Pow(1 - a, count)));
            }

            return 1 - allDown;
        }

        // Probability of exactly j units up, for j < k; whatever mass leaves the array has k or more.
        var dist = new double[k];
        dist[0] = 1;
        var next = new double[k];
        foreach (var (up, count) in groups)
        {
            var pmf = Binomial(count, a, k);
            Array.Clear(next);
            for (var j = 0; j < k; j++)
            {
                if (dist[j] == 0)
                {
                    continue;
                }

                next[j] += dist[j] * (1 - up);
                for (var i = 0; i + j < k && i < pmf.Length; i++)
                {
                    next[i + j] += dist[j] * up * pmf[i];
                }
            }

            (dist, next) = (next, dist);
        }

        var below = 0.0;
        foreach (var p in dist)
        {
            below += p;
        }

        return Math.Clamp(1 - below, 0, 1);
    }

    /// <summary>P(exactly i of n up) for i below <paramref name="limit"/>.</summary>
    private static double[] Binomial(int n, double a, int limit)
    {
        var length = Math.Min(n + 1, limit);
        var pmf = new double[length];
        for (var i = 0; i < length; i++)
        {
            pmf[i] = Math.Exp(LogChoose(n, i) + (i * Math.Log(a)) + ((n - i) * Math.Log(1 - a)));
            if (a >= 1)
            {
                pmf[i] = i == n ? 1 : 0;
            }
            else if (a <= 0)
            {
                pmf[i] = i == 0 ? 1 : 0;
            }
        }

        return pmf;
    }

    private static double LogChoose(int n, int k)
    {
        var sum = 0.0;
        foreach (var i in Enumerable.Range(1, k))
        {
            sum += Math.Log((n - k + i) / (double)i);
        }

        return sum;
    }
}
