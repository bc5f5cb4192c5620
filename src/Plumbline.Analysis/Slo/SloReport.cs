using System.Collections.Immutable;
using Plumbline.Analysis.Explain;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Slo;

/// <summary>Every SLO of a design with its error budget, what the design can deliver, and its alerts.</summary>
/// <param name="Alerting">The alert windows used (resolved: a file given on the command line, the design's, or the shipped ones).</param>
/// <param name="LowTrafficShare">One failed request burning more than this share of a budget is called low traffic.</param>
public sealed record SloReport(string SystemName, Alerting Alerting, double LowTrafficShare, ImmutableArray<SloAnalysis> Slos, ImmutableArray<string> Notes);

/// <summary>
/// One SLO worked out: its objective and error budget (as a share, as time over its window, and as
/// requests at average and peak traffic), what the design composes for it beside the objective, the
/// bucket a latency SLO is measured at, and its burn-rate alerts.
/// </summary>
/// <param name="Objective">The objective, 0..1 (a journey's may be composed from its steps).</param>
/// <param name="Budget">1 - objective.</param>
/// <param name="BudgetTime">Seconds of full outage the budget allows in one window.</param>
/// <param name="AverageRate">Requests per second the SLO counts at average traffic (a journey: its least-used step).</param>
/// <param name="BudgetRequestsAverage">Failed requests the budget allows over the window at average traffic.</param>
/// <param name="BudgetRequestsPeak">Failed requests the budget allows over the window were traffic at its peak throughout.</param>
/// <param name="Composed">What the design composes for this SLO (availability, or the share of requests within the threshold); null when there is nothing to compose.</param>
/// <param name="Bucket">For a latency SLO, the histogram bucket it is measured at.</param>
/// <param name="Targets">Per workflow, the endpoints its default SLI queries select.</param>
/// <param name="Runbook">The runbook its alerts link to, when a runbook lists the SLO.</param>
/// <param name="LowTraffic">Set when one failed request burns more than the low-traffic share of the budget.</param>
public sealed record SloAnalysis(
    Design.Model.Slo Slo,
    Figure Objective,
    Figure Budget,
    Figure BudgetTime,
    Figure AverageRate,
    Figure PeakRate,
    Figure BudgetRequestsAverage,
    Figure BudgetRequestsPeak,
    DesignComposition? Composed,
    LatencyBucket? Bucket,
    ImmutableArray<SliTarget> Targets,
    Runbook? Runbook,
    ImmutableArray<BurnRateAlert> Alerts,
    LowTrafficWarning? LowTraffic)
{
    public string Name => Slo.Name;

    /// <summary>"redirect", or for a journey "register + verify + first-login".</summary>
    public string Subject => string.Join(" + ", Slo.Workflows);
}

/// <summary>
/// What the design composes for an SLO, from the estimate, beside its objective: the workflow's
/// availability (for a journey, the product over its steps), or the latency of its path at the
/// objective's percentile.
/// </summary>
/// <param name="Value">The composed figure: an availability, 0..1, or a latency in seconds.</param>
/// <param name="Steps">Per workflow, its availability (one for an SLO on one workflow; none for latency).</param>
/// <param name="Arithmetic">How it is composed, in one line.</param>
public sealed record DesignComposition(Figure Value, ImmutableArray<(string Workflow, double Value)> Steps, string Arithmetic, bool MeetsObjective);

/// <summary>The endpoints a workflow's default SLI queries select: OpenTelemetry HTTP server metrics by method and route.</summary>
/// <param name="Endpoints">HTTP endpoints serving the workflow; empty when the design names none, so no default query can select its requests.</param>
public sealed record SliTarget(string Workflow, ImmutableArray<Endpoint> Endpoints)
{
    public bool HasEndpoints => !Endpoints.IsDefaultOrEmpty;
}

/// <summary>What can make an alert window pair a poor fit for an SLO.</summary>
public enum AlertProblem
{
    /// <summary>The long window is longer than the SLO's period: the budget it watches is not there to burn.</summary>
    LongerThanPeriod,

    /// <summary>The error-ratio threshold is 100% or more, so the alert can never fire (a loose objective with a high factor).</summary>
    NeverFires,

    /// <summary>The burn-rate factor is below 1: the alert fires on a burn that would not spend the budget within the period.</summary>
    BelowBudgetPace,
}

/// <summary>
/// One multi-window burn-rate alert of an SLO: the factor and error-ratio threshold it watches for,
/// and what that means at the design's traffic.
/// </summary>
/// <param name="Name">The alert's id: <c>&lt;slo&gt;-&lt;window&gt;</c>.</param>
/// <param name="Factor">Burn-rate factor: budget share x period / long window.</param>
/// <param name="Threshold">Error ratio over both windows that fires it: factor x (1 - objective).</param>
/// <param name="FailuresPerMinute">Failed requests a minute at the threshold, at average traffic.</param>
/// <param name="FailuresToFire">Failed requests within the long window that fire it, at average traffic.</param>
/// <param name="FullOutageDetection">Seconds from the start of a full outage until it fires; unknown when it never fires.</param>
/// <param name="BudgetSpentAtDetection">Share of the budget spent by then.</param>
/// <param name="TimeToExhaust">Seconds until the whole budget is gone at the threshold's burn rate.</param>
public sealed record BurnRateAlert(
    AlertWindow Window,
    string Name,
    Figure Factor,
    Figure Threshold,
    Figure FailuresPerMinute,
    Figure FailuresToFire,
    Figure FullOutageDetection,
    Figure BudgetSpentAtDetection,
    Figure TimeToExhaust,
    ImmutableArray<AlertProblem> Problems)
{
    public AlertSeverity Severity => Window.Severity;
}

/// <summary>
/// The SRE Workbook's low-traffic case: so few requests that one failure burns a visible share of the budget.
/// </summary>
/// <param name="SharePerFailure">Share of the budget one failed request burns at average traffic.</param>
/// <param name="FailuresToPage">Failed requests within a page alert's long window that page; null when no alert pages.</param>
/// <param name="PageWindow">That page alert's name.</param>
public sealed record LowTrafficWarning(Figure SharePerFailure, double Limit, double? FailuresToPage, string? PageWindow);
