using System.Collections.Immutable;
using Plumbline.Analysis.Cost;
using Xunit;

namespace Plumbline.Analysis.Tests.Cost;

/// <summary>
/// Each figure of a bill on a small design, worked by hand at <see cref="CostTestCatalog"/> (730 hours a month, a month of
/// 730 x 3,600 = 2,628,000 s, GB = 2^30 bytes): instances counted from what a component states, what its load needs at the
/// target utilisation (70% unless autoscaling states one) and its replicas; the data it keeps; the managed services by
/// their parts; idle compute; and the inputs of each line, with where each came from.
/// </summary>
public sealed class CostFigureTests
{
    private static readonly CostOptions OneYear = new(HorizonsMonths: ImmutableArray.Create(12.0));

    private static CostReport Price(string design, CostOptions? options = null) =>
        CostEstimator.Estimate(TestDesigns.Load(design), CostTestCatalog.Load(), options);

    private static CostLine Line(HorizonCost horizon, string component, string item) =>
        horizon.Components.Single(c => c.Component == component).Lines.Single(l => l.Item == item);

    private static (string Name, decimal Value, CostUnit Unit, string Source)[] Inputs(CostLine line) =>
        [.. line.Inputs.Select(i => (i.Name, i.Value, i.Unit, i.Source))];

    private const string Rows = """
        plumbline: 1
        system: { name: rows }
        requirements: { peak_to_average: 2 }
        workflows:
          w: { entry: api.op, rate: 10/s }
        data:
          - entity: Row
            owner: db
            record_size: 1GiB
            initial_records: 10
            new_records: 0/s
        components:
          api:
            kind: service
            runs_on: c6i.large
            instances: 2
            capacity: 100/s
            operations: { op: { calls: [{ to: db.get }] } }
          db:
            kind: database
            runs_on: m5.large
            instances: 2
            replicas: 2
            operations: { get: { type: read } }
        """;

    [Fact]
    public void Without_a_capacity_the_instances_and_replicas_are_priced_as_stated()
    {
        var report = Price(Rows);
        var db = Line(report.Now, "db", "m5.large");

        // 2 instances + 2 replicas = 4 x 0.096 x 730 = 280.32.
        Assert.Equal(280.32m, db.Amount);
        Assert.Equal("price per hour x hours per month x instances, where instances = instances + replicas (no capacity stated, so the count does not follow load)", db.Formula);
        Assert.Equal(
            [("m5.large price per hour", 0.096m, CostUnit.MoneyPerHour, "catalog:/instances/m5.large/price"),
             ("hours per month", 730m, CostUnit.Hours, "catalog:/conventions/hours_per_month"),
             ("instances", 2m, CostUnit.Count, "/components/db/instances"),
             ("replicas", 2m, CostUnit.Count, "/components/db/replicas")],
            Inputs(db));
        Assert.All(db.Inputs.Skip(2), i => Assert.True(i.Line > 0, $"{i.Name} has no line"));
    }

    [Fact]
    public void A_capacity_prices_the_stated_instances_when_peak_needs_fewer()
    {
        var api = Line(Price(Rows).Now, "api", "c6i.large");

        // Peak 10 x 2 = 20/s at 70% of 100/s: ceil(20 / 70) = 1; 2 are stated: 2 x 0.085 x 730 = 124.10.
        Assert.Equal(124.10m, api.Amount);
        Assert.Equal("price per hour x hours per month x instances, where instances = max(instances, instances needed at peak)", api.Formula);
        Assert.Equal(
            [("c6i.large price per hour", 0.085m, CostUnit.MoneyPerHour, "catalog:/instances/c6i.large/price"),
             ("hours per month", 730m, CostUnit.Hours, "catalog:/conventions/hours_per_month"),
             ("instances", 2m, CostUnit.Count, "/components/api/instances"),
             ("target utilisation", 0.7m, CostUnit.Ratio, "option"),
             ("instances needed at peak", 1m, CostUnit.Count, "estimate")],
            Inputs(api));
    }

    [Fact]
    public void A_stores_data_is_priced_at_its_block_class_with_every_copy()
    {
        var report = Price(Rows);
        var now = Line(report.Now, "db", "ebs-gp3");
        var year = Line(report.Horizons.Single(h => h.Months == 12), "db", "ebs-gp3");

        // 10 rows of 1 GiB x (1 + 2 replicas / 2 instances) = 20 GB x 0.08 = 1.60; no new rows, so the same after a year.
        Assert.Equal(1.60m, now.Amount);
        Assert.Equal(CostDriver.Storage, now.Driver);
        Assert.Equal("GB stored (all copies), priced through the class's tiers", now.Formula);
        Assert.Equal(
            [("GB stored (all copies)", 20m, CostUnit.Gigabytes, "estimate"),
             ("20 GB billed above 0, per GB", 0.08m, CostUnit.MoneyPerGb, "catalog:/storage/ebs-gp3/price")],
            Inputs(now));
        Assert.Equal("GB stored after 12 months (all copies)", year.Inputs[0].Name);
        Assert.Equal(1.60m, year.Amount);
    }

    [Fact]
    public void A_design_that_states_what_it_runs_on_has_no_notes_no_idle_compute_and_no_egress_without_responses()
    {
        var report = Price(Rows);

        Assert.Empty(report.Notes);
        // api: 2 stated, peak needs 1 and one spare: 2, none idle. db: no capacity, not judged.
        Assert.Empty(report.Idle);
        // No response is stated, so nothing leaves for the internet.
        Assert.Equal([CostDriver.Compute], report.Now.Components.Single(c => c.Component == "api").Lines.Select(l => l.Driver));
        // 124.10 + 280.32 + 1.60 = 406.02.
        Assert.Equal(406.02m, report.Now.Total);
        // 10/s x 2,628,000 s = 26,280,000 requests; 406.02 / 26,280 = 0.0154497...; no users stated.
        Assert.Equal(26_280_000m, report.Units.RequestsPerMonth);
        Assert.Equal(0.015450m, Math.Round(report.Units.PerThousandRequests!.Value, 6));
        Assert.Null(report.Units.MonthlyActiveUsers);
        Assert.Null(report.Units.PerActiveUser);
    }

    [Fact]
    public void The_sources_used_list_each_catalog_source_with_the_items_priced_from_it()
    {
        var report = Price(Rows);

        // c6i.large is read from "older"; m5.large and ebs-gp3 from "page"; items and sources in ordinal order.
        Assert.Equal(
            [("older", "c6i.large"), ("page", "ebs-gp3, m5.large")],
            report.SourcesUsed.Select(s => (s.Name, string.Join(", ", s.Items))));
        // archive and older were both read on 2025-06-30, the oldest; of the two, the name first in order.
        Assert.Equal(new DateOnly(2025, 6, 30), report.Catalog.OldestReadOn);
        Assert.Equal("archive", report.Catalog.OldestSource);
    }

    private const string Replicated = """
        plumbline: 1
        system: { name: replicated }
        requirements: { peak_to_average: 2, growth: 100%/year }
        workflows:
          r: { entry: db.get, rate: 20/s }
          w: { entry: log.put, rate: 2/s }
        components:
          db: { kind: database, runs_on: m5.large, instances: 1, replicas: 2, capacity: { reads: 10/s }, operations: { get: { type: read } } }
          log: { kind: database, runs_on: m5.large, instances: 1, replicas: 1, capacity: { writes: 10/s }, operations: { put: { type: write } } }
        """;

    [Fact]
    public void Replicas_that_serve_reads_count_toward_the_stated_instances_and_peak_past_them_is_priced_with_a_note()
    {
        var report = Price(Replicated, OneYear);
        var db = Line(report.Now, "db", "m5.large");
        var dbYear = Line(report.Horizons[1], "db", "m5.large");

        // Reads: peak 20 x 2 = 40/s at 70% of 10/s: ceil(40 / 7) = 6 > 1 + 2 replicas: 6 x 0.096 x 730 = 420.48.
        Assert.Equal(420.48m, db.Amount);
        Assert.Equal("price per hour x hours per month x instances, where instances = max(instances + replicas, instances needed at peak)", db.Formula);
        // After a year of doubling: 80/s, ceil(80 / 7) = 12: 12 x 70.08 = 840.96.
        Assert.Equal(840.96m, dbYear.Amount);
        Assert.Equal(
            [("m5.large price per hour", 0.096m, CostUnit.MoneyPerHour, "catalog:/instances/m5.large/price"),
             ("hours per month", 730m, CostUnit.Hours, "catalog:/conventions/hours_per_month"),
             ("instances", 1m, CostUnit.Count, "/components/db/instances"),
             ("replicas", 2m, CostUnit.Count, "/components/db/replicas"),
             ("growth since now", 2m, CostUnit.Factor, "/requirements/growth"),
             ("target utilisation", 0.7m, CostUnit.Ratio, "option"),
             ("instances needed at peak", 12m, CostUnit.Count, "estimate")],
            Inputs(dbYear));
        Assert.True(dbYear.Inputs[4].Line > 0);
    }

    [Fact]
    public void Replicas_of_a_store_bound_by_writes_are_added_to_what_the_load_needs()
    {
        var report = Price(Replicated, OneYear);
        var log = Line(report.Now, "log", "m5.large");

        // Writes: peak 2 x 2 = 4/s: ceil(4 / 7) = 1 = the 1 stated, + 1 replica: 2 x 70.08 = 140.16.
        Assert.Equal(140.16m, log.Amount);
        Assert.Equal("price per hour x hours per month x instances, where instances = max(instances, instances needed at peak) + replicas", log.Formula);
        // After a year: 8/s, ceil(8 / 7) = 2, + 1: 3 x 70.08 = 210.24.
        Assert.Equal(210.24m, Line(report.Horizons[1], "log", "m5.large").Amount);
        // Neither is idle: db needs 6 for its reads, log its 1 (replicas take over a failure).
        Assert.Empty(report.Idle);
        Assert.Equal(
            ["db: 6 instances are needed at peak, more than the 3 stated; the cost prices 6.",
             "db: 12 instances are needed at peak after 12 months, more than the 3 stated; the cost prices 12.",
             "log: 2 instances are needed at peak after 12 months, more than the 1 stated; the cost prices 2."],
            report.Notes);
    }

    private const string Scaled = """
        plumbline: 1
        system: { name: scaled }
        requirements: { peak_to_average: 2 }
        workflows:
          a: { entry: small.op, rate: 15/s }
          b: { entry: wide.op, rate: 15/s }
        components:
          small: { kind: service, runs_on: c6i.large, instances: 2, capacity: 10/s, autoscaling: { min: 2, max: 4, target_utilisation: 50% }, operations: { op: {} } }
          wide: { kind: service, runs_on: c6i.large, instances: 7, capacity: 10/s, autoscaling: { min: 6, max: 8, target_utilisation: 50% }, operations: { op: {} } }
        """;

    [Fact]
    public void An_autoscaled_component_is_priced_at_what_average_load_needs_within_its_bounds()
    {
        var report = Price(Scaled, OneYear);
        var small = Line(report.Now, "small", "c6i.large");

        // Average 15/s at 50% of 10/s: ceil(15 / 5) = 3, within 2..4: 3 x 0.085 x 730 = 186.15.
        Assert.Equal(186.15m, small.Amount);
        Assert.Equal("price per hour x hours per month x instances, where instances = instances needed at average load, kept within autoscaling.min and autoscaling.max", small.Formula);
        Assert.Equal(
            [("c6i.large price per hour", 0.085m, CostUnit.MoneyPerHour, "catalog:/instances/c6i.large/price"),
             ("hours per month", 730m, CostUnit.Hours, "catalog:/conventions/hours_per_month"),
             ("instances", 2m, CostUnit.Count, "/components/small/instances"),
             ("autoscaling.target_utilisation", 0.5m, CostUnit.Ratio, "/components/small/autoscaling/target_utilisation"),
             ("instances needed at average load", 3m, CostUnit.Count, "estimate"),
             ("autoscaling.min", 2m, CostUnit.Count, "/components/small/autoscaling/min"),
             ("autoscaling.max", 4m, CostUnit.Count, "/components/small/autoscaling/max")],
            Inputs(small));
        // The same 3 fall below wide's minimum of 6: 6 x 62.05 = 372.30.
        Assert.Equal(372.30m, Line(report.Now, "wide", "c6i.large").Amount);
        // Peak 30/s needs ceil(30 / 5) = 6, past small's maximum of 4 (wide's 8 holds it).
        Assert.Equal(
            ["small: 6 instances are needed at peak, more than autoscaling.max 4.",
             "small: 6 instances are needed at peak after 12 months, more than autoscaling.max 4."],
            report.Notes);
    }

    [Fact]
    public void An_autoscaled_component_is_idle_above_what_average_load_and_a_spare_need()
    {
        var idle = Assert.Single(Price(Scaled, OneYear).Idle);

        // wide: minimum 6 (its 7 instances are where autoscaling starts, not what it keeps); average load needs 3, and one spare: 4. 2 x 0.085 x 730 = 124.10, of 372.30: a third.
        // small: minimum 2 against the same 4, not idle.
        Assert.Equal(("wide", "c6i.large", 6, 4.0), (idle.Component, idle.InstanceType, idle.Provisioned, idle.Needed));
        Assert.Equal(124.10m, idle.MonthlySaving);
        Assert.Equal(0.3333m, Math.Round(idle.Share, 4));
        Assert.Equal(
            [("autoscaling.min", 6m, CostUnit.Count, "/components/wide/autoscaling/min"),
             ("instances needed at average load", 3m, CostUnit.Count, "estimate"),
             ("zones", 0m, CostUnit.Count, "/components/wide/zones"),
             ("instances that carry the load with one lost: needed + 1", 4m, CostUnit.Count, "estimate"),
             ("autoscaling.target_utilisation", 0.5m, CostUnit.Ratio, "/components/wide/autoscaling/target_utilisation"),
             ("c6i.large price per hour", 0.085m, CostUnit.MoneyPerHour, "catalog:/instances/c6i.large/price"),
             ("hours per month", 730m, CostUnit.Hours, "catalog:/conventions/hours_per_month")],
            [.. idle.Inputs.Select(i => (i.Name, i.Value, i.Unit, i.Source))]);
    }

    private const string Zoned = """
        plumbline: 1
        system: { name: zoned }
        requirements: { peak_to_average: 2 }
        workflows:
          a: { entry: web.op, rate: 10/s }
          b: { entry: store.put, rate: 100/s }
          c: { entry: wide.op, rate: 10/s }
          d: { entry: spare.op, rate: 10/s }
        components:
          web: { kind: service, runs_on: c6i.large, instances: 9, zones: [a, b], capacity: 10/s, operations: { op: {} } }
          wide: { kind: service, runs_on: c6i.large, instances: 9, zones: [a, b, c], capacity: 10/s, operations: { op: {} } }
          spare: { kind: service, runs_on: free.micro, instances: 5, capacity: 100/s, operations: { op: {} } }
          store: { kind: database, runs_on: m5.large, instances: 5, replicas: 1, zones: [a, b, c], capacity: { writes: 100/s }, operations: { put: { type: write } } }
        """;

    [Fact]
    public void Idle_compute_keeps_what_carries_the_load_with_a_zone_lost_or_one_per_zone_beside_replicas()
    {
        var idle = Price(Zoned).Idle;
        var web = idle.Single(i => i.Component == "web");
        var store = idle.Single(i => i.Component == "store");

        // web: peak 20/s needs ceil(20 / 7) = 3; over 2 zones, 2 x ceil(3 / 1) = 6 carry it with one lost. 9 - 6 = 3 idle:
        // 3 x 62.05 = 186.15 of 9 x 62.05 = 558.45, a third.
        Assert.Equal((9, 6.0, 186.15m), (web.Provisioned, web.Needed, web.MonthlySaving));
        Assert.Equal(0.3333m, Math.Round(web.Share, 4));
        Assert.Contains(("instances that carry the load with one zone lost: zones x ceil(needed / (zones - 1))", 6m), web.Inputs.Select(i => (i.Name, i.Value)));
        Assert.Equal(
            [("instances", 9m, CostUnit.Count, "/components/web/instances"),
             ("instances needed at peak", 3m, CostUnit.Count, "estimate"),
             ("zones", 2m, CostUnit.Count, "/components/web/zones")],
            web.Inputs.Take(3).Select(i => (i.Name, i.Value, i.Unit, i.Source)));
        // wide: the same 3 over 3 zones, 3 x ceil(3 / 2) = 6; 9 - 6 = 3 idle.
        Assert.Equal((9, 6.0, 186.15m), (idle.Single(i => i.Component == "wide").Provisioned, idle.Single(i => i.Component == "wide").Needed, idle.Single(i => i.Component == "wide").MonthlySaving));
        // spare: 5 instances at no cost; 10/s needs 1, and a spare: 2. 3 idle save 0 of 0, a share of 0.
        Assert.Equal((5, 2.0, 0m, 0m), (idle.Single(i => i.Component == "spare").Provisioned, idle.Single(i => i.Component == "spare").Needed, idle.Single(i => i.Component == "spare").MonthlySaving, idle.Single(i => i.Component == "spare").Share));
        // store: peak 200/s needs ceil(200 / 70) = 3; with a replica, one per zone: max(3, 3) = 3 (without replicas it would
        // be 3 x ceil(3 / 2) = 6). 5 - 3 = 2 idle:
        // 2 x 70.08 = 140.16, of (5 + 1 replica) x 70.08 = 420.48, a third.
        Assert.Equal((5, 3.0, 140.16m), (store.Provisioned, store.Needed, store.MonthlySaving));
        Assert.Equal(0.3333m, Math.Round(store.Share, 4));
        Assert.Contains(("instances for the load, at least one per zone (its replicas take over a failure)", 3m), store.Inputs.Select(i => (i.Name, i.Value)));
        Assert.Equal(["web", "wide", "spare", "store"], idle.Select(i => i.Component));
    }

    private const string Services = """
        plumbline: 1
        system: { name: services }
        requirements: { peak_to_average: 2 }
        workflows:
          site: { entry: lb.op, rate: 10/s, request: 512KiB, response: 512KiB }
          media: { entry: edge.get, rate: 1/s, response: 1MiB }
          jobs: { entry: api.op, rate: 2/s }
        components:
          lb: { kind: load_balancer, operations: { op: {} } }
          edge: { kind: cdn, operations: { get: {} } }
          api: { kind: service, runs_on: c6i.large, instances: 1, operations: { op: { calls: [{ to: q.send, async: true }, { to: kv.get }] } } }
          q: { kind: queue, operations: { send: { type: write } } }
          kv: { kind: cache, runs_on: cache-service, memory: 2GiB, operations: { get: { type: read } } }
          sess: { kind: database, runs_on: cache-service, memory: 1GiB, instances: 2, operations: { get: { type: read } } }
        data:
          - { entity: Session, owner: sess, record_size: 1KiB, initial_records: 1000, new_records: 0/s }
        """;

    [Fact]
    public void A_load_balancer_is_billed_by_the_hour_and_by_the_capacity_units_its_bytes_use()
    {
        var now = Price(Services).Now;
        var hours = Line(now, "lb", "lb-service");
        var units = Line(now, "lb", "lb-service capacity units");

        // 0.0225 x 730 = 16.425.
        Assert.Equal(16.425m, hours.Amount);
        Assert.Equal(CostDriver.Service, hours.Driver);
        // In and out: 10/s x (512 + 512) KiB = 10 MiB/s; x 3,600 s = 36,000 MiB = 35.15625 GB an hour; 1 GB a unit;
        // 35.15625 x 0.008 x 730 = 205.3125.
        Assert.Equal(205.3125m, units.Amount);
        Assert.Equal(
            [("GB processed per hour (ingress + egress)", 35.15625m, CostUnit.Gigabytes, "estimate"),
             ("GB per capacity unit", 1m, CostUnit.Gigabytes, "catalog:/services/lb-service/lcu/processed"),
             ("price per capacity unit-hour", 0.008m, CostUnit.MoneyPerHour, "catalog:/services/lb-service/lcu/price"),
             ("hours per month", 730m, CostUnit.Hours, "catalog:/conventions/hours_per_month")],
            Inputs(units));
        // Its responses leave for the internet: 10/s x 512 KiB x 2,628,000 s = 12,832.03125 GB; 100 free;
        // 10,140 x 0.09 = 912.60; 2,592.03125 x 0.085 = 220.32265625; 1,132.92265625.
        Assert.Equal(1_132.92265625m, Line(now, "lb", "internet").Amount);
    }

    [Fact]
    public void A_cdn_is_billed_for_what_it_sends_and_its_requests_and_nothing_leaves_through_the_internet_line()
    {
        var now = Price(Services).Now;
        var transfer = Line(now, "edge", "cdn-service");
        var requests = Line(now, "edge", "cdn-service requests");

        // 1/s x 1 MiB x 2,628,000 s = 2,566.40625 GB; 1 TiB (1,024 GB) free; 1,542.40625 x 0.085 = 131.10453125.
        Assert.Equal(131.10453125m, transfer.Amount);
        Assert.Equal(CostDriver.Transfer, transfer.Driver);
        Assert.Equal(
            [("GB out a month", 2_566.40625m, CostUnit.Gigabytes, "estimate"),
             ("free allowance, GB", 1_024m, CostUnit.Gigabytes, "catalog:/services/cdn-service/transfer/free"),
             ("1,542.41 GB billed above 1,024, per GB", 0.085m, CostUnit.MoneyPerGb, "catalog:/services/cdn-service/transfer/price")],
            Inputs(transfer));
        // 1/s x 2,628,000 s = 2,628,000 requests x 0.01 per 10,000 = 2.628; no free allowance.
        Assert.Equal(2.628m, requests.Amount);
        Assert.Equal(CostDriver.Requests, requests.Driver);
        Assert.Equal("requests a month, priced through the tiers after the free allowance", requests.Formula);
        Assert.Equal(
            [("requests a month", 2_628_000m, CostUnit.Requests, "estimate"),
             ("2,628,000 requests billed above 0, per 10,000", 0.01m, CostUnit.MoneyPerRequests, "catalog:/services/cdn-service/requests/price")],
            Inputs(requests));
        Assert.Equal([CostDriver.Transfer, CostDriver.Requests], now.Components.Single(c => c.Component == "edge").Lines.Select(l => l.Driver));
    }

    [Fact]
    public void A_managed_queue_bills_three_requests_a_message_and_a_serverless_cache_what_it_stores()
    {
        var report = Price(Services);
        var queue = Line(report.Now, "q", "queue-service requests");

        // 2/s x 2,628,000 s = 5,256,000 messages x 3 = 15,768,000 requests; 1M free; 14,768,000 x 0.40 / 1M = 5.9072.
        Assert.Equal(5.9072m, queue.Amount);
        Assert.Equal("messages a month x 3 requests per message x chunks per message, priced through the tiers after the free allowance", queue.Formula);
        Assert.Equal(
            [("requests a month", 15_768_000m, CostUnit.Requests, "estimate"),
             ("free allowance, requests", 1_000_000m, CostUnit.Requests, "catalog:/services/queue-service/requests/free"),
             ("14,768,000 requests billed above 1,000,000, per 1,000,000", 0.40m, CostUnit.MoneyPerRequests, "catalog:/services/queue-service/requests/price")],
            Inputs(queue));
        // Its requests: 2/s x 2,628,000 s = 5,256,000, one 1 KiB chunk each (no item size is known) x 0.0023 / 1M = 0.0120888.
        Assert.Equal(0.0120888m, Line(report.Now, "kv", "cache-service requests").Amount);
        // 2 GiB of memory on 1 instance = 2 GB x 0.084 x 730 = 122.64.
        var stored = Line(report.Now, "kv", "cache-service stored");
        Assert.Equal(122.64m, stored.Amount);
        Assert.Equal(
            [("GB stored (its memory, or the hot set)", 2m, CostUnit.Gigabytes, "estimate"),
             ("price per GB-hour", 0.084m, CostUnit.MoneyPerHour, "catalog:/services/cache-service/stored"),
             ("hours per month", 730m, CostUnit.Hours, "catalog:/conventions/hours_per_month")],
            Inputs(stored));
        Assert.Equal(2, report.Now.Components.Single(c => c.Component == "kv").Lines.Length);
        // A database on the serverless cache, called by nothing: no requests, and 1 GiB x 2 instances = 2 GB stored, 122.64;
        // its data is in the service's price, not at a storage class.
        Assert.Equal([0m, 122.64m], report.Now.Components.Single(c => c.Component == "sess").Lines.Select(l => l.Amount));
        // api states no capacity nor replicas: 1 x 62.05.
        Assert.Equal("price per hour x hours per month x instances, where instances = instances (no capacity stated, so the count does not follow load)", Line(report.Now, "api", "c6i.large").Formula);
        // 16.425 + 205.3125 + 1,132.92265625 + 131.10453125 + 2.628 + 62.05 + 5.9072 + 0.0120888 + 122.64 + 122.64 = 1,801.6419763.
        Assert.Equal(1_801.6419763m, report.Now.Total);
        // The requests of cdn-service and the serverless cache are read from "older"; the rest from "page".
        Assert.Equal(
            [("older", "c6i.large, cache-service, cdn-service requests"), ("page", "cdn-service, internet, lb-service, queue-service")],
            report.SourcesUsed.Select(u => (u.Name, string.Join(", ", u.Items))));
        Assert.Equal(
            ["lb: priced as lb-service, the catalog's first load_balancer service; the design does not say what it runs on.",
             "edge: priced as cdn-service, the catalog's first cdn service; the design does not say what it runs on.",
             "q: priced as queue-service, the catalog's first queue service; the design does not say what it runs on.",
             "q: message size not stated; each message is counted as one 64KiB chunk."],
            report.Notes);
    }

    [Fact]
    public void Growth_multiplies_what_a_service_bills_and_is_shown_as_an_input()
    {
        var report = Price(Services.Replace("{ peak_to_average: 2 }", "{ peak_to_average: 2, growth: 100%/year }", StringComparison.Ordinal), OneYear);
        var queue = Line(report.Horizons[1], "q", "queue-service requests");

        // 4/s: 31,536,000 requests; 30,536,000 x 0.40 / 1M = 12.2144.
        Assert.Equal(12.2144m, queue.Amount);
        Assert.Equal(("growth since now", 2m, CostUnit.Factor, "/requirements/growth"), Inputs(queue)[1]);
        // The load balancer's bytes double: 70.3125 GB an hour x 0.008 x 730 = 410.625.
        Assert.Equal(410.625m, Line(report.Horizons[1], "lb", "lb-service capacity units").Amount);
        // The CDN: 5,132.8125 GB - 1,024 free = 4,108.8125 x 0.085 = 349.2490625.
        Assert.Equal(349.2490625m, Line(report.Horizons[1], "edge", "cdn-service").Amount);
    }

    [Fact]
    public void The_cost_prices_the_horizons_asked_once_each_after_now()
    {
        var report = Price(Rows, new CostOptions(HorizonsMonths: ImmutableArray.Create(6.0, 0, 6, -1)));

        Assert.Equal([0.0, 6], report.Horizons.Select(h => h.Months));
    }

    [Fact]
    public void Pricing_refuses_a_missing_model_estimate_or_catalog_by_name()
    {
        var design = TestDesigns.Load(Rows);
        var model = Plumbline.Analysis.Estimates.LoadModel.Compile(design);
        var estimate = Plumbline.Analysis.Estimates.Estimator.Estimate(model);
        var catalog = CostTestCatalog.Load();

        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() => CostEstimator.Price(null!, estimate, catalog)).ParamName);
        Assert.Equal("estimate", Assert.Throws<ArgumentNullException>(() => CostEstimator.Price(model, null!, catalog)).ParamName);
        Assert.Equal("catalog", Assert.Throws<ArgumentNullException>(() => CostEstimator.Price(model, estimate, null!)).ParamName);
        Assert.Equal("design", Assert.Throws<ArgumentNullException>(() => CostEstimator.Estimate(null!, catalog)).ParamName);
        Assert.Equal("catalog", Assert.Throws<ArgumentNullException>(() => CostEstimator.Estimate(design, null!)).ParamName);
        // Without options, the default horizons: now, 12, 36 and 60 months.
        Assert.Equal([0.0, 12, 36, 60], CostEstimator.Price(model, estimate, catalog).Horizons.Select(h => h.Months));
    }
}
