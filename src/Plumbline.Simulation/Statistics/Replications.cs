namespace Plumbline.Simulation.Statistics;

/// <summary>
/// Independent replications of one simulation: replication i runs with stream i of the seed
/// (<see cref="Randomness.Xoshiro256StarStar.ForStream"/> gives non-overlapping streams), on as many cores as
/// allowed. Results come back in replication order whatever the threads did, so the output of N replications
/// depends only on the model, the seed and N.
/// </summary>
public static class Replications
{
    /// <summary>
    /// Runs <paramref name="count"/> replications of <paramref name="run"/> (given the replication's index),
    /// at most <paramref name="parallelism"/> at once (default: every core). Each run must use only its own
    /// state and the stream its index names.
    /// </summary>
    public static IReadOnlyList<T> Run<T>(int count, Func<int, T> run, int? parallelism = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentNullException.ThrowIfNull(run);
        var results = new T[count];
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, parallelism ?? Environment.ProcessorCount),
            CancellationToken = cancellation,
        };
        Parallel.For(0, count, options, i => results[i] = run(i));
        return results;
    }

    /// <summary>A confidence interval over the replications' values of one figure (two replications or more).</summary>
    public static ConfidenceInterval Interval<T>(IReadOnlyList<T> results, Func<T, double> figure, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(figure);
        return ConfidenceInterval.ForMean([.. results.Select(figure)], confidence);
    }
}
