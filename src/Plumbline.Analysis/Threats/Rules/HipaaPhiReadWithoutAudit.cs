using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Compliance (hipaa): personal data below restricted is read with no audit of reads.</summary>
public sealed class HipaaPhiReadWithoutAudit : ThreatRule
{
    public override RuleInfo Info { get; } = new("hipaa-phi-read-without-audit", ProcessStep.Security, Severity.High,
        "Under hipaa, reads of personal data are not audited",
        "HIPAA's audit controls (45 CFR 164.312(b)) require recording activity on systems holding health information, reads included: a disclosure must be traceable to who looked. Restricted data is covered by restricted-read-without-audit; this covers the rest of the personal data.",
        "Audit reads as well as writes: audit: all on the entity.");

    public override Stride Stride => Stride.Repudiation;

    public override int? Cwe => 778;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        if (!context.Under("hipaa"))
        {
            yield break;
        }

        var read = context.Model.Flows.Where(f => !f.Writes).SelectMany(f => f.Carries).ToHashSet(StringComparer.Ordinal);
        foreach (var entity in context.Design.Data)
        {
            if (!entity.Pii || entity.Classification == Classification.Restricted || !read.Contains(entity.Name))
            {
                continue;
            }

            var control = ThreatContext.AuditOfReads(entity);
            yield return Raise(context, entity.Name, entity.Path,
                $"{entity.Name} holds personal data and is read, under hipaa; the audit of its reads is {control}",
                Severity.High, control);
        }
    }
}
