using System.Collections.Immutable;
using Plumbline.Analysis.Cost;
using Plumbline.Design.Model;
using Plumbline.Design.Pricing;
using Xunit;

namespace Plumbline.Analysis.Tests.Cost;

/// <summary>
/// The bill's arithmetic refuses what no bill has (a negative price, hours, quantity or size, a missing price) by name,
/// rather than printing a negative amount; and the report's totals sum their lines, by driver.
/// </summary>
public sealed class PriceMathGuardTests
{
    private static readonly CatalogConventions GiB = new(730, GigabyteUnit.GiB, FreeAllowances: true, Note: null);

    private static readonly RequestPrice Queue = new(TieredPrice.Flat(0.40m, per: 1_000_000), PerMessage: 3, Chunk: Design.Units.ByteSize.FromKibibytes(64), Source: null);

    [Fact]
    public void A_negative_price_count_or_month_is_refused_by_name()
    {
        Assert.Equal("perHour", Assert.Throws<ArgumentOutOfRangeException>(() => PriceMath.InstanceMonth(-0.1m, 1, 730)).ParamName);
        Assert.Equal("instances", Assert.Throws<ArgumentOutOfRangeException>(() => PriceMath.InstanceMonth(0.1m, -1, 730)).ParamName);
        Assert.Equal("hoursPerMonth", Assert.Throws<ArgumentOutOfRangeException>(() => PriceMath.InstanceMonth(0.1m, 1, -730)).ParamName);
        // 0.1 x 730 x 0 = 0, and 0 x 730 x 3 = 0: zero is a bill, not an error.
        Assert.Equal(0m, PriceMath.InstanceMonth(0.1m, 0, 730));
        Assert.Equal(0m, PriceMath.InstanceMonth(0m, 3, 730));
    }

    [Fact]
    public void Billed_gigabytes_refuse_what_is_not_a_size_and_take_zero()
    {
        Assert.Equal(0m, PriceMath.BilledGigabytes(0, GiB));
        Assert.Equal("bytes", Assert.Throws<ArgumentOutOfRangeException>(() => PriceMath.BilledGigabytes(-1, GiB)).ParamName);
        Assert.Equal("bytes", Assert.Throws<ArgumentOutOfRangeException>(() => PriceMath.BilledGigabytes(double.PositiveInfinity, GiB)).ParamName);
        Assert.Equal("conventions", Assert.Throws<ArgumentNullException>(() => PriceMath.BilledGigabytes(1, null!)).ParamName);
    }

    [Fact]
    public void A_tiered_charge_refuses_a_negative_quantity_and_a_missing_price()
    {
        Assert.Equal("units", Assert.Throws<ArgumentOutOfRangeException>(() => PriceMath.Tiered(TieredPrice.Flat(1m), -1m, applyFree: false)).ParamName);
        Assert.Equal("price", Assert.Throws<ArgumentNullException>(() => PriceMath.Tiered(null!, 1m, applyFree: false)).ParamName);
    }

    [Fact]
    public void A_quantity_exactly_at_a_tier_bound_is_billed_in_the_lower_tier_alone()
    {
        // Up to 10 at 1 per unit, then 0.5: exactly 10 units are 10 x 1 = 10, in one tier; 12 are 10 + 2 x 0.5 = 11.
        var price = new TieredPrice([new PriceTier(10m, 1m), new PriceTier(null, 0.5m)], Per: 1, Free: 0);

        Assert.Equal([new TierCharge(0m, 10m, 10m, 1m, 1m, 10m)], PriceMath.Tiered(price, 10m, applyFree: false).Tiers);
        Assert.Equal([new TierCharge(0m, 10m, 10m, 1m, 1m, 10m), new TierCharge(10m, null, 2m, 0.5m, 1m, 1m)], PriceMath.Tiered(price, 12m, applyFree: false).Tiers);
    }

    [Fact]
    public void Queue_requests_refuse_a_negative_count_or_size_and_a_missing_price()
    {
        // 10 messages of 1 byte: one chunk each, 3 requests each: 30.
        Assert.Equal(30m, PriceMath.QueueRequests(Queue, 10, 1));
        Assert.Equal("messages", Assert.Throws<ArgumentOutOfRangeException>(() => PriceMath.QueueRequests(Queue, -1, 1)).ParamName);
        Assert.Equal("messageBytes", Assert.Throws<ArgumentOutOfRangeException>(() => PriceMath.QueueRequests(Queue, 1, -1)).ParamName);
        Assert.Equal("messageBytes", Assert.Throws<ArgumentOutOfRangeException>(() => PriceMath.QueueRequests(Queue, 1, double.NaN)).ParamName);
        Assert.Equal("price", Assert.Throws<ArgumentNullException>(() => PriceMath.QueueRequests(null!, 1, 1)).ParamName);
        Assert.Equal("price", Assert.Throws<ArgumentNullException>(() => PriceMath.Chunks(null!, 1)).ParamName);
    }

    [Fact]
    public void A_figure_is_capped_at_1e20_and_what_is_not_positive_counts_zero()
    {
        Assert.Equal(0m, CostEstimator.Figure(double.NaN));
        Assert.Equal(0m, CostEstimator.Figure(-1));
        Assert.Equal(0.5m, CostEstimator.Figure(0.5));
        Assert.Equal(1e20m, CostEstimator.Figure(1e25));
        Assert.Equal(1e20m, CostEstimator.Figure(double.PositiveInfinity));
        Assert.Equal(12_345_678m, CostEstimator.Figure(12_345_678));
    }

    [Fact]
    public void Totals_sum_every_line_and_by_driver_only_that_drivers_lines()
    {
        var line = (CostDriver driver, decimal? amount) => new CostLine(driver, "x", amount, "f", []);
        var api = new ComponentCost("api", ComponentKind.Service, "m5.large", false,
            [line(CostDriver.Compute, 2m), line(CostDriver.Compute, 3m), line(CostDriver.Transfer, 4m), line(CostDriver.Storage, null)]);
        var db = new ComponentCost("db", ComponentKind.Database, "m5.large", false, [line(CostDriver.Compute, 10m)]);
        var horizon = new HorizonCost(0, [api, db], null);

        // api: 2 + 3 + 4 = 9, compute 2 + 3 = 5; both: 9 + 10 = 19, compute 5 + 10 = 15.
        Assert.Equal((9m, 5m, 4m, 0m), (api.Total, api.TotalOf(CostDriver.Compute), api.TotalOf(CostDriver.Transfer), api.TotalOf(CostDriver.Storage)));
        Assert.Equal((19m, 15m), (horizon.Total, horizon.TotalOf(CostDriver.Compute)));
        Assert.Equal([true, true, true, false], api.Lines.Select(l => l.IsKnown));
    }

    [Fact]
    public void An_input_is_a_default_only_when_its_source_says_so()
    {
        Assert.True(new CostInput("vcpu", 2, CostUnit.Count, CostSources.Default, 0).IsDefault);
        Assert.False(new CostInput("vcpu", 2, CostUnit.Count, CostSources.Option, 0).IsDefault);
    }

    [Fact]
    public void The_horizons_are_12_36_and_60_months_unless_stated()
    {
        Assert.Equal([12.0, 36, 60], CostOptions.Default.Horizons);
        Assert.Equal([6.0], new CostOptions(HorizonsMonths: ImmutableArray.Create(6.0)).Horizons);
    }
}
