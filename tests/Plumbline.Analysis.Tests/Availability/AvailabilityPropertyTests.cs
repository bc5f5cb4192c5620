using System.Globalization;
using System.Text;
using CsCheck;
using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Graph;
using Xunit;

namespace Plumbline.Analysis.Tests.Availability;

/// <summary>
/// Properties of the exact composition over random paths (shares, fan-outs, instances, replicas,
/// shared zones and a region, from a logged seed): a redundant path (a fallback to another
/// operation, or one more instance) never lowers a workflow's availability, and one more
/// synchronous dependency never raises it.
/// </summary>
public sealed class AvailabilityPropertyTests
{
    private const double Slack = 1e-12;

    private static readonly string[] Availabilities = ["90%", "99%", "99.9%", "99.99%", "100%"];
    private static readonly string[] Zones = ["za", "zb", "zc"];

    private sealed record Part(bool Store, int Instances, int Replicas, string Availability, int ZoneMask, string Probability, int Count)
    {
        public string Yaml(string name, string? call)
        {
            var builder = new StringBuilder();
            builder.AppendLine(CultureInfo.InvariantCulture, $"  {name}:");
            builder.AppendLine(CultureInfo.InvariantCulture, $"    kind: {(Store ? "database" : "service")}");
            builder.AppendLine(CultureInfo.InvariantCulture, $"    instances: {Instances}");
            if (Store)
            {
                builder.AppendLine(CultureInfo.InvariantCulture, $"    replicas: {Replicas}");
            }

            var zones = Zones.Where((_, i) => (ZoneMask & (1 << i)) != 0).ToList();
            if (zones.Count > 0)
            {
                builder.AppendLine(CultureInfo.InvariantCulture, $"    zones: [{string.Join(", ", zones)}]");
            }

            builder.AppendLine(CultureInfo.InvariantCulture, $"    availability: {Availability}");
            builder.AppendLine("    operations:");
            builder.AppendLine("      op:");
            if (call is not null)
            {
                builder.AppendLine("        calls:");
                builder.AppendLine(CultureInfo.InvariantCulture, $"          - {call}");
            }
            else
            {
                builder.AppendLine("        calls: []");
            }

            return builder.ToString();
        }
    }

    private sealed record Path(Part[] Parts, bool Region, string ZoneAvailability, Part Extra, int At, int Change);

    private static readonly Gen<Part> Parts =
        from store in Gen.Bool
        from instances in Gen.Int[1, 3]
        from replicas in Gen.Int[0, 2]
        from availability in Gen.OneOf(Availabilities)
        from zones in Gen.Int[0, 7]
        from probability in Gen.OneOf("1", "0.5", "0.1")
        from count in Gen.OneOf(1, 2)
        select new Part(store, instances, replicas, availability, zones, probability, count);

    private static readonly Gen<Path> Paths =
        from parts in Parts.Array[2, 5]
        from region in Gen.Bool
        from zone in Gen.OneOf("99%", "99.9%", "99.99%")
        from extra in Parts
        from at in Gen.Int[0, 4]
        from change in Gen.Int[0, 2]
        select new Path(parts, region, zone, extra, at, change);

    /// <summary>The design: c0.op -> c1.op -> ..., with an optional fallback or extra call at one link.</summary>
    private static string Design(Path path, string? fallbackAt = null, string? extraFrom = null, int moreInstancesAt = -1)
    {
        var builder = new StringBuilder();
        builder.AppendLine("plumbline: 1");
        builder.AppendLine("system: { name: p }");
        if (path.Region)
        {
            builder.AppendLine("regions:");
            builder.AppendLine(CultureInfo.InvariantCulture, $"  main: {{ zones: [za, zb, zc], availability: 99.9%, zone_availability: {path.ZoneAvailability} }}");
        }

        builder.AppendLine("workflows:");
        builder.AppendLine("  w: { entry: c0.op, rate: 10/s }");
        builder.AppendLine("components:");
        var n = path.Parts.Length;
        for (var i = 0; i < n; i++)
        {
            var name = "c" + i.ToString(CultureInfo.InvariantCulture);
            // Redundancy is one more instance of a service, or one more copy of each shard of a store.
            var part = path.Parts[i];
            if (i == moreInstancesAt)
            {
                part = part.Store ? part with { Replicas = part.Replicas + part.Instances } : part with { Instances = part.Instances + 1 };
            }

            string? call = null;
            if (i + 1 < n)
            {
                var next = path.Parts[i + 1];
                var fallback = fallbackAt == name ? ", fallback: { to: extra.op }" : string.Empty;
                call = $"{{ to: c{i + 1}.op, probability: {next.Probability}, count: {next.Count}, timeout: 1s{fallback} }}";
            }

            if (extraFrom == name)
            {
                call = call is null
                    ? "{ to: extra.op, timeout: 1s }"
                    : call + Environment.NewLine + "          - { to: extra.op, timeout: 1s }";
            }

            builder.Append(part.Yaml(name, call));
        }

        builder.Append(path.Extra.Yaml("extra", null));
        return builder.ToString();
    }

    private static double Availability(string yaml)
    {
        var design = TestDesigns.Load(yaml);
        var workflow = new AvailabilityModel(design, CallGraph.Build(design)).OfWorkflow("w")!;
        Assert.Equal(0, workflow.Uncertainty);
        return workflow.Value;
    }

    [Fact]
    public void A_redundant_path_never_lowers_availability_and_a_series_dependency_never_raises_it()
    {
        Paths.SampleReplayable(
            path =>
            {
                var at = "c" + Math.Min(path.At, path.Parts.Length - 1).ToString(CultureInfo.InvariantCulture);
                var baseline = Availability(Design(path));
                Assert.InRange(baseline, 0, 1);

                // A fallback needs a call to hang on: the last component has none.
                var fallbackAt = "c" + Math.Min(path.At, path.Parts.Length - 2).ToString(CultureInfo.InvariantCulture);
                var redundant = path.Change == 0
                    ? Availability(Design(path, fallbackAt: fallbackAt))
                    : Availability(Design(path, moreInstancesAt: Math.Min(path.At, path.Parts.Length - 1)));
                Assert.True(redundant >= baseline - Slack, $"redundancy lowered {baseline} to {redundant}:{Environment.NewLine}{Design(path, fallbackAt: fallbackAt)}");

                var series = Availability(Design(path, extraFrom: at));
                Assert.True(series <= baseline + Slack, $"a series dependency raised {baseline} to {series}:{Environment.NewLine}{Design(path, extraFrom: at)}");
            },
            iter: 200);
    }
}
