using Plumbline.Analysis.Review;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Repudiation: the internet writes anonymously and nothing records where a write came from.</summary>
public sealed class AnonymousWrite : ThreatRule
{
    public override RuleInfo Info { get; } = new("anonymous-write", ProcessStep.Security, Severity.Medium,
        "Anonymous writes from the internet leave no trail",
        "An anonymous write cannot be tied to anyone; unless each write is recorded with what is known of its origin (time, address, client), abuse cannot be traced, blocked or disputed.",
        "Audit what the workflow writes (audit: writes on each entity) with the request's origin, or authenticate the callers.");

    public override Stride Stride => Stride.Repudiation;

    public override int? Cwe => 778;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var flow in context.Model.Flows)
        {
            if (flow.Kind != FlowKind.Entry || flow.Exposure != Exposure.Internet || !flow.Writes || flow.Authn.IsSet || flow.Carries.IsEmpty)
            {
                continue;
            }

            var endpoints = context.Model.EndpointsOf(flow.Id).ToList();
            var writes = endpoints.SelectMany(e => e.Writes).Distinct(StringComparer.Ordinal).ToList();
            if (writes.Count == 0)
            {
                writes = [.. flow.Carries];
            }

            var controls = writes.Select(n => context.Model.Entity(n)).Where(e => e is not null).Select(e => ThreatContext.AuditOfWrites(e!)).ToList();
            var answered = controls.Count > 0 && controls.All(c => c.IsSet) ? string.Join("; ", controls) : null;
            yield return Answered(context, flow.Id, context.WorkflowOf(flow)!.Path,
                $"{flow.Id} lets anonymous internet callers write {string.Join(", ", writes)}",
                ThreatContext.SeverityOf(flow), answered);
        }
    }
}
