namespace Plumbline.Analysis.Threats;

/// <summary>The six STRIDE categories a threat falls in.</summary>
public enum Stride
{
    Spoofing,
    Tampering,
    Repudiation,
    InformationDisclosure,
    DenialOfService,
    ElevationOfPrivilege,
}

/// <summary>
/// How exposed a flow or an asset is: the likelihood side of a threat's severity. Ordered from least to most.
/// </summary>
public enum Exposure
{
    /// <summary>Inside one trusted boundary (or no boundaries stated).</summary>
    Internal = 1,

    /// <summary>Crosses from one boundary to another, or touches an untrusted one that is not the internet's users.</summary>
    CrossBoundary = 2,

    /// <summary>Reached by traffic from an untrusted persona: the internet.</summary>
    Internet = 3,
}

/// <summary>A control that answers a threat, by the value the design gives and where it says so (or would).</summary>
/// <param name="Value">What the design states (mtls, tls 1.3, kms...); null when nothing states it.</param>
/// <param name="Path">The design path of the field that states it, or the one that would.</param>
public sealed record Control(string? Value, string Path)
{
    public static Control None(string path) => new(null, path);

    /// <summary>Stated, and not a word that means "none" (none, tbd, plaintext...).</summary>
    public bool IsSet => !Review.Rules.Operations.OperationsFacts.IsUnstated(Value);

    /// <summary>The place in dotted form: security.authn.services, components.api.security.authn, security.audit[0].</summary>
    public string Source => ThreatModel.Dotted(Path);

    /// <summary>"mtls (security.authn.services)", or what is missing.</summary>
    public override string ToString() => IsSet ? $"{Value} ({Source})" : Value is null ? $"nothing ({Source} unstated)" : $"'{Value}' ({Source})";
}
