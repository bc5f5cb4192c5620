namespace Plumbline.Simulation.Designs;

/// <summary>Which of the design's rates the workflows arrive at.</summary>
public enum SimulatedLoad
{
    /// <summary>Each workflow's average rate (the design's <c>rate</c>).</summary>
    Average,

    /// <summary>Each workflow's peak rate (stated, or average x peak_to_average).</summary>
    Peak,
}

/// <summary>
/// How a design is simulated. Every limit keeps a run bounded in simulated time, events and memory, so a run
/// always stops by itself; a run that reaches a limit says which.
/// </summary>
/// <param name="Duration">Simulated seconds, the warm-up included; default 60.</param>
/// <param name="WarmUp">Seconds at the start left out of the figures (queues fill, caches of state settle); default 5.</param>
/// <param name="Window">Width of a time-series window in seconds; default 1. Widened when the run would have more than <see cref="MaxWindows"/>.</param>
/// <param name="Seed">Seed of the random streams: the same design, options and seed give the same results.</param>
/// <param name="Load">The rates workflows arrive at; default average.</param>
/// <param name="QueuePerInstance">Requests that may wait at one instance of a component with a capacity before arrivals are rejected; default 1,000 (the design states none, so it is printed as assumed).</param>
/// <param name="MaxEvents">Events one replication may handle; default 2 billion.</param>
/// <param name="MaxInFlight">Operations in progress at once (requests, their calls and queue deliveries); default 2 million. A backlog past it stops the run.</param>
public sealed record SimulationOptions(
    double Duration = 60,
    double WarmUp = 5,
    double Window = 1,
    ulong Seed = 1,
    SimulatedLoad Load = SimulatedLoad.Average,
    int QueuePerInstance = 1000,
    long MaxEvents = 2_000_000_000,
    int MaxInFlight = 2_000_000)
{
    /// <summary>The longest run: 24 simulated hours.</summary>
    public const double MaxDuration = 24 * 3600;

    /// <summary>Time-series windows kept per run; a longer run gets wider windows.</summary>
    public const int MaxWindows = 20_000;

    public static SimulationOptions Default { get; } = new();

    /// <summary>The window actually used: <see cref="Window"/>, widened to keep at most <see cref="MaxWindows"/>.</summary>
    public double EffectiveWindow => Math.Max(Window, Duration / MaxWindows);

    /// <summary>Null when usable, else what is wrong, in the words of the command's options.</summary>
    public string? Problem()
    {
        if (!(Duration > 0) || !double.IsFinite(Duration) || Duration > MaxDuration)
        {
            return "the duration must be more than 0 and at most 24h";
        }

        if (!(WarmUp >= 0) || WarmUp >= Duration)
        {
            return "the warm-up must be 0 or more and shorter than the duration";
        }

        if (!(Window > 0) || !double.IsFinite(Window))
        {
            return "the window must be more than 0";
        }

        if (QueuePerInstance < 0)
        {
            return "the queue per instance must be 0 or more";
        }

        return MaxEvents < 1 || MaxInFlight < 1 ? "the event and in-flight limits must be 1 or more" : null;
    }
}
