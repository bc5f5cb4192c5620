using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>A dependency nobody is named as owning.</summary>
public sealed class DependencyWithoutOwner : IRule
{
    public RuleInfo Info { get; } = new("dependency-without-owner", ProcessStep.RequirementBrief, Severity.Low,
        "A dependency has no owner",
        "When a dependency breaks or needs to change, someone has to be called; a dependency without a named owning team or vendor turns an incident into a search.",
        "Set owner on the dependency (or on the component that stands for it): the team or company responsible for it.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var dependency in context.Design.Requirements.Dependencies)
        {
            if (!string.IsNullOrWhiteSpace(dependency.Owner))
            {
                continue;
            }

            var component = dependency.Component is { } name ? context.Design.FindComponent(name) : null;
            if (!string.IsNullOrWhiteSpace(component?.Owner))
            {
                continue;
            }

            yield return Info.At(context.KeySpan(dependency.Path), dependency.Name,
                $"{EnumNames.Text(dependency.Direction)} dependency {dependency.Name} has no owner to escalate to");
        }
    }
}
