using Plumbline.Analysis.Slo;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>An availability SLO above what the workflow's synchronous path can deliver, even on paper.</summary>
public sealed class SloUnreachableAvailability : IRule
{
    public RuleInfo Info { get; } = new("slo-unreachable-availability", ProcessStep.Resilience, Severity.High,
        "The architecture cannot reach an availability SLO",
        "Availability multiplies along a synchronous path; when what a workflow waits on cannot reach its SLO even on paper, the error budget is spent before the first incident.",
        "Add instances, replicas or zones to the weakest component on the path, put a fallback or an async hand-off on the calls that need not block, or lower the objective to what the design can reach.");

    /// <summary>A paper burn rate at or above this is high: the design alone spends the whole budget in half the period or less.</summary>
    public const double HighBurn = 2;

    /// <summary>A paper burn rate below this is low: the path misses the objective by less than a tenth of its budget.</summary>
    public const double LowBurn = 1.1;

    /// <summary>
    /// The severity by harm: how fast the design's own downtime spends the error budget before any incident. High from
    /// <see cref="HighBurn"/>, low below <see cref="LowBurn"/> (a shortfall within the uncertainty of the figures
    /// composed), medium between.
    /// </summary>
    public static Severity SeverityOf(double burn) =>
        burn >= HighBurn ? Severity.High : burn >= LowBurn ? Severity.Medium : Severity.Low;

    /// <summary>A burn rate in words, with digits enough to tell it from 1 (1.000001, not 1).</summary>
    public static string Burn(double burn)
    {
        var digits = 3;
        var text = Quantities.Significant(burn, digits);
        while (text == "1" && burn != 1 && digits < 12)
        {
            text = Quantities.Significant(burn, ++digits);
        }

        return text;
    }

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var journey in context.Slos.Slos.Where(s => s.Slo.IsJourney && s.Composed is { MeetsObjective: false }))
        {
            var composed = journey.Composed!.Value.Value ?? 0;
            var (reach, asks, _) = Quantities.CompareAvailability(composed, journey.Slo.Objective.Fraction);
            var burn = BurnRate.OfAvailability(composed, journey.Slo.Objective.Fraction);
            yield return Info.At(context.Span(journey.Slo.Path + (journey.Slo.ObjectiveStated ? "/objective" : "/journey")), journey.Name,
                $"{journey.Name} asks {asks} of the journey {journey.Subject}, but its steps' synchronous paths reach only {reach} together: {journey.Composed.Arithmetic}; "
                + $"that alone burns the error budget at {Burn(burn)}x",
                SeverityOf(burn));
        }

        foreach (var slo in context.Design.Slos)
        {
            if (slo.Sli != SliKind.Availability || slo.IsJourney || context.Availability.OfWorkflow(slo.Workflow) is not { } workflow || workflow.Factors.IsEmpty)
            {
                continue;
            }

            var (value, objective, equal) = Quantities.CompareAvailability(workflow.Value, slo.Objective.Fraction);
            if (equal || workflow.Value >= slo.Objective.Fraction)
            {
                continue;
            }

            var weakest = workflow.Weakest!;
            var component = context.Availability.Of(weakest.Component);
            var how = workflow.SharedDomains.IsEmpty && workflow.States <= 1
                ? workflow.Expression
                : $"{workflow.Expression}, composed over the {workflow.States} joint states of what the path shares ({(workflow.SharedDomains.IsEmpty ? "components reached more than once" : string.Join(", ", workflow.SharedDomains))})";
            var burn = BurnRate.OfAvailability(workflow.Value, slo.Objective.Fraction);
            yield return Info.At(context.Span(slo.Path + "/objective"), slo.Name,
                $"{slo.Name} asks {objective} of {slo.Workflow}, but its synchronous path reaches only {value}: {how}; the weakest link is {component.Arithmetic}; "
                + $"that alone burns the error budget at {Burn(burn)}x",
                SeverityOf(burn));
        }
    }
}
