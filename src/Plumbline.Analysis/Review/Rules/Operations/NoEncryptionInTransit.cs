namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>No stated encryption in transit for a system whose components talk over a network.</summary>
public sealed class NoEncryptionInTransit : IRule
{
    public RuleInfo Info { get; } = new("no-encryption-in-transit", ProcessStep.Security, Severity.Medium,
        "No encryption in transit",
        "Unencrypted traffic can be read and altered by anyone on the path, including inside a cloud network; credentials, tokens and personal data cross every hop between components.",
        "State security.encryption.in_transit (tls 1.3 at the edge and between services, or mtls) and apply it to calls inside the private network too.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        if (design.Components.IsEmpty || !OperationsFacts.IsUnstated(design.Security.Encryption.InTransit))
        {
            yield break;
        }

        var breach = OperationsFacts.HasBreachData(design);
        var sensitive = OperationsFacts.Sensitive(design);
        yield return Info.At(context.Locate("/security/encryption/in_transit"), "encryption.in_transit",
            sensitive.Count > 0
                ? $"no encryption in transit is stated, yet {OperationsFacts.Describe(sensitive)} cross the network between components"
                : $"no encryption in transit is stated for traffic to and between the {design.Components.Length} component(s)",
            breach ? Severity.High : Severity.Medium);
    }
}
