using System.Collections.Immutable;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;
using Plumbline.Design.Units;

namespace Plumbline.Design.Loading.Binding;

/// <summary><c>slos</c>: objectives per workflow.</summary>
internal static partial class DesignBinder
{
    private static ImmutableArray<Slo> ReadSlos(MapReader root, BindContext context) =>
        ReadNamedList(root, "slos", "slo", "SLO", "name", context, m =>
        {
            var sli = m.Enum<SliKind>("sli");
            if (sli is null && !m.Has("sli"))
            {
                m.ReportMissing("sli", "what it measures: availability or latency");
            }

            var objective = m.Percent("objective");
            if (objective is null && !m.Has("objective"))
            {
                m.ReportMissing("objective", "the share of good requests, such as 99.9%");
            }

            var threshold = m.Duration("threshold");
            if (sli == SliKind.Latency && threshold is null && !m.Has("threshold"))
            {
                m.ReportMissing("threshold", "the latency a request must beat to count as good, such as 200ms");
            }

            if (objective is { } o && o.Fraction >= 1)
            {
                context.Report(DiagnosticCodes.OutOfRange(m.ValueSpan("objective"), m.ChildPath("objective"), o.ToString(),
                    "below 100%: a 100% objective leaves no error budget"));
            }

            var workflow = m.RequiredString("workflow", "the workflow it measures");
            return new Slo(
                m.RequiredString("name", "the SLO's name"),
                workflow,
                sli ?? SliKind.Availability,
                objective ?? Percent.FromFraction(0.999),
                threshold,
                m.Duration("window") ?? Duration.FromSeconds(30 * Units.Calendar.SecondsPerDay),
                m.String("description"),
                m.Path);
        });
}
