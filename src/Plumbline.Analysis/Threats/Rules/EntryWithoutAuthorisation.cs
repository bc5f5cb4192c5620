using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Elevation of privilege: authenticated callers reach non-public data and nothing decides what each may do.</summary>
public sealed class EntryWithoutAuthorisation : ThreatRule
{
    public override RuleInfo Info { get; } = new("entry-without-authorisation", ProcessStep.Security, Severity.High,
        "Authenticated callers are not authorised",
        "Authentication says who the caller is, not what they may touch; with no authorisation model every authenticated user can read or change every other user's records by changing an id (broken object-level authorisation, OWASP API1).",
        "State how access is decided (security.authz, or the serving component's security.authz): per-account ownership checks, roles, or attributes.");

    public override Stride Stride => Stride.ElevationOfPrivilege;

    public override int? Cwe => 862;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var flow in context.Model.Flows)
        {
            if (flow.Kind != FlowKind.Entry || !flow.Authn.IsSet || flow.Carries.IsEmpty || flow.Classification == Classification.Public)
            {
                continue;
            }

            var workflow = context.WorkflowOf(flow)!;
            Control control = new(context.Design.Security.Authz, "/security/authz");
            foreach (var name in context.Review.SyncComponentsOf(workflow))
            {
                if (context.Design.FindComponent(name)?.Security is { Authz: { } own } s)
                {
                    control = new Control(own, s.Path + "/authz");
                    break;
                }
            }

            yield return Raise(context, flow.Id, workflow.Path,
                $"{flow.Id}'s callers authenticate with {flow.Authn} and reach {ThreatContext.Carrying(flow)}; authorisation is {control}",
                ThreatContext.SeverityOf(flow), control);
        }
    }
}
