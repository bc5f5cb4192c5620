using Plumbline.Analysis.Review;
using Plumbline.Design.Units;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Information disclosure: personal data with no way to erase a person's records.</summary>
public sealed class PersonalDataWithoutErasure : ThreatRule
{
    public override RuleInfo Info { get; } = new("personal-data-without-erasure", ProcessStep.Security, Severity.Medium,
        "Personal data has no erasure path",
        "People may ask for their data to be erased (GDPR article 17, CCPA); without a planned path the request becomes a manual hunt through stores, copies and backups, and records survive that should not.",
        "State the entity's erasure: how a person's records are found and deleted (by which key, in which stores and copies, within how long). Records kept 30 days or less (retention) expire within the month allowed to answer a request and need none.");

    public override Stride Stride => Stride.InformationDisclosure;

    public override int? Cwe => 359;

    /// <summary>GDPR article 12(3): an erasure request is answered within one month.</summary>
    public static readonly Duration AnswerWithin = Duration.FromDays(30);

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        var gdpr = context.Under("gdpr");
        foreach (var entity in context.Design.Data)
        {
            if (!entity.Pii || (entity.Retention is { } kept && kept <= AnswerWithin && !entity.RetainForever))
            {
                continue; // records that expire within the month allowed to answer a request are erased by expiry
            }

            yield return Raise(context, entity.Name, entity.Path,
                $"{entity.Name} holds personal data{(gdpr ? " under gdpr" : string.Empty)}; its erasure path is {new Control(entity.Erasure, entity.Path + "/erasure")}",
                gdpr ? Severity.High : Severity.Medium, new Control(entity.Erasure, entity.Path + "/erasure"));
        }
    }
}
