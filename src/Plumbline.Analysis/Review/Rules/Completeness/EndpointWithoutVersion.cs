using System.Text.RegularExpressions;

namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>An endpoint with no version: neither api.version, its own version, nor a version in its route.</summary>
public sealed partial class EndpointWithoutVersion : IRule
{
    public RuleInfo Info { get; } = new("endpoint-without-version", ProcessStep.ApiAndData, Severity.Medium,
        "An endpoint has no version",
        "The first breaking change to an unversioned endpoint breaks every client at once; adding a version later means a migration for all of them. Versioning is cheapest on day one.",
        "Set api.version (and api.versioning), or version on the endpoint when it differs.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var api = context.Design.Api;
        if (!string.IsNullOrWhiteSpace(api.Version))
        {
            yield break;
        }

        foreach (var endpoint in api.Endpoints)
        {
            if (string.IsNullOrWhiteSpace(endpoint.Version) && !RouteVersion().IsMatch(endpoint.Route))
            {
                yield return Info.At(context.KeySpan(endpoint.Path), endpoint.Name,
                    $"endpoint {endpoint.Name} ({endpoint.Method} {endpoint.Route}) has no version: neither api.version, its own version, nor one in its route");
            }
        }
    }

    /// <summary>A path segment such as /v1/ or /v2.1 counts as a version in the route.</summary>
    [GeneratedRegex(@"(^|/)v\d+(\.\d+)?(/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex RouteVersion();
}
