namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>Personal, confidential or restricted data and no stated encryption at rest.</summary>
public sealed class NoEncryptionAtRest : IRule
{
    public RuleInfo Info { get; } = new("no-encryption-at-rest", ProcessStep.Security, Severity.High,
        "Sensitive data is not encrypted at rest",
        "Disks, snapshots and backups leave the data centre's control more often than anyone plans (a shared snapshot, a decommissioned drive, a copied backup); unencrypted personal or restricted data turns each into a reportable breach.",
        "State security.encryption.at_rest (kms-managed keys, aes-256...) covering every store that holds the sensitive entities, including backups and replicas.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        var sensitive = OperationsFacts.Sensitive(design);
        if (sensitive.Count == 0 || !OperationsFacts.IsUnstated(design.Security.Encryption.AtRest))
        {
            yield break;
        }

        yield return Info.At(context.Locate("/security/encryption/at_rest"), "encryption.at_rest",
            $"no encryption at rest is stated, yet the design stores {OperationsFacts.Describe(sensitive)}",
            OperationsFacts.HasBreachData(design) ? Severity.High : Severity.Medium);
    }
}
