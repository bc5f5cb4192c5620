using Plumbline.Design.Model;
using Plumbline.Design.Units;
using Plumbline.Simulation.Resilience;
using Xunit;

namespace Plumbline.Simulation.Tests.Resilience;

public sealed class CircuitBreakerTests
{
    // 50% over 10s (buckets of 1s), at least 4 calls, open for 30s.
    private static CircuitBreaker Make() =>
        new(new CircuitBreakerPolicy(Percent.FromFraction(0.5), Duration.FromSeconds(10), 4, Duration.FromSeconds(30)));

    [Fact]
    public void It_opens_at_the_failure_ratio_once_the_minimum_throughput_is_reached()
    {
        var breaker = Make();
        Assert.True(breaker.TryAcquire(0));
        breaker.RecordFailure(0.1);
        breaker.RecordFailure(0.2);
        breaker.RecordFailure(0.3); // 3 failures of 3: below the minimum of 4 calls, stays closed
        Assert.Equal(CircuitState.Closed, breaker.State);
        breaker.RecordSuccess(0.4); // 3 of 4 failed: 75% >= 50%, but the check runs on a failure
        breaker.RecordFailure(0.5); // 4 of 5 = 80%
        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.Equal(1, breaker.Opened);
    }

    [Fact]
    public void Below_the_ratio_it_stays_closed()
    {
        var breaker = Make();
        for (var i = 0; i < 10; i++)
        {
            breaker.RecordSuccess(i * 0.1);
        }

        for (var i = 0; i < 9; i++)
        {
            breaker.RecordFailure(1 + (i * 0.1)); // 9 failures of 19: 47% < 50%
        }

        Assert.Equal(CircuitState.Closed, breaker.State);
        breaker.RecordFailure(2); // 10 of 20: 50%
        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public void Open_refuses_then_half_opens_for_one_trial_that_closes_it()
    {
        var breaker = Make();
        for (var i = 0; i < 4; i++)
        {
            breaker.RecordFailure(i);
        }

        Assert.False(breaker.TryAcquire(10));
        Assert.False(breaker.TryAcquire(32.9)); // opened at 3, open for 30s: until 33
        Assert.True(breaker.TryAcquire(33));
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        Assert.False(breaker.TryAcquire(33.1)); // one trial at a time
        breaker.RecordSuccess(33.2);
        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.Equal(3, breaker.Refused);
        Assert.Equal(30.2, breaker.SecondsNotClosed, 9);

        // Closing forgot the window: three more failures do not reopen it.
        breaker.RecordFailure(34);
        breaker.RecordFailure(34);
        breaker.RecordFailure(34);
        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public void A_failed_trial_opens_it_again_for_a_full_break()
    {
        var breaker = Make();
        for (var i = 0; i < 4; i++)
        {
            breaker.RecordFailure(0);
        }

        Assert.True(breaker.TryAcquire(30));
        breaker.RecordFailure(30.5);
        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.False(breaker.TryAcquire(60.4));
        Assert.True(breaker.TryAcquire(60.5));
        Assert.Equal(2, breaker.Opened);
    }

    [Fact]
    public void Outcomes_older_than_the_window_are_forgotten()
    {
        var breaker = Make();
        breaker.RecordFailure(0);
        breaker.RecordFailure(0.5);
        breaker.RecordFailure(1);
        // At 12s the buckets of seconds 0 and 1 have left the 10s window: one failure of one counted, below 4 calls.
        breaker.RecordFailure(12);
        Assert.Equal(CircuitState.Closed, breaker.State);
        breaker.RecordFailure(12.5);
        breaker.RecordFailure(13);
        breaker.RecordFailure(13.5);
        Assert.Equal(CircuitState.Open, breaker.State);
    }
}
