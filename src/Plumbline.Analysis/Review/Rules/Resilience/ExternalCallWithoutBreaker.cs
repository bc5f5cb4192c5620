using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>A call to a system outside the team's control with no circuit breaker.</summary>
public sealed class ExternalCallWithoutBreaker : IRule
{
    public RuleInfo Info { get; } = new("external-call-without-breaker", ProcessStep.Resilience, Severity.Medium,
        "A call to an external dependency has no circuit breaker",
        "An external system fails on its own schedule and you cannot fix it; without a breaker every request keeps paying its timeout and retries, tying up threads and hammering a vendor that is already down.",
        "Add a circuit_breaker to the call (failure_rate, window, min_calls, open_for) and a fallback for when it is open.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var facts = ResilienceFacts.For(context);
        var dependencies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dependency in context.Design.Requirements.Dependencies)
        {
            if (dependency.Direction == DependencyDirection.Upstream && dependency.Component is { } stand)
            {
                dependencies.TryAdd(stand, dependency.Name);
            }
        }

        foreach (var site in context.Calls)
        {
            if (site.Call.CircuitBreaker is not null || site.Component.Kind == ComponentKind.Client
                || context.Design.FindComponent(site.Call.To.Component) is not { } target
                || (target.Kind != ComponentKind.External && !dependencies.ContainsKey(target.Name)))
            {
                continue;
            }

            var from = facts.Graph.IndexOf(site.Operation.Ref);
            var critical = !site.Call.Async && string.IsNullOrWhiteSpace(site.Call.Fallback) && from >= 0 && facts.HardCriticality(from) == Criticality.Critical;
            var what = dependencies.TryGetValue(target.Name, out var name) && name != target.Name
                ? $"{target.Name}, which stands for the upstream dependency {name},"
                : target.Kind == ComponentKind.External ? $"the external {target.Name}" : $"the upstream dependency {target.Name}";
            yield return Info.At(context.KeySpan(site.Call.Path), site.Id,
                $"{site.Id} calls {what} with no circuit breaker{(critical ? " on a critical workflow's path with no fallback" : string.Empty)}, so its outages cost every request a full timeout",
                critical ? Severity.High : Severity.Medium);
        }
    }
}
