using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>A synchronous call with no timeout: one slow callee holds the caller's threads and connections until it recovers.</summary>
public sealed class MissingTimeout : IRule
{
    public RuleInfo Info { get; } = new("missing-timeout", ProcessStep.Resilience, Severity.Medium,
        "A synchronous call has no timeout",
        "Without a timeout a slow dependency is worse than a dead one: callers wait, their pools fill and the slowness spreads up the call graph until everything that shares them stalls.",
        "Give the call a timeout a little above the callee's p99 (and below the caller's own timeout), and decide what happens when it fires: a retry, a fallback or an error.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var facts = ResilienceFacts.For(context);
        foreach (var site in context.Calls)
        {
            if (site.Call.Async || site.Call.Timeout is not null || site.Component.Kind == ComponentKind.Client)
            {
                continue;
            }

            var from = facts.Graph.IndexOf(site.Operation.Ref);
            var criticality = from >= 0 ? facts.SyncCriticality(from) : null;
            var severity = criticality == Criticality.Critical ? Severity.High : Severity.Medium;
            var on = criticality is { } c ? $" on the path of a {EnumNames.Text(c)} workflow" : string.Empty;
            yield return Info.At(context.KeySpan(site.Call.Path), site.Id,
                $"{site.Id} waits with no timeout{on}; a slow {site.Call.To.Component} holds {site.Component.Name}'s requests for as long as it stalls", severity);
        }
    }
}
