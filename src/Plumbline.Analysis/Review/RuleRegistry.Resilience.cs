using Plumbline.Analysis.Review.Rules;

namespace Plumbline.Analysis.Review;

/// <summary>Resilience, availability, architecture and scale rules (process steps 3, 5 and 6).</summary>
public static partial class RuleRegistry
{
    static partial void AddResilience(List<IRule> rules)
    {
        // Availability and failure
        rules.Add(new SloUnreachableAvailability());
        rules.Add(new SinglePointOfFailure());
        rules.Add(new BlastRadiusRule());
        rules.Add(new NoDegradationPath());

        // Timeouts, retries, breakers
        rules.Add(new MissingTimeout());
        rules.Add(new TimeoutInversion());
        rules.Add(new RetryAmplificationRule());
        rules.Add(new RetryWithoutBackoff());
        rules.Add(new RetryWithoutJitter());
        rules.Add(new RetryWithoutIdempotency());
        rules.Add(new ExternalCallWithoutBreaker());

        // Queues and state
        rules.Add(new QueueWithoutDeadLetter());
        rules.Add(new QueueWithoutConsumers());
        rules.Add(new StatefulWithoutBackup());
        rules.Add(new BackupRestoreUntested());

        // Scale
        rules.Add(new OverCapacityAtPeak());
        rules.Add(new HeadroomUnderSixMonths());
        rules.Add(new CacheTooSmall());
        rules.Add(new QueueBacklogGrows());
        rules.Add(new CapacityUnstated());
        rules.Add(new AutoscalingMaxBelowPeak());

        // Architecture
        rules.Add(new StatefulService());
        rules.Add(new SingleZoneDesign());
        rules.Add(new DeepSyncChain());
    }
}
