using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>An endpoint with auth: none that changes state.</summary>
public sealed class UnauthenticatedWriteEndpoint : IRule
{
    public RuleInfo Info { get; } = new("unauthenticated-write-endpoint", ProcessStep.Security, Severity.High,
        "An endpoint writes without authentication",
        "Anyone can call an unauthenticated write: spam and abuse cost storage and money, nothing ties a write to a caller for audit or blocking, and a bug in input validation is exploitable by the whole internet.",
        "Require authentication on the endpoint (api_key, oauth, jwt...); if anonymous writes are the product, rate-limit them per IP, add abuse controls (captcha, size limits) and accept the risk explicitly.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        foreach (var endpoint in design.Api.Endpoints)
        {
            if (endpoint.Auth != AuthScheme.None || !Writes(endpoint, design))
            {
                continue;
            }

            var limit = !endpoint.RateLimits.IsEmpty ? $"endpoint {endpoint.Name}"
                : endpoint.Workflow is { } name && design.FindWorkflow(name) is { } workflow ? OperationsFacts.RateLimitOn(context, workflow) : null;
            var writes = endpoint.Writes.IsDefaultOrEmpty ? string.Empty : $" ({string.Join(", ", endpoint.Writes)})";
            yield return Info.At(context.Span(endpoint.Path + "/auth"), endpoint.Name,
                $"{endpoint.Name} ({endpoint.Method} {endpoint.Route}) writes{writes} with auth: none{(limit is null ? " and no rate limit" : $"; only a rate limit ({limit}) holds back abuse")}",
                limit is null ? Severity.High : Severity.Medium);
        }
    }

    /// <summary>A writing method, or stated writes on anything but a read method of a read workflow (a redirect that records a click is a read).</summary>
    internal static bool Writes(Endpoint endpoint, SystemDesign design)
    {
        if (endpoint.Method is "POST" or "PUT" or "PATCH" or "DELETE")
        {
            return true;
        }

        if (endpoint.Writes.IsDefaultOrEmpty)
        {
            return false;
        }

        var readWorkflow = endpoint.Workflow is { } name && design.FindWorkflow(name)?.Type == AccessType.Read;
        return !(endpoint.Method is "GET" or "HEAD" or "OPTIONS" && readWorkflow);
    }
}
