using System.Collections.Immutable;
using Plumbline.Analysis.Slo;
using Plumbline.Design.Model;

namespace Plumbline.Reporting.Prometheus;

/// <summary>
/// One part of an SLI: bad and total events per second over a window. An SLO on one workflow has one part;
/// a journey with the default queries has one per step, and its error ratio is 1 - the product of the
/// steps' success ratios (the journey is good when every step is).
/// </summary>
/// <param name="Step">The journey step this part measures; null for an SLO's single part.</param>
/// <param name="Errors">PromQL for bad events per second, given a window such as 5m.</param>
/// <param name="Total">PromQL for all events per second, given a window.</param>
public sealed record SliPart(string? Step, Func<string, string> Errors, Func<string, string> Total);

/// <summary>
/// The PromQL of an SLO's SLI. By default, OpenTelemetry's HTTP server histogram
/// <c>http_server_request_duration_seconds</c> for the workflow's endpoints (method and route): errors are
/// 5xx responses; for latency, requests above the bucket the SLO is measured at. An SLO's <c>query</c>
/// replaces them.
/// </summary>
public static class SliQueries
{
    /// <summary>OpenTelemetry's <c>http.server.request.duration</c> as Prometheus exports it.</summary>
    public const string DefaultHistogram = "http_server_request_duration_seconds";

    /// <summary>The SLI's parts, or empty when there is no query to give: a workflow with no HTTP endpoint and no <c>query</c>.</summary>
    public static ImmutableArray<SliPart> Parts(SloAnalysis slo)
    {
        ArgumentNullException.ThrowIfNull(slo);
        var query = slo.Slo.Query;
        if (query is { Errors: { } errors, Total: { } total })
        {
            return [new SliPart(null, w => Fill(errors, w), w => Fill(total, w))];
        }

        if (slo.Slo.Sli == SliKind.Latency && query?.Histogram is { } histogram)
        {
            var (name, labels) = SplitSelector(histogram);
            var le = Le(slo);
            return [new SliPart(null,
                w => $"(sum(rate({name}_count{Braces(labels)}[{w}])) - sum(rate({name}_bucket{Braces([.. labels, le])}[{w}])))",
                w => $"sum(rate({name}_count{Braces(labels)}[{w}]))")];
        }

        if (slo.Targets.Any(t => !t.HasEndpoints))
        {
            return [];
        }

        return [.. slo.Targets.Select(t => Default(slo, t))];
    }

    /// <summary>The error ratio over a window: errors / total, or for several parts 1 - the product of (1 - each part's ratio).</summary>
    public static string ErrorRatio(ImmutableArray<SliPart> parts, string window) =>
        Combine(parts.Select(p => $"({p.Errors(window)})\n/\n({p.Total(window)})").ToList());

    /// <summary>Several error ratios as one: a journey fails when any step does.</summary>
    public static string Combine(IReadOnlyList<string> ratios) =>
        ratios.Count == 1 ? ratios[0] : "1 - (\n" + string.Join("\n*\n", ratios.Select(r => $"(1 - ({r}))")) + "\n)";

    private static SliPart Default(SloAnalysis slo, SliTarget target)
    {
        var selectors = target.Endpoints.Select(e => ImmutableArray.Create(
            $"http_request_method={PromText.String(e.Method)}",
            $"http_route={PromText.String(e.Route)}")).ToList();
        var step = slo.Slo.IsJourney ? target.Workflow : null;
        string Sum(string metric, Func<ImmutableArray<string>, ImmutableArray<string>> labels, string w) =>
            "sum(" + string.Join(" or ", selectors.Select(s => $"rate({metric}{Braces(labels(s))}[{w}])")) + ")";

        if (slo.Slo.Sli == SliKind.Latency)
        {
            var le = Le(slo);
            return new SliPart(step,
                w => $"({Sum(DefaultHistogram + "_count", s => s, w)} - {Sum(DefaultHistogram + "_bucket", s => s.Add(le), w)})",
                w => Sum(DefaultHistogram + "_count", s => s, w));
        }

        return new SliPart(step,
            w => $"({Sum(DefaultHistogram + "_count", s => s.Add("http_response_status_code=~\"5..\""), w)} or vector(0))",
            w => Sum(DefaultHistogram + "_count", s => s, w));
    }

    /// <summary>The bucket matcher; whole seconds match both "1" and Prometheus 3's "1.0".</summary>
    private static string Le(SloAnalysis slo)
    {
        var le = LatencyBuckets.Le(slo.Bucket!.Bucket);
        return le.Contains('.', StringComparison.Ordinal) ? $"le={PromText.String(le)}" : $"le=~{PromText.String(le + @"(\.0)?")}";
    }

    private static string Fill(string query, string window) => query.Replace(SliQuery.WindowPlaceholder, window, StringComparison.Ordinal);

    private static string Braces(IEnumerable<string> labels)
    {
        var list = labels.ToList();
        return list.Count == 0 ? string.Empty : "{" + string.Join(",", list) + "}";
    }

    private static (string Name, ImmutableArray<string> Labels) SplitSelector(string selector)
    {
        var brace = selector.IndexOf('{', StringComparison.Ordinal);
        if (brace < 0)
        {
            return (selector, []);
        }

        var inner = selector[(brace + 1)..^1].Trim().TrimEnd(',');
        return (selector[..brace], inner.Length == 0 ? [] : [inner]);
    }
}
