namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>No stated secret store.</summary>
public sealed class NoSecretsStore : IRule
{
    public RuleInfo Info { get; } = new("no-secrets-store", ProcessStep.Security, Severity.Medium,
        "No secrets store",
        "Secrets without a managed store end up in config files, environment variables and repositories, where they leak, are shared between environments and cannot be rotated or audited.",
        "State security.secrets.store (vault, a cloud secrets manager) and the rotation period.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var design = context.Design;
        if (design.Components.IsEmpty || !OperationsFacts.IsUnstated(design.Security.Secrets?.Store))
        {
            yield break;
        }

        yield return Info.At(context.Locate("/security/secrets/store"), "secrets.store",
            "no secrets store is stated: database passwords, api keys and signing keys have no managed, audited home");
    }
}
