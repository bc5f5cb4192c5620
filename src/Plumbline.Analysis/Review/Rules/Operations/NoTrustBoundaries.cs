namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>A design with components and no trust boundaries.</summary>
public sealed class NoTrustBoundaries : IRule
{
    public RuleInfo Info { get; } = new("no-trust-boundaries", ProcessStep.SecurityThinking, Severity.Medium,
        "No trust boundaries are drawn",
        "Threat modelling starts with where trust changes: which callers are the internet, which components are reachable from it, and which vendors see data. Without boundaries, authentication, rate limiting and encryption cannot be judged.",
        "Add security.boundaries: an untrusted one for internet personas and vendors, and trusted ones holding your components, so every component sits in exactly one.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        if (design.Components.IsEmpty || !design.Security.Boundaries.IsEmpty)
        {
            yield break;
        }

        yield return Info.At(context.Locate("/security/boundaries"), "boundaries",
            $"no trust boundaries are drawn around the {design.Components.Length} component(s): nothing says what the internet can reach");
    }
}
