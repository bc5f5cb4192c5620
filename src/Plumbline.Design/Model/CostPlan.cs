using System.Collections.Immutable;
using Plumbline.Design.Units;

namespace Plumbline.Design.Model;

/// <summary><c>cost:</c> process step 9. <see cref="Catalog"/> is <c>default</c> or a path to the user's price file.</summary>
public sealed record CostPlan(string Catalog, Money? Budget, ImmutableArray<Percent> Alerts, string Path)
{
    public static CostPlan Empty { get; } = new("default", null, [], "/cost");
}
