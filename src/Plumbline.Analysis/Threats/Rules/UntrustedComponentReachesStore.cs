using Plumbline.Analysis.Review;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Elevation of privilege: a component inside an untrusted boundary calls a store directly.</summary>
public sealed class UntrustedComponentReachesStore : ThreatRule
{
    public override RuleInfo Info { get; } = new("untrusted-component-reaches-store", ProcessStep.Security, Severity.High,
        "An untrusted component reaches a store directly",
        "A component the design does not trust (a vendor's, a partner's, a client's) holding store credentials bypasses every check the services apply; whoever runs it has the store's access.",
        "Put a service in the trusted zone between them that authenticates, authorises and validates what the untrusted component asks for.");

    public override Stride Stride => Stride.ElevationOfPrivilege;

    public override int? Cwe => 284;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var reach in context.Model.Reaches)
        {
            if (!context.Model.Untrusted.Contains(reach.Component) || context.Model.Entity(reach.Entity) is not { } entity)
            {
                continue;
            }

            yield return Raise(context, $"{reach.Component}->{reach.Entity}", reach.Path,
                $"{reach.Component} sits in the untrusted boundary {context.Model.BoundaryOf(reach.Component)} and {(reach.Writes ? "writes" : "reads")} {reach.Entity} directly",
                ThreatSeverity.Of(ThreatModel.Effective(entity), Exposure.CrossBoundary));
        }
    }
}
