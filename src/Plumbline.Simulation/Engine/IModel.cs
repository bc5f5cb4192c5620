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
}
