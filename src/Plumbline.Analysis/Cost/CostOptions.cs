using System.Collections.Immutable;

namespace Plumbline.Analysis.Cost;

/// <summary>
/// The assumptions a cost estimate makes where a design is silent, and what its findings watch.
/// Every default is documented in docs/cost.md and printed as assumed wherever it is used.
/// </summary>
/// <param name="HorizonsMonths">Months of growth to price besides now; default 12, 36 and 60 (years 1, 3 and 5).</param>
/// <param name="DefaultVcpu">vCPUs of the instance assumed for a compute component that names no type or size; default 2.</param>
/// <param name="DefaultMemoryGiB">Memory of that instance in GiB; default 4 (8 for a database or cache).</param>
/// <param name="IdleShare">Share of a component's compute cost idle beyond which the review flags it; default 30%.</param>
/// <param name="EgressShare">Share of the total beyond which egress is said to dominate; default 50%.</param>
/// <param name="MaxPriceAgeDays">Age in days of a catalog price past which the review flags it; default 365.</param>
public sealed record CostOptions(
    ImmutableArray<double> HorizonsMonths = default,
    int DefaultVcpu = 2,
    double DefaultMemoryGiB = 4,
    double IdleShare = 0.3,
    double EgressShare = 0.5,
    int MaxPriceAgeDays = 365)
{
    public static CostOptions Default { get; } = new();

    /// <summary>The horizons in months, default 12, 36 and 60; "now" is always priced besides them.</summary>
    public ImmutableArray<double> Horizons => HorizonsMonths.IsDefaultOrEmpty ? [12, 36, 60] : HorizonsMonths;
}
