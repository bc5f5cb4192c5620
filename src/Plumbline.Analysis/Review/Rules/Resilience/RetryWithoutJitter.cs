using Plumbline.Analysis.Availability;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>Backoff without jitter: every caller that failed together retries together.</summary>
public sealed class RetryWithoutJitter : IRule
{
    public RuleInfo Info { get; } = new("retry-without-jitter", ProcessStep.Resilience, Severity.Low,
        "Retries back off without jitter",
        "Callers that failed at the same moment back off by the same delays and retry in synchronised waves, so the callee sees spikes instead of a spread.",
        "Add jitter to the backoff: jitter: full (or decorrelated) spreads the retries.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var site in context.Calls)
        {
            if (site.Call.Retries is not { Max: > 0 } retries || TimeoutBudget.TotalDelay(retries) <= 0 || retries.Jitter is not (null or JitterKind.None))
            {
                continue;
            }

            yield return Info.At(context.Span(site.Call.Path + "/retries"), site.Id,
                $"{site.Id} backs off {(retries.Backoff is { } backoff ? EnumNames.Text(backoff) : "by a fixed delay")} with no jitter, so callers that failed together retry together");
        }
    }
}
