using System.Collections.Immutable;
using Plumbline.Analysis.Review;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Elevation of privilege: a grant the component never uses.</summary>
public sealed class ExcessiveGrant : ThreatRule
{
    public override RuleInfo Info { get; } = new("excessive-grant", ProcessStep.Security, Severity.Low,
        "A component is granted data it never reaches",
        "A grant nobody uses is a standing privilege: it widens what a compromised component can take without serving any flow of the design.",
        "Remove the grant, or add the operation's reads or writes that need it so the design shows why it is there.");

    public override Stride Stride => Stride.ElevationOfPrivilege;

    public override int? Cwe => 250;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        var used = context.Model.Reaches.Select(r => (r.Component, r.Entity)).ToHashSet();
        var walked = new HashSet<(ImmutableArray<string> Carries, string From)>();
        foreach (var flow in context.Model.Flows)
        {
            // Flows into one operation share their array of entities: each sender walks it once.
            if (!walked.Add((flow.Carries, flow.From)))
            {
                continue;
            }

            foreach (var name in flow.Carries)
            {
                used.Add((flow.From, name));
            }
        }

        foreach (var component in context.Design.Components)
        {
            if (component.Security is not { } security)
            {
                continue;
            }

            for (var i = 0; i < security.Grants.Length; i++)
            {
                var entity = security.Grants[i];
                if (used.Contains((component.Name, entity)) || context.Model.Entity(entity) is not { } e)
                {
                    continue;
                }

                yield return Raise(context, $"{component.Name}->{entity}", $"{security.Path}/grants/{i}",
                    $"{component.Name} is granted {entity} but no flow of the design carries it from {component.Name}",
                    ThreatModel.Effective(e) >= Design.Model.Classification.Confidential ? Severity.Medium : Severity.Low);
            }
        }
    }
}
