namespace Plumbline.Analysis.Recovery;

/// <summary>
/// What recovery assumes where a design is silent, in one place; each is printed as assumed wherever a
/// figure uses it, and documented in docs/recovery.md.
/// </summary>
public static class RecoveryDefaults
{
    /// <summary>How far asynchronous copies trail the primary: 1 s (streaming replication on a quiet link).</summary>
    public const double LagSeconds = 1;

    /// <summary>Time to decide an automatic failover is needed: 30 s (Patroni's and Sentinel's defaults are of this order).</summary>
    public const double DetectionSeconds = 30;

    /// <summary>Time to promote a copy and send writes to it: 30 s.</summary>
    public const double PromotionSeconds = 30;

    /// <summary>A manual failover, from the failure to writes served again: 30 minutes (page, diagnose, decide, promote).</summary>
    public const double ManualFailoverSeconds = 30 * 60;

    /// <summary>How fast a backup restores, per shard: 100 MB/s (about 360 GB an hour, one stream from object storage).</summary>
    public const double RestoreBytesPerSecond = 100e6;

    /// <summary>Time between backups when a backup states none: one day.</summary>
    public const double BackupEverySeconds = 86_400;

    /// <summary>Share of copies lost for good in a year: 2% (disk and node annualised failure rates are 1-4%).</summary>
    public const double AnnualFailureRate = 0.02;

    /// <summary>The shortest time to replace a lost copy, however little data it holds: 1 hour (provision, attach, catch up).</summary>
    public const double MinimumRepairSeconds = 3_600;

    /// <summary>Chance in a year that a zone's storage is lost outright (fire, flood): 0.1%, about once in a thousand zone-years.</summary>
    public const double ZoneLossPerYear = 1e-3;

    /// <summary>Chance in a year that a whole region's storage is lost outright: 0.001%.</summary>
    public const double RegionLossPerYear = 1e-5;

    /// <summary>How long a mistake may go unnoticed before a restore is asked for: backups are kept at least this long (or the data's retention, if shorter): 30 days.</summary>
    public const double NoticeWindowSeconds = 30 * 86_400;
}
