using System.Collections.Immutable;
using Plumbline.Design.Units;

namespace Plumbline.Design.Model;

/// <summary><c>security:</c> process step 8 and security thinking.</summary>
public sealed record Security(
    ImmutableArray<TrustBoundary> Boundaries,
    Authentication Authn,
    string? Authz,
    Encryption Encryption,
    Secrets? Secrets,
    ImmutableArray<string> Audit,
    ImmutableArray<AcceptedRisk> AcceptedRisks,
    string Path)
{
    public static Security Empty { get; } = new([], Authentication.Empty, null, Encryption.Empty, null, [], [], "/security");
}

/// <summary>A trust boundary: the personas and components inside it.</summary>
public sealed record TrustBoundary(string Name, ImmutableArray<string> Contains, bool Trusted, string Path);

/// <summary>How users and services prove who they are.</summary>
public sealed record Authentication(string? Users, string? Services)
{
    public static Authentication Empty { get; } = new(null, null);
}

/// <summary>Encryption in transit and at rest; null means not stated.</summary>
public sealed record Encryption(string? InTransit, string? AtRest)
{
    public static Encryption Empty { get; } = new(null, null);
}

/// <summary>Where secrets live and how often they rotate.</summary>
public sealed record Secrets(string? Store, Duration? Rotation);

/// <summary>
/// A risk the team accepts until a date: either a threat in words or a review finding by its
/// stable key (<c>rule-id@subject</c>).
/// </summary>
public sealed record AcceptedRisk(string? Threat, string? Finding, string Reason, DateOnly? Until, string? Owner, string Path);
