using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Design.Tests.Loading;

/// <summary>How data is kept and the targets it is held to, read into the model as written.</summary>
public sealed class RecoveryFormatTests
{
    private const string Design = """
        plumbline: 1
        system: { name: kept }
        workflows:
          pay: { entry: db.put, rate: 1/s, type: write, rpo: 0, rto: 5m }
        data:
          - entity: Payment
            owner: db
            rpo: 1s
            rto: 15m
            durability: 99.999999999%
        components:
          db:
            kind: database
            instances: 2
            replicas: 4
            zones: [a, b, c]
            replication:
              mode: asynchronous
              lag: 500ms
              across_regions: { mode: synchronous }
              annual_failure_rate: 4%
              repair: 2h
            failover: { mode: automatic, detection: 10s, promotion: 20s }
            backup: { every: 5m, keep: 35d, restore_tested: 2026-11-02, restore_rate: 360GB/h, cross_region: true }
            operations: { put: {} }
          log:
            kind: queue
            instances: 3
            replication: { mode: quorum, copies: 3 }
            quorum: { writes: 2 of 3 }
            failover: { mode: manual, time: 20m }
            operations: { put: {} }
        """;

    [Fact]
    public void Replication_failover_backup_and_targets_are_read_as_written()
    {
        var result = DesignLoader.LoadText("kept.yaml", Design);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        var design = result.Design!;

        var db = design.FindComponent("db")!;
        var replication = db.Replication!;
        Assert.Equal(ReplicationMode.Asynchronous, replication.Mode);
        Assert.Equal(0.5, replication.Lag!.Value.Seconds);
        Assert.Null(replication.Copies);
        Assert.Equal(ReplicationMode.Synchronous, replication.AcrossRegions!.Mode);
        Assert.Null(replication.AcrossRegions.Lag);
        Assert.Equal(0.04, replication.AnnualFailureRate!.Value.Fraction, 12);
        Assert.Equal(7_200, replication.Repair!.Value.Seconds);
        Assert.Equal("/components/db/replication", replication.Path);
        Assert.Equal(new Failover(FailoverMode.Automatic, Plumbline.Design.Units.Duration.FromSeconds(10), Plumbline.Design.Units.Duration.FromSeconds(20), null, "/components/db/failover"), db.Failover);
        Assert.Equal(100e6, db.Backup!.RestoreRate!.Value.BytesPerSecond, 6);
        Assert.True(db.Backup.CrossRegion);

        var log = design.FindComponent("log")!;
        Assert.Equal(3, log.Replication!.Copies);
        Assert.Equal(ReplicationMode.Quorum, log.Replication.Mode);
        Assert.Equal(FailoverMode.Manual, log.Failover!.Mode);
        Assert.Equal(1_200, log.Failover.Time!.Value.Seconds);

        var payment = design.Data[0];
        Assert.Equal(1, payment.Recovery.Rpo!.Value.Seconds);
        Assert.Equal(900, payment.Recovery.Rto!.Value.Seconds);
        Assert.Equal(0.99999999999, payment.Durability!.Value.Fraction, 14);

        var pay = design.Workflows[0];
        Assert.Equal(0, pay.Recovery.Rpo!.Value.Seconds);
        Assert.Equal(300, pay.Recovery.Rto!.Value.Seconds);
    }

    [Fact]
    public void Unstated_targets_and_replication_are_absent_not_zero()
    {
        var design = DesignLoader.LoadText("bare.yaml", """
            plumbline: 1
            system: { name: bare }
            data: [{ entity: Note, owner: db }]
            components:
              db: { kind: database, backup: { every: 1d }, operations: { get: {} } }
            """).Design!;

        Assert.Same(RecoveryTargets.None, design.Data[0].Recovery);
        Assert.Null(design.Data[0].Durability);
        Assert.Null(design.Components[0].Replication);
        Assert.Null(design.Components[0].Failover);
        Assert.Null(design.Components[0].Backup!.RestoreRate);
        Assert.Null(design.Components[0].Backup!.CrossRegion);
    }
}
