using Plumbline.Design.Units;

namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>An SLO window shorter than 7 days or longer than 90.</summary>
public sealed class SloWindowUnusual : IRule
{
    public RuleInfo Info { get; } = new("slo-window-unusual", ProcessStep.Observability, Severity.Low,
        "An SLO window is unusually short or long",
        "Error budgets are spent over the SLO window: under a week the budget resets before a weekly traffic cycle is seen and tiny blips exhaust it; over a quarter a bad week barely moves it, so burn alerts fire late and the budget stops guiding decisions.",
        "Use a rolling window between 7 and 90 days; 28 or 30 days is the common choice.");

    /// <summary>Shortest usual window: 7 days.</summary>
    public static readonly Duration Shortest = Duration.FromDays(7);

    /// <summary>Longest usual window: 90 days.</summary>
    public static readonly Duration Longest = Duration.FromDays(90);

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var slo in context.Design.Slos)
        {
            if (slo.Window < Shortest)
            {
                yield return Info.At(context.Span(slo.Path + "/window"), slo.Name,
                    $"{slo.Name} has a {slo.Window} window, under 7 days: its error budget resets before a weekly cycle is seen and small blips exhaust it");
            }
            else if (slo.Window > Longest)
            {
                yield return Info.At(context.Span(slo.Path + "/window"), slo.Name,
                    $"{slo.Name} has a {slo.Window} window, over 90 days: a bad week barely moves its error budget, so burn alerts fire late");
            }
        }
    }
}
