using Plumbline.Analysis.Review;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Information disclosure: a sensitive entity is kept unencrypted at its owner.</summary>
public sealed class EntityUnencryptedAtRest : ThreatRule
{
    public override RuleInfo Info { get; } = new("entity-unencrypted-at-rest", ProcessStep.Security, Severity.High,
        "A sensitive entity is stored unencrypted",
        "Disks, snapshots and backups leave their owner's control more often than planned (a shared snapshot, a decommissioned drive, a copied backup); unencrypted, each one is the whole table in clear.",
        "Encrypt it at rest with managed keys: the entity's at_rest, its owner's security.at_rest, or security.encryption.at_rest, covering replicas and backups.");

    public override Stride Stride => Stride.InformationDisclosure;

    public override int? Cwe => 311;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var asset in context.Model.Assets)
        {
            if (!asset.Home || !asset.IsSensitive)
            {
                continue;
            }

            yield return Raise(context, asset.Entity, asset.Path,
                $"{asset.Entity} ({Design.Text.EnumNames.ToSnake(asset.Classification)}{(asset.Pii ? ", personal data" : string.Empty)}) is kept in {asset.Holder}; its encryption at rest is {asset.AtRest}",
                ThreatSeverity.Of(asset.Classification, Exposure.CrossBoundary), asset.AtRest);
        }
    }
}
