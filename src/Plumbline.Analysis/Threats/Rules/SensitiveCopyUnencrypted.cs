using Plumbline.Analysis.Review;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Information disclosure: a cache, queue or index keeps a copy of sensitive data unencrypted.</summary>
public sealed class SensitiveCopyUnencrypted : ThreatRule
{
    public override RuleInfo Info { get; } = new("sensitive-copy-unencrypted", ProcessStep.Security, Severity.Medium,
        "A copy of sensitive data is kept unencrypted",
        "Encrypting the system of record is not enough when a cache, a queue's log or a search index keeps the same records in clear: the copy leaks just as well, and is usually forgotten in a breach review.",
        "Encrypt the copy's holder at rest (its security.at_rest, or security.encryption.at_rest), or keep the sensitive fields out of the copy.");

    public override Stride Stride => Stride.InformationDisclosure;

    public override int? Cwe => 311;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var asset in context.Model.Assets)
        {
            if (asset.Home || !asset.IsSensitive)
            {
                continue;
            }

            yield return Raise(context, asset.Id, asset.Path,
                $"{asset.Holder} keeps a copy of {asset.Entity} ({Design.Text.EnumNames.ToSnake(asset.Classification)}{(asset.Pii ? ", personal data" : string.Empty)}); its encryption at rest is {asset.AtRest}",
                ThreatSeverity.Of(asset.Classification, Exposure.Internal), asset.AtRest);
        }
    }
}
