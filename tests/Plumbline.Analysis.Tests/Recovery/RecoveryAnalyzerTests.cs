using Plumbline.Analysis.Recovery;
using Xunit;

namespace Plumbline.Analysis.Tests.Recovery;

/// <summary>RPO and RTO per replication mode and failure scope, restore times per horizon and durability, each against arithmetic done by hand in the comments.</summary>
public sealed class RecoveryAnalyzerTests
{
    private const string Stores = """
        plumbline: 1
        system: { name: stores }
        requirements: { growth: 0%/year }
        regions:
          east: { zones: [e1, e2] }
          west: { zones: [w1] }
        workflows:
          pay: { entry: api.pay, rate: 10/s, type: write, rpo: 0, rto: 1m }
          browse: { entry: api.browse, rate: 10/s }
        data:
          - { entity: Order, owner: sync-db, record_size: 1KB, initial_records: 3.6M, new_records: 1M/month, retention: forever, rpo: 5m, rto: 2m }
          - { entity: Event, owner: async-db, record_size: 1KB, new_records: 1M/month }
          - { entity: Row, owner: quorum-db, record_size: 1KB, new_records: 1M/month }
          - { entity: Note, owner: lone-db, record_size: 1KB, new_records: 1M/month }
          - { entity: Ledger, owner: spread-db, record_size: 1KB, new_records: 1M/month }
        components:
          api:
            kind: service
            operations:
              pay:
                type: write
                calls:
                  - { to: sync-db.put, timeout: 1s }
                  - { to: log.publish, async: true }
              browse:
                calls:
                  - { to: async-db.get, timeout: 1s }
          sync-db:
            kind: database
            instances: 1
            replicas: 2
            zones: [e1, e2]
            replication: { mode: synchronous }
            failover: { mode: automatic, detection: 10s, promotion: 20s }
            backup: { every: 5m, keep: 35d, restore_tested: 2026-11-01, restore_rate: 100MB/s }
            operations: { put: { type: write } }
          async-db:
            kind: database
            instances: 2
            replicas: 2
            zones: [e1, e2]
            replication: { mode: asynchronous, lag: 2s }
            operations: { get: { type: read } }
          quorum-db:
            kind: database
            instances: 1
            replicas: 2
            zones: [e1]
            quorum: { writes: 2 of 3 }
            failover: { mode: manual, time: 15m }
            backup: { every: 1h, cross_region: true }
            operations: { get: {} }
          lone-db:
            kind: database
            operations: { get: {} }
          spread-db:
            kind: database
            replicas: 2
            zones: [e1, w1, e2]
            replication: { mode: synchronous, across_regions: { mode: asynchronous, lag: 3s }, annual_failure_rate: 2%, repair: 1h }
            operations: { get: {} }
          log:
            kind: queue
            operations: { publish: { type: write } }
        """;

    private static RecoveryReport Report() => RecoveryAnalyzer.Analyze(TestDesigns.Load(Stores));

    private static StoreRecovery Store(string name) => Report().Stores.Single(s => s.Component == name);

    [Fact]
    public void Only_stores_are_listed_in_design_order() =>
        Assert.Equal(["sync-db", "async-db", "quorum-db", "lone-db", "spread-db", "log"], Report().Stores.Select(s => s.Component));

    [Fact]
    public void Synchronous_replication_loses_nothing_when_one_copy_or_one_zone_goes()
    {
        var store = Store("sync-db");
        Assert.Equal(3, store.Copies.Value);
        Assert.Equal(2, store.WriteAcks.Value);

        // One instance: 1 copy lost < 2 that have every write: RPO 0; failover 10s + 20s.
        var instance = store.For(FailureScope.Instance);
        Assert.Equal((0.0, 30.0, RecoveryPath.Failover), (instance.Rpo.Value!.Value, instance.Rto.Value!.Value, instance.Path));

        // Zone e1: copies round-robin over [e1, e2] put 2 of 3 there (copies 0 and 2): 2 lost >= 2 acks, 1 left:
        // the survivor may lack the last writes, the lag (1s assumed).
        var zone = store.For(FailureScope.Zone);
        Assert.Equal((2, 1), (zone.CopiesLost, zone.CopiesLeft));
        Assert.Equal(1.0, zone.Rpo.Value);
        Assert.Equal(30.0, zone.Rto.Value);

        // Region east holds every copy, backups stay in it: nothing to recover from.
        var region = store.For(FailureScope.Region);
        Assert.Equal(RecoveryPath.Lost, region.Path);
        Assert.True(double.IsPositiveInfinity(region.Rpo.Value!.Value));
    }

    [Fact]
    public void Corruption_restores_from_the_backup_and_the_restore_grows_with_the_data()
    {
        var store = Store("sync-db");
        var corruption = store.For(FailureScope.Corruption);
        Assert.Equal(RecoveryPath.Restore, corruption.Path);
        Assert.Equal(300.0, corruption.Rpo.Value); // backup.every 5m

        // Today 3.6M x 1KB = 3.6 GB at 100 MB/s = 36 s; at 12 months 15.6 GB = 156 s; 36: 39.6 GB = 396 s; 60: 63.6 GB = 636 s.
        Assert.Equal(36, corruption.Rto.Value!.Value, 6);
        Assert.Equal([36.0, 156.0, 396.0, 636.0], store.Restore.Select(f => Math.Round(f.Value!.Value, 6)));
        Assert.Equal(store.Restore, corruption.RtoAtHorizons);
    }

    [Fact]
    public void The_tightest_target_applies_and_the_restore_outgrows_it_in_the_month_it_passes()
    {
        var store = Store("sync-db");

        // Entity Order says rpo 5m, rto 2m; workflow pay writes sync-db and waits on it: rpo 0, rto 1m.
        Assert.Equal((0.0, "workflow pay"), (store.Rpo!.Seconds, store.Rpo.Source));
        Assert.Equal((60.0, "workflow pay"), (store.Rto!.Seconds, store.Rto.Source));

        // 60 s at 100 MB/s is 6 GB: 3.6 GB + 1 GB a month passes 6 GB in month 3 (6.6 GB; month 2 is 5.6 GB).
        Assert.Equal(3, store.RestoreOutgrowsRtoMonth);
        Assert.Equal(["pay"], store.LosslessWorkflows);
    }

    [Fact]
    public void A_workflow_sets_rpo_on_stores_it_writes_and_rto_only_on_those_it_waits_on()
    {
        // pay publishes to log asynchronously: the queue must not lose the write (rpo 0), but pay does not wait on it.
        var log = Store("log");
        Assert.Equal(0.0, log.Rpo!.Seconds);
        Assert.Null(log.Rto);

        // browse reads async-db and states no targets.
        Assert.Null(Store("async-db").Rpo);
    }

    [Fact]
    public void Asynchronous_replication_loses_its_lag_and_fails_over_in_the_assumed_minute()
    {
        var store = Store("async-db");
        Assert.Equal(2, store.Copies.Value); // 1 + 2 replicas / 2 instances
        Assert.Equal(1, store.WriteAcks.Value);
        var instance = store.For(FailureScope.Instance);
        Assert.Equal((2.0, 60.0), (instance.Rpo.Value!.Value, instance.Rto.Value!.Value));
        Assert.Contains(instance.Rto.Inputs, i => i.IsDefault && i.Name == "detection");

        // No backup: corruption loses everything.
        Assert.Equal(RecoveryPath.Lost, store.For(FailureScope.Corruption).Path);
    }

    [Fact]
    public void A_write_quorum_keeps_writing_through_one_lost_copy_and_a_shared_zone_restores()
    {
        var store = Store("quorum-db");
        Assert.Equal(2, store.WriteAcks.Value);
        var instance = store.For(FailureScope.Instance);
        Assert.Equal((0.0, 0.0, RecoveryPath.None), (instance.Rpo.Value!.Value, instance.Rto.Value!.Value, instance.Path));

        // All three copies in zone e1: the zone takes them all; the backup (hourly) is restored: RPO 1 h.
        var zone = store.For(FailureScope.Zone);
        Assert.Equal((3, 0, RecoveryPath.Restore), (zone.CopiesLost, zone.CopiesLeft, zone.Path));
        Assert.Equal(3_600.0, zone.Rpo.Value);

        // Today it holds nothing (no initial records): 0 s; the restore rate is assumed at 100 MB/s.
        Assert.Equal(0.0, zone.Rto.Value);

        // Region east: its backups are kept in another region, so they restore.
        Assert.Equal(RecoveryPath.Restore, store.For(FailureScope.Region).Path);
    }

    [Fact]
    public void One_copy_without_a_backup_loses_everything_to_one_instance()
    {
        var instance = Store("lone-db").For(FailureScope.Instance);
        Assert.Equal(RecoveryPath.Lost, instance.Path);
        Assert.True(double.IsPositiveInfinity(instance.Rpo.Value!.Value));
        Assert.True(double.IsPositiveInfinity(instance.Rto.Value!.Value));
    }

    [Fact]
    public void A_queue_of_one_instance_starts_empty_and_loses_what_was_not_consumed()
    {
        var instance = Store("log").For(FailureScope.Instance);
        Assert.Equal(RecoveryPath.StartEmpty, instance.Path);
        Assert.True(double.IsPositiveInfinity(instance.Rpo.Value!.Value));
        Assert.Equal(60.0, instance.Rto.Value);
    }

    [Fact]
    public void A_region_with_copies_elsewhere_loses_the_cross_region_lag()
    {
        // Copies 0, 1, 2 go to e1 (east), w1 (west), e2 (east): losing east takes 2 of 3, west keeps one, 3 s behind.
        var region = Store("spread-db").For(FailureScope.Region);
        Assert.Equal((2, 1, RecoveryPath.Failover), (region.CopiesLost, region.CopiesLeft, region.Path));
        Assert.Equal(3.0, region.Rpo.Value);
    }

    [Fact]
    public void Durability_of_three_copies_across_regions_is_the_mttdl_by_hand()
    {
        // MTTF = 1 / 2% = 50 y; MTTR = 1 h = 1/8766 y. MTTDL = 50^3 / (3! x (1/8766)^2) = 125,000 x 8766^2 / 6 y = 1.60089e12 y.
        var durability = Store("spread-db").Durability;
        var years = durability.Mttdl.Value!.Value / (365.25 * 86_400);
        Assert.Equal(125_000.0 * 8766 * 8766 / 6, years, 125_000.0 * 8766 * 8766 / 6 * 1e-9);
        Assert.Equal(1 / years, durability.Independent.Value!.Value, 1e-24);

        // Copies span east and west: no shared domain.
        Assert.Null(durability.SharedDomain);
        Assert.Equal(0, durability.Correlated.Value);
    }

    [Fact]
    public void Durability_of_copies_in_one_zone_carries_the_zone_loss()
    {
        // quorum-db: 3 copies, all in e1: the zone's assumed 0.1% a year dominates.
        var durability = Store("quorum-db").Durability;
        Assert.Equal("zone e1", durability.SharedDomain);
        Assert.Equal(1e-3, durability.Correlated.Value);
        Assert.Equal((1 - durability.Independent.Value!.Value) * (1 - 1e-3), durability.Durability.Value!.Value, 15);

        // One copy in one shard, 2% a year: 1 - exp(-0.02) = 1.98013%.
        Assert.Equal(1 - Math.Exp(-0.02), Store("lone-db").Durability.Independent.Value!.Value, 12);
    }

    [Fact]
    public void Every_default_used_is_listed_as_assumed()
    {
        var assumptions = Report().Assumptions;
        Assert.Contains(assumptions, a => a.Contains("100MB/s", StringComparison.Ordinal));
        Assert.Contains(assumptions, a => a.Contains("trail the primary by 1s", StringComparison.Ordinal));
        Assert.Contains(assumptions, a => a.Contains("30s", StringComparison.Ordinal));
        Assert.Contains(assumptions, a => a.Contains("2% a year", StringComparison.Ordinal));
    }
}
