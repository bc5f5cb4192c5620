using System.Collections.Immutable;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Availability;

/// <summary>Whether a failure domain is a region or a zone.</summary>
public enum DomainKind
{
    /// <summary>A region: its outage takes every zone in it.</summary>
    Region,

    /// <summary>An availability zone: its outage takes every instance in it.</summary>
    Zone,
}

/// <summary>
/// One failure domain: an event that takes down everything placed in it at once, up with
/// probability <see cref="Availability"/>, independently of every other domain.
/// </summary>
/// <param name="Index">Its index in <see cref="FailureDomains.All"/>.</param>
/// <param name="Region">For a zone, the index of its region; -1 for a region, or for a zone no region lists.</param>
/// <param name="Source">The design path its availability was read from, or <c>default</c> when assumed.</param>
public sealed record FailureDomain(int Index, DomainKind Kind, string Name, double Availability, bool IsAssumed, int Region, string Source)
{
    /// <summary>"zone a 99.99% (assumed)", "region us-east 99.995%".</summary>
    public string Describe() =>
        $"{(Kind == DomainKind.Zone ? "zone" : "region")} {Name} {Quantities.Availability(Availability)}{(IsAssumed ? " (assumed)" : string.Empty)}";
}

/// <summary>
/// The zones and regions of a design. A zone is modelled when a component lists it; its
/// availability is its region's <c>zone_availability</c>, or <see cref="DefaultZoneAvailability"/>
/// assumed. A region is modelled when <c>regions</c> lists it; its availability is stated or
/// <see cref="DefaultRegionAvailability"/> assumed. Zones no region lists belong to no region.
/// </summary>
public sealed class FailureDomains
{
    /// <summary>Availability of a zone when the design states none: 99.99%, about 53 minutes of zone outage a year.</summary>
    public const double DefaultZoneAvailability = 0.9999;

    /// <summary>Availability of a region (as a whole) when the design states none: 99.99%.</summary>
    public const double DefaultRegionAvailability = 0.9999;

    private readonly Dictionary<string, int> _zones;

    private FailureDomains(ImmutableArray<FailureDomain> all, Dictionary<string, int> zones)
    {
        All = all;
        _zones = zones;
    }

    /// <summary>Regions first, in design order, then zones in the order first listed.</summary>
    public ImmutableArray<FailureDomain> All { get; }

    /// <summary>The domain index of a zone, or -1.</summary>
    public int ZoneIndex(string zone) => _zones.GetValueOrDefault(zone, -1);

    public static FailureDomains Of(SystemDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        var all = ImmutableArray.CreateBuilder<FailureDomain>();
        var zones = new Dictionary<string, int>(StringComparer.Ordinal);
        var regionOfZone = new Dictionary<string, Region>(StringComparer.Ordinal);
        var regionIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var region in design.Regions)
        {
            regionIndex[region.Name] = all.Count;
            all.Add(new FailureDomain(all.Count, DomainKind.Region, region.Name,
                region.Availability?.Fraction ?? DefaultRegionAvailability, region.Availability is null, -1,
                region.Availability is null ? Explain.FigureSources.Default : region.Path + "/availability"));
            foreach (var zone in region.Zones)
            {
                regionOfZone.TryAdd(zone, region);
            }
        }

        foreach (var component in design.Components)
        {
            foreach (var zone in component.Zones)
            {
                if (zones.ContainsKey(zone))
                {
                    continue;
                }

                zones[zone] = all.Count;
                if (regionOfZone.TryGetValue(zone, out var region))
                {
                    all.Add(new FailureDomain(all.Count, DomainKind.Zone, zone,
                        region.ZoneAvailability?.Fraction ?? DefaultZoneAvailability, region.ZoneAvailability is null, regionIndex[region.Name],
                        region.ZoneAvailability is null ? Explain.FigureSources.Default : region.Path + "/zone_availability"));
                }
                else
                {
                    all.Add(new FailureDomain(all.Count, DomainKind.Zone, zone, DefaultZoneAvailability, true, -1, Explain.FigureSources.Default));
                }
            }
        }

        return new FailureDomains(all.ToImmutable(), zones);
    }
}
