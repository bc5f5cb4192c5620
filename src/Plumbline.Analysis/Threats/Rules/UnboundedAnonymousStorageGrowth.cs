using Plumbline.Analysis.Review;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Denial of service: anonymous internet writes into data kept forever (or with no retention) and no limit.</summary>
public sealed class UnboundedAnonymousStorageGrowth : ThreatRule
{
    public override RuleInfo Info { get; } = new("unbounded-anonymous-storage-growth", ProcessStep.Security, Severity.Medium,
        "Anonymous writes can grow storage without bound",
        "Records written by anonymous callers and never expired grow as fast as a script can send them: the store fills, the bill climbs, and legitimate writes fail when it is full.",
        "Rate-limit the workflow per client, or give the entity a retention so what a flood writes expires.");

    public override Stride Stride => Stride.DenialOfService;

    public override int? Cwe => 400;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var flow in context.Model.Flows)
        {
            if (flow.Kind != FlowKind.Entry || flow.Exposure != Exposure.Internet || !flow.Writes || flow.Authn.IsSet)
            {
                continue;
            }

            var unbounded = flow.Carries.Where(n => context.Model.Entity(n) is { Retention: null }).ToList();
            if (unbounded.Count == 0)
            {
                continue;
            }

            var workflow = context.WorkflowOf(flow)!;
            var limit = context.RateLimitOn(workflow);
            yield return Answered(context, flow.Id, workflow.Path,
                $"anonymous internet callers of {flow.Id} write {string.Join(", ", unbounded)}, which {(unbounded.Count == 1 ? "has" : "have")} no retention",
                Severity.Medium, limit is null ? null : $"rate limit on {limit}");
        }
    }
}
