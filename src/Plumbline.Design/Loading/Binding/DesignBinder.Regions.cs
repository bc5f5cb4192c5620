using System.Collections.Immutable;
using System.Globalization;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;

namespace Plumbline.Design.Loading.Binding;

/// <summary><c>regions</c>: failure domains, each with its zones and the availability of the region and of each zone.</summary>
internal static partial class DesignBinder
{
    private static ImmutableArray<Region> ReadRegions(MapReader root, BindContext context)
    {
        var builder = ImmutableArray.CreateBuilder<Region>();
        var zoneOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node, path) in root.NamedEntries("regions", "region"))
        {
            var m = MapReader.Open(node, path, "region", context);
            if (m is null)
            {
                continue;
            }

            if (!m.Has("zones"))
            {
                m.ReportMissing("zones", "the availability zones in this region, such as [a, b, c]");
            }

            var zones = ReadZones(m, context);
            for (var i = 0; i < zones.Length; i++)
            {
                if (zoneOwners.TryGetValue(zones[i], out var other))
                {
                    var zonePath = m.ChildPath("zones") + "/" + i.ToString(CultureInfo.InvariantCulture);
                    context.Report(DiagnosticCodes.Inconsistent(context.BuildSpan(zonePath), zonePath,
                        $"zone '{zones[i]}' is already a zone of region '{other}'", "a zone belongs to one region; give zones names unique across regions (use1-a, euw1-a)"));
                }
                else
                {
                    zoneOwners[zones[i]] = key.Value;
                }
            }

            builder.Add(new Region(key.Value, zones, m.Percent("availability"), m.Percent("zone_availability"), path));
        }

        return builder.ToImmutable();
    }
}
