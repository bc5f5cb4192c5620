using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>A critical or high workflow without an availability SLO, or (unless it is a batch job entering at a worker) without a latency SLO.</summary>
public sealed class WorkflowMissingSlo : IRule
{
    public RuleInfo Info { get; } = new("workflow-missing-slo", ProcessStep.Observability, Severity.Medium,
        "An important workflow lacks an availability or latency SLO",
        "The workflows whose failure hurts most are the ones that need an objective: without an availability SLO nothing pages when they fail, and without a latency SLO they can degrade to unusable while every request still 'succeeds'.",
        "Add the missing SLO for the workflow: availability with an objective, and latency with a threshold and objective.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        if (design.Slos.IsEmpty)
        {
            yield break;
        }

        foreach (var workflow in design.Workflows)
        {
            if (workflow.Criticality is not (Criticality.Critical or Criticality.High))
            {
                continue;
            }

            var critical = workflow.Criticality == Criticality.Critical;
            var level = critical ? "critical" : "high-criticality";
            var span = context.KeySpan(workflow.Path);
            if (!design.Slos.Any(s => s.Workflows.Contains(workflow.Name) && s.Sli == SliKind.Availability))
            {
                yield return Info.At(span, $"{workflow.Name}:availability",
                    $"{level} workflow {workflow.Name} has no availability SLO: nothing pages when it fails",
                    critical ? Severity.High : Severity.Medium);
            }

            var batch = design.FindComponent(workflow.Entry.Component)?.Kind is ComponentKind.Worker;
            if (!batch && !design.Slos.Any(s => s.Workflows.Contains(workflow.Name) && s.Sli == SliKind.Latency))
            {
                yield return Info.At(span, $"{workflow.Name}:latency",
                    $"{level} workflow {workflow.Name} has no latency SLO: it can slow to unusable while every request still succeeds",
                    critical ? Severity.Medium : Severity.Low);
            }
        }
    }
}
