using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Repudiation: restricted data is read with no record of who read it.</summary>
public sealed class RestrictedReadWithoutAudit : ThreatRule
{
    public override RuleInfo Info { get; } = new("restricted-read-without-audit", ProcessStep.Security, Severity.High,
        "Restricted data is read without an audit trail",
        "For restricted data (payment cards, health records, credentials) the question after an incident is who saw what; without a record of reads nobody can answer it, and regulators ask it first.",
        "Audit reads as well as writes: audit: all on the entity.");

    public override Stride Stride => Stride.Repudiation;

    public override int? Cwe => 778;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        // Flows into one operation share their array of entities: each array is read once.
        var read = context.Model.Flows.Where(f => !f.Writes).Select(f => f.Carries).Distinct().SelectMany(c => c).ToHashSet(StringComparer.Ordinal);
        foreach (var entity in context.Design.Data)
        {
            if (entity.Classification != Classification.Restricted || !read.Contains(entity.Name))
            {
                continue;
            }

            var control = ThreatContext.AuditOfReads(entity);
            yield return Raise(context, entity.Name, entity.Path,
                $"{entity.Name} (restricted) is read; the audit of its reads is {control}",
                ThreatSeverity.Of(Classification.Restricted, Exposure.CrossBoundary), control);
        }
    }
}
