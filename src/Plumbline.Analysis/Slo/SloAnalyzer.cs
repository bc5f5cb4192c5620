using System.Collections.Immutable;
using Plumbline.Analysis.Availability;
using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Explain;
using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Slo;

/// <summary>What an SLO analysis may be told beyond the design.</summary>
/// <param name="AlertWindows">Alert windows that replace the design's and the shipped ones (a file given on the command line).</param>
public sealed record SloOptions(Alerting? AlertWindows = null)
{
    public static SloOptions Default { get; } = new();
}

/// <summary>
/// Works out every SLO of a design: error budget as a share, as time over the SLO's window and as
/// requests at the estimate's average and peak traffic; what the design composes beside the objective;
/// for latency SLOs, the histogram bucket measured; the multi-window burn-rate alerts with their
/// factors, thresholds and what they mean at this traffic; and the low-traffic case. Pure: the traffic
/// and the composed availability both come from the estimate.
/// </summary>
public static class SloAnalyzer
{
    /// <summary>The share of a budget one failure may burn before the SLO counts as low traffic, when nothing says otherwise: 0.1%.</summary>
    public const double DefaultLowTrafficShare = 0.001;

    public static SloReport Analyze(SystemDesign design, EstimateReport estimate, SloOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(estimate);

        // Resolve refuses a null design by name, before the design is read here.
        var alerting = AlertingLoader.Resolve(design, (options ?? SloOptions.Default).AlertWindows);
        var lowTraffic = alerting.LowTrafficShare?.Fraction ?? DefaultLowTrafficShare;
        var notes = new List<string>();
        var traffic = estimate.Traffic.ToDictionary(t => t.Workflow, StringComparer.Ordinal);
        var availability = estimate.Workflows.ToDictionary(w => w.Workflow, w => w.Availability, StringComparer.Ordinal);
        var latency = estimate.Latency.SelectMany(l => l.Objectives).ToDictionary(o => o.Slo, StringComparer.Ordinal);
        var slos = design.Slos.Select(slo => Analyze(design, slo, traffic, availability, latency, alerting, lowTraffic)).ToImmutableArray();
        if (slos.Any(s => s.Slo.Sli == SliKind.Latency && s.Slo.IsJourney))
        {
            notes.Add("A latency journey is not compared with the design: the estimate composes latency per workflow, and a journey's share within the threshold needs every step's whole distribution.");
        }

        if (slos.Any(s => s.Slo.IsJourney))
        {
            notes.Add("A journey counts once per run of its least-used step: its traffic is that step's.");
        }

        return new SloReport(design.System.Name, alerting, lowTraffic, slos, [.. notes]);
    }

    private static SloAnalysis Analyze(
        SystemDesign design, Design.Model.Slo slo, Dictionary<string, WorkflowTraffic> traffic, Dictionary<string, AvailabilityEstimate> availability,
        Dictionary<string, LatencyObjective> latency, Alerting alerting, double lowTrafficShare)
    {
        var inputs = new Inputs(design);
        var objective = ObjectiveFigure(slo, inputs, design);
        var o = slo.Objective.Fraction;
        var periodInput = inputs.Of("window", slo.Window.Seconds, FigureUnit.Seconds, slo.Path + "/window");
        var objectiveInput = new FigureInput("objective", o, FigureUnit.Availability, objective.Inputs.Length == 1 ? objective.Inputs[0].Source : FigureSources.Derived, objective.Inputs.Length == 1 ? objective.Inputs[0].Line : 0);
        var budget = new Figure("error budget", ErrorBudget.Fraction(o), FigureUnit.Ratio, "1 - objective", [objectiveInput]);
        var budgetTime = new Figure("error budget as time", ErrorBudget.Seconds(slo.Window, o), FigureUnit.Seconds, "window x (1 - objective)", [periodInput, objectiveInput]);

        var (average, peak) = Traffic(slo, traffic);
        var budgetAverage = average.Value is { } avg
            ? new Figure("failed requests allowed at average traffic", ErrorBudget.Requests(avg, slo.Window, o), FigureUnit.Count, "average rate x window x (1 - objective)",
                [Derived("average rate", avg, FigureUnit.Rate), periodInput, objectiveInput])
            : Figure.Unknown("failed requests allowed at average traffic", FigureUnit.Count, "no average rate");
        var budgetPeak = peak.Value is { } pk
            ? new Figure("failed requests allowed at peak traffic", ErrorBudget.Requests(pk, slo.Window, o), FigureUnit.Count, "peak rate x window x (1 - objective)",
                [Derived("peak rate", pk, FigureUnit.Rate), periodInput, objectiveInput])
            : Figure.Unknown("failed requests allowed at peak traffic", FigureUnit.Count, "no peak rate");

        var alerts = alerting.Windows!.Value.Select(w => Alert(slo, w, alerting, inputs, periodInput, objectiveInput, average)).ToImmutableArray();
        return new SloAnalysis(
            slo,
            objective,
            budget,
            budgetTime,
            average,
            peak,
            budgetAverage,
            budgetPeak,
            slo.Sli == SliKind.Latency ? ComposeLatency(slo, latency) : Compose(slo, availability),
            slo.Sli == SliKind.Latency && slo.Threshold is not null ? LatencyBuckets.For(slo, design) : null,
            [.. slo.Workflows.Select(w => new SliTarget(w, [.. design.Api.Endpoints.Where(e => e.Workflow == w && IsHttp(e.Method))]))],
            design.Operations.Runbooks.FirstOrDefault(r => r.Slos.Contains(slo.Name, StringComparer.Ordinal)),
            alerts,
            LowTraffic(budgetAverage, lowTrafficShare, alerts));
    }

    /// <summary>Methods OpenTelemetry's HTTP server metrics carry; WS, gRPC and RPC endpoints have no default SLI.</summary>
    public static bool IsHttp(string method) =>
        method is "GET" or "POST" or "PUT" or "PATCH" or "DELETE" or "HEAD" or "OPTIONS";

    private static Figure ObjectiveFigure(Design.Model.Slo slo, Inputs inputs, SystemDesign design)
    {
        if (slo.ObjectiveStated)
        {
            return new Figure("objective", slo.Objective.Fraction, FigureUnit.Availability, "objective",
                [inputs.Of("objective", slo.Objective.Fraction, FigureUnit.Availability, slo.Path + "/objective")]);
        }

        var steps = slo.Journey.Select(step => design.Slos
                .Where(s => !s.IsJourney && s.Workflow == step && s.Sli == slo.Sli && (s.Sli == SliKind.Availability || s.Threshold == slo.Threshold))
                .MaxBy(s => s.Objective.Fraction)!)
            .ToList();
        return new Figure("objective", slo.Objective.Fraction, FigureUnit.Availability,
            "product of the steps' objectives: " + string.Join(" x ", steps.Select(s => s.Name)),
            [.. steps.Select(s => inputs.Of(s.Name, s.Objective.Fraction, FigureUnit.Availability, s.Path + "/objective"))]);
    }

    /// <summary>The SLO's traffic: its workflow's, or for a journey its least-used step's.</summary>
    private static (Figure Average, Figure Peak) Traffic(Design.Model.Slo slo, Dictionary<string, WorkflowTraffic> traffic)
    {
        var steps = slo.Workflows.Select(w => traffic.GetValueOrDefault(w)).ToList();
        if (steps.Any(s => s is null || !s.Average.IsKnown))
        {
            return (Figure.Unknown("average rate", FigureUnit.Rate, "the estimate has no average rate for " + string.Join(", ", slo.Workflows)),
                Figure.Unknown("peak rate", FigureUnit.Rate, "the estimate has no peak rate for " + string.Join(", ", slo.Workflows)));
        }

        if (!slo.IsJourney)
        {
            return (steps[0]!.Average, steps[0]!.Peak);
        }

        var least = steps.MinBy(s => s!.Average.Value!.Value)!;
        var average = new Figure("average rate", least.Average.Value, FigureUnit.Rate, "the least-used step's average rate (" + least.Workflow + ")",
            [.. steps.Select(s => Derived(s!.Workflow, s.Average.Value!.Value, FigureUnit.Rate))]);
        var peaks = steps.Where(s => s!.Peak.IsKnown).ToList();
        var peak = peaks.Count == steps.Count
            ? new Figure("peak rate", peaks.Min(s => s!.Peak.Value!.Value), FigureUnit.Rate, "the least-used step's peak rate",
                [.. peaks.Select(s => Derived(s!.Workflow, s.Peak.Value!.Value, FigureUnit.Rate))])
            : Figure.Unknown("peak rate", FigureUnit.Rate, "a step has no peak rate");
        return (average, peak);
    }

    /// <summary>The estimate's composed availability beside an availability objective (a journey: the product over its steps).</summary>
    private static DesignComposition? Compose(Design.Model.Slo slo, Dictionary<string, AvailabilityEstimate> availability)
    {
        if (slo.Sli != SliKind.Availability)
        {
            return null;
        }

        var steps = new List<(string, double)>();
        var parts = new List<string>();
        foreach (var workflow in slo.Workflows)
        {
            if (availability.GetValueOrDefault(workflow) is not { Availability.Value: { } value, Detail: { } detail } || (detail.Factors.IsEmpty && detail.Expression.Length == 0))
            {
                return null;
            }

            steps.Add((workflow, value));
            parts.Add(slo.IsJourney ? $"{workflow} {Quantities.Availability(value)}" : detail.Arithmetic);
        }

        var composed = AvailabilityModel.Series(steps.Select(s => s.Item2));
        var arithmetic = slo.IsJourney ? string.Join(" x ", parts) + $" = {Quantities.Availability(composed)}" : parts[0];
        var figure = new Figure("composed availability", composed, FigureUnit.Availability,
            slo.IsJourney ? "product of the steps' composed availability" : "composed availability of the synchronous path (the estimate)",
            [.. steps.Select(s => Derived(s.Item1, s.Item2, FigureUnit.Availability))]);
        var (_, _, equal) = Quantities.CompareAvailability(composed, slo.Objective.Fraction);
        return new DesignComposition(figure, [.. steps], arithmetic, equal || composed >= slo.Objective.Fraction);
    }

    /// <summary>The estimate's latency of the workflow's path at the objective's percentile, beside the threshold.</summary>
    private static DesignComposition? ComposeLatency(Design.Model.Slo slo, Dictionary<string, LatencyObjective> latency)
    {
        if (slo.IsJourney || latency.GetValueOrDefault(slo.Name) is not { Average.Value: { } average } objective || objective.Meets is not { } meets)
        {
            return null;
        }

        var level = "p" + (objective.Objective * 100).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
        var peak = objective.Peak.Value is { } p ? $" ({Seconds(p)} at peak load)" : string.Empty;
        return new DesignComposition(objective.Average, [],
            $"the synchronous path's {level} is {Seconds(average)} at average load{peak}, against {Seconds(objective.Threshold)}", meets);
    }

    private static string Seconds(double seconds) => Quantities.Duration(seconds);

    private static BurnRateAlert Alert(
        Design.Model.Slo slo, AlertWindow window, Alerting alerting, Inputs inputs, FigureInput period, FigureInput objective, Figure average)
    {
        var fromDesign = alerting.Origin == "design";
        FigureInput WindowInput(string name, double value, FigureUnit unit, string key) =>
            fromDesign ? inputs.Of(name, value, unit, window.Path + "/" + key) : new FigureInput(name, value, unit, alerting.Origin == AlertingLoader.DefaultOrigin ? FigureSources.Default : FigureSources.Option, 0);

        var b = window.Budget.Fraction;
        var o = slo.Objective.Fraction;
        var budgetInput = WindowInput("budget share", b, FigureUnit.Ratio, "budget");
        var longInput = WindowInput("long window", window.Long.Seconds, FigureUnit.Seconds, "long");
        var shortInput = WindowInput("short window", window.Short.Seconds, FigureUnit.Seconds, "short");
        var factorValue = BurnRate.Factor(b, slo.Window, window.Long);
        var factor = new Figure("burn-rate factor", factorValue, FigureUnit.Factor, "budget share x window / long window", [budgetInput, period, longInput]);
        var thresholdValue = BurnRate.Threshold(factorValue, o);
        var threshold = new Figure("error-ratio threshold", thresholdValue, FigureUnit.Ratio, "factor x (1 - objective)", [Derived("factor", factorValue, FigureUnit.Factor), objective]);
        var thresholdInput = Derived("threshold", thresholdValue, FigureUnit.Ratio);

        var perMinute = average.Value is { } avg
            ? new Figure("failed requests a minute at the threshold", thresholdValue * avg * 60, FigureUnit.Count, "threshold x average rate x 60 s",
                [thresholdInput, Derived("average rate", avg, FigureUnit.Rate)])
            : Figure.Unknown("failed requests a minute at the threshold", FigureUnit.Count, "no average rate");
        var toFire = average.Value is { } avg2
            ? new Figure("failed requests within the long window that fire it", thresholdValue * avg2 * window.Long.Seconds, FigureUnit.Count, "threshold x average rate x long window",
                [thresholdInput, Derived("average rate", avg2, FigureUnit.Rate), longInput])
            : Figure.Unknown("failed requests within the long window that fire it", FigureUnit.Count, "no average rate");

        var detection = BurnRate.DetectionSeconds(thresholdValue, window.Long, window.Short, 1.0);
        var detectionFigure = detection is { } d
            ? new Figure("full outage detected after", d, FigureUnit.Seconds, "threshold x long window / error ratio 100%", [thresholdInput, longInput, shortInput])
            : Figure.Unknown("full outage detected after", FigureUnit.Seconds, "never: the threshold is 100% or more, and an error ratio cannot pass it");
        var spent = detection is { } d2
            ? new Figure("budget spent when it fires", BurnRate.BudgetSpent(1.0, d2, slo.Window, o), FigureUnit.Ratio, "error ratio x detection time / (window x (1 - objective))",
                [Derived("detection time", d2, FigureUnit.Seconds), period, objective])
            : Figure.Unknown("budget spent when it fires", FigureUnit.Ratio, "it never fires");
        var exhaust = new Figure("budget gone at this burn rate after", BurnRate.SecondsToExhaust(factorValue, slo.Window), FigureUnit.Seconds, "window / factor",
            [period, Derived("factor", factorValue, FigureUnit.Factor)]);

        var problems = ImmutableArray.CreateBuilder<AlertProblem>();
        if (window.Long > slo.Window)
        {
            problems.Add(AlertProblem.LongerThanPeriod);
        }

        if (thresholdValue >= 1)
        {
            problems.Add(AlertProblem.NeverFires);
        }

        if (factorValue < 1 - 1e-9)
        {
            problems.Add(AlertProblem.BelowBudgetPace);
        }

        return new BurnRateAlert(window, $"{slo.Name}-{window.Name}", factor, threshold, perMinute, toFire, detectionFigure, spent, exhaust, problems.ToImmutable());
    }

    private static LowTrafficWarning? LowTraffic(Figure budgetAverage, double limit, ImmutableArray<BurnRateAlert> alerts)
    {
        if (budgetAverage.Value is not { } requests)
        {
            return null;
        }

        // No failure allowed at all (a budget of 0 requests): 1 / 0 is +infinity, every failure is the whole budget.
        var share = 1 / requests;
        if (share <= limit)
        {
            return null;
        }

        var figure = new Figure("budget one failed request burns", share, FigureUnit.Ratio, "1 / failed requests allowed at average traffic",
            [Derived("failed requests allowed", requests, FigureUnit.Count)]);
        var page = alerts.Where(a => a.Severity == AlertSeverity.Page && a.FailuresToFire.IsKnown && !a.Problems.Contains(AlertProblem.NeverFires))
            .MinBy(a => a.FailuresToFire.Value!.Value);
        return new LowTrafficWarning(figure, limit, page is null ? null : Math.Floor(page.FailuresToFire.Value!.Value) + 1, page?.Name);
    }

    private static FigureInput Derived(string name, double value, FigureUnit unit) => new(name, value, unit, FigureSources.Derived, 0);

    /// <summary>Names an input by its place in the design when the design states it, else as a default.</summary>
    private sealed class Inputs(SystemDesign design)
    {
        public FigureInput Of(string name, double value, FigureUnit unit, string path) =>
            design.SourceMap.Has(path)
                ? new FigureInput(name, value, unit, path, design.SourceMap.LineOf(path))
                : new FigureInput(name, value, unit, FigureSources.Default, 0);
    }

}
