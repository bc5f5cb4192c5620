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

    [Fact]
    public void Successes_older_than_the_window_are_forgotten_too()
    {
        // Five successes in the bucket of second 0, then four failures from 12s, when that bucket has left the 10s window:
        // four failures of four calls, at least half, so the fourth opens it. Counted still, the successes would make
        // 4 of 9 and keep it closed.
        var breaker = Make();
        for (var i = 0; i < 5; i++)
        {
            breaker.RecordSuccess(0.1 * i);
        }

        breaker.RecordFailure(12);
        breaker.RecordFailure(12.5);
        breaker.RecordFailure(13);
        Assert.Equal(CircuitState.Closed, breaker.State);
        breaker.RecordFailure(13.5);
        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public void A_window_of_20_seconds_has_buckets_of_2_seconds()
    {
        // Three failures at 0, 0.5 and 1 s fill the bucket of seconds 0 to 2; at 15 s (bucket 7 of 2 s) it is still in the
        // window of ten buckets, so the fourth failure is four of four and opens it. Buckets of half a second (the window
        // multiplied instead of divided) would have dropped the first three.
        var breaker = new CircuitBreaker(new CircuitBreakerPolicy(Percent.FromFraction(0.5), Duration.FromSeconds(20), 4, Duration.FromSeconds(30)));
        breaker.RecordFailure(0);
        breaker.RecordFailure(0.5);
        breaker.RecordFailure(1);
        Assert.Equal(CircuitState.Closed, breaker.State);
        breaker.RecordFailure(15);
        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public void A_breaker_needs_its_policy() =>
        Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => new CircuitBreaker(null!)).ParamName);

    [Fact]
    public void Time_not_closed_runs_from_the_first_opening_to_the_close_across_a_failed_trial()
    {
        // Opened at 3, a trial at 33 fails at 33.5 (open again until 63.5), a trial at 63.5 succeeds at 64: not closed
        // from 3 to 64, 61 s; while open, the current spell counts up to the time asked.
        var breaker = Make();
        for (var i = 0; i < 4; i++)
        {
            breaker.RecordFailure(i);
        }

        Assert.Equal(0, breaker.SecondsNotClosed);
        Assert.Equal(37, breaker.SecondsNotClosedAt(40), 12);
        Assert.True(breaker.TryAcquire(33));
        breaker.RecordFailure(33.5);
        Assert.False(breaker.TryAcquire(63.4));
        Assert.True(breaker.TryAcquire(63.5));
        Assert.Equal(60.5, breaker.SecondsNotClosedAt(63.5), 12);
        breaker.RecordSuccess(64);
        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.Equal(61, breaker.SecondsNotClosed, 12);
        Assert.Equal(61, breaker.SecondsNotClosedAt(100), 12);
        Assert.Equal((2L, 1L), (breaker.Opened, breaker.Refused));
    }

    [Fact]
    public void Outcomes_that_finish_while_it_is_open_change_nothing()
    {
        // Calls admitted before it opened, answering late: neither a failure nor a success moves an open circuit.
        var breaker = Make();
        for (var i = 0; i < 4; i++)
        {
            breaker.RecordFailure(i);
        }

        breaker.RecordFailure(5);
        breaker.RecordSuccess(6);
        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.Equal(1, breaker.Opened);
        Assert.False(breaker.TryAcquire(32.9)); // still open until 3 + 30, not 5 + 30
        Assert.True(breaker.TryAcquire(33));
    }

    [Fact]
    public void No_minimum_of_calls_means_one()
    {
        // min_calls 0 is taken as 1: a first failure is 100% of one call.
        var breaker = new CircuitBreaker(new CircuitBreakerPolicy(Percent.FromFraction(0.5), Duration.FromSeconds(10), 0, Duration.FromSeconds(30)));
        breaker.RecordSuccess(0);
        Assert.Equal(CircuitState.Closed, breaker.State);
        breaker.RecordFailure(0.5); // 1 of 2: 50%
        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public void The_window_drops_whole_buckets_as_it_moves()
    {
        // Buckets of 1 s over 10 s. Failures at 0.5, 1.5 and 2.5 (buckets 0, 1, 2); at 11.5 (bucket 11) the window holds
        // buckets 2 to 11: the failures of buckets 0 and 1 are dropped, the one at 2.5 kept. With 11.5 that is 2 calls, with
        // 11.6 three, with 11.7 four: the minimum, all failed, so it opens then and not before.
        var breaker = Make();
        breaker.RecordFailure(0.5);
        breaker.RecordFailure(1.5);
        breaker.RecordFailure(2.5);
        breaker.RecordFailure(11.5);
        breaker.RecordFailure(11.6);
        Assert.Equal(CircuitState.Closed, breaker.State);
        breaker.RecordFailure(11.7);
        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public void A_bucket_ten_seconds_on_takes_the_place_of_the_first()
    {
        // Three failures at 0.5 (bucket 0), then one at 9.99 (bucket 9): four calls in the window, all failed: open.
        // With the fourth at 10 (bucket 10, the place of bucket 0), the first three are gone: one call, closed.
        var within = Make();
        var after = Make();
        for (var i = 0; i < 3; i++)
        {
            within.RecordFailure(0.5);
            after.RecordFailure(0.5);
        }

        within.RecordFailure(9.99);
        after.RecordFailure(10);
        Assert.Equal(CircuitState.Open, within.State);
        Assert.Equal(CircuitState.Closed, after.State);
    }
}
