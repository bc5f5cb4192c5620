using System.Collections.Immutable;
using Plumbline.Analysis.Cost;
using Plumbline.Design.Pricing;
using Xunit;

namespace Plumbline.Analysis.Tests.Cost;

/// <summary>
/// The rest of a bill on small designs, worked by hand at <see cref="CostTestCatalog"/> (730 hours, a month of 2,628,000 s,
/// GB = 2^30 bytes): the budget and its alerts, unit costs without traffic, object storage requests, the internet's egress
/// shared among entry components, autoscaling under growth, block storage billed as provisioned, and the design's own prices.
/// </summary>
public sealed class CostBillTests
{
    private static readonly CostOptions OneYear = new(HorizonsMonths: ImmutableArray.Create(12.0));

    private static CostReport Price(string design, CostOptions? options = null, PriceCatalog? catalog = null) =>
        CostEstimator.Estimate(TestDesigns.Load(design), catalog ?? CostTestCatalog.Load(), options ?? OneYear);

    private static CostLine Line(HorizonCost horizon, string component, string item) =>
        horizon.Components.Single(c => c.Component == component).Lines.Single(l => l.Item == item);

    /// <summary>Two instances of c6i.large and nothing else: 2 x 0.085 x 730 = 124.10 a month.</summary>
    private const string Small = """
        plumbline: 1
        system: { name: small }
        requirements: { peak_to_average: 2 }
        workflows:
          w: { entry: api.op, rate: 10/s }
        components:
          api: { kind: service, runs_on: c6i.large, instances: 2, operations: { op: {} } }
        """;

    private static CostReport WithBudget(string budget) => Price(Small + "\n" + budget);

    [Fact]
    public void A_yearly_budget_is_a_twelfth_a_month_and_an_alert_is_reached_at_exactly_its_share()
    {
        // 1,489.20 a year / 12 = 124.10, the bill: a share of exactly 1, so 50% and 100% are reached, and it is not over.
        var report = WithBudget("cost: { budget: 1489.20 USD/year, alerts: [100%, 50%, 120%] }\n");

        Assert.Equal(124.10m, report.Budget);
        var check = report.Now.Budget!;
        Assert.Equal((124.10m, 1m, false), (check.MonthlyBudget, check.Share, check.Over));
        Assert.Equal([0.5m, 1m], check.AlertsReached);
        Assert.Empty(report.Notes);
    }

    [Fact]
    public void A_budget_without_a_period_is_taken_as_a_month_with_a_note()
    {
        // 100 against 124.10: a share of 1.241, over.
        var report = WithBudget("cost: { budget: 100 USD }\n");

        Assert.Equal(100m, report.Budget);
        Assert.Equal((1.241m, true), (report.Now.Budget!.Share, report.Now.Budget.Over));
        Assert.Equal(["The budget 100 USD has no period; it is taken as a month."], report.Notes);
    }

    [Fact]
    public void A_budget_of_zero_is_used_up_by_any_cost_and_not_by_none()
    {
        var spent = WithBudget("cost: { budget: 0 USD/month, alerts: [80%] }\n").Now.Budget!;
        // Nothing priced: a type the catalog does not have.
        var unpriced = Price(Small.Replace("runs_on: c6i.large", "runs_on: x9.huge", StringComparison.Ordinal) + "\ncost: { budget: 0 USD/month, alerts: [80%] }\n").Now;

        Assert.Equal((decimal.MaxValue, true, 1), (spent.Share, spent.Over, spent.AlertsReached.Length));
        Assert.Equal(0m, unpriced.Total);
        Assert.Equal((0m, false), (unpriced.Budget!.Share, unpriced.Budget.Over));
        Assert.Empty(unpriced.Budget.AlertsReached);
    }

    [Fact]
    public void Without_traffic_or_users_there_is_no_cost_per_request_or_per_user()
    {
        var units = Price(Small.Replace("rate: 10/s", "rate: 0/s", StringComparison.Ordinal)
            .Replace("{ peak_to_average: 2 }", "{ peak_to_average: 2, users: { monthly_active: 0 } }", StringComparison.Ordinal)).Units;

        Assert.Equal((0m, (decimal?)null, (decimal?)0m, (decimal?)null), (units.RequestsPerMonth, units.PerThousandRequests, units.MonthlyActiveUsers, units.PerActiveUser));
    }

    private const string Objects = """
        plumbline: 1
        system: { name: objects }
        workflows:
          up: { entry: api.put, rate: 1/s }
          down: { entry: api.get, rate: 4/s }
        components:
          api: { kind: service, runs_on: c6i.large, instances: 1, operations: { put: { calls: [{ to: files.write }] }, get: { calls: [{ to: files.read }, { to: files.head }] } } }
          files: { kind: object_store, operations: { write: { type: write }, read: { type: read }, head: { type: read } } }
        """;

    [Fact]
    public void Object_storage_bills_its_writes_and_every_read_operation()
    {
        var report = Price(Objects);

        // Writes 1/s x 2,628,000 = 2,628,000 x 0.005 / 1,000 = 13.14; reads (4 + 4)/s = 21,024,000 x 0.0004 / 1,000 = 8.4096.
        Assert.Equal(13.14m, Line(report.Now, "files", "s3-standard writes").Amount);
        Assert.Equal(8.4096m, Line(report.Now, "files", "s3-standard reads").Amount);
        // The writes' price names its own source, "older"; the reads take the class's, "page".
        Assert.Equal(
            [("older", "c6i.large, s3-standard writes"), ("page", "s3-standard reads")],
            report.SourcesUsed.Select(u => (u.Name, string.Join(", ", u.Items))));
    }

    [Fact]
    public void Object_storage_bills_no_line_for_requests_it_has_no_price_for_none_it_gets_or_a_catalog_without_it()
    {
        var noReads = CostTestCatalog.Load(CostTestCatalog.Text.Replace("    reads: { price: 0.0004 USD, per: 1K }\n", string.Empty, StringComparison.Ordinal));
        var readsOnly = Objects.Replace("up: { entry: api.put, rate: 1/s }", "up: { entry: api.put, rate: 0/s }", StringComparison.Ordinal);
        var noObjects = CostTestCatalog.Load(CostTestCatalog.Text.Replace("  s3-standard:\n    kind: object\n", "  s3-other:\n    kind: block\n", StringComparison.Ordinal));

        Assert.Empty(Price(readsOnly, catalog: noReads).Now.Components.Single(c => c.Component == "files").Lines);
        Assert.Empty(Price(Objects, catalog: noObjects).Now.Components.Single(c => c.Component == "files").Lines);
    }

    private const string TwoEntries = """
        plumbline: 1
        system: { name: entries }
        requirements: { growth: 100%/year }
        workflows:
          a: { entry: one.op, rate: 1/s, response: 1MiB }
          b: { entry: two.op, rate: 3/s, response: 1MiB }
        components:
          one: { kind: service, runs_on: c6i.large, instances: 1, operations: { op: {} } }
          two: { kind: service, runs_on: c6i.large, instances: 1, operations: { op: {} } }
        """;

    [Fact]
    public void The_internet_egress_is_priced_once_and_shared_among_the_entries_by_their_bytes()
    {
        var report = Price(TwoEntries);
        var one = Line(report.Now, "one", "internet");
        var two = Line(report.Now, "two", "internet");

        // (1 + 3) MiB/s x 2,628,000 s = 10,512,000 MiB = 10,265.625 GB; 100 free; 10,140 x 0.09 = 912.60;
        // 25.625 x 0.085 = 2.178125; 914.778125 in all: one a quarter, 228.69453125, two three quarters, 686.08359375.
        Assert.Equal(228.69453125m, one.Amount);
        Assert.Equal(686.08359375m, two.Amount);
        Assert.Equal(
            [("its responses, GB a month", 2_566.40625m, CostUnit.Gigabytes, "estimate"),
             ("the design's internet egress, GB a month", 10_265.625m, CostUnit.Gigabytes, "estimate"),
             ("free allowance, GB", 100m, CostUnit.Gigabytes, "catalog:/transfer/internet/free"),
             ("10,140 GB billed from 100 to 10,240, per GB", 0.09m, CostUnit.MoneyPerGb, "catalog:/transfer/internet/price"),
             ("25.63 GB billed above 10,240, per GB", 0.085m, CostUnit.MoneyPerGb, "catalog:/transfer/internet/price")],
            one.Inputs.Select(i => (i.Name, i.Value, i.Unit, i.Source)));
        // After a year of doubling: one's 5,132.8125 GB of 20,531.25; 100 free, 10,140 x 0.09 = 912.60,
        // 10,291.25 x 0.085 = 874.75625; 1,787.35625 / 4 = 446.8390625.
        var year = Line(report.Horizons[1], "one", "internet");
        Assert.Equal(446.8390625m, year.Amount);
        Assert.Equal(5_132.8125m, year.Inputs[0].Value);
        Assert.Equal([("older", "c6i.large"), ("page", "internet")], report.SourcesUsed.Select(u => (u.Name, string.Join(", ", u.Items))));
    }

    [Fact]
    public void Without_an_internet_price_egress_is_not_priced_and_a_note_says_so()
    {
        var report = Price(TwoEntries, catalog: CostTestCatalog.Without("transfer"));

        Assert.DoesNotContain(report.Now.Components.SelectMany(c => c.Lines), l => l.Driver == CostDriver.Transfer);
        Assert.Equal(["The catalog has no 'internet' transfer price; egress to the internet is not priced."], report.Notes);
    }

    private const string Scaling = """
        plumbline: 1
        system: { name: scaling }
        requirements: { peak_to_average: 2, growth: 100%/year }
        workflows:
          a: { entry: web.op, rate: 10/s }
          b: { entry: ledger.put, rate: 5/s }
        components:
          web: { kind: service, runs_on: c6i.large, instances: 2, capacity: 10/s, autoscaling: { min: 2, max: 4, target_utilisation: 50% }, operations: { op: {} } }
          ledger: { kind: database, runs_on: m5.large, instances: 1, replicas: 1, capacity: { writes: 10/s }, autoscaling: { min: 1, max: 3 }, operations: { put: { type: write } } }
        """;

    [Fact]
    public void Autoscaling_follows_grown_average_load_up_to_its_maximum_and_adds_the_replicas()
    {
        var report = Price(Scaling, new CostOptions(HorizonsMonths: ImmutableArray.Create(12.0, 36)));
        var web = report.Horizons.Select(h => Line(h, "web", "c6i.large").Amount);
        var ledger = report.Horizons.Select(h => Line(h, "ledger", "m5.large").Amount);

        // web, 50% of 10/s: average 10, 20, 80/s need ceil(10 / 5) = 2, 4, 16, kept within 2..4: 2, 4, 4 x 62.05.
        Assert.Equal([124.10m, 248.20m, 248.20m], web);
        // ledger, 70% of 10/s: average 5, 10, 40/s need ceil(5 / 7) = 1, 2, 6, within 1..3: 1, 2, 3; + 1 replica: 2, 3, 4 x 70.08.
        Assert.Equal([140.16m, 210.24m, 280.32m], ledger);
        Assert.Equal("price per hour x hours per month x instances, where instances = instances needed at average load, kept within autoscaling.min and autoscaling.max, + replicas",
            Line(report.Now, "ledger", "m5.large").Formula);
        // Peak: web 20, 40, 160/s need 4 (its maximum, no note), 8, 32; ledger 10, 20, 80/s need 2, 3 (its maximum), 12.
        Assert.Equal(
            ["web: 8 instances are needed at peak after 12 months, more than autoscaling.max 4.",
             "web: 32 instances are needed at peak after 36 months, more than autoscaling.max 4.",
             "ledger: 12 instances are needed at peak after 36 months, more than autoscaling.max 3."],
            report.Notes);
    }

    private const string Disks = """
        plumbline: 1
        system: { name: disks }
        workflows:
          w: { entry: api.op, rate: 1/s }
        data:
          - { entity: Hot, owner: kv, record_size: 1GiB, initial_records: 4, new_records: 0/s }
          - { entity: Doc, owner: disk, record_size: 1GiB, initial_records: 10, new_records: 0/s }
          - { entity: Big, owner: tank, record_size: 1GiB, initial_records: 100, new_records: 0/s }
        components:
          api: { kind: service, runs_on: c6i.large, instances: 1, operations: { op: { calls: [{ to: kv.get }, { to: disk.get }, { to: tank.get }] } } }
          kv: { kind: cache, runs_on: m5.large, instances: 1, operations: { get: { type: read } } }
          disk: { kind: database, runs_on: m5.large, instances: 2, replicas: 1, storage_per_node: 100GiB, operations: { get: { type: read } } }
          tank: { kind: database, runs_on: m5.large, instances: 1, storage_per_node: 100GiB, operations: { get: { type: read } } }
        """;

    [Fact]
    public void Block_storage_is_billed_as_provisioned_when_that_is_more_than_the_data()
    {
        var report = Price(Disks);
        var disk = Line(report.Now, "disk", "ebs-gp3");
        var tank = Line(report.Now, "tank", "ebs-gp3");

        // disk: 10 GiB x (1 + 1/2) = 15 GB of data, but 100 GB on each of 2 + 1 nodes = 300 GB: 300 x 0.08 = 24.00.
        Assert.Equal(24.00m, disk.Amount);
        Assert.Equal("storage_per_node x nodes (block storage is billed as provisioned), priced through the class's tiers", disk.Formula);
        Assert.Equal(
            [("GB stored (all copies)", 15m, CostUnit.Gigabytes, "estimate"),
             ("storage_per_node", 100m, CostUnit.Gigabytes, "/components/disk/storage_per_node"),
             ("nodes (instances + replicas)", 3m, CostUnit.Count, "/components/disk/instances"),
             ("300 GB billed above 0, per GB", 0.08m, CostUnit.MoneyPerGb, "catalog:/storage/ebs-gp3/price")],
            disk.Inputs.Select(i => (i.Name, i.Value, i.Unit, i.Source)));
        // tank: 100 GB of data on 1 node of 100 GB: the data, 100 x 0.08 = 8.00.
        Assert.Equal(8.00m, tank.Amount);
        Assert.Equal("GB stored (all copies), priced through the class's tiers", tank.Formula);
        // A cache keeps its data in memory, priced with its instances.
        Assert.Equal([CostDriver.Compute], report.Now.Components.Single(c => c.Component == "kv").Lines.Select(l => l.Driver));
    }

    [Fact]
    public void Without_a_storage_class_for_its_kind_a_stores_data_is_not_priced_and_a_note_says_so()
    {
        var noBlock = CostTestCatalog.Load(CostTestCatalog.Text.Replace("  ebs-gp3: { kind: block, price: 0.08 USD, source: page }\n", string.Empty, StringComparison.Ordinal));
        var report = Price(Disks, catalog: noBlock);

        var line = report.Now.Components.Single(c => c.Component == "disk").Lines.Single(l => l.Driver == CostDriver.Storage);
        Assert.Null(line.Amount);
        Assert.Contains("disk: the catalog has no storage class for its data; storage is not priced.", report.Notes);
    }

    [Fact]
    public void The_designs_own_prices_replace_the_catalogs_and_point_at_the_design()
    {
        const string Own = """
            plumbline: 1
            system: { name: own }
            workflows:
              w: { entry: db.get, rate: 1/s }
            data:
              - { entity: Row, owner: db, record_size: 1GiB, initial_records: 20, new_records: 0/s }
            components:
              db: { kind: database, runs_on: m5.large, instances: 1, operations: { get: { type: read } } }
            cost:
              prices: { m5.large: 0.08 USD/h, ebs-gp3: 0.05 USD }
            """;
        var design = TestDesigns.Load(Own);
        var report = CostEstimator.Estimate(design, DesignPricing.WithOverrides(CostTestCatalog.Load(), design.Cost.Prices), OneYear);
        var compute = Line(report.Now, "db", "m5.large");
        var storage = Line(report.Now, "db", "ebs-gp3");

        // 1 x 0.08 x 730 = 58.40; 20 GB x 0.05 = 1.00.
        Assert.Equal(58.40m, compute.Amount);
        Assert.Equal(("m5.large price per hour (cost.prices)", 0.08m, "/cost/prices/m5.large"), (compute.Inputs[0].Name, compute.Inputs[0].Value, compute.Inputs[0].Source));
        Assert.Equal(1.00m, storage.Amount);
        Assert.Equal(("20 GB billed above 0, per GB (cost.prices)", 0.05m, "/cost/prices/ebs-gp3"), (storage.Inputs[1].Name, storage.Inputs[1].Value, storage.Inputs[1].Source));
        Assert.True(storage.Inputs[1].Line > 0);
        // Nothing is priced from the catalog's sources.
        Assert.Empty(report.SourcesUsed);
    }

    private const string Cached = """
        plumbline: 1
        system: { name: cached }
        requirements: { peak_to_average: 2 }
        workflows:
          w: { entry: api.op, rate: 10/s }
        data:
          - { entity: Item, owner: db, record_size: 3KiB, initial_records: 1000, new_records: 0/s }
        components:
          api: { kind: service, runs_on: c6i.large, instances: 1, operations: { op: { calls: [{ to: kv.get }, { to: db.get, probability: 0.1 }] } } }
          kv: { kind: cache, runs_on: cache-service, hit_ratio: 90%, operations: { get: { type: read } } }
          db: { kind: database, runs_on: m5.large, instances: 1, operations: { get: { type: read } } }
        """;

    [Fact]
    public void A_serverless_cache_bills_a_request_per_started_chunk_of_its_items_and_stores_its_hot_set()
    {
        var now = Price(Cached).Now;

        // Its items are the 3 KiB records of the store behind it: 3 chunks of 1 KiB each. 10/s x 2,628,000 s = 26,280,000
        // reads x 3 = 78,840,000 requests x 0.0023 / 1M = 0.181332.
        var requests = Line(now, "kv", "cache-service requests");
        Assert.Equal(0.181332m, requests.Amount);
        Assert.Equal(78_840_000m, requests.Inputs[0].Value);
        // No memory stated: the hot set, 20% of the 1,000 records read in a day (of 864,000 reads) x 3 KiB = 614,400 bytes
        // = 614,400 / 2^30 = 0.00057220458984375 GB x 0.084 x 730 = 0.03508758544921875.
        Assert.Equal(0.03508758544921875m, Line(now, "kv", "cache-service stored").Amount);
    }

    [Fact]
    public void A_store_keeps_the_shards_its_data_needs_at_the_longest_horizon()
    {
        const string Sharded = """
            plumbline: 1
            system: { name: sharded }
            requirements: { peak_to_average: 2 }
            workflows:
              w: { entry: vault.get, rate: 1/s }
            data:
              - { entity: Doc, owner: vault, record_size: 1GiB, initial_records: 250, new_records: 0/s }
            components:
              vault: { kind: database, runs_on: m5.large, instances: 5, capacity: { reads: 100/s }, storage_per_node: 100GiB, operations: { get: { type: read } } }
            """;
        var idle = Assert.Single(Price(Sharded).Idle);

        // Peak 2/s needs 1, and a spare: 2; but 250 GB on nodes of 100 GB is ceil(2.5) = 3 shards. 5 - 3 = 2 idle:
        // 2 x 0.096 x 730 = 140.16.
        Assert.Equal((5, 3.0, 140.16m), (idle.Provisioned, idle.Needed, idle.MonthlySaving));
        Assert.Contains(("shards for storage at the longest horizon", 3m, CostUnit.Count, "estimate"), idle.Inputs.Select(i => (i.Name, i.Value, i.Unit, i.Source)));
    }

    [Fact]
    public void A_catalog_built_without_sources_has_no_oldest_price()
    {
        var bare = new PriceCatalog("bare", null, null, "USD", new CatalogConventions(730, GigabyteUnit.GiB, FreeAllowances: true, Note: null), [], [], [], [], [], [], "test");

        var report = Price(Small, catalog: bare);

        Assert.Equal((DateOnly.MinValue, string.Empty), (report.Catalog.OldestReadOn, report.Catalog.OldestSource));
        Assert.Equal(0m, report.Now.Total);
    }

    [Fact]
    public void A_storage_class_with_a_free_allowance_bills_what_is_above_it_in_GB()
    {
        // The shipped catalogs give storage no free allowance; a catalog built in code can.
        const string Kept = """
            plumbline: 1
            system: { name: kept }
            workflows:
              w: { entry: db.get, rate: 1/s }
            data:
              - { entity: Row, owner: db, record_size: 1GiB, initial_records: 20, new_records: 0/s }
            components:
              db: { kind: database, runs_on: m5.large, instances: 1, operations: { get: { type: read } } }
            """;
        var m5 = new InstanceType("m5.large", InstanceFamily.General, null, null, 2, Design.Units.ByteSize.FromGibibytes(8), 0.096m, "page", null, "/instances/m5.large");
        var disk = new StorageClass("disk", StorageKind.Block, new TieredPrice([new PriceTier(null, 0.1m)], Per: 1, Free: 5), null, null, "page", null, "/storage/disk");
        var catalog = new PriceCatalog("built", null, null, "USD", new CatalogConventions(730, GigabyteUnit.GiB, FreeAllowances: true, Note: null), [], [m5], [disk], [], [], [], "test");

        var line = Line(Price(Kept, catalog: catalog).Now, "db", "disk");

        // 20 GB, the first 5 free: 15 x 0.1 = 1.50.
        Assert.Equal(1.50m, line.Amount);
        Assert.Equal(
            [("GB stored (all copies)", 20m, CostUnit.Gigabytes, "estimate"),
             ("free allowance, GB", 5m, CostUnit.Gigabytes, "catalog:/storage/disk/free"),
             ("15 GB billed above 5, per GB", 0.1m, CostUnit.MoneyPerGb, "catalog:/storage/disk/price")],
            line.Inputs.Select(i => (i.Name, i.Value, i.Unit, i.Source)));
    }
}
