using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Repudiation: confidential, restricted or personal data is changed with no audit trail.</summary>
public sealed class SensitiveWriteWithoutAudit : ThreatRule
{
    public override RuleInfo Info { get; } = new("sensitive-write-without-audit", ProcessStep.Security, Severity.High,
        "Sensitive data changes without an audit trail",
        "When a confidential or restricted record changes and nothing records who changed it, when and from where, a disputed change cannot be traced, an insider cannot be told from a bug, and a breach cannot be scoped.",
        "Audit every change: audit: writes (or all) on the entity, kept where the writers cannot alter it.");

    public override Stride Stride => Stride.Repudiation;

    public override int? Cwe => 778;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        var written = context.Model.Flows.Where(f => f.Writes).SelectMany(f => f.Carries).ToHashSet(StringComparer.Ordinal);
        foreach (var entity in context.Design.Data)
        {
            var classification = ThreatModel.Effective(entity);
            if (classification < Classification.Confidential || !written.Contains(entity.Name))
            {
                continue;
            }

            var control = ThreatContext.AuditOfWrites(entity);
            yield return Raise(context, entity.Name, entity.Path,
                $"{entity.Name} ({Design.Text.EnumNames.ToSnake(classification)}{(entity.Pii ? ", personal data" : string.Empty)}) is written; its audit is {control}",
                ThreatSeverity.Of(classification, Exposure.CrossBoundary), control);
        }
    }
}
