using System.Collections.Immutable;
using Plumbline.Analysis.Availability;
using Plumbline.Design.Model;

namespace Plumbline.Analysis.Latency;

/// <summary>
/// How a synchronous call's attempts shape its latency: up to <see cref="Attempts"/> attempts,
/// each cut off at <see cref="Timeout"/> (when there is one), with <see cref="Delays"/>[k - 1]
/// waited before retry k. An attempt fails when it times out, or otherwise with
/// <see cref="ErrorProbability"/> once it has answered; the next attempt follows its delay.
/// </summary>
/// <param name="Attempts">At least 1.</param>
/// <param name="Timeout">Seconds; null when the caller waits as long as it takes.</param>
/// <param name="Delays">Seconds before each retry; Attempts - 1 of them.</param>
/// <param name="ErrorProbability">Chance an attempt that did not time out fails anyway, 0..1.</param>
public sealed record RetryShape(int Attempts, double? Timeout, ImmutableArray<double> Delays, double ErrorProbability = 0)
{
    /// <summary>One attempt, no timeout: the call takes as long as the callee.</summary>
    public static RetryShape None { get; } = new(1, null, []);

    /// <summary>
    /// A call's shape from its timeout and retries, by the same rules as the timeout budget: attempts
    /// from <see cref="Availability.Attempts.Max(Call)"/>, each delay at its largest from <see cref="TimeoutBudget.Delay"/>
    /// (jitter only spreads delays below it).
    /// </summary>
    public static RetryShape Of(Call call, double errorProbability = 0)
    {
        ArgumentNullException.ThrowIfNull(call);
        var attempts = Availability.Attempts.Max(call);
        var delays = ImmutableArray.CreateBuilder<double>(attempts - 1);
        for (var k = 1; k < attempts; k++)
        {
            delays.Add(TimeoutBudget.Delay(call.Retries!, k));
        }

        return new(attempts, call.Timeout?.Seconds, delays.MoveToImmutable(), errorProbability);
    }

    /// <summary>The delay before retry <paramref name="retry"/> (1-based); 0 when not given.</summary>
    public double DelayBefore(int retry) => retry >= 1 && retry <= Delays.Length ? Delays[retry - 1] : 0;
}
