using Plumbline.Design.Model;

namespace Plumbline.Analysis.Review.Rules.Cost;

/// <summary>A component whose instances beyond what it needs now (peak load kept when one instance or zone is lost, a store's shards) are more than a set share of its compute cost.</summary>
public sealed class IdleCompute : IRule
{
    public RuleInfo Info { get; } = new("idle-compute", ProcessStep.Cost, Severity.Medium,
        "Compute is provisioned well beyond peak",
        "Instances beyond what peak load needs at the target utilisation, with enough left when one instance (or one of its zones) is lost, are paid for every hour and never used. Idle capacity is the most common waste on a cloud bill, and on a design it is one number to change.",
        "Lower instances (or autoscaling.min) to what peak load needs with one instance or zone lost, let autoscaling add the rest, or state the capacity per instance if the estimate undercounts it; keep spares deliberately and say why in a decision.");

    private static string Needs(Component component) =>
        (component.Autoscaling is null ? "peak load" : "average load") + " at the target utilisation"
        + (component.Replicas > 0 ? ", one per zone"
            : component.Zones.Length >= 2 ? $", with one of its {component.Zones.Length} zones lost" : ", with one instance lost")
        + (component.StoragePerNode is null ? string.Empty : ", shards for its data");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        if (context.Cost is not { } cost)
        {
            yield break;
        }

        var threshold = (context.Options.Cost ?? Analysis.Cost.CostOptions.Default).IdleShare;
        foreach (var idle in cost.Idle.Where(i => (double)i.Share > threshold))
        {
            var component = context.Design.FindComponent(idle.Component)!;
            var field = component.Autoscaling is null ? "/instances" : "/autoscaling/min";
            yield return Info.At(context.Span(component.Path + field), idle.Component,
                $"{idle.Component} runs {idle.Provisioned} {idle.InstanceType} where it needs {idle.Needed} ({Needs(component)}): {CostOverBudget.Month(idle.MonthlySaving, cost.Currency)} of its compute ({CostOverBudget.Share(idle.Share)}) is idle");
        }
    }
}
