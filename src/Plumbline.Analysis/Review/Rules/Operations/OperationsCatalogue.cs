using System.Collections.Immutable;

namespace Plumbline.Analysis.Review.Rules.Operations;

/// <summary>Observability, on-call, security, cost and validation (process steps 7 to 10 and the thinking around them). The area's rules in catalogue order; <see cref="RuleRegistry"/> lists this area by name.</summary>
public static class OperationsCatalogue
{
    public static ImmutableArray<IRule> Rules { get; } =
    [
        // Step 7: observability
        new NoSlos(),
        new WorkflowMissingSlo(),
        new TelemetryIncomplete(),
        new SloWindowUnusual(),
        new SloWithoutTelemetry(),
        new SloAlertWithoutRunbook(),
        new SloAlertWindowsUnfit(),

        // On-call readiness
        new NoRunbooks(),
        new ComponentWithoutRunbook(),
        new RunbookIncomplete(),
        new NoRollbackPlan(),
        new OnCallMissing(),

        // Step 8 and security thinking
        new NoEncryptionAtRest(),
        new NoEncryptionInTransit(),
        new NoTrustBoundaries(),
        new ComponentOutsideBoundaries(),
        new InternetEntryWithoutRateLimit(),
        new PublicEntryWithGlobalLimitOnly(),
        new UnauthenticatedWriteEndpoint(),
        new NoSecretsStore(),
        new SecretsNotRotated(),
        new NoAuditTrail(),
        new PiiWithoutRetention(),
        new AcceptedRiskIncomplete(),

        // Step 9: cost
        new NoCostBudget(),
        new BudgetAlertsMissing(),
        new CostBudgetMismatch(),

        // Step 10: validation
        new NoLoadScenario(),
        new CriticalWorkflowWithoutChaos(),
        new ScenarioWithoutExpectation(),
        new LoadBelowPeak(),
    ];
}
