using System.Collections.Immutable;

namespace Plumbline.Analysis.Review.Rules.Recovery;

/// <summary>Durability and recovery (process steps 4 and 5, on-call readiness): what a failure loses and how long it lasts, against the requirements' targets. <see cref="RuleRegistry"/> lists this area by name.</summary>
public static class RecoveryCatalogue
{
    public static ImmutableArray<IRule> Rules { get; } =
    [
        new RpoTargetUnmet(),
        new RtoTargetUnmet(),
        new LossyQueueUnderLosslessPromise(),
        new RestoreOutgrowsRto(),
        new BackupKeptTooShort(),
        new SensitiveDataSingleCopy(),
        new ReplicasShareFailureDomain(),
        new DurabilityTargetUnmet(),
    ];
}
