using System.Collections.Immutable;
using Plumbline.Design.Units;

namespace Plumbline.Design.Model;

/// <summary>Who an SLO alert goes to: a page wakes someone now; a ticket waits for working hours.</summary>
public enum AlertSeverity
{
    Page,
    Ticket,
}

/// <summary>
/// One pair of windows of a multi-window, multi-burn-rate alert (Google SRE Workbook, chapter 5): the
/// alert fires when <see cref="Budget"/> of the SLO period's error budget burns within <see cref="Long"/>,
/// and the burn is still going on over <see cref="Short"/> (so it stops soon after the problem does).
/// The burn-rate factor follows from the SLO's own period: budget x period / long window.
/// </summary>
/// <param name="Name">Names the alert with the SLO's name: <c>redirect-availability-page-quick</c>.</param>
/// <param name="Budget">Share of the period's error budget, more than 0% and at most 100%.</param>
/// <param name="Long">The window the budget burns within; longer than <paramref name="Short"/>.</param>
/// <param name="Short">The window that must still be burning when the alert fires.</param>
public sealed record AlertWindow(string Name, AlertSeverity Severity, Percent Budget, Duration Long, Duration Short, string Path);

/// <summary>
/// <c>operations.alerting</c>: the burn-rate alert windows every SLO gets, and the low-traffic limit.
/// A design without it uses the windows Plumbline ships (<c>alert-windows/sre-workbook.yaml</c>).
/// </summary>
/// <param name="Windows">The window pairs; empty means no burn-rate alerts, null (in a design) that the shipped ones apply.</param>
/// <param name="LowTrafficShare">Warn when one failed request burns more than this share of an SLO's budget; null means the shipped default.</param>
/// <param name="Origin">Where the windows come from: the design, the shipped default or a file, as printed.</param>
public sealed record Alerting(ImmutableArray<AlertWindow>? Windows, Percent? LowTrafficShare, string Origin, string Path);
