using Plumbline.Design.Model;

namespace Plumbline.Simulation.Resilience;

/// <summary>
/// The delay before a retry, in seconds, from a call's retry policy: Polly's backoff (constant, linear,
/// exponential with factor 2) and maximum delay, with the jitter the design names. Pure: the one uniform draw
/// and the decorrelated state come from the caller, so tests and the simulator's seeded streams drive it.
/// See docs/simulation.md, "Retries", for the table of defaults and where we differ from Polly.
/// </summary>
public static class RetryDelays
{
    /// <summary>Polly's factor for exponential backoff.</summary>
    public const double ExponentialFactor = 2.0;

    // Polly's DecorrelatedJitterBackoffV2 constants (pFactor and the scaling to whole multiples of the base).
    private const double DecorrelatedPFactor = 4.0;
    private const double DecorrelatedScaling = 1 / 1.4;

    /// <summary>
    /// The delay before retry number <paramref name="attempt"/> (0 for the first retry).
    /// </summary>
    /// <param name="uniform">A draw on [0, 1), used by every jitter but none.</param>
    /// <param name="decorrelatedState">Carried between the retries of one call (start at 0); only decorrelated jitter uses it.</param>
    public static double Delay(RetryPolicy policy, int attempt, double uniform, ref double decorrelatedState)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        var baseDelay = policy.Base?.Seconds ?? 0;
        if (baseDelay <= 0)
        {
            return 0;
        }

        double delay;
        var jitter = policy.Jitter ?? JitterKind.None;
        if (jitter == JitterKind.Decorrelated)
        {
            // Polly's decorrelated jitter (V2): exponential by nature, median near base * 2^attempt, no spikes.
            var t = attempt + uniform;
            var next = Math.Pow(2, t) * Math.Tanh(Math.Sqrt(DecorrelatedPFactor * t));
            delay = (next - decorrelatedState) * DecorrelatedScaling * baseDelay;
            decorrelatedState = next;
        }
        else
        {
            delay = (policy.Backoff ?? BackoffKind.Constant) switch
            {
                BackoffKind.Linear => (attempt + 1) * baseDelay,
                BackoffKind.Exponential => Math.Pow(ExponentialFactor, attempt) * baseDelay,
                _ => baseDelay,
            };
            delay = jitter switch
            {
                JitterKind.Full => delay * uniform,
                JitterKind.Equal => (delay / 2) + (delay / 2 * uniform),
                _ => delay,
            };
        }

        if (policy.MaxDelay is { } cap && delay > cap.Seconds)
        {
            delay = cap.Seconds;
        }

        return double.IsFinite(delay) && delay > 0 ? delay : 0;
    }
}
