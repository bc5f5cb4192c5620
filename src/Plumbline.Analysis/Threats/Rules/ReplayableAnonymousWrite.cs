using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Tampering: an anonymous write from the internet that can be replayed, applying it again.</summary>
public sealed class ReplayableAnonymousWrite : ThreatRule
{
    public override RuleInfo Info { get; } = new("replayable-anonymous-write", ProcessStep.Security, Severity.Medium,
        "An anonymous internet write can be replayed",
        "A captured or scripted request sent again applies again: with no caller to tie it to and no idempotency to recognise it, replays multiply records and counters at will.",
        "Make the write idempotent (idempotency: key or natural on its endpoint, or idempotent: true on the entry operation), or authenticate the caller.");

    public override Stride Stride => Stride.Tampering;

    public override int? Cwe => 294;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var flow in context.Model.Flows)
        {
            if (flow.Kind != FlowKind.Entry || flow.Exposure != Exposure.Internet || !flow.Writes || flow.Authn.IsSet)
            {
                continue;
            }

            var workflow = context.WorkflowOf(flow)!;
            var endpoint = context.Model.EndpointsOf(flow.Id).FirstOrDefault(e => e.Idempotency is Idempotency.Key or Idempotency.Natural);
            var entry = context.Design.FindOperation(workflow.Entry);
            var answered = endpoint is not null ? $"idempotency: {Design.Text.EnumNames.ToSnake(endpoint.Idempotency!.Value)} ({ThreatModel.Dotted(endpoint.Path + "/idempotency")})"
                : entry?.Idempotent == true ? $"idempotent: true ({ThreatModel.Dotted(entry.Path + "/idempotent")})"
                : null;
            yield return Answered(context, flow.Id, workflow.Path,
                $"{flow.Id} writes {ThreatContext.Carrying(flow)} for anonymous callers from the internet; a replayed request applies again",
                ThreatSeverity.Of(ThreatContext.ImpactOf(flow), Exposure.CrossBoundary), answered);
        }
    }
}
