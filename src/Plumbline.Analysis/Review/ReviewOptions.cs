using Plumbline.Analysis.Cost;
using Plumbline.Analysis.Estimates;
using Plumbline.Design.Pricing;

namespace Plumbline.Analysis.Review;

/// <summary>The settings a review runs with; rules read them, never a clock.</summary>
/// <param name="Today">The date acceptances and backups are judged against.</param>
/// <param name="AmplificationThreshold">Worst-case retry amplification above which a path is flagged; default 10.</param>
/// <param name="Estimates">Assumptions for the estimates some rules rest on.</param>
public sealed record ReviewOptions(DateOnly Today, double AmplificationThreshold = 10, EstimateOptions? Estimates = null)
{
    /// <summary>
    /// The price catalog the cost rules price the design at, the design's own prices applied; null to use
    /// the shipped catalog when the design names <c>default</c>, and to skip the cost rules when it names a file.
    /// </summary>
    public PriceCatalog? Prices { get; init; }

    /// <summary>The cost's assumptions and the thresholds the cost rules flag at; <see cref="CostOptions.Default"/> when null.</summary>
    public CostOptions? Cost { get; init; }

    /// <summary>Alert windows that replace the design's and the shipped ones (a file given on the command line); null for those.</summary>
    public Design.Model.Alerting? AlertWindows { get; init; }

    /// <summary>
    /// Signalled when the team rules' time budget is spent: team rules not finished by then are skipped and the
    /// review says which (<see cref="Custom.TeamRuleBudget"/>). Rules read no clock; the caller's token is the
    /// budget (the engine signals it after <see cref="TeamRuleTimeBudget"/>). Default: never signalled.
    /// </summary>
    public CancellationToken TeamRuleDeadline { get; init; }

    /// <summary>The time budget <see cref="TeamRuleDeadline"/> stands for, named in the finding when it runs out; null when none was set.</summary>
    public TimeSpan? TeamRuleTimeBudget { get; init; }

    /// <summary>A team's rule settings that apply to this design (a project configuration, docs/config.md): severities set and rules turned off, each with its reason. Null for none.</summary>
    public Config.ReviewConfig? Config { get; init; }

    /// <summary>The findings known when the team adopted the review (<c>check --baseline</c>): left out of the open findings, counted, and their gone keys listed. Null for none.</summary>
    public Config.Baseline? Baseline { get; init; }
}
