using Plumbline.Design.Model;
using Plumbline.Design.Units;
using Plumbline.Simulation.Resilience;
using Xunit;

namespace Plumbline.Simulation.Tests.Resilience;

public sealed class RetryDelaysTests
{
    private static Duration Ms(double ms) => Duration.FromSeconds(ms / 1000);

    [Theory]
    // base 10ms: constant 10, 10, 10; linear (n+1) x base = 10, 20, 30; exponential 2^n x base = 10, 20, 40 (Polly).
    [InlineData(BackoffKind.Constant, new[] { 10.0, 10, 10 })]
    [InlineData(BackoffKind.Linear, new[] { 10.0, 20, 30 })]
    [InlineData(BackoffKind.Exponential, new[] { 10.0, 20, 40 })]
    public void Backoff_without_jitter_follows_polly(BackoffKind backoff, double[] expectedMs)
    {
        var policy = new RetryPolicy(3, backoff, Ms(10), null, null);
        double state = 0;
        for (var attempt = 0; attempt < expectedMs.Length; attempt++)
        {
            Assert.Equal(expectedMs[attempt] / 1000, RetryDelays.Delay(policy, attempt, 0.5, ref state), 12);
        }
    }

    [Fact]
    public void The_maximum_delay_caps_each_delay()
    {
        // Exponential 10, 20, 40, 80ms capped at 25ms: 10, 20, 25, 25.
        var policy = new RetryPolicy(4, BackoffKind.Exponential, Ms(10), Ms(25), null);
        double state = 0;
        var delays = Enumerable.Range(0, 4).Select(a => RetryDelays.Delay(policy, a, 0.5, ref state) * 1000).ToArray();
        Assert.Equal([10, 20, 25, 25], delays.Select(d => Math.Round(d, 9)));
    }

    [Fact]
    public void Full_and_equal_jitter_spread_the_delay()
    {
        // Third retry, exponential base 10ms: 40ms. Full: 40 x u; equal: 20 + 20 x u.
        double state = 0;
        var full = new RetryPolicy(3, BackoffKind.Exponential, Ms(10), null, JitterKind.Full);
        var equal = new RetryPolicy(3, BackoffKind.Exponential, Ms(10), null, JitterKind.Equal);
        Assert.Equal(0.010, RetryDelays.Delay(full, 2, 0.25, ref state), 12);
        Assert.Equal(0.025, RetryDelays.Delay(equal, 2, 0.25, ref state), 12);
        Assert.Equal(0, RetryDelays.Delay(full, 2, 0, ref state));
        Assert.Equal(0.020, RetryDelays.Delay(equal, 2, 0, ref state), 12);
    }

    [Fact]
    public void Decorrelated_jitter_is_pollys_v2_formula()
    {
        // t = attempt + u; next = 2^t tanh(sqrt(4t)); delay = (next - previous next) / 1.4 x base, base 100ms:
        // (0, 0.5): 2^0.5 tanh(sqrt 2) = 1.256367, / 1.4 x 0.1 = 0.0897405
        // (1, 0.25): 2^1.25 tanh(sqrt 5) = 2.324691; (2.324691 - 1.256367) / 1.4 x 0.1 = 0.0763089
        // (2, 0.75): 2^2.75 tanh(sqrt 11) = 6.709491; (6.709491 - 2.324691) / 1.4 x 0.1 = 0.3131999
        var policy = new RetryPolicy(3, BackoffKind.Exponential, Ms(100), null, JitterKind.Decorrelated);
        double state = 0;
        Assert.Equal(0.0897405, RetryDelays.Delay(policy, 0, 0.5, ref state), 6);
        Assert.Equal(0.0763089, RetryDelays.Delay(policy, 1, 0.25, ref state), 6);
        Assert.Equal(0.3131999, RetryDelays.Delay(policy, 2, 0.75, ref state), 6);
    }

    [Fact]
    public void No_base_means_no_delay()
    {
        double state = 0;
        Assert.Equal(0, RetryDelays.Delay(new RetryPolicy(2, null, null, null, null), 1, 0.5, ref state));
        Assert.Equal(0, RetryDelays.Delay(new RetryPolicy(2, BackoffKind.Exponential, null, null, JitterKind.Full), 1, 0.5, ref state));
    }

    [Fact]
    public void Jitter_applies_to_every_backoff_and_the_cap_to_the_jittered_delay()
    {
        // Base 10ms. Linear, third retry 30ms: full at u = 0.5 gives 15ms, equal 15 + 15 x 0.5 = 22.5ms. Constant 10ms with
        // equal jitter at 0.75: 5 + 5 x 0.75 = 8.75ms. Decorrelated (0, 0.5) is 89.7405ms at base 100ms (above), capped at 50ms.
        double state = 0;
        Assert.Equal(0.015, RetryDelays.Delay(new RetryPolicy(3, BackoffKind.Linear, Ms(10), null, JitterKind.Full), 2, 0.5, ref state), 12);
        Assert.Equal(0.0225, RetryDelays.Delay(new RetryPolicy(3, BackoffKind.Linear, Ms(10), null, JitterKind.Equal), 2, 0.5, ref state), 12);
        Assert.Equal(0.00875, RetryDelays.Delay(new RetryPolicy(3, null, Ms(10), null, JitterKind.Equal), 1, 0.75, ref state), 12);
        Assert.Equal(0.010, RetryDelays.Delay(new RetryPolicy(3, BackoffKind.Constant, Ms(10), null, JitterKind.None), 4, 0.75, ref state), 12);
        Assert.Equal(0, state); // no jitter but the decorrelated one keeps state
        Assert.Equal(0.050, RetryDelays.Delay(new RetryPolicy(3, BackoffKind.Exponential, Ms(100), Ms(50), JitterKind.Decorrelated), 0, 0.5, ref state), 12);
        Assert.Equal(1.256367, state, 6);
    }

    [Fact]
    public void A_delay_past_every_number_is_the_cap_or_none()
    {
        // 2^1100 x 10ms overflows to infinity: capped at 1 s when there is a cap, and no delay at all when there is none.
        double state = 0;
        Assert.Equal(1, RetryDelays.Delay(new RetryPolicy(3, BackoffKind.Exponential, Ms(10), Ms(1000), null), 1100, 0.5, ref state));
        Assert.Equal(0, RetryDelays.Delay(new RetryPolicy(3, BackoffKind.Exponential, Ms(10), null, null), 1100, 0.5, ref state));
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryDelays.Delay(new RetryPolicy(3, null, Ms(10), null, null), -1, 0.5, ref state));
    }
}
