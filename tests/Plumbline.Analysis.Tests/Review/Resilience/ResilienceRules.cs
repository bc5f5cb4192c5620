namespace Plumbline.Analysis.Tests.Review.Resilience;

/// <summary>The resilience area's rule ids; reviews go through the shared <see cref="ReviewKit"/>.</summary>
internal static class ResilienceRules
{
    /// <summary>The ids of the rules registered by the resilience partial.</summary>
    public static HashSet<string> Ids { get; } = Registered();

    private static HashSet<string> Registered()
    {
        var ids = new[]
        {
            "slo-unreachable-availability", "single-point-of-failure", "blast-radius", "no-degradation-path",
            "missing-timeout", "timeout-inversion", "retry-amplification", "retry-without-backoff", "retry-without-jitter",
            "retry-without-idempotency", "external-call-without-breaker", "queue-without-dead-letter", "queue-without-consumers",
            "stateful-without-backup", "backup-restore-untested", "over-capacity-at-peak", "hot-key-over-capacity", "rate-limit-over-partition", "headroom-under-six-months",
            "cache-too-small", "queue-backlog-grows", "capacity-unstated", "autoscaling-max-below-peak",
            "stateful-service", "single-zone-design", "deep-sync-chain",
        };
        return [.. ids];
    }
}
