namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>No on-call rotation, or a rotation with no escalation chain.</summary>
public sealed class OnCallMissing : IRule
{
    public RuleInfo Info { get; } = new("on-call-missing", ProcessStep.OnCall, Severity.Low,
        "No on-call rotation or escalation",
        "SLO alerts are only useful if someone is paged; without a rotation nobody owns the pager, and without an escalation chain an unacknowledged page or an incident beyond the responder's reach goes nowhere.",
        "State operations.on_call: the rotation (weekly, follow-the-sun...) and the escalation chain, first responder first.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        if (design.Components.IsEmpty)
        {
            yield break;
        }

        var onCall = design.Operations.OnCall;
        if (onCall is null || OperationsFacts.IsUnstated(onCall.Rotation))
        {
            yield return Info.At(context.Locate("/operations/on_call"), "on_call",
                "no on-call rotation is stated: nobody is named to answer the pager");
        }
        else if (onCall.Escalation.IsDefaultOrEmpty)
        {
            yield return Info.At(context.Locate("/operations/on_call"), "on_call",
                $"the on-call rotation ({onCall.Rotation}) has no escalation chain: an unanswered page goes nowhere");
        }
    }
}
