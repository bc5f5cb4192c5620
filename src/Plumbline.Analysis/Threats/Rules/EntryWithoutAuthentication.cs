using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Rules.Operations;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Spoofing: a workflow entered from a less trusted zone with no user authentication.</summary>
public sealed class EntryWithoutAuthentication : ThreatRule
{
    public override RuleInfo Info { get; } = new("entry-without-authentication", ProcessStep.Security, Severity.High,
        "A workflow is entered from a less trusted zone without authentication",
        "Whoever reaches the entry can claim to be anyone: every request is anonymous, so nothing stops one caller acting as another, and the data on the path answers to whoever asks.",
        "Authenticate the callers (auth on the workflow's endpoint, components.<entry>.security.authn, or security.authn.users); if anonymous use is the product, say why with public: on the workflow or its endpoint.");

    public override Stride Stride => Stride.Spoofing;

    public override int? Cwe => 306;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var flow in context.Model.Flows)
        {
            if (flow.Kind != FlowKind.Entry || flow.Exposure == Exposure.Internal)
            {
                continue;
            }

            // An anonymous write endpoint is already reported by unauthenticated-write-endpoint.
            if (context.Model.EndpointsOf(flow.Id).Any(e => e.Auth == AuthScheme.None && UnauthenticatedWriteEndpoint.Writes(e, context.Design)))
            {
                continue;
            }

            var message = $"{flow.Id}'s entry ({flow.Describe}) is reached {ThreatContext.Describe(flow.Exposure)} carrying {ThreatContext.Carrying(flow)}; its authentication is {flow.Authn}";
            if (flow.Public is { } reason && !flow.Authn.IsSet)
            {
                // Public by design, with the reason: anonymous use is the product, not a gap.
                yield return Answered(context, flow.Id, context.WorkflowOf(flow)!.Path, message, ThreatContext.SeverityOf(flow), $"public by design: {reason}");
                continue;
            }

            yield return Raise(context, flow.Id, context.WorkflowOf(flow)!.Path, message, ThreatContext.SeverityOf(flow), flow.Authn);
        }
    }
}
