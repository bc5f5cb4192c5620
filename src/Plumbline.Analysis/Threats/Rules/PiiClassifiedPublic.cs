using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Information disclosure: an entity holds personal data yet is classified public.</summary>
public sealed class PiiClassifiedPublic : ThreatRule
{
    public override RuleInfo Info { get; } = new("pii-classified-public", ProcessStep.Security, Severity.High,
        "Personal data is classified public",
        "Classification decides who may see data and which controls apply; personal data marked public will be cached, logged, exported and shared as if it were not personal.",
        "Classify personal data confidential (or restricted), or drop pii: true if the records hold nothing that identifies a person.");

    public override Stride Stride => Stride.InformationDisclosure;

    public override int? Cwe => 359;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var entity in context.Design.Data)
        {
            if (entity.Pii && entity.Classification == Classification.Public)
            {
                yield return Raise(context, entity.Name, entity.Path + "/classification",
                    $"{entity.Name} holds personal data but is classified public; it is judged as confidential here",
                    Severity.High);
            }
        }
    }
}
