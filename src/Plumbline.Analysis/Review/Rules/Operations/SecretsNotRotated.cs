using Plumbline.Design.Units;

namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>Secrets with no rotation period, or one longer than a year.</summary>
public sealed class SecretsNotRotated : IRule
{
    public RuleInfo Info { get; } = new("secrets-not-rotated", ProcessStep.Security, Severity.Medium,
        "Secrets are not rotated, or rarely",
        "A leaked secret stays useful until it is rotated; without a rotation period it works forever, and a rotation that happens once a year is a procedure nobody remembers how to run when a leak forces it.",
        "Set security.secrets.rotation to 90 days or less, automated by the secrets store, so rotation is routine and a leak has a short life.");

    /// <summary>The longest rotation period not flagged: one year.</summary>
    public static readonly Duration Longest = Duration.FromDays(365.25);

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var secrets = context.Design.Security.Secrets;
        if (secrets is null)
        {
            yield break;
        }

        if (secrets.Rotation is not { } rotation)
        {
            yield return Info.At(context.Locate("/security/secrets/rotation"), "secrets.rotation",
                "secrets have no rotation period: a leaked secret stays valid forever");
        }
        else if (rotation > Longest)
        {
            yield return Info.At(context.Span("/security/secrets/rotation"), "secrets.rotation",
                $"secrets rotate every {rotation}, less often than once a year: a leak stays useful for that long and rotation is never practised", Severity.Low);
        }
    }
}
