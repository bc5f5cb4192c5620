using System.Collections.Immutable;

namespace Plumbline.Analysis.Review.Rules.Resilience;

/// <summary>Resilience, availability, architecture and scale (process steps 3, 5 and 6). The area's rules in catalogue order; <see cref="RuleRegistry"/> lists this area by name.</summary>
public static class ResilienceCatalogue
{
    public static ImmutableArray<IRule> Rules { get; } =
    [
        // Availability and failure
        new SloUnreachableAvailability(),
        new SloUnreachableLatency(),
        new SinglePointOfFailure(),
        new BlastRadiusRule(),
        new NoDegradationPath(),

        // Timeouts, retries, breakers
        new MissingTimeout(),
        new TimeoutInversion(),
        new RetryAmplificationRule(),
        new RetryWithoutBackoff(),
        new RetryWithoutJitter(),
        new RetryWithoutIdempotency(),
        new ExternalCallWithoutBreaker(),
        new SharedDependencyWithoutBulkhead(),

        // Queues and state
        new QueueWithoutDeadLetter(),
        new QueueWithoutConsumers(),
        new StatefulWithoutBackup(),
        new BackupRestoreUntested(),

        // Scale
        new OverCapacityAtPeak(),
        new HotKeyOverCapacity(),
        new RateLimitOverPartition(),
        new ConcurrencyLimitBelowPeak(),
        new HeadroomUnderSixMonths(),
        new CacheTooSmall(),
        new QueueBacklogGrows(),
        new CapacityUnstated(),
        new AutoscalingMaxBelowPeak(),
        new FigureOverflow(),

        // Architecture
        new StatefulService(),
        new SingleZoneDesign(),
        new DeepSyncChain(),
    ];
}
