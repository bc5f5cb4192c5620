using Plumbline.Analysis.Review;
using Plumbline.Design.Units;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Compliance (pci-dss): credentials rotate less often than every 90 days.</summary>
public sealed class PciCredentialsRotation : ThreatRule
{
    /// <summary>The longest rotation period that answers it: 90 days.</summary>
    public static readonly Duration Longest = Duration.FromDays(90);

    public override RuleInfo Info { get; } = new("pci-credentials-rotation", ProcessStep.Security, Severity.Medium,
        "Under pci-dss, secrets rotate less often than every 90 days",
        "PCI DSS 8.3.9 has single-factor credentials changed at least every 90 days, and 3.6/3.7 require defined cryptoperiods for keys; a secret that lives longer keeps a leak useful for longer than the standard allows.",
        "Rotate secrets every 90 days or sooner (security.secrets.rotation: 90d), automated by the secrets store.");

    public override Stride Stride => Stride.InformationDisclosure;

    public override int? Cwe => 324;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        if (!context.Under("pci-dss"))
        {
            yield break;
        }

        var rotation = context.Design.Security.Secrets?.Rotation;
        yield return Answered(context, "secrets.rotation", "/security/secrets/rotation",
            rotation is { } r ? $"secrets rotate every {r}, under pci-dss" : "secrets state no rotation, under pci-dss",
            Severity.Medium, rotation is { } ok && ok <= Longest ? $"rotation {ok} (security.secrets.rotation)" : null);
    }
}
