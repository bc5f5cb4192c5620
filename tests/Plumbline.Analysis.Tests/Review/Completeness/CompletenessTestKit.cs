using Plumbline.Analysis.Review;

namespace Plumbline.Analysis.Tests.Review.Completeness;

/// <summary>Reviews inline designs on the docs' review date and picks out one rule's findings.</summary>
internal static class CompletenessTestKit
{
    public static readonly DateOnly Today = new(2026, 11, 25);

    /// <summary>The ids this area registers (Rules/Completeness/CompletenessCatalogue.cs).</summary>
    public static readonly string[] RuleIds =
    [
        "scope-without-success-criteria", "scope-without-boundaries", "success-criterion-not-measurable",
        "no-personas", "persona-without-workflows", "persona-without-failure-tolerance", "workflow-without-persona",
        "entity-without-classification", "entity-without-retention", "dependency-without-sla", "dependency-without-owner",
        "open-question", "traffic-without-peak", "traffic-without-growth", "per-user-workflow-without-users",
        "no-business-outcomes", "outcome-without-metric", "metric-without-target", "metric-target-not-measurable",
        "tradeoff-without-impact-or-risk", "tradeoff-without-costs", "tradeoff-without-stakeholders",
        "stakeholder-without-priorities", "endpoint-without-version", "api-without-versioning",
        "write-endpoint-without-idempotency", "retried-endpoint-without-idempotency", "endpoint-without-auth",
        "entity-without-owner", "entity-without-access-pattern", "system-without-owners", "no-decision-records",
        "decision-without-alternatives", "decision-without-consequences", "decision-still-proposed", "no-milestones",
        "milestone-without-okr", "milestone-without-due-date",
    ];

    public static IReadOnlyList<Finding> Review(string yaml) =>
        Reviewer.Review(TestDesigns.Load(yaml), new ReviewOptions(Today)).Findings;

    public static List<Finding> Findings(string yaml, string ruleId) =>
        [.. Review(yaml).Where(f => f.Rule.Id == ruleId)];
}
