using Plumbline.Analysis.Cost;

namespace Plumbline.Analysis.Review.Rules.Cost;

/// <summary>A price the design's bill uses was read longer ago than a set age.</summary>
public sealed class StalePriceCatalog : IRule
{
    public RuleInfo Info { get; } = new("stale-price-catalog", ProcessStep.Cost, Severity.Low,
        "A price the cost uses is old",
        "Providers change list prices, launch cheaper generations and retire old ones; a price read long ago can be wrong in either direction, and every figure of the cost rests on it.",
        "Check the price against its pricing page and update the catalog's read_on (or the price), or override it in cost.prices with the price you actually pay.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        if (context.Cost is not { } cost)
        {
            yield break;
        }

        var maxAge = (context.Options.Cost ?? CostOptions.Default).MaxPriceAgeDays;
        foreach (var source in cost.SourcesUsed.Where(s => context.Options.Today.DayNumber - s.ReadOn.DayNumber > maxAge))
        {
            var days = context.Options.Today.DayNumber - source.ReadOn.DayNumber;
            yield return Info.At(context.Locate(context.Design.Cost.Path + "/catalog"), source.Name,
                $"prices from '{source.Name}' ({source.Url}) were read on {source.ReadOn:yyyy-MM-dd}, {days} days before {context.Options.Today:yyyy-MM-dd}; the cost uses them for {string.Join(", ", source.Items)}");
        }
    }
}
