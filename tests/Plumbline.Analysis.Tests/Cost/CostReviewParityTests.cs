using Plumbline.Analysis.Cost;
using Plumbline.Design.Pricing;
using Xunit;

namespace Plumbline.Analysis.Tests.Cost;

/// <summary>
/// The review prices its own estimate; the cost command estimates on its own. Not in the mutation set: it needs the review,
/// which the MutationAnalysis configuration does not compile, and it estimates seven examples against every mutant of the
/// estimate; CostEstimatorTests pins the bill on small designs.
/// </summary>
public sealed class CostReviewParityTests
{
    [Theory]
    [InlineData("chat.yaml")]
    [InlineData("news-feed.yaml")]
    [InlineData("pastebin.yaml")]
    [InlineData("payments-ledger.yaml")]
    [InlineData("ride-hailing.yaml")]
    [InlineData("url-shortener.yaml")]
    [InlineData("weak-design.yaml")]
    public void A_review_prices_its_own_estimate_to_the_same_bill_as_the_cost_command(string example)
    {
        // The review estimates once and prices that estimate; the cost command estimates on its own.
        // Both must give the same bill, line by line, at every horizon, and the same idle compute.
        var design = TestDesigns.Example(example);
        var catalog = CatalogLoader.Default.Catalog!;
        var alone = CostEstimator.Estimate(design, Plumbline.Design.Pricing.DesignPricing.WithOverrides(catalog, design.Cost.Prices));
        var review = new Plumbline.Analysis.Review.ReviewContext(design, new Plumbline.Analysis.Review.ReviewOptions(new DateOnly(2026, 12, 3))).Cost!;

        Assert.Equal(alone.Horizons.Select(h => h.Months), review.Horizons.Select(h => h.Months));
        foreach (var (a, b) in alone.Horizons.Zip(review.Horizons))
        {
            Assert.Equal(
                a.Components.SelectMany(c => c.Lines.Select(l => (c.Component, l.Driver, l.Item, l.Amount))),
                b.Components.SelectMany(c => c.Lines.Select(l => (c.Component, l.Driver, l.Item, l.Amount))));
        }

        Assert.Equal(alone.Idle.Select(i => (i.Component, i.Provisioned, i.Needed, i.MonthlySaving)), review.Idle.Select(i => (i.Component, i.Provisioned, i.Needed, i.MonthlySaving)));
        Assert.Equal(alone.Notes, review.Notes);
    }
}
