namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>A component that no trust boundary contains, when boundaries are drawn.</summary>
public sealed class ComponentOutsideBoundaries : IRule
{
    public RuleInfo Info { get; } = new("component-outside-boundaries", ProcessStep.SecurityThinking, Severity.Low,
        "A component is outside every trust boundary",
        "A component the threat model does not place is attack surface nobody reasoned about: whether the internet can reach it, and whether it trusts its callers, is left to chance.",
        "Add the component to the boundary it lives in (the private network, the edge, a vendor's untrusted boundary).");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        var boundaries = design.Security.Boundaries;
        if (boundaries.IsEmpty)
        {
            yield break;
        }

        var placed = boundaries.SelectMany(b => b.Contains).ToHashSet(StringComparer.Ordinal);
        foreach (var component in design.Components)
        {
            if (placed.Contains(component.Name))
            {
                continue;
            }

            yield return component.IsStateful
                ? Info.At(context.KeySpan(component.Path), component.Name,
                    $"stateful component {component.Name} is in no trust boundary: who can reach its data is not modelled", Severity.Medium)
                : Info.At(context.KeySpan(component.Path), component.Name,
                    $"{component.Name} is in no trust boundary");
        }
    }
}
