namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>A persona that uses none of the workflows.</summary>
public sealed class PersonaWithoutWorkflows : IRule
{
    public RuleInfo Info { get; } = new("persona-without-workflows", ProcessStep.RequirementBrief, Severity.Low,
        "A persona uses no workflow",
        "A primary user with no workflow is either served by nothing in the design (a missing feature) or not a primary user; either way the brief and the architecture disagree.",
        "List the workflows the persona uses in its 'workflows', adding the missing workflows to the design, or drop the persona.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var persona in context.Design.Requirements.Personas)
        {
            if (persona.Workflows.IsDefaultOrEmpty)
            {
                yield return Info.At(context.KeySpan(persona.Path), persona.Name,
                    $"persona {persona.Name} lists no workflows, so nothing in the design serves them");
            }
        }
    }
}
