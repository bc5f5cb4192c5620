namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>A design with components and no runbooks.</summary>
public sealed class NoRunbooks : IRule
{
    public RuleInfo Info { get; } = new("no-runbooks", ProcessStep.OnCall, Severity.Medium,
        "No runbooks are written",
        "At 3 a.m. on-call follows what is written down; without runbooks each incident starts with rediscovering how the system fails, how to tell, and what is safe to do, which is how short outages become long ones.",
        "Add operations.runbooks: one per failure mode of the stateful and external components (a primary down, a cache cold, a vendor outage), each with how it is detected, the mitigation steps and the components it covers.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        if (design.Components.IsEmpty || !design.Operations.Runbooks.IsEmpty)
        {
            yield break;
        }

        yield return Info.At(context.Locate("/operations/runbooks"), "runbooks",
            $"no runbooks are written for the {design.Components.Length} component(s): on-call has nothing to follow when one fails");
    }
}
