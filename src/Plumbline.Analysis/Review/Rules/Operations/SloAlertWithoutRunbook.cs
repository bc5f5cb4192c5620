using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>An SLO whose burn-rate alerts no runbook answers (<c>operations.runbooks[].slos</c>), or whose runbook has no link.</summary>
public sealed class SloAlertWithoutRunbook : IRule
{
    public RuleInfo Info { get; } = new("slo-alert-without-runbook", ProcessStep.Observability, Severity.Medium,
        "An SLO's alerts have no runbook",
        "A burn-rate alert says the error budget is going fast, not why or what to do; at three in the morning the on-call engineer needs the steps that stop the burn, and an alert without a runbook link sends them searching while the budget drains.",
        "Name the SLO in the slos of the runbook that handles its failures (operations.runbooks[].slos), and give that runbook a link; the exported alerts then carry it as runbook_url.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var slo in context.Slos.Slos)
        {
            if (slo.Alerts.IsEmpty)
            {
                continue;
            }

            var pages = slo.Alerts.Any(a => a.Severity == AlertSeverity.Page);
            if (slo.Runbook is null)
            {
                yield return Info.At(context.KeySpan(slo.Slo.Path), slo.Name,
                    $"{slo.Name} has {slo.Alerts.Length} burn-rate alert(s){(pages ? ", pages included," : string.Empty)} and no runbook lists it in operations.runbooks[].slos: on-call gets an alert and no steps",
                    pages ? Severity.Medium : Severity.Low);
            }
            else if (string.IsNullOrWhiteSpace(slo.Runbook.Link))
            {
                yield return Info.At(context.KeySpan(slo.Runbook.Path), slo.Name,
                    $"{slo.Name}'s alerts point at the runbook '{slo.Runbook.Failure}', which has no link: the alerts cannot carry a runbook_url",
                    Severity.Low);
            }
        }
    }
}
