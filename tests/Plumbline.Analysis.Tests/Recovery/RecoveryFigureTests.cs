using Plumbline.Analysis.Estimates;
using Plumbline.Analysis.Explain;
using Plumbline.Analysis.Recovery;
using Xunit;

namespace Plumbline.Analysis.Tests.Recovery;

/// <summary>
/// Which components count as stores, how a write is acknowledged where the design is silent, what each default
/// assumed is listed, when a restore outgrows its target, and the durability inputs, each worked by hand in the comments.
/// </summary>
public sealed class RecoveryFigureTests
{
    /// <summary>A design of one store <paramref name="name"/> (its YAML body indented under it), with the given data and workflows.</summary>
    private static string OneStore(string name, string body, string data = "", string workflows = "browse: { entry: api.browse, rate: 1/s }") => $$"""
        plumbline: 1
        system: { name: one-store }
        requirements: { growth: 0%/year }
        regions:
          east: { zones: [e1, e2] }
          west: { zones: [w1] }
        workflows:
          {{workflows}}
        data:
        {{(data.Length == 0 ? "  []" : data)}}
        components:
          api:
            kind: service
            operations:
              browse: {}
          {{name}}:
        {{body}}
        """;

    private static RecoveryReport Report(string yaml) => RecoveryAnalyzer.Analyze(TestDesigns.Load(yaml));

    private static StoreRecovery Store(string yaml, string name) => Report(yaml).Stores.Single(s => s.Component == name);

    [Fact]
    public void A_missing_model_is_refused_by_name() =>
        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() => RecoveryAnalyzer.Analyze((LoadModel)null!)).ParamName);

    [Fact]
    public void Stores_are_databases_object_stores_queues_and_search_and_a_stateful_owner_of_data()
    {
        // empty-db and files own nothing and are listed by kind; owned-cache is listed because it owns Session, idle-cache
        // (owning nothing) is not; a stateless service that owns data keeps none of it; an external is never a store.
        var report = Report("""
            plumbline: 1
            system: { name: kinds }
            workflows:
              browse: { entry: api.browse, rate: 1/s }
            data:
              - { entity: Session, owner: owned-cache, record_size: 1KB, initial_records: 1K }
              - { entity: Draft, owner: api, record_size: 1KB, initial_records: 1K }
            components:
              api: { kind: service, operations: { browse: {} } }
              empty-db: { kind: database, operations: { get: {} } }
              idle-cache: { kind: cache, operations: { get: {} } }
              owned-cache: { kind: cache, operations: { get: {} } }
              files: { kind: object_store, operations: { get: {} } }
              index: { kind: search, operations: { get: {} } }
              partner: { kind: external, operations: { get: {} } }
            """);

        Assert.Equal(["empty-db", "owned-cache", "files", "index"], report.Stores.Select(s => s.Component));
        // One copy of a database that owns nothing and has no backup: losing its instance loses it, it does not start
        // empty as a queue or cache would.
        var instance = report.Stores[0].For(FailureScope.Instance);
        Assert.Equal(RecoveryPath.Lost, instance.Path);
        Assert.Equal("all of it: no copy is left and there is no backup", instance.Rpo.Formula);
        Assert.Equal("all of it: no backup predates the mistake", report.Stores[0].For(FailureScope.Corruption).Rpo.Formula);
    }

    [Fact]
    public void An_object_store_acknowledges_once_its_copies_in_other_zones_have_the_write()
    {
        // Three zones, no replicas: one copy per zone, 3; synchronous assumed, so the primary and one standby: 2.
        var report = Report(OneStore("files", """
                kind: object_store
                zones: [e1, e2, w1]
                operations: { get: {} }
            """));

        var store = report.Stores.Single();
        Assert.Equal((3.0, 2.0), (store.Copies.Value, store.WriteAcks.Value));
        Assert.Equal("synchronous, 3 copies", store.Replication);
        Assert.True(store.WriteAcks.Inputs.Single().IsDefault);
        Assert.Contains("an object store acknowledges a write once its copies in other zones have it", report.Assumptions);
        Assert.DoesNotContain(report.Assumptions, a => a.Contains("replicates asynchronously", StringComparison.Ordinal));
    }

    [Fact]
    public void A_store_with_copies_and_no_mode_replicates_asynchronously_and_fails_over_automatically_as_assumed()
    {
        // 1 + 2 replicas / 1 instance = 3 copies; asynchronous: the primary alone has a write when it is acknowledged.
        var report = Report(OneStore("db", """
                kind: database
                replicas: 2
                operations: { get: {} }
            """));

        var store = report.Stores.Single();
        Assert.Equal((3.0, 1.0), (store.Copies.Value, store.WriteAcks.Value));
        Assert.Equal(("asynchronous, 3 copies", "automatic (assumed)"), (store.Replication, store.FailoverText));
        Assert.Contains("a store with copies and no replication.mode replicates asynchronously", report.Assumptions);
        // The replicas are quoted from their line: line 18 of the design (17 lines of the design before them).
        Assert.Equal(("/components/db/replicas", 18), (store.Copies.Inputs[0].Source, store.Copies.Inputs[0].Line));
    }

    [Fact]
    public void A_write_quorum_of_one_is_no_quorum()
    {
        // quorum 1 of 3 acknowledges on one copy: asynchronous, so losing it fails over (30 s + 30 s assumed) and loses the lag.
        var report = Report(OneStore("db", """
                kind: database
                replicas: 2
                quorum: { writes: 1 of 3 }
                operations: { get: {} }
            """));

        var store = report.Stores.Single();
        Assert.Equal("asynchronous, 3 copies", store.Replication);
        var instance = store.For(FailureScope.Instance);
        Assert.Equal((RecoveryPath.Failover, 1.0, 60.0), (instance.Path, instance.Rpo.Value, instance.Rto.Value));
        Assert.Contains("a store with copies and no replication.mode replicates asynchronously", report.Assumptions);
    }

    [Fact]
    public void A_write_quorum_of_two_is_a_quorum_without_assuming_a_mode()
    {
        var report = Report(OneStore("db", """
                kind: database
                replicas: 2
                quorum: { writes: 2 of 3 }
                failover: { mode: automatic, detection: 5s, promotion: 5s }
                operations: { get: {} }
            """));

        var store = report.Stores.Single();
        Assert.Equal(("quorum 2 of 3", "automatic"), (store.Replication, store.FailoverText));
        Assert.DoesNotContain(report.Assumptions, a => a.Contains("replication.mode", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quorum_without_a_stated_write_quorum_acknowledges_on_a_majority()
    {
        // 1 + 4 replicas = 5 copies: floor(5 / 2) + 1 = 3. Losing one leaves 4, still a quorum of 3: nothing lost, no wait.
        var report = Report(OneStore("db", """
                kind: database
                replicas: 4
                replication: { mode: quorum }
                operations: { get: {} }
            """));

        var store = report.Stores.Single();
        Assert.Equal(3.0, store.WriteAcks.Value);
        Assert.Equal("quorum 3 of 5", store.Replication);
        Assert.Contains(store.WriteAcks.Inputs, i => i.IsDefault && i.Name == "write quorum (majority)");
        var instance = store.For(FailureScope.Instance);
        Assert.Equal((RecoveryPath.None, 0.0, 0.0), (instance.Path, instance.Rpo.Value, instance.Rto.Value));
    }

    [Fact]
    public void A_manual_failover_is_named_manual()
    {
        var store = Store(OneStore("db", """
                kind: database
                replicas: 1
                failover: { mode: manual, time: 10m }
                operations: { get: {} }
            """), "db");

        Assert.Equal("manual", store.FailoverText);
        Assert.Equal(600.0, store.For(FailureScope.Instance).Rto.Value);
    }

    [Fact]
    public void Zones_and_regions_are_described_by_the_copies_they_take()
    {
        // Three copies round-robin over e1, e2: the primary's zone e1 holds copies 0 and 2, and region east all three.
        var spread = Store(OneStore("db", """
                kind: database
                replicas: 2
                zones: [e1, e2]
                operations: { get: {} }
            """), "db");
        Assert.Equal("the primary's zone (e1) with 2 of 3 copies (copies go round-robin over 2 zones)", spread.For(FailureScope.Zone).Why);
        Assert.Equal("region east, with 3 of 3 copies", spread.For(FailureScope.Region).Why);

        var oneZone = Store(OneStore("db", """
                kind: database
                replicas: 2
                zones: [e1]
                operations: { get: {} }
            """), "db");
        Assert.Equal("the primary's zone (e1) with 3 of 3 copies (copies go round-robin over 1 zone)", oneZone.For(FailureScope.Zone).Why);

        var noZones = Store(OneStore("db", """
                kind: database
                replicas: 2
                operations: { get: {} }
            """), "db");
        Assert.Equal("no zones stated: every copy is taken to share one zone", noZones.For(FailureScope.Zone).Why);
        Assert.Equal("the region, with every copy in it", noZones.For(FailureScope.Region).Why);
    }

    [Fact]
    public void Copies_in_another_region_follow_asynchronously_unless_stated()
    {
        // Copies on e1, w1, e2: losing east leaves w1's copy, 1 s behind as assumed.
        const string Body = """
                kind: database
                replicas: 2
                zones: [e1, w1, e2]
                replication: { mode: synchronous{{across}} }
                operations: { get: {} }
            """;
        var assumed = Report(OneStore("db", Body.Replace("{{across}}", string.Empty, StringComparison.Ordinal)));
        Assert.Equal(1.0, assumed.Stores.Single().For(FailureScope.Region).Rpo.Value);
        // The stated mode is quoted from where it is stated.
        Assert.Equal("/components/db/replication/mode", assumed.Stores.Single().WriteAcks.Inputs.Single().Source);
        Assert.Contains("copies in other regions follow asynchronously (replication.across_regions.mode)", assumed.Assumptions);

        var synchronous = Report(OneStore("db", Body.Replace("{{across}}", ", across_regions: { mode: synchronous }", StringComparison.Ordinal)));
        Assert.Equal(0.0, synchronous.Stores.Single().For(FailureScope.Region).Rpo.Value);
        Assert.DoesNotContain("copies in other regions follow asynchronously (replication.across_regions.mode)", synchronous.Assumptions);
    }

    [Fact]
    public void A_backup_of_a_store_that_owns_nothing_bounds_what_corruption_loses_but_not_how_long_it_lasts()
    {
        // Backups every 2 h kept in the store's region (assumed): corruption loses up to 2 h, restores in an unknown time;
        // losing the region loses the backups too.
        var report = Report(OneStore("db", """
                kind: database
                backup: { every: 2h }
                operations: { get: {} }
            """));

        var store = report.Stores.Single();
        Assert.Empty(store.Restore);
        var corruption = store.For(FailureScope.Corruption);
        Assert.Equal((RecoveryPath.Restore, 7_200.0, false), (corruption.Path, corruption.Rpo.Value, corruption.Rto.IsKnown));
        Assert.Equal("nothing it holds is sized, so no restore time", corruption.Rto.Formula);
        var region = store.For(FailureScope.Region);
        Assert.Equal(RecoveryPath.Lost, region.Path);
        Assert.Equal("all of it: no copy is left and the backups are in the same region", region.Rpo.Formula);
        Assert.Contains("backups are kept in the store's own region (backup.cross_region)", report.Assumptions);

        var crossRegion = Report(OneStore("db", """
                kind: database
                backup: { every: 2h, cross_region: true }
                operations: { get: {} }
            """));
        Assert.DoesNotContain("backups are kept in the store's own region (backup.cross_region)", crossRegion.Assumptions);
    }

    [Fact]
    public void What_a_store_restores_is_its_sized_data_shared_over_its_shards()
    {
        // Order: record size and initial records, no new records: 2M x 1KB = 2 GB over 2 shards, 1 GB each: 10 s at
        // 100 MB/s, the same at every horizon. Log has no record size: it adds nothing.
        var store = Store(OneStore("db", """
                kind: database
                instances: 2
                backup: { every: 1h }
                operations: { get: {} }
            """, """
              - { entity: Order, owner: db, record_size: 1KB, initial_records: 2M, retention: forever }
              - { entity: Log, owner: db, new_records: 1M/month }
            """), "db");

        Assert.Equal(["today", "at 12 months", "at 36 months", "at 60 months"], store.Restore.Select(f => f.Name["restore ".Length..]));
        Assert.Equal([10.0, 10.0, 10.0, 10.0], store.Restore.Select(f => Math.Round(f.Value!.Value, 9)));
        Assert.Equal(["Order", "Log"], store.Entities);
    }

    [Fact]
    public void A_store_whose_data_has_no_size_has_no_restore_time()
    {
        var store = Store(OneStore("db", """
                kind: database
                backup: { every: 1h }
                operations: { get: {} }
            """, """
              - { entity: Log, owner: db, new_records: 1M/month }
            """), "db");

        Assert.Equal(4, store.Restore.Length);
        Assert.All(store.Restore, f => Assert.False(f.IsKnown));
    }

    [Fact]
    public void Without_a_backup_nothing_restores_and_nothing_outgrows_its_target()
    {
        // 1 GB a month at 100 MB/s would pass a 1-minute target in month 7; without a backup there is no restore.
        var store = Store(OneStore("db", """
                kind: database
                operations: { get: {} }
            """, """
              - { entity: Order, owner: db, record_size: 1KB, new_records: 1M/month, retention: forever, rto: 1m }
            """), "db");

        Assert.Empty(store.Restore);
        Assert.Null(store.RestoreOutgrowsRtoMonth);
    }

    [Theory]
    // 3.6M x 1KB = 3.6 GB today, 36 s at 100 MB/s, +1 GB (10 s) a month. A target of 36 s is met today, passed in month 1 (46 s).
    [InlineData("3.6M", "36s", 1.0)]
    // A target of 30 s is passed already today: no month to name.
    [InlineData("3.6M", "30s", null)]
    // From nothing, 10 s a month: 595 s is passed in month 60 (600 s), the last of the longest horizon.
    [InlineData("0", "595s", 60.0)]
    // 600 s is reached in month 60 but not passed.
    [InlineData("0", "600s", null)]
    public void A_restore_outgrows_its_target_in_the_first_month_it_passes_it(string initial, string rto, double? month)
    {
        var store = Store(OneStore("db", """
                kind: database
                backup: { every: 1h }
                operations: { get: {} }
            """, $$"""
              - { entity: Order, owner: db, record_size: 1KB, initial_records: {{initial}}, new_records: 1M/month, retention: forever, rto: {{rto}} }
            """), "db");

        Assert.Equal(month, store.RestoreOutgrowsRtoMonth);
    }

    [Fact]
    public void Targets_come_from_the_workflows_that_write_or_wait_and_from_the_data()
    {
        // pay and refund both promise rpo 0 on ledger; the entity says 5m, as loose as audit's 5m, which came first and stays.
        // db1 and db2 are each reached by pay directly and through worker's asynchronous run: both wait-on, so both take rto 1m.
        var report = Report("""
            plumbline: 1
            system: { name: targets }
            workflows:
              pay: { entry: api.pay, rate: 1/s, type: write, rpo: 0, rto: 1m }
              refund: { entry: api.refund, rate: 1/s, type: write, rpo: 0 }
              audit: { entry: api.audit, rate: 1/s, type: write, rpo: 5m }
            data:
              - { entity: Entry, owner: ledger, record_size: 1KB, initial_records: 1K, rpo: 5m, durability: 99.9% }
              - { entity: Mark, owner: ledger, record_size: 1KB, initial_records: 1K, durability: 99.999% }
              - { entity: Note, owner: notes, record_size: 1KB, initial_records: 1K, rpo: 5m }
            components:
              api:
                kind: service
                operations:
                  pay:
                    type: write
                    calls:
                      - { to: db1.put, timeout: 1s }
                      - { to: worker.run, async: true }
                      - { to: db2.put, timeout: 1s }
                      - { to: ledger.put, timeout: 1s }
                  refund: { type: write, calls: [{ to: ledger.put, timeout: 1s }] }
                  audit: { type: write, calls: [{ to: notes.put, timeout: 1s }] }
              worker:
                kind: worker
                operations:
                  run: { type: write, calls: [{ to: db1.put, timeout: 1s }, { to: db2.put, timeout: 1s }] }
              db1: { kind: database, operations: { put: { type: write } } }
              db2: { kind: database, operations: { put: { type: write } } }
              ledger: { kind: database, operations: { put: { type: write } } }
              notes: { kind: database, operations: { put: { type: write } } }
            """);
        StoreRecovery Of(string name) => report.Stores.Single(s => s.Component == name);

        Assert.Equal(["pay", "refund"], Of("ledger").LosslessWorkflows);
        Assert.Equal((60.0, "workflow pay"), (Of("db1").Rto!.Seconds, Of("db1").Rto!.Source));
        Assert.Equal((60.0, "workflow pay"), (Of("db2").Rto!.Seconds, Of("db2").Rto!.Source));
        Assert.Equal((300.0, "workflow audit"), (Of("notes").Rpo!.Seconds, Of("notes").Rpo!.Source));
        // The strictest durability promised of ledger's data: Mark's 99.999%.
        Assert.Equal(("entity Mark", 0.99999), (Of("ledger").DurabilityTarget!.Source, Of("ledger").DurabilityTarget!.Durability));
    }

    [Fact]
    public void A_copy_that_never_fails_never_loses_data()
    {
        // 0% a year: λ = 0, MTTF = 1 / 0 = +infinity, and so the MTTDL; no loss in a year, and the store's one zone is
        // what is left: durability (1 - 0) x (1 - 0.1%) = 99.9%.
        var store = Store(OneStore("db", """
                kind: database
                replicas: 1
                zones: [e1]
                replication: { annual_failure_rate: 0%, repair: 1h }
                operations: { get: {} }
            """), "db");

        Assert.True(double.IsPositiveInfinity(store.Durability.Mttdl.Value!.Value));
        Assert.Equal(0.0, store.Durability.Independent.Value);
        Assert.Equal(0.999, store.Durability.Durability.Value!.Value, 15);
    }

    [Fact]
    public void Of_two_entities_promising_the_same_durability_the_first_is_named()
    {
        var store = Store(OneStore("db", """
                kind: database
                operations: { get: {} }
            """, """
              - { entity: Order, owner: db, record_size: 1KB, initial_records: 1K, durability: 99.999% }
              - { entity: Refund, owner: db, record_size: 1KB, initial_records: 1K, durability: 99.999% }
            """), "db");

        Assert.Equal("entity Order", store.DurabilityTarget!.Source);
    }

    [Fact]
    public void An_entitys_target_applies_when_no_workflow_sets_one()
    {
        var store = Store(OneStore("db", """
                kind: database
                operations: { get: {} }
            """, """
              - { entity: Order, owner: db, record_size: 1KB, initial_records: 1K, rpo: 5m, rto: 2m }
            """), "db");

        Assert.Equal((300.0, "entity Order"), (store.Rpo!.Seconds, store.Rpo.Source));
        Assert.Equal((120.0, "entity Order"), (store.Rto!.Seconds, store.Rto.Source));
    }

    [Fact]
    public void A_copy_is_repaired_in_the_time_to_copy_a_shard_at_the_longest_horizon_and_at_least_an_hour()
    {
        // 300M x 1KB = 300 GB today, +10 GB a month: 900 GB at 60 months, 9,000 s at 100 MB/s (4,200 s at 12 months).
        var big = Store(OneStore("db", """
                kind: database
                replicas: 1
                operations: { get: {} }
            """, """
              - { entity: Order, owner: db, record_size: 1KB, initial_records: 300M, new_records: 10M/month, retention: forever }
            """), "db");
        Assert.Equal(9_000.0, Repair(big), 6);

        // 1K x 1KB = 1 MB, a hundredth of a second: the hour's floor.
        var small = Store(OneStore("db", """
                kind: database
                replicas: 1
                operations: { get: {} }
            """, """
              - { entity: Order, owner: db, record_size: 1KB, initial_records: 1K, retention: forever }
            """), "db");
        Assert.Equal(3_600.0, Repair(small));

        static double Repair(StoreRecovery store) => store.Durability.Mttdl.Inputs.Single(i => i.Name == "repair (s)").Value;
    }

    [Fact]
    public void Each_shard_can_lose_its_data_so_the_mttdl_is_one_shards_over_the_shards()
    {
        // 2 instances, 2 replicas: 1 + 2 / 2 = 2 copies of each of 2 shards. MTTF 50 y, MTTR 1 h = 1/8766 y:
        // one shard MTTF^2 / (2 MTTR) = 2,500 x 8,766 / 2 = 10,957,500 y; two shards, 5,478,750 y.
        var store = Store(OneStore("db", """
                kind: database
                instances: 2
                replicas: 2
                replication: { annual_failure_rate: 2%, repair: 1h }
                operations: { get: {} }
            """), "db");

        var years = store.Durability.Mttdl.Value!.Value / (365.25 * 86_400);
        Assert.Equal(5_478_750, years, 1e-6);
    }

    [Fact]
    public void Copies_in_two_zones_of_one_region_share_that_region()
    {
        // Three copies over e1, e2, both in east: a region lost outright, 0.001% a year (assumed), takes them all.
        var store = Store(OneStore("db", """
                kind: database
                replicas: 2
                zones: [e1, e2]
                operations: { get: {} }
            """), "db");

        Assert.Equal("region east", store.Durability.SharedDomain);
        Assert.Equal(1e-5, store.Durability.Correlated.Value);
        Assert.Equal("every copy is in region east", store.Durability.Correlated.Formula);
        Assert.True(store.Durability.Correlated.Inputs.Single().IsDefault);
    }

    [Fact]
    public void Copies_across_regions_share_nothing()
    {
        var store = Store(OneStore("db", """
                kind: database
                replicas: 2
                zones: [e1, w1]
                operations: { get: {} }
            """), "db");

        Assert.Null(store.Durability.SharedDomain);
        Assert.Equal(0.0, store.Durability.Correlated.Value);
        Assert.Equal("0: the copies span regions", store.Durability.Correlated.Formula);
        Assert.Equal(FigureSources.Derived, store.Durability.Correlated.Inputs.Single().Source);
    }

    [Fact]
    public void A_scope_not_worked_out_is_refused()
    {
        var store = Store(OneStore("db", """
                kind: database
                operations: { get: {} }
            """), "db") with { Domains = [] };

        Assert.Throws<InvalidOperationException>(() => store.For(FailureScope.Zone));
    }
}
