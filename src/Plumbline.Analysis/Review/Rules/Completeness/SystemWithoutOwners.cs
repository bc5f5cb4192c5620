namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>Nobody owns the design.</summary>
public sealed class SystemWithoutOwners : IRule
{
    public RuleInfo Info { get; } = new("system-without-owners", ProcessStep.OrgAlignment, Severity.Low,
        "The system has no owners",
        "A design without an owning team has nobody to answer its open questions, carry its pager or keep it aligned with the org's goals.",
        "Set system.owners to the team (or teams) that own the design and its operation.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var system = context.Design.System;
        if (system.Owners.IsDefaultOrEmpty || system.Owners.All(string.IsNullOrWhiteSpace))
        {
            yield return Info.At(context.KeySpan(system.Path), system.Name,
                $"system {system.Name} names no owning team");
        }
    }
}
