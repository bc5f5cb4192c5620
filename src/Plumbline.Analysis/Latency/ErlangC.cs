namespace Plumbline.Analysis.Latency;

/// <summary>
/// The wait in front of a component modelled as an M/M/c queue (Poisson arrivals, exponential
/// service, c servers): 0 with probability 1 - <see cref="ProbabilityOfWaiting"/>, otherwise
/// exponential with rate <see cref="Rate"/> = c mu - lambda. Unbounded when the offered load reaches
/// the servers (utilisation 100% or more).
/// </summary>
/// <param name="Servers">c, at least 1.</param>
/// <param name="ArrivalRate">lambda, per second.</param>
/// <param name="ServiceRate">mu, what one server completes per second.</param>
/// <param name="ProbabilityOfWaiting">Erlang's C formula, C(c, A) with A = lambda / mu; 1 when unbounded.</param>
/// <param name="Rate">c mu - lambda, per second; 0 when unbounded.</param>
public sealed record QueueingDelay(int Servers, double ArrivalRate, double ServiceRate, double ProbabilityOfWaiting, double Rate)
{
    /// <summary>lambda / (c mu).</summary>
    public double Utilisation => ArrivalRate / (Servers * ServiceRate);

    /// <summary>True when the queue grows without bound (utilisation 100% or more).</summary>
    public bool IsUnbounded => !(Rate > 0);

    /// <summary>Mean wait in seconds, C(c, A) / (c mu - lambda); infinity when unbounded.</summary>
    public double MeanWait => IsUnbounded ? double.PositiveInfinity : ProbabilityOfWaiting / Rate;

    /// <summary>
    /// The wait not exceeded by a share <paramref name="p"/> of arrivals: P(W &gt; t) = C e^(-rate t),
    /// so 0 when p &lt;= 1 - C, else ln(C / (1 - p)) / rate.
    /// </summary>
    public double Quantile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        if (IsUnbounded)
        {
            return double.PositiveInfinity;
        }

        return p <= 1 - ProbabilityOfWaiting ? 0 : Math.Log(ProbabilityOfWaiting / (1 - p)) / Rate;
    }
}

/// <summary>Erlang's C formula for the M/M/c queue.</summary>
public static class ErlangC
{
    /// <summary>
    /// The probability that an arrival waits, C(c, A), for <paramref name="servers"/> c and offered load
    /// <paramref name="offeredLoad"/> A = lambda / mu in erlangs. Computed through Erlang's B formula by
    /// its recursion B(0) = 1, B(k) = A B(k-1) / (k + A B(k-1)), then C = c B / (c - A (1 - B)): no
    /// factorials or powers, so it stays exact to rounding for thousands of servers. 1 when A &gt;= c.
    /// </summary>
    public static double ProbabilityOfWaiting(int servers, double offeredLoad)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(servers, 1);
        if (!double.IsFinite(offeredLoad) || offeredLoad < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(offeredLoad), offeredLoad, "The offered load is a finite number, zero or more.");
        }

        if (offeredLoad >= servers)
        {
            return 1;
        }

        if (offeredLoad == 0)
        {
            return 0;
        }

        var b = 1.0;
        for (var k = 1; k <= servers; k++)
        {
            b = offeredLoad * b / (k + (offeredLoad * b));
        }

        return servers * b / (servers - (offeredLoad * (1 - b)));
    }

    /// <summary>
    /// The queueing delay in front of <paramref name="servers"/> servers each completing
    /// <paramref name="serviceRate"/> per second, at <paramref name="arrivalRate"/> per second.
    /// </summary>
    public static QueueingDelay Delay(int servers, double arrivalRate, double serviceRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(servers, 1);
        if (!double.IsFinite(serviceRate) || serviceRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(serviceRate), serviceRate, "The service rate is a finite number more than zero.");
        }

        if (!double.IsFinite(arrivalRate) || arrivalRate < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(arrivalRate), arrivalRate, "The arrival rate is a finite number, zero or more.");
        }

        var capacity = servers * serviceRate;
        if (arrivalRate >= capacity)
        {
            return new(servers, arrivalRate, serviceRate, 1, 0);
        }

        return new(servers, arrivalRate, serviceRate, ProbabilityOfWaiting(servers, arrivalRate / serviceRate), capacity - arrivalRate);
    }
}
