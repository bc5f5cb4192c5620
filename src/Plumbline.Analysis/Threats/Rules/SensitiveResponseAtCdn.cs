using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Information disclosure: a CDN sits on a flow that carries sensitive data and may cache it.</summary>
public sealed class SensitiveResponseAtCdn : ThreatRule
{
    public override RuleInfo Info { get; } = new("sensitive-response-at-cdn", ProcessStep.Security, Severity.High,
        "A CDN sits in front of sensitive responses",
        "A CDN caches responses by URL; a personal or confidential response cached once can be served to the next visitor, and stays in edge caches the team does not control.",
        "Route sensitive workflows around the CDN, or mark their responses uncacheable (Cache-Control: private, no-store) and state it in the CDN's security.authz; then accept the threat with that reason.");

    public override Stride Stride => Stride.InformationDisclosure;

    public override int? Cwe => 524;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var flow in context.Model.Flows)
        {
            if (!flow.IsSensitive || context.Design.FindComponent(flow.To)?.Kind != ComponentKind.Cdn)
            {
                continue;
            }

            var cdn = context.Design.FindComponent(flow.To)!;
            var rule = cdn.Security?.Authz is { } authz ? new Control(authz, cdn.Security.Path + "/authz") : null;
            yield return Raise(context, flow.Id, flow.Kind == FlowKind.Entry ? context.WorkflowOf(flow)!.Path : flow.Path,
                $"{flow.Describe} carries {ThreatContext.Carrying(flow)} through the CDN {cdn.Name}",
                ThreatContext.SeverityOf(flow), rule);
        }
    }
}
