using System.Collections.Immutable;

namespace Plumbline.Analysis.Review.Rules.Completeness;

/// <summary>Completeness, business value, API and data contracts, and org alignment (the requirement brief, business value, steps 1 and 2, org alignment). The area's rules in catalogue order; <see cref="RuleRegistry"/> lists this area by name.</summary>
public static class CompletenessCatalogue
{
    public static ImmutableArray<IRule> Rules { get; } =
    [
        // Requirement brief: scope, users, data, dependencies, open questions.
        new ScopeWithoutSuccessCriteria(),
        new ScopeWithoutBoundaries(),
        new SuccessCriterionNotMeasurable(),
        new NoPersonas(),
        new PersonaWithoutWorkflows(),
        new PersonaWithoutFailureTolerance(),
        new WorkflowWithoutPersona(),
        new EntityWithoutClassification(),
        new EntityWithoutRetention(),
        new DependencyWithoutSla(),
        new DependencyWithoutOwner(),
        new UnansweredQuestion(),

        // Requirements: traffic and growth.
        new TrafficWithoutPeak(),
        new TrafficWithoutGrowth(),
        new PerUserWorkflowWithoutUsers(),

        // Business value.
        new NoBusinessOutcomes(),
        new OutcomeWithoutMetric(),
        new MetricWithoutTarget(),
        new MetricTargetNotMeasurable(),
        new TradeoffWithoutImpactOrRisk(),
        new TradeoffWithoutCosts(),
        new TradeoffWithoutStakeholders(),
        new StakeholderWithoutPriorities(),

        // API contracts and data model.
        new EndpointWithoutVersion(),
        new ApiWithoutVersioning(),
        new WriteEndpointWithoutIdempotency(),
        new RetriedEndpointWithoutIdempotency(),
        new EndpointWithoutAuth(),
        new EntityWithoutOwner(),
        new EntityWithoutAccessPattern(),

        // Org alignment: ownership, decisions, milestones.
        new SystemWithoutOwners(),
        new NoDecisionRecords(),
        new DecisionWithoutAlternatives(),
        new DecisionWithoutConsequences(),
        new DecisionStillProposed(),
        new NoMilestones(),
        new MilestoneWithoutOkr(),
        new MilestoneWithoutDueDate(),
    ];
}
