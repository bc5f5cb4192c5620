namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>Workflows exist but nobody is said to use them.</summary>
public sealed class NoPersonas : IRule
{
    public RuleInfo Info { get; } = new("no-personas", ProcessStep.RequirementBrief, Severity.Low,
        "The brief names no personas",
        "Who the users are decides which workflows matter most and how much failure each tolerates; without personas, criticality and SLOs are guesses nobody can check against a real user.",
        "Add requirements.personas: each primary user type with the workflows they use and their failure_tolerance.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        if (design.Requirements.Personas.IsDefaultOrEmpty && !design.Workflows.IsDefaultOrEmpty)
        {
            yield return Info.At(context.Locate(design.Requirements.Path + "/personas"), "personas",
                $"{design.Workflows.Length} workflow(s) but no personas: nobody is said to use them");
        }
    }
}
