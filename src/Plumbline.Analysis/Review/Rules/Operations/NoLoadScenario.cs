namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>Workflows and no load scenario.</summary>
public sealed class NoLoadScenario : IRule
{
    public RuleInfo Info { get; } = new("no-load-scenario", ProcessStep.Validation, Severity.Low,
        "No load scenario",
        "Capacity numbers on paper are assumptions until traffic at peak has been pushed through the design; a load test finds the bottleneck, the missing timeout or the pool limit before launch day does.",
        "Add validation.load with at least one scenario ramping to the peak (peak_to_average times the average) and holding it, expecting the SLOs to be met.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        if (design.Workflows.IsEmpty || !design.Validation.Load.IsEmpty)
        {
            yield break;
        }

        yield return Info.At(context.Locate("/validation/load"), "load",
            $"no load scenario exercises the {design.Workflows.Length} workflow(s): peak capacity is untested");
    }
}
