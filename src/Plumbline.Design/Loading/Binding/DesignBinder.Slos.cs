using System.Collections.Immutable;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;
using Plumbline.Design.Units;

namespace Plumbline.Design.Loading.Binding;

/// <summary><c>slos</c>: objectives per workflow or per journey of workflows, and their SLI queries.</summary>
internal static partial class DesignBinder
{
    private static ImmutableArray<Slo> ReadSlos(MapReader root, BindContext context)
    {
        var slos = ReadNamedList(root, "slos", "slo", "SLO", "name", context, m => ReadSlo(m, context));
        return ComposeJourneyObjectives(slos, context);
    }

    private static Slo ReadSlo(MapReader m, BindContext context)
    {
        var sli = m.Enum<SliKind>("sli");
        if (sli is null && !m.Has("sli"))
        {
            m.ReportMissing("sli", "what it measures: availability or latency");
        }

        var journey = ReadJourney(m, context);
        var objective = m.Percent("objective");
        if (objective is null && !m.Has("objective") && journey.IsEmpty)
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

        var window = m.Duration("window") ?? Duration.FromSeconds(30 * Units.Calendar.SecondsPerDay);
        if (window.Seconds <= 0)
        {
            context.Report(DiagnosticCodes.OutOfRange(m.ValueSpan("window"), m.ChildPath("window"), window.ToString(), "longer than zero"));
        }

        var workflow = m.Has("journey") ? string.Empty : m.RequiredString("workflow", "the workflow it measures (or 'journey', a list of workflows)");
        var query = m.Map("query", "slo_query") is { } q ? ReadSliQuery(q, sli ?? SliKind.Availability, context) : null;
        return new Slo(
            m.RequiredString("name", "the SLO's name"),
            workflow,
            sli ?? SliKind.Availability,
            objective is { Fraction: < 1 } ? objective.Value : Percent.FromFraction(0.999),
            threshold,
            window,
            m.String("description"),
            m.Path)
        {
            Journey = journey,
            ObjectiveStated = objective is not null || journey.IsEmpty,
            Query = query,
        };
    }

    /// <summary>A journey: two or more distinct workflows, instead of one <c>workflow</c>.</summary>
    private static ImmutableArray<string> ReadJourney(MapReader m, BindContext context)
    {
        if (!m.Has("journey"))
        {
            return [];
        }

        if (m.Has("workflow"))
        {
            context.Report(DiagnosticCodes.MutuallyExclusive(m.KeySpan("journey"), m.ChildPath("journey"), "workflow", "journey"));
        }

        var steps = m.StringList("journey");
        if (steps.Length < 2)
        {
            context.Report(DiagnosticCodes.Inconsistent(m.ValueSpan("journey"), m.ChildPath("journey"),
                $"a journey needs at least two workflows; this one has {steps.Length}",
                "list the workflows a user goes through, such as [register, verify, first-login], or use 'workflow' for one"));
            return [];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            if (!seen.Add(step))
            {
                context.Report(DiagnosticCodes.Inconsistent(m.ValueSpan("journey"), m.ChildPath("journey"),
                    $"workflow '{step}' is listed twice in the journey", "list each workflow of the journey once"));
            }
        }

        return steps;
    }

    private static SliQuery ReadSliQuery(MapReader q, SliKind sli, BindContext context)
    {
        var errors = q.String("errors");
        var total = q.String("total");
        if ((errors is null) != (total is null))
        {
            var given = errors is null ? "total" : "errors";
            var missing = errors is null ? "errors" : "total";
            context.Report(DiagnosticCodes.Inconsistent(q.KeySpan(given), q.ChildPath(given),
                $"'{given}' is given without '{missing}'; an SLI is a ratio and needs both",
                $"add '{missing}', a PromQL query with {SliQuery.WindowPlaceholder} where the range goes"));
        }

        foreach (var (key, text) in new[] { ("errors", errors), ("total", total) })
        {
            if (text is not null && !text.Contains(SliQuery.WindowPlaceholder, StringComparison.Ordinal))
            {
                context.Report(DiagnosticCodes.Inconsistent(q.ValueSpan(key), q.ChildPath(key),
                    $"the '{key}' query has no {SliQuery.WindowPlaceholder}, so every alert window would read the same range",
                    $"write {SliQuery.WindowPlaceholder} where the range goes: sum(rate(my_requests_total{{code=~\"5..\"}}[{SliQuery.WindowPlaceholder}]))"));
            }
        }

        var histogram = q.String("histogram");
        var bucket = q.Duration("bucket");
        if (sli == SliKind.Availability)
        {
            foreach (var key in new[] { "histogram", "bucket" })
            {
                if (q.Has(key))
                {
                    context.Report(DiagnosticCodes.Inconsistent(q.KeySpan(key), q.ChildPath(key),
                        $"'{key}' applies to latency SLOs; this SLO measures availability",
                        "remove it, or give 'errors' and 'total' queries"));
                }
            }
        }
        else if (errors is not null && (histogram is not null || bucket is not null))
        {
            context.Report(DiagnosticCodes.Inconsistent(q.KeySpan("errors"), q.ChildPath("errors"),
                "give either the 'errors' and 'total' queries or the 'histogram' and its 'bucket', not both",
                "keep the queries or the histogram"));
        }

        if (bucket is { Seconds: <= 0 })
        {
            context.Report(DiagnosticCodes.OutOfRange(q.ValueSpan("bucket"), q.ChildPath("bucket"), bucket.Value.ToString(), "longer than zero"));
        }

        if (histogram is not null && !Text.PromQl.IsSelector(histogram))
        {
            context.Report(DiagnosticCodes.WrongValue(q.ValueSpan("histogram"), q.ChildPath("histogram"), histogram,
                "a histogram's metric name, optionally with labels: http_request_duration_seconds{job=\"edge\"}"));
        }

        return new SliQuery(errors, total, histogram, bucket, q.Path);
    }

    /// <summary>
    /// A journey that states no objective gets the product of its steps' objectives: for each step, the
    /// strictest SLO of the same kind on that workflow alone (for latency, with the journey's threshold).
    /// A step without one is an error, since there is nothing to compose.
    /// </summary>
    private static ImmutableArray<Slo> ComposeJourneyObjectives(ImmutableArray<Slo> slos, BindContext context)
    {
        if (!slos.Any(s => s.IsJourney && !s.ObjectiveStated))
        {
            return slos;
        }

        var builder = slos.ToBuilder();
        for (var i = 0; i < builder.Count; i++)
        {
            var journey = builder[i];
            if (!journey.IsJourney || journey.ObjectiveStated)
            {
                continue;
            }

            var product = 1.0;
            var missing = new List<string>();
            foreach (var step in journey.Journey)
            {
                var strictest = slos
                    .Where(s => !s.IsJourney && s.Workflow == step && s.Sli == journey.Sli && (s.Sli == SliKind.Availability || s.Threshold == journey.Threshold))
                    .Select(s => s.Objective.Fraction)
                    .DefaultIfEmpty(double.NaN)
                    .Max();
                if (double.IsNaN(strictest))
                {
                    missing.Add(step);
                }
                else
                {
                    product *= strictest;
                }
            }

            if (missing.Count > 0)
            {
                var kind = journey.Sli == SliKind.Latency ? $"latency SLO with threshold {journey.Threshold}" : "availability SLO";
                context.Report(DiagnosticCodes.Inconsistent(context.BuildSpan(journey.Path + "/journey"), journey.Path + "/journey",
                    $"journey SLO {journey.Name} states no objective, and {string.Join(", ", missing)} {(missing.Count == 1 ? "has" : "have")} no {kind} to compose it from",
                    "state the journey's objective, or give each step an SLO of its own"));
                continue;
            }

            builder[i] = journey with { Objective = Percent.FromFraction(product) };
        }

        return builder.ToImmutable();
    }
}
