using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>An upstream system the design relies on, with no availability promise.</summary>
public sealed class DependencyWithoutSla : IRule
{
    public RuleInfo Info { get; } = new("dependency-without-sla", ProcessStep.RequirementBrief, Severity.Medium,
        "An upstream dependency has no SLA",
        "A design cannot be more available than what it calls synchronously; without the dependency's SLA, the design's own availability target rests on an unknown.",
        "Set sla on the dependency (or on the component that stands for it) from its owner's published or contracted figure; if there is none, say so and plan a fallback.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var dependency in context.Design.Requirements.Dependencies)
        {
            if (dependency.Direction != DependencyDirection.Upstream || dependency.Sla is not null)
            {
                continue;
            }

            var component = dependency.Component is { } name ? context.Design.FindComponent(name) : null;
            if (component?.Sla is not null)
            {
                continue;
            }

            // With no component standing for it, no workflow's availability is composed from it: the SLA is a question
            // for the brief, and no figure of the design rests on the answer.
            yield return component is null
                ? Info.At(context.KeySpan(dependency.Path), dependency.Name,
                    $"upstream dependency {dependency.Name} has no SLA and no component stands for it, so what it lends the design's availability is unstated", Severity.Low)
                : Info.At(context.KeySpan(dependency.Path), dependency.Name,
                    $"upstream dependency {dependency.Name} has no SLA, so nothing bounds the availability it lends the design");
        }
    }
}
