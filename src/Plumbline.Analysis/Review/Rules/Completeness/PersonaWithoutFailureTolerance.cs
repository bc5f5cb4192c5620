namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>A persona whose tolerance of failure is not stated.</summary>
public sealed class PersonaWithoutFailureTolerance : IRule
{
    public RuleInfo Info { get; } = new("persona-without-failure-tolerance", ProcessStep.RequirementBrief, Severity.Low,
        "A persona's failure tolerance is not stated",
        "How much failure a user tolerates is what sets their workflows' criticality and SLOs; left unsaid, the design is either over-built or lets its least tolerant users down.",
        "Set failure_tolerance (low, medium or high) on the persona.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var persona in context.Design.Requirements.Personas)
        {
            if (persona.FailureTolerance is null)
            {
                yield return Info.At(context.KeySpan(persona.Path), persona.Name,
                    $"persona {persona.Name} has no failure_tolerance, so nothing says how critical its workflows are");
            }
        }
    }
}
