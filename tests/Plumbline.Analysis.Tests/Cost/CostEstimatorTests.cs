using Plumbline.Analysis.Cost;
using Plumbline.Design.Pricing;
using Xunit;

namespace Plumbline.Analysis.Tests.Cost;

/// <summary>
/// A small design priced end to end through its own estimate, against a bill worked by hand under
/// the test catalog's conventions (730 hours, a month of 2,628,000 s, GB = 2^30 bytes, 100 GB of
/// egress free): three instances, 2 TiB of object storage with its requests, and internet egress
/// across two tiers.
/// </summary>
public sealed class CostEstimatorTests
{
    private const string TestCatalog = """
        plumbline_prices: 1
        name: test
        currency: USD
        conventions: { hours_per_month: 730, gigabyte: GiB, free_allowances: true }
        sources:
          page: { url: https://example.com/prices, read_on: 2026-12-02 }
          older: { url: https://example.com/old, read_on: 2025-06-30 }
        instances:
          m5.large: { family: general, vcpu: 2, memory: 8GiB, price: 0.096 USD/h, source: page }
          c6i.large: { family: compute, vcpu: 2, memory: 4GiB, price: 0.085 USD/h, source: older }
          t3.medium: { family: burstable, vcpu: 2, memory: 4GiB, price: 0.0416 USD/h, source: page }
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
        """;

    private const string Design = """
        plumbline: 1
        system: { name: files }
        requirements:
          users: { monthly_active: 10K }
          peak_to_average: 2
        workflows:
          download:
            entry: api.download
            rate: 5/s
            response: 1MiB
            type: read
          upload:
            entry: api.upload
            rate: 1/s
            request: 1MiB
            type: write
        data:
          - entity: File
            owner: blobs
            record_size: 2MiB
            initial_records: 1048576
            new_records: 0/s
        components:
          api:
            kind: service
            instances: 3
            capacity: 100/s
            operations:
              download: { type: read, calls: [{ to: blobs.get }] }
              upload: { type: write, calls: [{ to: blobs.put }] }
          blobs:
            kind: object_store
            operations:
              get: { type: read }
              put: { type: write }
        cost:
          budget: 1500 USD/month
          alerts: [80%, 100%]
        """;

    private static PriceCatalog Prices()
    {
        var result = CatalogLoader.LoadText("test-prices.yaml", TestCatalog);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Catalog!;
    }

    private static CostReport Price(string design = Design) => CostEstimator.Estimate(TestDesigns.Load(design), Prices());

    [Fact]
    public void The_small_design_is_billed_to_the_cent_by_component_and_driver()
    {
        var now = Price().Now;
        var api = now.Components.Single(c => c.Component == "api");
        var blobs = now.Components.Single(c => c.Component == "blobs");

        // api: no type named, so the cheapest non-burstable type with 2 vCPU and 4 GiB: c6i.large.
        // 3 instances (peak 12/s needs 1 at 70% of 100/s; 3 are stated) x 0.085 x 730 = 186.15.
        Assert.Equal("c6i.large", api.Lines.Single(l => l.Driver == CostDriver.Compute).Item);
        Assert.Equal(186.15m, PriceMath.Cents(api.TotalOf(CostDriver.Compute)));
        // Egress: 5/s x 1 MiB x 2,628,000 s = 12,832.03125 GB. 100 free; 10,140 x 0.09 = 912.60;
        // 2,592.03125 x 0.085 = 220.32265625; 1,132.92265625.
        Assert.Equal(1_132.92m, PriceMath.Cents(api.TotalOf(CostDriver.Transfer)));
        // 2^20 files x 2 MiB = 2 TiB = 2,048 GB x 0.023 = 47.104.
        Assert.Equal(47.10m, PriceMath.Cents(blobs.TotalOf(CostDriver.Storage)));
        // PUTs: 1/s x 2,628,000 = 2,628,000 x 0.005 / 1,000 = 13.14. GETs: 13,140,000 x 0.0004 / 1,000 = 5.256.
        Assert.Equal(13.14m, PriceMath.Cents(blobs.Lines.Single(l => l.Item == "s3-standard writes").Amount!.Value));
        Assert.Equal(5.26m, PriceMath.Cents(blobs.Lines.Single(l => l.Item == "s3-standard reads").Amount!.Value));
        // 186.15 + 1,132.92265625 + 47.104 + 13.14 + 5.256 = 1,384.57265625.
        Assert.Equal(1_384.57m, PriceMath.Cents(now.Total));
    }

    [Fact]
    public void The_egress_line_shows_the_two_tiers_it_crossed()
    {
        var transfer = Price().Now.Components.Single(c => c.Component == "api").Lines.Single(l => l.Driver == CostDriver.Transfer);

        Assert.Equal("internet", transfer.Item);
        Assert.Equal(1_132.92265625m, transfer.Amount);
        Assert.Contains(transfer.Inputs, i => i.Name == "the design's internet egress, GB a month" && i.Value == 12_832.03125m);
        Assert.Contains(transfer.Inputs, i => i.Name == "free allowance, GB" && i.Value == 100m);
        Assert.Equal(2, transfer.Inputs.Count(i => i.Source == "catalog:/transfer/internet/price"));
    }

    [Fact]
    public void The_budget_share_and_the_alerts_reached_are_given()
    {
        var report = Price();

        Assert.Equal(1_500m, report.Budget);
        var budget = report.Now.Budget!;
        Assert.False(budget.Over);
        Assert.Equal(0.9230m, Math.Round(budget.Share, 4));
        Assert.Equal([0.8m], budget.AlertsReached);
    }

    [Fact]
    public void Cost_per_thousand_requests_and_per_active_user()
    {
        var units = Price().Units;

        // (5 + 1)/s x 2,628,000 s = 15,768,000 requests; 1,384.57265625 / 15,768 = 0.0878...; / 10,000 users = 0.1385.
        Assert.Equal(15_768_000m, units.RequestsPerMonth);
        Assert.Equal(0.0878m, Math.Round(units.PerThousandRequests!.Value, 4));
        Assert.Equal(0.1385m, Math.Round(units.PerActiveUser!.Value, 4));
    }

    [Fact]
    public void Idle_compute_is_what_right_sizing_to_peak_at_the_target_utilisation_with_a_spare_saves()
    {
        var idle = Assert.Single(Price().Idle);

        // 3 stated; peak needs 1, and one spare so that losing an instance leaves it: 2.
        // 1 x 0.085 x 730 = 62.05, a third of the compute.
        Assert.Equal(("api", 3, 2), (idle.Component, idle.Provisioned, idle.Needed));
        Assert.Equal(62.05m, PriceMath.Cents(idle.MonthlySaving));
        Assert.Equal(0.3333m, Math.Round(idle.Share, 4));
        Assert.Contains(idle.Inputs, i => i.Name == "instances that carry the load with one lost: needed + 1" && i.Value == 2);
    }

    [Fact]
    public void A_year_of_doubling_traffic_doubles_egress_and_requests_but_not_the_stated_instances()
    {
        var report = Price(Design.Replace("  peak_to_average: 2", "  peak_to_average: 2\n  growth: 100%/year", StringComparison.Ordinal));
        var year = report.Horizons.Single(h => h.Months == 12);
        var api = year.Components.Single(c => c.Component == "api");

        // 25,664.0625 GB: 100 free; 10,140 x 0.09 = 912.60; 15,424.0625 x 0.085 = 1,311.0453125; 2,223.65.
        Assert.Equal(2_223.65m, PriceMath.Cents(api.TotalOf(CostDriver.Transfer)));
        // Peak 24/s still needs 1 instance; 3 are stated.
        Assert.Equal(186.15m, PriceMath.Cents(api.TotalOf(CostDriver.Compute)));
        Assert.Equal(26.28m, PriceMath.Cents(year.Components.Single(c => c.Component == "blobs").Lines.Single(l => l.Item == "s3-standard writes").Amount!.Value));
        Assert.Equal([0.0, 12, 36, 60], report.Horizons.Select(h => h.Months));
    }

    [Fact]
    public void What_the_design_does_not_say_is_printed_as_assumed()
    {
        var report = Price();

        var api = report.Now.Components.Single(c => c.Component == "api");
        Assert.True(api.Assumed);
        Assert.Contains(report.Notes, n => n.StartsWith("api: priced as c6i.large, the cheapest type with at least 2 vCPU and 4GiB", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2025, 6, 30), report.Catalog.OldestReadOn);
    }

    [Fact]
    public void A_budget_in_another_currency_is_not_compared()
    {
        var report = Price(Design.Replace("1500 USD/month", "1500 EUR/month", StringComparison.Ordinal));

        Assert.Null(report.Budget);
        Assert.Null(report.Now.Budget);
        Assert.Contains(report.Notes, n => n.Contains("in EUR", StringComparison.Ordinal));
    }

    [Fact]
    public void A_queue_with_its_own_instances_is_priced_as_instances_and_one_without_as_the_managed_service()
    {
        const string Queues = """
            plumbline: 1
            system: { name: events }
            workflows:
              publish: { entry: api.publish, rate: 10/s }
            components:
              api:
                kind: service
                instances: 2
                operations: { publish: { calls: [{ to: log.append, async: true }, { to: jobs.send, async: true }] } }
              log: { kind: queue, engine: kafka, instances: 3, memory: 8GiB, operations: { append: { type: write } } }
              jobs: { kind: queue, operations: { send: { type: write } } }
            """;
        var catalog = TestCatalog + """

            services:
              queue-service:
                kind: queue
                requests: { price: 0.40 USD, per: 1M, free: 1M, per_message: 3, chunk: 64KiB }
                source: page
            """;
        var loaded = CatalogLoader.LoadText("test-prices.yaml", catalog);
        Assert.True(loaded.Success, string.Join(Environment.NewLine, loaded.Diagnostics));
        var now = CostEstimator.Estimate(TestDesigns.Load(Queues), loaded.Catalog!).Now;

        // Kafka on 3 brokers of at least 2 vCPU and 8 GiB: m5.large, 3 x 0.096 x 730 = 210.24.
        var log = now.Components.Single(c => c.Component == "log");
        Assert.Equal("m5.large", log.Lines.Single(l => l.Driver == CostDriver.Compute).Item);
        Assert.Equal(210.24m, PriceMath.Cents(log.Total));
        // The managed queue: 10/s x 2,628,000 s = 26,280,000 messages x 3 requests = 78,840,000;
        // 1M free; 77,840,000 x 0.40 / 1M = 31.136.
        var jobs = now.Components.Single(c => c.Component == "jobs");
        Assert.Equal("queue-service", jobs.PricedAs.Split(',')[0]);
        Assert.Equal(31.14m, PriceMath.Cents(jobs.Total));
    }
}
