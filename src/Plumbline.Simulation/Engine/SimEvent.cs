using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Plumbline.Simulation.Engine;

/// <summary>
/// One scheduled event: a value type of 32 bytes kept inline in the future-event list, so scheduling
/// allocates nothing. What the event means is the model's business: <see cref="Kind"/> says which handler,
/// <see cref="Target"/> and <see cref="Tag"/> say on what (a station, a request, a generation number that
/// lets a model ignore a timer it no longer wants).
/// </summary>
/// <remarks>
/// Events are ordered by <see cref="Time"/>, then by <see cref="Sequence"/>: events due at the same instant
/// fire in the order they were scheduled. The pair is unique, so the order of a run depends only on the
/// model and its seed, never on the layout of the event list.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public readonly struct SimEvent
{
    /// <summary>Virtual time in seconds at which the event fires.</summary>
    public readonly double Time;

    /// <summary>Order of scheduling, unique within a run: breaks ties between events due at the same time.</summary>
    public readonly long Sequence;

    /// <summary>The model's event type.</summary>
    public readonly int Kind;

    /// <summary>What the event acts on, in the model's numbering.</summary>
    public readonly int Target;

    /// <summary>A second number for the model (a job, a generation).</summary>
    public readonly int Tag;

    /// <summary>The fixed-delay channel the event came through, plus one; 0 for an ordinary event (engine use).</summary>
    internal readonly int Channel;

    public SimEvent(double time, long sequence, int kind, int target, int tag)
        : this(time, sequence, kind, target, tag, 0)
    {
    }

    internal SimEvent(double time, long sequence, int kind, int target, int tag, int channel)
    {
        Time = time;
        Sequence = sequence;
        Kind = kind;
        Target = target;
        Tag = tag;
        Channel = channel;
    }

    /// <summary>True when this event fires before <paramref name="other"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Precedes(in SimEvent other) =>
        Time < other.Time || (Time == other.Time && Sequence < other.Sequence);
}
