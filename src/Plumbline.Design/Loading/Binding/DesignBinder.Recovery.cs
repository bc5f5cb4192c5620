using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;
using Plumbline.Design.Units;

namespace Plumbline.Design.Loading.Binding;

/// <summary>How data is kept and the targets it is held to: <c>replication</c>, <c>failover</c>, <c>rpo</c>, <c>rto</c>, <c>durability</c>.</summary>
internal static partial class DesignBinder
{
    /// <summary>The most copies a store may state: as many as a quorum may count.</summary>
    private const int MaxCopies = 1001;

    private static readonly string[] AutomaticFailoverKeys = ["detection", "promotion"];

    private static Replication? ReadReplication(MapReader m, BindContext context)
    {
        var map = m.Map("replication", "replication");
        if (map is null)
        {
            return null;
        }

        var mode = map.Enum<ReplicationMode>("mode");
        var lag = map.Duration("lag");
        if (map.Has("lag") && mode == ReplicationMode.Synchronous)
        {
            context.Report(DiagnosticCodes.Inconsistent(map.KeySpan("lag"), map.ChildPath("lag"),
                "a synchronous store acknowledges a write only once a standby has it, so it has no lag to lose",
                "drop lag, or say mode: asynchronous"));
        }

        // A managed queue or store (SQS, S3) keeps copies on machines the design does not count, so copies may exceed instances + replicas.
        var copies = map.Int("copies", 1, MaxCopies);

        RegionReplication? across = null;
        if (map.Map("across_regions", "region_replication") is { } a)
        {
            var regionMode = a.Enum<ReplicationMode>("mode");
            if (regionMode is null && !a.Has("mode"))
            {
                a.ReportMissing("mode", "how copies in other regions follow: synchronous, asynchronous or quorum");
            }

            across = new RegionReplication(regionMode, a.Duration("lag"), a.Path);
        }

        return new Replication(mode, lag, copies, across, map.Percent("annual_failure_rate"), map.Duration("repair"), map.Path);
    }

    private static Failover? ReadFailover(MapReader m, BindContext context)
    {
        var map = m.Map("failover", "failover");
        if (map is null)
        {
            return null;
        }

        var mode = map.Enum<FailoverMode>("mode");
        if (mode is null && !map.Has("mode"))
        {
            map.ReportMissing("mode", "automatic (detection and promotion) or manual (a stated time)");
        }

        var detection = map.Duration("detection");
        var promotion = map.Duration("promotion");
        var time = map.Duration("time");
        if (mode == FailoverMode.Manual)
        {
            foreach (var key in AutomaticFailoverKeys.Where(map.Has))
            {
                context.Report(DiagnosticCodes.Inconsistent(map.KeySpan(key), map.ChildPath(key),
                    $"'{key}' describes an automatic failover, but mode is manual", "give a manual failover its whole time in time"));
            }
        }
        else if (mode == FailoverMode.Automatic && map.Has("time"))
        {
            context.Report(DiagnosticCodes.Inconsistent(map.KeySpan("time"), map.ChildPath("time"),
                "'time' is a manual failover's, but mode is automatic", "give an automatic failover its detection and promotion"));
        }

        return mode is { } f ? new Failover(f, detection, promotion, time, map.Path) : null;
    }

    private static RecoveryTargets ReadRecoveryTargets(MapReader m)
    {
        var rpo = m.Duration("rpo");
        var rto = m.Duration("rto");
        return rpo is null && rto is null ? RecoveryTargets.None : new RecoveryTargets(rpo, rto);
    }

    private static Throughput? ReadThroughput(MapReader m, string key) => m.Unit(key, Throughput.Parse);
}
