using Plumbline.Design.Model;

namespace Plumbline.Simulation.Resilience;

/// <summary>Polly's circuit states.</summary>
public enum CircuitState
{
    /// <summary>Calls pass; outcomes are counted.</summary>
    Closed,

    /// <summary>Calls fail fast until the break duration ends.</summary>
    Open,

    /// <summary>The break ended: one trial call passes; its outcome closes or reopens the circuit.</summary>
    HalfOpen,
}

/// <summary>
/// A circuit breaker on virtual time, with Polly's semantics: outcomes are counted over a rolling sampling
/// window of <see cref="WindowBuckets"/> buckets; when at least the minimum throughput was seen and the failure
/// ratio reaches the threshold, the circuit opens for the break duration; then it half-opens and lets one trial
/// call through: a success closes it (and forgets the window), a failure opens it again.
/// The design's names map to Polly's: failure_rate = FailureRatio, window = SamplingDuration,
/// min_calls = MinimumThroughput, open_for = BreakDuration.
/// </summary>
public sealed class CircuitBreaker
{
    /// <summary>Buckets of the rolling window, as Polly (10).</summary>
    public const int WindowBuckets = 10;

    private readonly double _failureRatio;
    private readonly double _bucketSeconds;
    private readonly int _minimumThroughput;
    private readonly double _breakSeconds;
    private readonly int[] _successes = new int[WindowBuckets];
    private readonly int[] _failures = new int[WindowBuckets];
    private long _currentBucket = long.MinValue;
    private int _successTotal;
    private int _failureTotal;
    private double _openUntil;
    private bool _trialInFlight;
    private double _openedAt;

    public CircuitBreaker(CircuitBreakerPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _failureRatio = policy.FailureRate.Fraction;
        _bucketSeconds = Math.Max(policy.Window.Seconds, 1e-9) / WindowBuckets;
        _minimumThroughput = Math.Max(1, policy.MinCalls);
        _breakSeconds = policy.OpenFor.Seconds;
    }

    public CircuitState State { get; private set; }

    /// <summary>Times the circuit opened (from closed or half-open).</summary>
    public long Opened { get; private set; }

    /// <summary>Calls refused while open or while a half-open trial was in flight.</summary>
    public long Refused { get; private set; }

    /// <summary>Seconds spent open or half-open, up to the last state change.</summary>
    public double SecondsNotClosed { get; private set; }

    /// <summary>
    /// Asks to make a call at <paramref name="now"/>. False: the circuit refuses it (fail fast).
    /// True: the call goes ahead and its outcome must be reported with <see cref="RecordSuccess"/> or
    /// <see cref="RecordFailure"/>.
    /// </summary>
    public bool TryAcquire(double now)
    {
        switch (State)
        {
            case CircuitState.Closed:
                return true;
            case CircuitState.Open when now >= _openUntil:
                State = CircuitState.HalfOpen;
                _trialInFlight = true;
                return true;
            case CircuitState.HalfOpen when !_trialInFlight:
                _trialInFlight = true;
                return true;
            default:
                Refused++;
                return false;
        }
    }

    /// <summary>A call made through the breaker succeeded at <paramref name="now"/>.</summary>
    public void RecordSuccess(double now)
    {
        if (State == CircuitState.HalfOpen)
        {
            Close(now);
            return;
        }

        if (State == CircuitState.Closed)
        {
            Bucket(now, out var index);
            _successes[index]++;
            _successTotal++;
        }
    }

    /// <summary>A call made through the breaker failed (error, timeout or rejection) at <paramref name="now"/>.</summary>
    public void RecordFailure(double now)
    {
        if (State == CircuitState.HalfOpen)
        {
            Open(now);
            return;
        }

        if (State != CircuitState.Closed)
        {
            return; // a call admitted before the circuit opened, finishing late: the circuit is already open
        }

        Bucket(now, out var index);
        _failures[index]++;
        _failureTotal++;
        var total = _successTotal + _failureTotal;
        if (total >= _minimumThroughput && _failureTotal >= _failureRatio * total)
        {
            Open(now);
        }
    }

    /// <summary>Seconds not closed up to <paramref name="now"/>, the current spell included.</summary>
    public double SecondsNotClosedAt(double now) =>
        SecondsNotClosed + (State == CircuitState.Closed ? 0 : now - _openedAt);

    private void Open(double now)
    {
        if (State == CircuitState.Closed)
        {
            _openedAt = now;
        }

        State = CircuitState.Open;
        _openUntil = now + _breakSeconds;
        _trialInFlight = false;
        Opened++;
    }

    private void Close(double now)
    {
        SecondsNotClosed += now - _openedAt;
        State = CircuitState.Closed;
        _trialInFlight = false;
        Array.Clear(_successes);
        Array.Clear(_failures);
        _successTotal = 0;
        _failureTotal = 0;
        _currentBucket = long.MinValue;
    }

    /// <summary>Moves the window to <paramref name="now"/>, dropping buckets that fell out of it.</summary>
    private void Bucket(double now, out int index)
    {
        var bucket = (long)Math.Floor(now / _bucketSeconds);
        if (bucket != _currentBucket)
        {
            // Clear every bucket between the last one used and this one (all of them after a long gap). The loop walks the
            // slots, not the bucket numbers, so it is bounded by the window whatever the gap: slot i last held the bucket
            // `age` before this one, and was left behind when that bucket came after the last one used.
            var gap = _currentBucket == long.MinValue ? WindowBuckets : Math.Min(bucket - _currentBucket, WindowBuckets);
            var slot = Slot(bucket);
            for (var i = 0; i < WindowBuckets; i++)
            {
                var age = (slot - i + WindowBuckets) % WindowBuckets;
                if (age < gap)
                {
                    _successTotal -= _successes[i];
                    _failureTotal -= _failures[i];
                    _successes[i] = 0;
                    _failures[i] = 0;
                }
            }

            _currentBucket = bucket;
        }

        index = Slot(bucket);
    }

    private static int Slot(long bucket) => (int)(((bucket % WindowBuckets) + WindowBuckets) % WindowBuckets);
}
