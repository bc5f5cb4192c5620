namespace Plumbline.Analysis.Review;

/// <summary>Process steps 7 to 10 and the thinking around them: observability and on-call, security, cost, validation.</summary>
public static partial class RuleRegistry
{
    static partial void AddOperations(List<IRule> rules)
    {
        // Step 7: observability
        rules.Add(new Rules.NoSlos());
        rules.Add(new Rules.WorkflowMissingSlo());
        rules.Add(new Rules.TelemetryIncomplete());
        rules.Add(new Rules.SloWindowUnusual());

        // On-call readiness
        rules.Add(new Rules.NoRunbooks());
        rules.Add(new Rules.ComponentWithoutRunbook());
        rules.Add(new Rules.RunbookIncomplete());
        rules.Add(new Rules.NoRollbackPlan());
        rules.Add(new Rules.OnCallMissing());

        // Step 8 and security thinking
        rules.Add(new Rules.NoEncryptionAtRest());
        rules.Add(new Rules.NoEncryptionInTransit());
        rules.Add(new Rules.NoTrustBoundaries());
        rules.Add(new Rules.ComponentOutsideBoundaries());
        rules.Add(new Rules.InternetEntryWithoutRateLimit());
        rules.Add(new Rules.UnauthenticatedWriteEndpoint());
        rules.Add(new Rules.NoSecretsStore());
        rules.Add(new Rules.SecretsNotRotated());
        rules.Add(new Rules.NoAuditTrail());
        rules.Add(new Rules.PiiWithoutRetention());
        rules.Add(new Rules.AcceptedRiskIncomplete());

        // Step 9: cost
        rules.Add(new Rules.NoCostBudget());
        rules.Add(new Rules.BudgetAlertsMissing());
        rules.Add(new Rules.CostBudgetMismatch());

        // Step 10: validation
        rules.Add(new Rules.NoLoadScenario());
        rules.Add(new Rules.CriticalWorkflowWithoutChaos());
        rules.Add(new Rules.ScenarioWithoutExpectation());
        rules.Add(new Rules.LoadBelowPeak());
    }
}
