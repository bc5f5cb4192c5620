namespace Plumbline.Simulation.Engine;

/// <summary>
/// A model: what happens when an event fires. Implement it on a struct (which may hold references to the
/// model's state) and pass it to <see cref="Simulator.Run{TModel}"/>: the runtime then compiles the run loop
/// for that struct and calls <see cref="Handle"/> directly, with no virtual dispatch per event.
/// </summary>
public interface IModel
{
    /// <summary>Handles one event. <see cref="Simulator.Now"/> is already the event's time.</summary>
    void Handle(Simulator simulator, in SimEvent e);

    /// <summary>
    /// Whether an event scheduled on a channel (<see cref="Simulator.ScheduleOnChannel"/>) still matters: false for a timer the
    /// model has abandoned (a timeout whose call has answered). Asked only of channel events, possibly before their time; once
    /// false it must stay false. An abandoned event is dropped from its channel without going through the event list or
    /// <see cref="Handle"/>, and is not counted as handled. A model that abandons nothing returns true.
    /// </summary>
    bool Live(in SimEvent e);
}
