namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>A chaos or load scenario with nothing to pass or fail: no expected SLOs.</summary>
public sealed class ScenarioWithoutExpectation : IRule
{
    public RuleInfo Info { get; } = new("scenario-without-expectation", ProcessStep.Validation, Severity.Medium,
        "A validation scenario has no expectation",
        "A chaos or load test without a hypothesis cannot pass or fail: it produces graphs, not answers, and regressions in resilience go unnoticed between runs.",
        "Add expect: { slos: met } or the list of SLOs that must hold during the scenario.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var validation = context.Design.Validation;
        foreach (var scenario in validation.Chaos)
        {
            if (scenario.Expect is not { } expect || (!expect.AllSlos && expect.Slos.IsDefaultOrEmpty))
            {
                yield return Info.At(context.KeySpan(scenario.Path), $"chaos:{scenario.Name}",
                    $"chaos scenario {scenario.Name} expects nothing: it cannot pass or fail");
            }
        }

        foreach (var scenario in validation.Load)
        {
            if (scenario.Expect is not { } expect || (!expect.AllSlos && expect.Slos.IsDefaultOrEmpty))
            {
                yield return Info.At(context.KeySpan(scenario.Path), $"load:{scenario.Name}",
                    $"load scenario {scenario.Name} expects nothing: it cannot pass or fail", Severity.Low);
            }
        }
    }
}
