using CsCheck;
using Plumbline.Analysis.Cost;
using Xunit;

namespace Plumbline.Analysis.Tests.Cost;

/// <summary>
/// Tiered charges over drawn quantities, at <see cref="PriceMathTests"/>'s catalog. Not in the mutation set (each run
/// draws fresh cases); <see cref="PriceMathTests"/> pins the same arithmetic on hand-computed quantities.
/// </summary>
public sealed class PriceMathPropertyTests
{
    [Fact]
    public void A_tiered_charge_grows_with_the_quantity_and_splits_at_any_tier_bound()
    {
        var internet = PriceMathTests.Prices.FindTransfer("internet")!.PerGb;
        Gen.Decimal[0m, 1_000_000m].Select(Gen.Decimal[0m, 1_000_000m]).SampleReplayable((a, b) =>
        {
            var (low, high) = a <= b ? (a, b) : (b, a);
            var small = PriceMath.Tiered(internet, low, applyFree: true);
            var large = PriceMath.Tiered(internet, high, applyFree: true);

            Assert.True(small.Amount <= large.Amount, $"{low} GB costs {small.Amount}, more than {high} GB at {large.Amount}");
            Assert.Equal(Math.Max(0, high - 100m), large.Tiers.Sum(t => t.Units));
            Assert.All(large.Tiers, t => Assert.Equal(t.Units * t.Rate, t.Amount));
        }, iter: 2_000);
    }
}
