using Plumbline.Analysis.Review;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Compliance (gdpr): personal data is kept forever.</summary>
public sealed class GdprPersonalDataKeptForever : ThreatRule
{
    public override RuleInfo Info { get; } = new("gdpr-personal-data-kept-forever", ProcessStep.Security, Severity.High,
        "Under gdpr, personal data is kept forever",
        "GDPR's storage limitation (article 5(1)(e)) allows personal data to be kept no longer than its purpose needs; 'forever' states the opposite, and every record kept is one more to disclose in a breach.",
        "Give the entity a retention tied to its purpose (the account's life plus a period, 2y of history) and how expiry is enforced, or keep the personal fields out of the records kept forever.");

    public override Stride Stride => Stride.InformationDisclosure;

    public override int? Cwe => 359;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        if (!context.Under("gdpr"))
        {
            yield break;
        }

        foreach (var entity in context.Design.Data)
        {
            if (entity.Pii && entity.RetainForever)
            {
                yield return Raise(context, entity.Name, entity.Path + "/retention",
                    $"{entity.Name} holds personal data and is kept forever, under gdpr",
                    Severity.High);
            }
        }
    }
}
