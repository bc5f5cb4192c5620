using Plumbline.Analysis.Review;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Information disclosure: sensitive data is kept by a component inside an untrusted boundary.</summary>
public sealed class SensitiveStoreInUntrustedBoundary : ThreatRule
{
    public override RuleInfo Info { get; } = new("sensitive-store-in-untrusted-boundary", ProcessStep.Security, Severity.High,
        "Sensitive data is kept inside an untrusted boundary",
        "A boundary marked untrusted is one the design does not control (the internet, a vendor, a partner network); data kept there is exposed to whoever runs it.",
        "Keep sensitive entities in a trusted boundary, or mark the boundary trusted if the team controls it; otherwise accept the threat with the contract that covers it.");

    public override Stride Stride => Stride.InformationDisclosure;

    public override int? Cwe => 668;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var asset in context.Model.Assets)
        {
            if (!asset.IsSensitive || !context.Model.Untrusted.Contains(asset.Holder))
            {
                continue;
            }

            yield return Raise(context, asset.Id, asset.Path,
                $"{asset.Holder} sits in the untrusted boundary {context.Model.BoundaryOf(asset.Holder)} and keeps {asset.Entity} ({Design.Text.EnumNames.ToSnake(asset.Classification)})",
                ThreatSeverity.Of(asset.Classification, Exposure.CrossBoundary));
        }
    }
}
