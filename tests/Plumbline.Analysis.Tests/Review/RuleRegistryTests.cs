using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Custom;
using Xunit;

namespace Plumbline.Analysis.Tests.Review;

public sealed class RuleRegistryTests
{
    [Fact]
    public void Every_built_in_rule_class_is_registered_exactly_once()
    {
        // A rule class that no area catalogue lists would silently never run.
        var classes = typeof(IRule).Assembly.GetTypes()
            .Where(t => typeof(IRule).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false } && t != typeof(DeclarativeRule))
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)
            .ToList();
        var registered = RuleRegistry.All.Select(r => r.GetType().FullName!).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(classes);
        Assert.Equal(classes, registered);
    }

    [Fact]
    public void Rule_ids_are_unique()
    {
        var ids = RuleRegistry.All.Select(r => r.Info.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Each_area_catalogue_sits_in_its_area_namespace()
    {
        var areas = RuleRegistry.All
            .Select(r => r.GetType().Namespace!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
        [
            "Plumbline.Analysis.Review.Rules",
            "Plumbline.Analysis.Review.Rules.Completeness",
            "Plumbline.Analysis.Review.Rules.Cost",
            "Plumbline.Analysis.Review.Rules.Operations",
            "Plumbline.Analysis.Review.Rules.Recovery",
            "Plumbline.Analysis.Review.Rules.Resilience",
            "Plumbline.Analysis.Review.Rules.Storage",
            "Plumbline.Analysis.Threats.Rules",
        ], areas);
    }
}
