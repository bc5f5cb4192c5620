using Plumbline.Analysis.Estimates;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>A component that the stated growth takes past its capacity within six months.</summary>
public sealed class HeadroomUnderSixMonths : IRule
{
    /// <summary>Runway below which a component is flagged, in months.</summary>
    public const double Months = 6;

    public RuleInfo Info { get; } = new("headroom-under-six-months", ProcessStep.Scale, Severity.Medium,
        "Growth uses up a component's capacity within six months",
        "Scaling a store or re-architecting a hot path takes a quarter or more; when growth exhausts capacity sooner than that, the work is already late.",
        "Plan the scale-out now: more instances, shards or replicas, autoscaling with a higher max, or a cache in front; record it as a milestone.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        if (context.Design.Requirements.Growth is not { } growth)
        {
            yield break;
        }

        var monthly = growth.MonthlyCompoundFactorIn(context.Estimate.Month);
        foreach (var capacity in context.Estimate.Components)
        {
            var component = context.Design.FindComponent(capacity.Component);
            if (component is null || capacity.PeakUtilisation.Value is not { } utilisation || utilisation >= 1 || utilisation <= 0)
            {
                continue;
            }

            var scaledTo = component.Instances;
            if (component.Autoscaling is { } autoscaling && autoscaling.Max > component.Instances && capacity.Capacity.Inputs.Length > 1)
            {
                // The autoscaler can add instances up to its max; the runway is what is left after that.
                var serving = capacity.Capacity.Inputs[1].Value;
                utilisation *= serving / (serving - component.Instances + autoscaling.Max);
                scaledTo = autoscaling.Max;
            }

            if (Formulas.HeadroomMonths(utilisation, monthly) is not { } months || months >= Months)
            {
                continue;
            }

            yield return Info.At(context.KeySpan(component.Path), component.Name,
                $"{component.Name} runs at {Quantities.Percent(utilisation)} at peak with {scaledTo} instance{(scaledTo == 1 ? string.Empty : "s")}; at {growth} growth it reaches 100% in {Quantities.Significant(months)} months (ln(1 / {Quantities.Significant(utilisation)}) / ln({monthly.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}))");
        }
    }
}
