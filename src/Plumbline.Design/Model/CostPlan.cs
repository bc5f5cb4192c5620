using System.Collections.Immutable;
using Plumbline.Design.Units;

namespace Plumbline.Design.Model;

/// <summary>
/// <c>cost:</c> process step 9. <see cref="Catalog"/> is <c>default</c> or a path to the user's price
/// file, relative to the design; <see cref="Prices"/> override single prices of the catalog.
/// </summary>
public sealed record CostPlan(string Catalog, Money? Budget, ImmutableArray<Percent> Alerts, string Path)
{
    public static CostPlan Empty { get; } = new("default", null, [], "/cost");

    /// <summary>Prices this design pays instead of the catalog's, by catalog item name.</summary>
    public ImmutableArray<PriceOverride> Prices { get; init; } = [];
}

/// <summary>
/// One price the design pays instead of the catalog's: <c>m5.large: 0.08 USD/h</c> for an instance type
/// or database class (per hour), <c>s3-standard: 0.02 USD</c> for a storage class (per GB-month) or
/// <c>internet: 0.05 USD</c> for a transfer (per GB). It replaces the item's tiers with one price.
/// </summary>
public sealed record PriceOverride(string Name, Money Price, string Path);
