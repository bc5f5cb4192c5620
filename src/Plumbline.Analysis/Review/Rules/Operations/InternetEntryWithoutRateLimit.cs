using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>A workflow entered from an untrusted boundary with no rate limit on its endpoint or its synchronous path.</summary>
public sealed class InternetEntryWithoutRateLimit : IRule
{
    public RuleInfo Info { get; } = new("internet-entry-without-rate-limit", ProcessStep.Security, Severity.Medium,
        "An internet-facing workflow has no rate limit",
        "Without a rate limit one client, a retry storm or a scraper can take all the capacity of the path, turning one abuser into an outage for everyone; it is also the first lever on-call reaches for to shed load.",
        "Add a rate_limit per client (per api key, user or IP) at the entry gateway or service, or on the workflow's endpoint.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        var untrusted = OperationsFacts.Untrusted(design);
        if (untrusted.Count == 0)
        {
            yield break;
        }

        foreach (var workflow in design.Workflows)
        {
            if (!OperationsFacts.IsInternetFacing(design, workflow, untrusted, out var via) || OperationsFacts.RateLimitOn(context, workflow) is not null)
            {
                continue;
            }

            var path = string.Join(", ", context.SyncComponentsOf(workflow));
            var cdn = design.FindComponent(workflow.Entry.Component)?.Kind == ComponentKind.Cdn;
            yield return Info.At(context.KeySpan(workflow.Path), workflow.Name,
                $"{workflow.Name} is reached from the internet ({via}) and nothing on its path ({path}) or its endpoint has a rate limit{(cdn ? "; only the CDN's cache stands in front of its origin" : string.Empty)}",
                cdn ? Severity.Low : Severity.Medium);
        }
    }
}
