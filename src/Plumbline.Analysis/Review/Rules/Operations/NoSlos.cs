using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>A design with workflows and not one SLO.</summary>
public sealed class NoSlos : IRule
{
    public RuleInfo Info { get; } = new("no-slos", ProcessStep.Observability, Severity.Medium,
        "No SLOs are set",
        "Without service level objectives nobody has said how reliable or fast the system must be, so there are no error budgets, no burn-rate alerts, and no way to tell whether a design choice is good enough.",
        "Add slos: an availability SLO for each important workflow, and a latency SLO (threshold and objective) for the user-facing ones.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        if (design.Workflows.IsEmpty || !design.Slos.IsEmpty)
        {
            yield break;
        }

        var critical = design.Workflows.Where(w => w.Criticality == Criticality.Critical).Select(w => w.Name).ToList();
        yield return Info.At(context.Locate("/slos"), "slos",
            critical.Count > 0
                ? $"no SLOs are set for the {design.Workflows.Length} workflow(s), critical ones included ({string.Join(", ", critical)}): nothing says how reliable or fast they must be"
                : $"no SLOs are set for the {design.Workflows.Length} workflow(s): nothing says how reliable or fast they must be");
    }
}
