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
            });
        }

        return builder.ToImmutable();
    }
}
