using Plumbline.Analysis.Review;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Tests.Review.Resilience;

/// <summary>Shared helpers for the resilience rule tests.</summary>
internal static class ResilienceRules
{
    public static readonly DateOnly Today = new(2026, 11, 25);

    /// <summary>The ids of the rules registered by the resilience partial.</summary>
    public static HashSet<string> Ids { get; } = Registered();

    public static IReadOnlyList<Finding> Review(string yaml) => Review(TestDesigns.Load(yaml));

    public static IReadOnlyList<Finding> Review(SystemDesign design) =>
        Reviewer.Review(design, new ReviewOptions(Today)).Findings;

    public static ReviewContext Context(string yaml) => new(TestDesigns.Load(yaml), new ReviewOptions(Today));

    public static List<Finding> Of(this IEnumerable<Finding> findings, string id) => [.. findings.Where(f => f.Rule.Id == id)];

    private static HashSet<string> Registered()
    {
        var ids = new[]
        {
            "slo-unreachable-availability", "single-point-of-failure", "blast-radius", "no-degradation-path",
            "missing-timeout", "timeout-inversion", "retry-amplification", "retry-without-backoff", "retry-without-jitter",
            "retry-without-idempotency", "external-call-without-breaker", "queue-without-dead-letter", "queue-without-consumers",
            "stateful-without-backup", "backup-restore-untested", "over-capacity-at-peak", "headroom-under-six-months",
            "cache-too-small", "queue-backlog-grows", "capacity-unstated", "autoscaling-max-below-peak",
            "stateful-service", "single-zone-design", "deep-sync-chain",
        };
        return [.. ids];
    }
}
