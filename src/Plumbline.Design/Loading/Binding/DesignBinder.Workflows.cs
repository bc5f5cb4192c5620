using System.Collections.Immutable;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;

namespace Plumbline.Design.Loading.Binding;

/// <summary><c>workflows</c>: entry operation, rates, sizes, criticality.</summary>
internal static partial class DesignBinder
{
    private static ImmutableArray<Workflow> ReadWorkflows(MapReader root, BindContext context)
    {
        var builder = ImmutableArray.CreateBuilder<Workflow>();
        foreach (var (key, node, path) in root.NamedEntries("workflows", "workflow"))
        {
            var m = MapReader.Open(node, path, "workflow", context);
            if (m is null)
            {
                continue;
            }

            var entry = ReadOperationRef(m, "entry", context);
            if (entry is null && !m.Has("entry"))
            {
                m.ReportMissing("entry", "the component.operation its traffic enters at, such as 'edge.get_link'");
            }

            var rate = m.Rate("rate");
            var perUser = m.Rate("per_user");
            if (m.Has("rate") && m.Has("per_user"))
            {
                context.Report(DiagnosticCodes.MutuallyExclusive(m.KeySpan("per_user"), m.ChildPath("per_user"), "rate", "per_user"));
            }
            else if (!m.Has("rate") && !m.Has("per_user"))
            {
                context.Report(DiagnosticCodes.OneOfRequired(key.Span, path, "workflow", ["rate", "per_user"]));
            }

            var peak = m.Rate("peak_rate");
            if (peak is { } p && rate is { } avg && p.PerSecond < avg.PerSecond)
            {
                context.Report(DiagnosticCodes.Inconsistent(m.ValueSpan("peak_rate"), m.ChildPath("peak_rate"),
                    $"peak_rate {p} is below the average rate {avg}", "the peak is the busiest rate, at least the average"));
            }

            builder.Add(new Workflow(
                key.Value,
                m.String("description"),
                entry ?? default,
                rate,
                perUser,
                peak,
                m.Size("request"),
                m.Size("response"),
                m.Enum<AccessType>("type") ?? AccessType.Read,
                m.Enum<Criticality>("criticality") ?? Criticality.Medium,
                path)
            {
                Recovery = ReadRecoveryTargets(m),
                Skew = ReadSkew(m, context),
                Public = m.String("public"),
            });
        }

        return builder.ToImmutable();
    }

    /// <summary><c>skew: { key, hottest }</c> or <c>skew: { key, zipf, keys }</c>.</summary>
    private static Skew? ReadSkew(MapReader m, BindContext context)
    {
        var map = m.Map("skew", "skew");
        if (map is null)
        {
            return null;
        }

        var hottest = map.Ratio("hottest");
        var zipf = map.Number("zipf", 0, 10, minExclusive: true);
        var keys = map.Count("keys");
        if (map.Has("hottest") && map.Has("zipf"))
        {
            context.Report(DiagnosticCodes.MutuallyExclusive(map.KeySpan("zipf"), map.ChildPath("zipf"), "hottest", "zipf"));
        }
        else if (!map.Has("hottest") && !map.Has("zipf"))
        {
            context.Report(DiagnosticCodes.OneOfRequired(map.Span, map.Path, "skew", ["hottest", "zipf"]));
        }

        if (map.Has("zipf") && !map.Has("keys"))
        {
            map.ReportMissing("keys", "how many distinct keys the traffic falls on, such as 1M, for the Zipf exponent to give the hottest key's share");
        }

        if (keys is { } k && k.Value < 1)
        {
            context.Report(DiagnosticCodes.OutOfRange(map.ValueSpan("keys"), map.ChildPath("keys"), k.ToString(), "at least 1"));
        }

        if (hottest is 0)
        {
            context.Report(DiagnosticCodes.OutOfRange(map.ValueSpan("hottest"), map.ChildPath("hottest"), "0", "above 0 and at most 100%"));
        }

        return new Skew(map.String("key"), hottest, zipf, keys?.Value, map.Path);
    }
}
