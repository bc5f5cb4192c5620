namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>The scope lists nothing in it or nothing out of it.</summary>
public sealed class ScopeWithoutBoundaries : IRule
{
    public RuleInfo Info { get; } = new("scope-without-boundaries", ProcessStep.RequirementBrief, Severity.Low,
        "The scope does not say what is in and what is out",
        "A scope without an 'in' list leaves the features to be inferred from the architecture, and one without an 'out' list invites scope creep; both are where estimates and deadlines slip.",
        "List the features in requirements.scope.in and what is explicitly not being built in requirements.scope.out.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var scope = context.Design.Requirements.Scope;
        var noIn = scope.In.IsDefaultOrEmpty;
        var noOut = scope.Out.IsDefaultOrEmpty;
        if (!noIn && !noOut)
        {
            yield break;
        }

        var span = context.Locate(scope.Path);
        if (noIn && noOut)
        {
            yield return Info.At(span, "scope", "the scope lists neither what is in nor what is out");
        }
        else if (noIn)
        {
            yield return Info.At(span, "scope",
                $"the scope lists {scope.Out.Length} thing(s) out of scope but nothing in scope");
        }
        else
        {
            yield return Info.At(span, "scope",
                $"the scope lists {scope.In.Length} thing(s) in scope but nothing explicitly out of scope");
        }
    }
}
