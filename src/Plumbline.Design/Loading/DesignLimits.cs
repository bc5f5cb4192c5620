namespace Plumbline.Design.Loading;

/// <summary>
/// Limits on what a design describes, checked after it binds, so that analysing any design that loads costs time and
/// memory bounded by these numbers (the analyses grow with them, near-linearly). A design past one is refused with an
/// error at the first thing past it (PL3020). Every limit must be positive.
/// </summary>
/// <param name="MaxComponents">Most components. Default 8,000.</param>
/// <param name="MaxOperations">Most operations, over all components. Default 8,000.</param>
/// <param name="MaxWorkflows">Most workflows. Default 1,000.</param>
/// <param name="MaxDeliveries">Most queue deliveries, each queue's operations times its consumers, summed over the queues. Default 100,000.</param>
/// <param name="MaxCallDepth">Longest chain of calls, synchronous or async, each call one step (a loop of async hand-offs counted once). Default 64.</param>
/// <param name="MaxReach">
/// Most operations reached by the workflows (through calls, hand-offs and deliveries), summed over the workflows,
/// workflows entering at one operation counted once: what each workflow's availability and blast radius walk. Default 1,000,000.
/// </param>
/// <param name="MaxCalls">
/// Most calls, over all operations: each is composed into its caller's latency once per attempt, so the calls bound the
/// estimate's work as the operations do. Default 10,000.
/// </param>
public sealed record DesignLimits(
    int MaxComponents = 8_000,
    int MaxOperations = 8_000,
    int MaxWorkflows = 1_000,
    int MaxDeliveries = 100_000,
    int MaxCallDepth = 64,
    int MaxReach = 1_000_000,
    int MaxCalls = 10_000)
{
    /// <summary>The limits the CLI and server use unless told otherwise.</summary>
    public static DesignLimits Default { get; } = new();
}
