using Plumbline.Analysis.Review.Rules;

namespace Plumbline.Analysis.Review;

/// <summary>Completeness, business value, API and data contracts, and org alignment.</summary>
public static partial class RuleRegistry
{
    static partial void AddCompleteness(List<IRule> rules)
    {
        // Requirement brief: scope, users, data, dependencies, open questions.
        rules.Add(new ScopeWithoutSuccessCriteria());
        rules.Add(new ScopeWithoutBoundaries());
        rules.Add(new SuccessCriterionNotMeasurable());
        rules.Add(new NoPersonas());
        rules.Add(new PersonaWithoutWorkflows());
        rules.Add(new PersonaWithoutFailureTolerance());
        rules.Add(new WorkflowWithoutPersona());
        rules.Add(new EntityWithoutClassification());
        rules.Add(new EntityWithoutRetention());
        rules.Add(new DependencyWithoutSla());
        rules.Add(new DependencyWithoutOwner());
        rules.Add(new UnansweredQuestion());

        // Requirements: traffic and growth.
        rules.Add(new TrafficWithoutPeak());
        rules.Add(new TrafficWithoutGrowth());
        rules.Add(new PerUserWorkflowWithoutUsers());

        // Business value.
        rules.Add(new NoBusinessOutcomes());
        rules.Add(new OutcomeWithoutMetric());
        rules.Add(new MetricWithoutTarget());
        rules.Add(new MetricTargetNotMeasurable());
        rules.Add(new TradeoffWithoutImpactOrRisk());
        rules.Add(new TradeoffWithoutCosts());
        rules.Add(new TradeoffWithoutStakeholders());
        rules.Add(new StakeholderWithoutPriorities());

        // API contracts and data model.
        rules.Add(new EndpointWithoutVersion());
        rules.Add(new ApiWithoutVersioning());
        rules.Add(new WriteEndpointWithoutIdempotency());
        rules.Add(new RetriedEndpointWithoutIdempotency());
        rules.Add(new EndpointWithoutAuth());
        rules.Add(new EntityWithoutOwner());
        rules.Add(new EntityWithoutAccessPattern());

        // Org alignment: ownership, decisions, milestones.
        rules.Add(new SystemWithoutOwners());
        rules.Add(new NoDecisionRecords());
        rules.Add(new DecisionWithoutAlternatives());
        rules.Add(new DecisionWithoutConsequences());
        rules.Add(new DecisionStillProposed());
        rules.Add(new NoMilestones());
        rules.Add(new MilestoneWithoutOkr());
        rules.Add(new MilestoneWithoutDueDate());
    }
}
