using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>A critical workflow that no chaos scenario touches: no fault hits a component it reaches, or a zone one of them runs in.</summary>
public sealed class CriticalWorkflowWithoutChaos : IRule
{
    public RuleInfo Info { get; } = new("critical-workflow-without-chaos", ProcessStep.Validation, Severity.Medium,
        "A critical workflow is not tested under failure",
        "Critical workflows must meet their SLOs when parts fail, and redundancy, timeouts and fallbacks that were never exercised tend not to work the first time they are needed.",
        "Add a validation.chaos scenario that breaks something the workflow depends on (a zone, an instance of its store, a slow or failing dependency) and expects its SLOs to hold.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        foreach (var workflow in design.Workflows)
        {
            if (workflow.Criticality != Criticality.Critical)
            {
                continue;
            }

            var reached = context.ComponentsOf(workflow);
            if (design.Validation.Chaos.Any(s => Touches(s.Fault, reached, design)))
            {
                continue;
            }

            yield return Info.At(context.KeySpan(workflow.Path), workflow.Name,
                $"critical workflow {workflow.Name} is not tested under failure: no chaos scenario breaks any of {string.Join(", ", reached)}");
        }
    }

    internal static bool Touches(Fault fault, IReadOnlyCollection<string> components, SystemDesign design) => fault.Kind == FaultKind.ZoneDown
        ? components.Any(c => design.FindComponent(c)?.Zones.Contains(fault.Target) == true)
        : components.Contains(fault.Target);
}
