namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>An endpoint that does not say how callers authenticate.</summary>
public sealed class EndpointWithoutAuth : IRule
{
    public RuleInfo Info { get; } = new("endpoint-without-auth", ProcessStep.ApiAndData, Severity.Medium,
        "An endpoint has no auth stance",
        "An endpoint whose authentication is unstated gets whatever the framework defaults to; public endpoints should be public on purpose, and the rest need a named scheme.",
        "Set auth on the endpoint: api_key, oauth, session, jwt or mtls, or none when it is public by design.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var endpoint in context.Design.Api.Endpoints)
        {
            if (endpoint.Auth is null)
            {
                yield return Info.At(context.KeySpan(endpoint.Path), endpoint.Name,
                    $"endpoint {endpoint.Name} ({endpoint.Method} {endpoint.Route}) does not say how callers authenticate");
            }
        }
    }
}
