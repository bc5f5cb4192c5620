using System.Collections.Immutable;

namespace Plumbline.Design.Model;

/// <summary>Which accesses to an entity are written to the audit trail.</summary>
public enum AuditScope
{
    /// <summary>Nothing is audited.</summary>
    None,

    /// <summary>Every change (create, update, delete) is audited.</summary>
    Writes,

    /// <summary>Every read and every change is audited.</summary>
    All,
}

/// <summary>
/// A component's own security controls (<c>components.X.security</c>), each overriding the system-wide
/// one in <c>security</c> for this component. Null fields fall back to the system-wide value.
/// </summary>
/// <param name="Authn">How callers of this component authenticate (mtls, jwt, api_key...; <c>none</c> for nothing).</param>
/// <param name="Authz">How this component decides what an authenticated caller may do.</param>
/// <param name="InTransit">Encryption of the flows into this component.</param>
/// <param name="AtRest">Encryption of the data this component keeps.</param>
/// <param name="Grants">The entities this component may reach (least privilege); the entities it owns are always its own.</param>
public sealed record ComponentSecurity(string? Authn, string? Authz, string? InTransit, string? AtRest, ImmutableArray<string> Grants, string Path);

/// <summary>
/// One flow's controls (<c>calls[].security</c>), overriding the callee component's and the system-wide ones
/// for this call alone. Null fields fall back.
/// </summary>
/// <param name="Authn">How this caller authenticates to the callee.</param>
/// <param name="InTransit">Encryption of this call.</param>
public sealed record ChannelSecurity(string? Authn, string? InTransit, string Path);
