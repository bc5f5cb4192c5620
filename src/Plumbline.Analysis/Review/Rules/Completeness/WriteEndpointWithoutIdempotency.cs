namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>An endpoint that changes state and does not say what a repeated request does.</summary>
public sealed class WriteEndpointWithoutIdempotency : IRule
{
    public RuleInfo Info { get; } = new("write-endpoint-without-idempotency", ProcessStep.ApiAndData, Severity.High,
        "A write endpoint has no idempotency stance",
        "Clients, proxies and mobile networks repeat requests after timeouts; a write endpoint that never decided what a repeat does will create duplicate orders, payments or messages in production.",
        "Set idempotency on the endpoint: key (the client sends an Idempotency-Key), natural (the write is idempotent by construction), or none when duplicates are acceptable.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var endpoint in context.Design.Api.Endpoints)
        {
            if (endpoint.Idempotency is not null || !CompletenessSupport.IsWrite(endpoint))
            {
                continue;
            }

            var writes = endpoint.Writes.IsDefaultOrEmpty ? string.Empty : $", writing {string.Join(", ", endpoint.Writes)},";
            var message = $"endpoint {endpoint.Name} ({endpoint.Method} {endpoint.Route}){writes} has no idempotency stance";

            // PUT and DELETE are idempotent by HTTP's contract, so the stance is likely natural, only
            // unstated; a GET that records something (a click) repeats harmlessly more often than not.
            yield return endpoint.Method is "PUT" or "DELETE" or "GET" or "HEAD" or "OPTIONS"
                ? Info.At(context.KeySpan(endpoint.Path), endpoint.Name, message, Severity.Medium)
                : Info.At(context.KeySpan(endpoint.Path), endpoint.Name, message);
        }
    }
}
