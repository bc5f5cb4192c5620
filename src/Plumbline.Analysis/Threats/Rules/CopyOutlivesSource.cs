using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Information disclosure: a queue keeps sensitive records longer than their own retention.</summary>
public sealed class CopyOutlivesSource : ThreatRule
{
    public override RuleInfo Info { get; } = new("copy-outlives-source", ProcessStep.Security, Severity.Medium,
        "A copy of sensitive data is kept longer than the data itself",
        "When a queue's log keeps messages longer than the entity's retention, deletion and expiry of the records do not reach the copy: data the design promises to forget is still there to leak.",
        "Keep the queue's retention at or below the entity's, or keep the sensitive fields out of the messages.");

    public override Stride Stride => Stride.InformationDisclosure;

    public override int? Cwe => 359;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var asset in context.Model.Assets)
        {
            if (asset.Home || !asset.IsSensitive || context.Design.FindComponent(asset.Holder) is not { Kind: ComponentKind.Queue, Retention: { } kept }
                || context.Model.Entity(asset.Entity) is not { Retention: { } retention } || kept <= retention)
            {
                continue;
            }

            yield return Raise(context, asset.Id, asset.Path + "/retention",
                $"{asset.Holder} keeps messages for {kept}, longer than {asset.Entity}'s retention of {retention}",
                ThreatSeverity.Of(asset.Classification, Exposure.Internal));
        }
    }
}
