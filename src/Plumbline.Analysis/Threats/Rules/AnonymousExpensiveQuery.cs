using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Rules.Operations;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Denial of service: anonymous internet callers reach an analytical or search store synchronously.</summary>
public sealed class AnonymousExpensiveQuery : ThreatRule
{
    public override RuleInfo Info { get; } = new("anonymous-expensive-query", ProcessStep.Security, Severity.High,
        "Anonymous callers reach an expensive store",
        "Analytical and search queries cost orders of magnitude more than a key lookup; when anyone on the internet can trigger them, a handful of clients exhausts the store for everyone, and no global limit tells them apart.",
        "Authenticate the workflow's callers, or limit them per client (a rate_limit with a per-client scope on its path or endpoint).");

    public override Stride Stride => Stride.DenialOfService;

    public override int? Cwe => 400;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var flow in context.Model.Flows)
        {
            if (flow.Kind != FlowKind.Entry || flow.Exposure != Exposure.Internet || flow.Authn.IsSet)
            {
                continue;
            }

            var workflow = context.WorkflowOf(flow)!;
            var expensive = context.Review.SyncComponentsOf(workflow)
                .Select(n => context.Design.FindComponent(n))
                .FirstOrDefault(c => c is not null && (c.Kind == ComponentKind.Search || c.Model is StorageModel.Olap or StorageModel.Search));
            if (expensive is null)
            {
                continue;
            }

            var perClient = PerClientLimit(context, workflow);
            yield return Answered(context, flow.Id, workflow.Path,
                $"anonymous internet callers of {flow.Id} reach {expensive.Name} ({(expensive.Kind == ComponentKind.Search ? "search" : "analytical")}) while they wait",
                Severity.High, perClient);
        }
    }

    private static string? PerClientLimit(ThreatContext context, Workflow workflow) =>
        OperationsFacts.LimitsOn(context.Review, workflow).Where(l => !l.Limit.IsGlobal)
            .Select(l => $"rate_limit per {l.Limit.Scope} ({ThreatModel.Dotted(l.Limit.Path)})").FirstOrDefault();
}
