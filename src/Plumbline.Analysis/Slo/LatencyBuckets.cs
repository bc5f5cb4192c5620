using System.Collections.Immutable;
using Plumbline.Design.Model;
using Plumbline.Design.Units;

namespace Plumbline.Analysis.Slo;

/// <summary>Where the bucket a latency SLO is measured at comes from.</summary>
public enum BucketSource
{
    /// <summary>The threshold is a boundary of the histogram's buckets.</summary>
    Threshold,

    /// <summary>The threshold is no boundary; the largest boundary below it is used (stricter).</summary>
    RoundedDown,

    /// <summary>The threshold is below every boundary; the smallest is used (looser).</summary>
    RoundedUp,

    /// <summary>The SLO names its bucket in <c>query.bucket</c>.</summary>
    Stated,
}

/// <summary>
/// The histogram bucket a latency SLO counts as fast: a request is good when it lands in the bucket
/// <c>le</c> = <see cref="Bucket"/>. When that is not the threshold, the SLO measured is not the one written.
/// </summary>
/// <param name="Threshold">The SLO's threshold.</param>
/// <param name="Bucket">The boundary used.</param>
/// <param name="BucketsStated">True when the design lists its buckets (<c>operations.telemetry.latency_buckets</c>), false for OpenTelemetry's defaults.</param>
public sealed record LatencyBucket(Duration Threshold, Duration Bucket, BucketSource Source, bool BucketsStated)
{
    /// <summary>True when the bucket is the threshold itself.</summary>
    public bool IsExact => Bucket == Threshold;

    /// <summary>What using this bucket changes, in words; null when the bucket is the threshold.</summary>
    public string? Change => IsExact
        ? null
        : Bucket < Threshold
            ? $"{Threshold} is not a bucket boundary; measured at le={LatencyBuckets.Le(Bucket)} ({Bucket}), so requests between {Bucket} and {Threshold} count as slow: the SLO measured is stricter than the one written"
            : $"{Threshold} is not a bucket boundary; measured at le={LatencyBuckets.Le(Bucket)} ({Bucket}), so requests between {Threshold} and {Bucket} count as fast: the SLO measured is looser than the one written";
}

/// <summary>Histogram buckets for latency SLOs, and which one a threshold is measured at.</summary>
public static class LatencyBuckets
{
    /// <summary>
    /// OpenTelemetry's advised bucket boundaries for <c>http.server.request.duration</c> (semantic
    /// conventions, in seconds): 5ms, 10ms, 25ms, 50ms, 75ms, 100ms, 250ms, 500ms, 750ms, 1s, 2.5s, 5s, 7.5s, 10s.
    /// </summary>
    public static ImmutableArray<Duration> OpenTelemetryDefault { get; } =
    [
        .. new[] { 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000 }.Select(ms => Duration.FromMilliseconds(ms)),
    ];

    /// <summary>The design's buckets, or OpenTelemetry's when it states none.</summary>
    public static ImmutableArray<Duration> Of(SystemDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        var stated = design.Operations.Telemetry.LatencyBuckets;
        return stated.IsDefaultOrEmpty ? OpenTelemetryDefault : stated;
    }

    /// <summary>The bucket a latency SLO is measured at: its stated bucket, its threshold when that is a boundary, else the largest boundary below the threshold (or the smallest above, when none is below).</summary>
    public static LatencyBucket For(Design.Model.Slo slo, SystemDesign design)
    {
        ArgumentNullException.ThrowIfNull(slo);
        var threshold = slo.Threshold ?? Duration.Zero;

        // Of refuses a null design by name, before the design is read here.
        var buckets = Of(design);
        var stated = !design.Operations.Telemetry.LatencyBuckets.IsDefaultOrEmpty;
        if (slo.Query?.Bucket is { } bucket)
        {
            return new LatencyBucket(threshold, bucket, BucketSource.Stated, stated);
        }

        if (buckets.Contains(threshold))
        {
            return new LatencyBucket(threshold, threshold, BucketSource.Threshold, stated);
        }

        var below = buckets.Where(b => b < threshold).ToList();
        return below.Count > 0
            ? new LatencyBucket(threshold, below.Max(), BucketSource.RoundedDown, stated)
            : new LatencyBucket(threshold, buckets.Min(), BucketSource.RoundedUp, stated);
    }

    /// <summary>A boundary as Prometheus writes its <c>le</c> label, in seconds: 0.05, 0.25, 1, 2.5.</summary>
    public static string Le(Duration bucket) =>
        bucket.Seconds.ToString("0.#########", System.Globalization.CultureInfo.InvariantCulture);
}
