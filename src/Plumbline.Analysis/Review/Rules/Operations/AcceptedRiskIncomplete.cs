namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>An accepted risk with no expiry date or no owner.</summary>
public sealed class AcceptedRiskIncomplete : IRule
{
    public RuleInfo Info { get; } = new("accepted-risk-incomplete", ProcessStep.SecurityThinking, Severity.Medium,
        "An accepted risk has no owner or no expiry",
        "Accepting a risk is a decision someone must own and revisit; without an until date it silently becomes permanent, and without an owner nobody is accountable when it materialises or when it is due for review.",
        "Give the accepted risk an owner (a person or team) and an until date by which it is fixed or re-decided.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var risk in context.Design.Security.AcceptedRisks)
        {
            var missing = new List<string>();
            if (risk.Until is null)
            {
                missing.Add("no until date");
            }

            if (OperationsFacts.IsUnstated(risk.Owner))
            {
                missing.Add("no owner");
            }

            if (missing.Count == 0)
            {
                continue;
            }

            yield return Info.At(context.KeySpan(risk.Path), ExpiredAcceptance.Subject(risk),
                $"the acceptance of '{risk.Finding ?? risk.Threat}' has {string.Join(" and ", missing)}{(risk.Until is null ? ": it never expires" : ": nobody is accountable for it")}",
                risk.Until is null ? Severity.Medium : Severity.Low);
        }
    }
}
