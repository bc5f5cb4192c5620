namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>A runbook that does not say how its failure is detected, or what to do about it.</summary>
public sealed class RunbookIncomplete : IRule
{
    public RuleInfo Info { get; } = new("runbook-incomplete", ProcessStep.OnCall, Severity.Low,
        "A runbook lacks detection or mitigation",
        "A runbook that names a failure but not how it shows up leaves on-call guessing whether it applies; one without mitigation steps leaves them improvising under pressure, which is what runbooks exist to prevent.",
        "Give the runbook a detect (the alert or dashboard that shows the failure) and mitigate steps in order, starting with the safe, reversible ones.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var runbook in context.Design.Operations.Runbooks)
        {
            var noDetect = OperationsFacts.IsUnstated(runbook.Detect);
            var noMitigation = runbook.Mitigate.IsDefaultOrEmpty || runbook.Mitigate.All(OperationsFacts.IsUnstated);
            if (!noDetect && !noMitigation)
            {
                continue;
            }

            var gap = noDetect && noMitigation ? "says neither how the failure is detected nor how to mitigate it"
                : noDetect ? "does not say how the failure is detected" : "has no mitigation steps";
            yield return Info.At(context.KeySpan(runbook.Path), runbook.Failure, $"the runbook for '{Clip(runbook.Failure)}' {gap}");
        }
    }

    private static string Clip(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
