using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>Personal or restricted data and no audit trail.</summary>
public sealed class NoAuditTrail : IRule
{
    public RuleInfo Info { get; } = new("no-audit-trail", ProcessStep.Security, Severity.Medium,
        "No audit trail for sensitive data",
        "When personal or restricted data is misused or leaked, the first questions are who accessed or changed what, and when; without an audit trail there is no answer for the investigation, the regulator or the customer.",
        "List under security.audit what is recorded: reads and changes of the sensitive entities, admin and staff access, permission and key changes.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        if (!design.Security.Audit.IsDefaultOrEmpty)
        {
            yield break;
        }

        var sensitive = design.Data.Where(e => e.Pii || e.Classification == Classification.Restricted).ToList();
        if (sensitive.Count == 0)
        {
            yield break;
        }

        yield return Info.At(context.Locate("/security/audit"), "audit",
            $"no audit trail is stated, yet the design holds {OperationsFacts.Describe(sensitive)}: nobody could say who read or changed it",
            sensitive.Any(e => e.Classification == Classification.Restricted) ? Severity.High : Severity.Medium);
    }
}
