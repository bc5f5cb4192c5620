using Plumbline.Design.Text;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>A cache whose hot working set does not fit its memory: its hit ratio is a hope, not a figure.</summary>
public sealed class CacheTooSmall : IRule
{
    public RuleInfo Info { get; } = new("cache-too-small", ProcessStep.Scale, Severity.Medium,
        "A cache's hot set does not fit its memory",
        "A cache that cannot hold its hot set evicts what it will need next; the hit ratio the design counts on falls and the store behind it takes the misses.",
        "Give the cache more memory or more shards, cache smaller items, or lower the stated hit_ratio and size the store behind it for the misses.");

    public IEnumerable<Finding> Check(ReviewContext context)
    {
        foreach (var cache in context.Estimate.Caches)
        {
            if (cache.Fit.Value is not { } fit || fit <= 1 || context.Design.FindComponent(cache.Component) is not { } component)
            {
                continue;
            }

            var span = component.Memory is null ? context.KeySpan(component.Path) : context.Span(component.Path + "/memory");
            var fraction = context.Estimate.Options.HotSetFraction;
            var reads = cache.ReadsPerDay.Value!.Value;
            var distinct = cache.HotSet.Value!.Value / (fraction * cache.ItemSize.Value!.Value);
            var items = distinct < reads * (1 - 1e-9)
                ? $"the {Quantities.Significant(distinct / 1e6)}M records that exist, of {Quantities.Significant(reads / 1e6)}M reads a day,"
                : $"{Quantities.Significant(reads / 1e6)}M reads a day";
            yield return Info.At(span, component.Name,
                $"{component.Name}'s hot set is {Quantities.Bytes(cache.HotSet.Value!.Value)} ({Quantities.Percent(fraction)} of {items} x {Quantities.Bytes(cache.ItemSize.Value!.Value)}), {Quantities.Significant(fit)}x its {Quantities.Bytes(cache.Memory.Value!.Value)} of memory");
        }
    }
}
