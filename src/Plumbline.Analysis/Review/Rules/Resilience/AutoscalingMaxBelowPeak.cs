using System.Globalization;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>An autoscaler whose max is below the instances the peak needs: it scales to the ceiling and stays overloaded.</summary>
public sealed class AutoscalingMaxBelowPeak : IRule
{
    public RuleInfo Info { get; } = new("autoscaling-max-below-peak", ProcessStep.Scale, Severity.Medium,
        "Autoscaling cannot reach the instances the peak needs",
        "An autoscaler stops at its max; if peak load needs more instances than that at its target utilisation, the component runs hot (or over capacity) at exactly the busiest moment.",
        "Raise autoscaling.max to at least the instances needed at peak plus a margin for losing a zone, or raise capacity per instance.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        var defaultTarget = context.Estimate.Options.TargetUtilisation;
        foreach (var capacity in context.Estimate.Components)
        {
            if (context.Design.FindComponent(capacity.Component) is not { Autoscaling: { } autoscaling } component
                || capacity.PeakUtilisation.Value is not { } utilisation || capacity.Capacity.Value is not { } total || capacity.Capacity.Inputs.Length < 2)
            {
                continue;
            }

            var perInstance = capacity.Capacity.Inputs[0].Value;
            var serving = capacity.Capacity.Inputs[1].Value;
            var others = serving - component.Instances;
            var peak = utilisation * total;
            var target = autoscaling.TargetUtilisation?.Fraction ?? defaultTarget;
            if (perInstance <= 0 || target <= 0)
            {
                continue;
            }

            var needed = (int)Math.Ceiling((peak / (perInstance * target)) - others - 1e-9);
            if (needed <= autoscaling.Max)
            {
                continue;
            }

            var atMax = peak / (perInstance * (autoscaling.Max + others));
            var severity = atMax > 1 ? Severity.High : Severity.Medium;
            yield return Info.At(context.Span(component.Path + "/autoscaling/max"), component.Name,
                string.Create(CultureInfo.InvariantCulture,
                    $"{component.Name} needs {needed} instances at peak ({Quantities.Rate(peak)} / ({Quantities.Rate(perInstance)} x {Quantities.Percent(target)} target)) but autoscaling stops at {autoscaling.Max}, where it runs at {Quantities.Percent(atMax)}"),
                severity);
        }
    }
}
