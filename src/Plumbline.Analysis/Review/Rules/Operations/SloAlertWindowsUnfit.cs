using Plumbline.Analysis.Slo;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>
/// Alert windows that do not fit an SLO: a long window longer than the SLO's window, a threshold of 100% or
/// more (the alert can never fire), or a burn-rate factor below 1 (it fires on a burn the budget would outlast).
/// </summary>
public sealed class SloAlertWindowsUnfit : IRule
{
    public RuleInfo Info { get; } = new("slo-alert-windows-unfit", ProcessStep.Observability, Severity.Medium,
        "An SLO's alert windows do not fit its window or objective",
        "A burn-rate alert's factor follows from the SLO's own window: the same windows that suit a 30-day SLO can look back further than a 7-day SLO's window, ask for an error ratio no service can exceed on a loose objective (14.4 x 10% is 144%, so page-quick on a 90% objective never fires), or alert on burns so slow the budget would last the window.",
        "Give windows that suit the SLO (operations.alerting.windows, or a file with --alert-windows): long windows well inside the SLO's window and budget shares that give a factor above 1; for a loose objective, page on a smaller budget share or a longer window.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var slo in context.Slos.Slos)
        {
            // An alert that can never fire is high when the SLO has pages and none of them can fire: nothing pages for it.
            var neverPages = slo.Alerts.Any(a => a.Severity == AlertSeverity.Page)
                && slo.Alerts.Where(a => a.Severity == AlertSeverity.Page).All(a => a.Problems.Contains(AlertProblem.NeverFires));
            foreach (var alert in slo.Alerts)
            {
                foreach (var problem in alert.Problems)
                {
                    var span = alert.Window.Path.StartsWith("/operations/", StringComparison.Ordinal) ? context.KeySpan(alert.Window.Path) : context.Span(slo.Slo.Path + "/window");
                    yield return problem switch
                    {
                        AlertProblem.LongerThanPeriod => Info.At(span, $"{alert.Name}:longer-than-window",
                            $"{alert.Name} looks back {alert.Window.Long}, longer than {slo.Name}'s {slo.Slo.Window} window: the budget it watches is not there to burn"),
                        AlertProblem.NeverFires => Info.At(span, $"{alert.Name}:never-fires",
                            $"{alert.Name} fires above an error ratio of {Quantities.Percent(alert.Threshold.Value ?? 0)} (a burn rate of {Quantities.Significant(alert.Factor.Value ?? 0)} on a {Quantities.Percent(slo.Budget.Value ?? 0)} budget): no error ratio passes 100%, so it can never fire"
                                + (neverPages && alert.Severity == AlertSeverity.Page ? $"; no page alert of {slo.Name} can fire" : string.Empty),
                            neverPages && alert.Severity == AlertSeverity.Page ? Severity.High : Severity.Medium),
                        _ => Info.At(span, $"{alert.Name}:below-budget-pace",
                            $"{alert.Name} fires at a burn rate of {Quantities.Significant(alert.Factor.Value ?? 0)}, below 1: it alerts on a burn that would not spend {slo.Name}'s budget within its {slo.Slo.Window} window",
                            Severity.Low),
                    };
                }
            }
        }
    }
}
