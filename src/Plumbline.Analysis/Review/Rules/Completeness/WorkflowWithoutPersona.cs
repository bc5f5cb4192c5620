namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>Personas are named, but no persona uses this workflow.</summary>
public sealed class WorkflowWithoutPersona : IRule
{
    public RuleInfo Info { get; } = new("workflow-without-persona", ProcessStep.RequirementBrief, Severity.Low,
        "No persona uses a workflow",
        "A workflow no user needs is either scope nobody asked for or a persona missing from the brief; in both cases its criticality and SLO have no one to answer to.",
        "Add the workflow to the personas that use it, add the missing persona, or remove the workflow.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var personas = context.Design.Requirements.Personas;
        if (personas.IsDefaultOrEmpty)
        {
            yield break;
        }

        var used = personas.SelectMany(p => p.Workflows).ToHashSet(StringComparer.Ordinal);
        foreach (var workflow in context.Design.Workflows)
        {
            if (!used.Contains(workflow.Name))
            {
                yield return Info.At(context.KeySpan(workflow.Path), workflow.Name,
                    $"workflow {workflow.Name} is used by none of the {personas.Length} persona(s)");
            }
        }
    }
}
