namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>No stated way to roll back a bad change.</summary>
public sealed class NoRollbackPlan : IRule
{
    public RuleInfo Info { get; } = new("no-rollback-plan", ProcessStep.OnCall, Severity.Low,
        "No rollback plan",
        "Most incidents start with a change; the fastest mitigation is undoing it, and that only works if deploys, configuration and schema changes were made reversible before they shipped.",
        "State operations.rollback: how a bad deploy is undone (blue-green, canary with automatic rollback), and how schema changes stay reversible (expand then contract).");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        if (design.Components.IsEmpty || !OperationsFacts.IsUnstated(design.Operations.Rollback))
        {
            yield break;
        }

        yield return Info.At(context.Locate("/operations/rollback"), "rollback",
            "no rollback plan is stated: a bad deploy or migration has no rehearsed way back");
    }
}
