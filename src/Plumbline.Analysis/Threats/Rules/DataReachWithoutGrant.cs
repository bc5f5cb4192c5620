using Plumbline.Analysis.Review;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Elevation of privilege: a component reaches data it neither owns nor is granted.</summary>
public sealed class DataReachWithoutGrant : ThreatRule
{
    public override RuleInfo Info { get; } = new("data-reach-without-grant", ProcessStep.Security, Severity.Medium,
        "A component reaches data it is not granted",
        "Least privilege means each component holds credentials for the data it needs and no more; when access is not stated, it is usually everything, and one compromised component reads or rewrites every table its credential opens.",
        "Grant the component the entities it needs (components.<name>.security.grants: [Entity]) and give it credentials scoped to them; the entities it owns need no grant.");

    public override Stride Stride => Stride.ElevationOfPrivilege;

    public override int? Cwe => 269;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var reach in context.Model.Reaches)
        {
            if (reach.Owner || context.Model.Entity(reach.Entity) is not { } entity)
            {
                continue;
            }

            var component = context.Design.FindComponent(reach.Component)!;
            var answered = reach.Granted ? $"grants {reach.Entity} ({ThreatModel.Dotted(component.Security!.Path + "/grants")})" : null;
            yield return Answered(context, $"{reach.Component}->{reach.Entity}", reach.Path,
                $"{reach.Component} {(reach.Writes ? "writes" : "reads")} {reach.Entity} ({Design.Text.EnumNames.ToSnake(ThreatModel.Effective(entity))}), owned by {entity.Owner}, with no grant",
                ThreatSeverity.Of(ThreatModel.Effective(entity), context.Model.ExposureOf(reach.Component)), answered);
        }
    }
}
