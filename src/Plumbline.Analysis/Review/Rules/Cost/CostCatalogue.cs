using System.Collections.Immutable;

namespace Plumbline.Analysis.Review.Rules.Cost;

/// <summary>Step 9, cost and FinOps: what the design costs against its budget and what it wastes, priced at its catalog. The area's rules in catalogue order; <see cref="RuleRegistry"/> lists this area by name.</summary>
public static class CostCatalogue
{
    public static ImmutableArray<IRule> Rules { get; } =
    [
        new CostOverBudget(),
        new IdleCompute(),
        new EgressDominatesCost(),
        new StorageOutgrowsCompute(),
        new StalePriceCatalog(),
    ];
}
