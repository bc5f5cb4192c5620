namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>Endpoints exist, but the API does not say how versions are told apart.</summary>
public sealed class ApiWithoutVersioning : IRule
{
    public RuleInfo Info { get; } = new("api-without-versioning", ProcessStep.ApiAndData, Severity.Low,
        "The API has no versioning stance",
        "Clients, gateways and caches all depend on where the version lives (path, header, query); deciding it after launch means supporting two schemes at once.",
        "Set api.versioning to path, header or query, or to none when the API is deliberately unversioned (internal, one client).");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var api = context.Design.Api;
        if (api.Versioning is null && !api.Endpoints.IsDefaultOrEmpty)
        {
            yield return Info.At(context.KeySpan(api.Path), "api",
                $"the API has {api.Endpoints.Length} endpoint(s) but no versioning stance (path, header, query or none)");
        }
    }
}
