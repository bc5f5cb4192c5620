using Plumbline.Analysis.Cost;
using Plumbline.Design.Pricing;
using Xunit;

namespace Plumbline.Analysis.Tests.Cost;

/// <summary>
/// Bills worked by hand under a catalog's stated conventions (730 hours a month, GB as 2^30 bytes,
/// tier bounds counted from zero with the free allowance at the bottom), checked to the cent.
/// The catalog is written here so the figures do not move when the shipped prices are updated.
/// </summary>
public sealed class PriceMathTests
{
    private const string TestCatalog = """
        plumbline_prices: 1
        name: test
        currency: USD
        conventions: { hours_per_month: 730, gigabyte: GiB, free_allowances: true }
        sources:
          page: { url: https://example.com/prices, read_on: 2026-12-02 }
        instances:
          m5.large: { family: general, vcpu: 2, memory: 8GiB, price: 0.096 USD/h, source: page }
          c6i.large: { family: compute, vcpu: 2, memory: 4GiB, price: 0.085 USD/h, source: page }
        storage:
          s3-standard:
            kind: object
            price: [{ up_to: 50TiB, price: 0.023 USD }, { up_to: 500TiB, price: 0.022 USD }, { price: 0.021 USD }]
            writes: { price: 0.005 USD, per: 1K }
            reads: { price: 0.0004 USD, per: 1K }
            source: page
        transfer:
          internet:
            price: [{ up_to: 10TiB, price: 0.09 USD }, { up_to: 50TiB, price: 0.085 USD }, { up_to: 150TiB, price: 0.07 USD }, { price: 0.05 USD }]
            free: 100GiB
            source: page
        services:
          sqs-standard:
            kind: queue
            requests: { price: 0.40 USD, per: 1M, free: 1M, per_message: 3, chunk: 64KiB }
            source: page
        """;

    private const double GiB = 1_073_741_824;
    private const double TiB = 1_099_511_627_776;

    private static readonly Lazy<PriceCatalog> Catalog = new(() =>
    {
        var result = CatalogLoader.LoadText("test-prices.yaml", TestCatalog);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Catalog!;
    });

    /// <summary>The test catalog, shared with the property tests of the same arithmetic.</summary>
    internal static PriceCatalog Prices => Catalog.Value;

    [Fact]
    public void A_small_design_is_billed_to_the_cent()
    {
        var c = Prices.Conventions;

        // 3 × m5.large: 0.096 × 730 = 70.08 each, 210.24.
        var web = PriceMath.InstanceMonth(Prices.FindInstance("m5.large")!.PerHour, 3, c.HoursPerMonth);
        // 2 × c6i.large: 0.085 × 730 = 62.05 each, 124.10.
        var workers = PriceMath.InstanceMonth(Prices.FindInstance("c6i.large")!.PerHour, 2, c.HoursPerMonth);
        // 2 TiB in S3 Standard = 2,048 GB × 0.023 = 47.104.
        var s3 = Prices.FindStorage("s3-standard")!;
        var stored = PriceMath.Tiered(s3.PerGbMonth, PriceMath.BilledGigabytes(2 * TiB, c), c.FreeAllowances);
        // 5M PUTs at 0.005 per 1,000 = 25.00; 50M GETs at 0.0004 per 1,000 = 20.00.
        var puts = PriceMath.Tiered(s3.Writes!.Price, 5_000_000, c.FreeAllowances);
        var gets = PriceMath.Tiered(s3.Reads!.Price, 50_000_000, c.FreeAllowances);
        // 12 TiB out = 12,288 GB: the first 100 GB free; 100 to 10,240 GB (10,140 GB) at 0.09 = 912.60;
        // 10,240 to 12,288 GB (2,048 GB) at 0.085 = 174.08; 1,086.68 in all.
        var egress = PriceMath.Tiered(Prices.FindTransfer("internet")!.PerGb, PriceMath.BilledGigabytes(12 * TiB, c), c.FreeAllowances);

        Assert.Equal(210.24m, PriceMath.Cents(web));
        Assert.Equal(124.10m, PriceMath.Cents(workers));
        Assert.Equal(47.10m, PriceMath.Cents(stored.Amount));
        Assert.Equal(25.00m, PriceMath.Cents(puts.Amount));
        Assert.Equal(20.00m, PriceMath.Cents(gets.Amount));
        Assert.Equal(912.60m, PriceMath.Cents(egress.Tiers[0].Amount));
        Assert.Equal(174.08m, PriceMath.Cents(egress.Tiers[1].Amount));
        Assert.Equal(1_086.68m, PriceMath.Cents(egress.Amount));
        // 210.24 + 124.10 + 47.104 + 25 + 20 + 1,086.68 = 1,513.124.
        Assert.Equal(1_513.12m, PriceMath.Cents(web + workers + stored.Amount + puts.Amount + gets.Amount + egress.Amount));
    }

    [Fact]
    public void The_egress_tiers_say_what_each_one_billed()
    {
        var c = Prices.Conventions;

        var egress = PriceMath.Tiered(Prices.FindTransfer("internet")!.PerGb, PriceMath.BilledGigabytes(12 * TiB, c), c.FreeAllowances);

        Assert.Equal(12_288m, egress.Units);
        Assert.Equal(100m, egress.FreeUnits);
        Assert.Equal(new TierCharge(100m, 10_240m, 10_140m, 0.09m, 1m, 912.60m), egress.Tiers[0]);
        Assert.Equal(new TierCharge(10_240m, 51_200m, 2_048m, 0.085m, 1m, 174.08m), egress.Tiers[1]);
        Assert.Equal(2, egress.Tiers.Length);
    }

    [Fact]
    public void Object_storage_past_the_first_tier_is_billed_in_two_tiers()
    {
        var c = Prices.Conventions;

        // 60 TiB = 61,440 GB: 51,200 GB at 0.023 = 1,177.60 and 10,240 GB at 0.022 = 225.28; 1,402.88.
        var stored = PriceMath.Tiered(Prices.FindStorage("s3-standard")!.PerGbMonth, PriceMath.BilledGigabytes(60 * TiB, c), c.FreeAllowances);

        Assert.Equal([1_177.60m, 225.28m], stored.Tiers.Select(t => PriceMath.Cents(t.Amount)));
        Assert.Equal(1_402.88m, PriceMath.Cents(stored.Amount));
    }

    [Fact]
    public void Under_the_GB_convention_the_same_bytes_are_more_billed_gigabytes()
    {
        var decimalGb = Prices.Conventions with { Gigabyte = GigabyteUnit.GB };

        // 2 TiB = 2,199,023,255,552 bytes = 2,199.023255552 GB of 10^9 bytes; × 0.023 = 50.5775...
        var gb = PriceMath.BilledGigabytes(2 * TiB, decimalGb);

        Assert.Equal(2_199.023255552m, gb);
        Assert.Equal(50.58m, PriceMath.Cents(PriceMath.Tiered(Prices.FindStorage("s3-standard")!.PerGbMonth, gb, applyFree: true).Amount));
    }

    [Fact]
    public void A_queue_bills_three_requests_per_message_per_started_64_KiB_chunk_after_the_free_million()
    {
        var sqs = Prices.FindService("sqs-standard")!.Requests!;

        // 10M messages of 100,000 bytes: 2 chunks each (65,536 < 100,000 ≤ 131,072), 3 calls each:
        // 60M requests; 1M free; 59M × 0.40 per million = 23.60.
        var requests = PriceMath.QueueRequests(sqs, 10_000_000, 100_000);
        var charge = PriceMath.Tiered(sqs.Price, requests, applyFree: true);

        Assert.Equal(60_000_000m, requests);
        Assert.Equal(23.60m, PriceMath.Cents(charge.Amount));
        Assert.Equal(1m, PriceMath.Chunks(sqs, 0));
        Assert.Equal(1m, PriceMath.Chunks(sqs, 65_536));
        Assert.Equal(2m, PriceMath.Chunks(sqs, 65_537));
    }

    [Fact]
    public void Without_free_allowances_the_first_units_are_billed_too()
    {
        var egress = PriceMath.Tiered(Prices.FindTransfer("internet")!.PerGb, 100m, applyFree: false);
        var free = PriceMath.Tiered(Prices.FindTransfer("internet")!.PerGb, 100m, applyFree: true);

        Assert.Equal(9.00m, egress.Amount);
        Assert.Equal(0m, free.Amount);
        Assert.Empty(free.Tiers);
    }

    [Fact]
    public void The_last_tier_prices_everything_above_the_last_bound()
    {
        // 200 TiB = 204,800 GB: 100 free; 10,140 × 0.09 = 912.60; 40,960 × 0.085 = 3,481.60;
        // 102,400 × 0.07 = 7,168.00; 51,200 × 0.05 = 2,560.00; 14,122.20 in all.
        var egress = PriceMath.Tiered(Prices.FindTransfer("internet")!.PerGb, PriceMath.BilledGigabytes(200 * TiB, Prices.Conventions), applyFree: true);

        Assert.Equal([912.60m, 3_481.60m, 7_168.00m, 2_560.00m], egress.Tiers.Select(t => t.Amount));
        Assert.Null(egress.Tiers[^1].UpTo);
        Assert.Equal(14_122.20m, egress.Amount);
    }

    [Fact]
    public void An_always_on_instance_is_price_times_hours_times_count()
    {
        Assert.Equal(70.08m, PriceMath.InstanceMonth(0.096m, 1, 730));
        Assert.Equal(0m, PriceMath.InstanceMonth(0.096m, 0, 730));
        Assert.Throws<ArgumentOutOfRangeException>(() => PriceMath.InstanceMonth(0.096m, -1, 730));
    }

    [Fact]
    public void Cents_round_half_away_from_zero()
    {
        Assert.Equal(0.13m, PriceMath.Cents(0.125m));
        Assert.Equal(47.10m, PriceMath.Cents(47.104m));
        Assert.Equal(1_513.13m, PriceMath.Cents(1_513.125m));
    }

    [Fact]
    public void One_GiB_is_one_billed_gigabyte_under_the_GiB_convention()
    {
        Assert.Equal(1m, PriceMath.BilledGigabytes(GiB, Prices.Conventions));
        Assert.Throws<ArgumentOutOfRangeException>(() => PriceMath.BilledGigabytes(double.NaN, Prices.Conventions));
    }
}
