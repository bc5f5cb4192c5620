using System.Collections.Immutable;

namespace Plumbline.Design.Model;

/// <summary>How API versions are told apart.</summary>
public enum VersioningScheme
{
    Path,
    Header,
    Query,
    None,
}

/// <summary><c>api:</c> the contracts (process step 2), versioned from the start.</summary>
public sealed record Api(string? Version, VersioningScheme? Versioning, ImmutableArray<Endpoint> Endpoints, string Path)
{
    public static Api Empty { get; } = new(null, null, [], "/api");
}

/// <summary>How a repeated request is made safe: not at all, by a client-sent key, or because the operation is naturally idempotent.</summary>
public enum Idempotency
{
    None,
    Key,
    Natural,
}

/// <summary>How callers of an endpoint authenticate.</summary>
public enum AuthScheme
{
    None,
    ApiKey,
    OAuth,
    Session,
    Jwt,
    Mtls,
}

/// <summary>One endpoint: route, the workflow it serves, its idempotency and auth, and the entities it reads and writes.</summary>
/// <param name="Method">HTTP method or RPC verb from the route, upper case (GET, POST...).</param>
public sealed record Endpoint(
    string Name,
    string Method,
    string Route,
    string? Workflow,
    Idempotency? Idempotency,
    AuthScheme? Auth,
    ImmutableArray<string> Reads,
    ImmutableArray<string> Writes,
    string? Version,
    ImmutableArray<RateLimit> RateLimits,
    string Path)
{
    /// <summary>Why it needs no authentication (<c>public:</c>, the reason); null when unstated. A public endpoint's <see cref="Auth"/> is none.</summary>
    public string? Public { get; init; }
}
