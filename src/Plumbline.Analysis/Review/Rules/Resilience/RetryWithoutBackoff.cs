using Plumbline.Analysis.Availability;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>Retries fired back to back: they hit a struggling callee again before it could recover.</summary>
public sealed class RetryWithoutBackoff : IRule
{
    public RuleInfo Info { get; } = new("retry-without-backoff", ProcessStep.Resilience, Severity.Medium,
        "Retries have no backoff",
        "Immediate retries multiply load on a callee at the moment it is failing, so a brief overload becomes a sustained one.",
        "Give the retries an exponential backoff with a base delay and a cap, for example retries: { max: 2, backoff: exponential, base: 50ms, max_delay: 1s, jitter: full }.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var site in context.Calls)
        {
            if (site.Call.Retries is not { Max: > 0 } retries || TimeoutBudget.TotalDelay(retries) > 0)
            {
                continue;
            }

            yield return Info.At(context.Span(site.Call.Path + "/retries"), site.Id,
                $"{site.Id} retries {retries.Max} time{(retries.Max == 1 ? string.Empty : "s")} with no delay between attempts, so a struggling {site.Call.To.Component} is hit again at once");
        }
    }
}
