namespace Plumbline.Analysis.Tests.Review.Completeness;

/// <summary>The completeness area's rule ids; reviews go through the shared <see cref="ReviewKit"/>.</summary>
internal static class CompletenessTestKit
{
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
}
