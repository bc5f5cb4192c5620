using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules;

/// <summary>An accepted risk whose date has passed: the acceptance no longer hides its finding.</summary>
public sealed class ExpiredAcceptance : IRule
{
    public RuleInfo Info { get; } = new("expired-acceptance", ProcessStep.SecurityThinking, Severity.Medium,
        "An accepted risk has expired",
        "An acceptance is a decision with a shelf life; once it lapses nobody has re-decided, and the risk it covered is live again.",
        "Fix the underlying finding, or review the risk and move 'until' to a new date with a fresh reason.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var risk in context.Design.Security.AcceptedRisks)
        {
            if (risk.Until is { } until && until < context.Options.Today)
            {
                yield return Info.At(context.Span(risk.Path + "/until"), Subject(risk),
                    $"the acceptance of '{risk.Finding ?? risk.Threat}' expired on {until:yyyy-MM-dd}");
            }
        }
    }

    internal static string Subject(AcceptedRisk risk) => risk.Finding ?? risk.Threat ?? risk.Path;
}

/// <summary>An acceptance that names a finding key no rule produces: a typo, or a fixed problem whose acceptance lingers.</summary>
public sealed class UnmatchedAcceptance : IRule
{
    public RuleInfo Info { get; } = new("unmatched-acceptance", ProcessStep.SecurityThinking, Severity.Low,
        "An acceptance matches no finding",
        "An acceptance that matches nothing is noise at best; at worst a typo in its key leaves the real finding unaccepted and the team believing otherwise.",
        "Correct the key (copy it from the finding, 'rule-id@subject'), or remove the acceptance if the finding is fixed.");

    /// <summary>Matching needs every other rule's findings, so the reviewer reports these; this check finds nothing on its own.</summary>
    public IEnumerable<Finding> Check(ReviewContext context) => [];
}
