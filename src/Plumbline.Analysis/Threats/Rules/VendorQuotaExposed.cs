using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Threats.Rules;

/// <summary>Denial of service: internet traffic reaches a vendor with a contracted quota, unlimited.</summary>
public sealed class VendorQuotaExposed : ThreatRule
{
    public override RuleInfo Info { get; } = new("vendor-quota-exposed", ProcessStep.Security, Severity.Medium,
        "Internet traffic can spend a vendor's quota",
        "A vendor with a contracted capacity stops answering (or bills overage) past it; when internet traffic reaches it without a limit, anyone can exhaust the quota and take the feature down for every user, or run up the bill.",
        "Rate-limit the workflows that reach the vendor (at their entry or endpoint), or put a queue or cache in front of it.");

    public override Stride Stride => Stride.DenialOfService;

    public override int? Cwe => 770;

    public override IEnumerable<Threat> Derive(ThreatContext context)
    {
        foreach (var flow in context.Model.Flows)
        {
            if (flow.Kind != FlowKind.Entry || flow.Exposure != Exposure.Internet)
            {
                continue;
            }

            var workflow = context.WorkflowOf(flow)!;
            foreach (var name in context.Review.ComponentsOf(workflow))
            {
                if (context.Design.FindComponent(name) is not { Kind: ComponentKind.External, Capacity: not null } vendor)
                {
                    continue;
                }

                var limit = context.RateLimitOn(workflow);
                yield return Answered(context, $"{flow.Id}->{vendor.Name}", workflow.Path,
                    $"internet traffic of {flow.Id} reaches {vendor.Name}, whose capacity is a contracted quota",
                    Severity.Medium, limit is null ? null : $"rate limit on {limit}");
            }
        }
    }
}
