using System.Collections.Immutable;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;

namespace Plumbline.Design.Loading.Binding;

/// <summary><c>operations.alerting</c>: burn-rate alert windows; also the whole of an alert windows file.</summary>
internal static partial class DesignBinder
{
    /// <summary>Reads an <c>alerting</c> mapping: a design's section, or the root of an alert windows file.</summary>
    internal static Alerting ReadAlerting(MapReader map, string origin, BindContext context)
    {
        ImmutableArray<AlertWindow>? windows = map.Has("windows")
            ? ReadNamedList(map, "windows", "alert_window", "alert window", "name", context, m => ReadAlertWindow(m, context))
            : null;

        var share = map.Percent("low_traffic_share");
        if (share is { Fraction: <= 0 })
        {
            context.Report(DiagnosticCodes.OutOfRange(map.ValueSpan("low_traffic_share"), map.ChildPath("low_traffic_share"), share.Value.ToString(), "more than 0%"));
            share = null;
        }

        return new Alerting(windows, share, origin, map.Path);
    }

    private static AlertWindow? ReadAlertWindow(MapReader m, BindContext context)
    {
        var name = m.RequiredString("name", "a name for the pair, such as page-quick; alerts are named after it");
        if (name.Length > 0 && !Names.IsValid(name))
        {
            context.Report(DiagnosticCodes.InvalidName(m.ValueSpan("name"), m.ChildPath("name"), name, "alert window"));
        }

        var severity = m.Enum<AlertSeverity>("severity");
        if (severity is null && !m.Has("severity"))
        {
            m.ReportMissing("severity", "page or ticket");
        }

        var budget = m.Percent("budget");
        if (budget is null && !m.Has("budget"))
        {
            m.ReportMissing("budget", "the share of the SLO period's error budget that burns within the long window, such as 2%");
        }
        else if (budget is { Fraction: <= 0 })
        {
            context.Report(DiagnosticCodes.OutOfRange(m.ValueSpan("budget"), m.ChildPath("budget"), budget.Value.ToString(), "more than 0% and at most 100%"));
            budget = null;
        }

        var longWindow = m.Duration("long");
        if (longWindow is null && !m.Has("long"))
        {
            m.ReportMissing("long", "the window the budget burns within, such as 1h");
        }

        var shortWindow = m.Duration("short");
        if (shortWindow is null && !m.Has("short"))
        {
            m.ReportMissing("short", "the window that must still be burning when the alert fires, such as 5m");
        }

        foreach (var (key, value) in new[] { ("long", longWindow), ("short", shortWindow) })
        {
            if (value is { } v && v.Seconds < Units.Calendar.SecondsPerMinute)
            {
                context.Report(DiagnosticCodes.OutOfRange(m.ValueSpan(key), m.ChildPath(key), v.ToString(), "at least 1m: Prometheus rates need a few samples"));
                return null;
            }
        }

        if (longWindow is { } l && shortWindow is { } s && s >= l)
        {
            context.Report(DiagnosticCodes.Inconsistent(m.ValueSpan("short"), m.ChildPath("short"),
                $"the short window ({s}) is not shorter than the long window ({l})",
                "the short window is usually a twelfth of the long one: 5m for 1h, 30m for 6h"));
            return null;
        }

        return severity is { } sev && budget is { } b && longWindow is { } lw && shortWindow is { } sw
            ? new AlertWindow(name, sev, b, lw, sw, m.Path)
            : null;
    }
}
