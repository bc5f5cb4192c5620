using System.Collections.Immutable;
using Plumbline.Design.Model;

namespace Plumbline.Simulation.Designs;

/// <summary>A fault applied to a run, in simulated seconds.</summary>
/// <param name="Kind">What breaks.</param>
/// <param name="Target">A component's name, or a zone's for <see cref="FaultKind.ZoneDown"/>.</param>
/// <param name="Start">When it starts.</param>
/// <param name="End">When it ends (the run's end when the design gives no <c>for</c>).</param>
/// <param name="Instances">Instances down (instance_down); null for all.</param>
/// <param name="AddSeconds">Seconds added to every operation of the component (slow).</param>
/// <param name="ErrorRate">Share of the component's operations that fail (fail).</param>
/// <param name="Times">What every operation's own time of the component is multiplied by before <paramref name="AddSeconds"/> is added (slow); 1 for none.</param>
public sealed record SimulatedFault(FaultKind Kind, string Target, double Start, double End, int? Instances, double AddSeconds, double ErrorRate, double Times = 1);

/// <summary>
/// What a run simulates beyond the design's steady traffic: a load shape on some workflows (multiples of the
/// design's average rate over time) and faults at stated times, with what the design expects of it.
/// <see cref="Steady"/> is the design's traffic alone.
/// </summary>
/// <param name="Name">The design's scenario name, or "steady".</param>
/// <param name="Shape">Multiples of the average rate from <c>From</c> to <c>To</c> over <c>Over</c>, then held; null for the options' load throughout.</param>
/// <param name="ShapedWorkflows">Workflows the shape applies to; empty for all. The others keep the options' load.</param>
/// <param name="Faults">Faults, in order of start.</param>
/// <param name="Expect">What must hold; null when the design says nothing (then every SLO is reported, none judged).</param>
/// <param name="Duration">Simulated seconds the scenario needs; null to use the options' duration.</param>
public sealed record SimulationScenario(
    string Name,
    LoadShape? Shape,
    ImmutableArray<string> ShapedWorkflows,
    ImmutableArray<SimulatedFault> Faults,
    Expectation? Expect,
    double? Duration)
{
    public static SimulationScenario Steady { get; } = new("steady", null, [], [], null, null);

    /// <summary>
    /// A load scenario: the shape's ramp then hold, so the run lasts <c>over + hold</c> (the warm-up runs at the
    /// shape's starting multiple).
    /// </summary>
    public static SimulationScenario FromLoad(LoadScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var length = scenario.Shape.Diurnal ? scenario.Shape.Hold.Seconds : scenario.Shape.Over.Seconds + scenario.Shape.Hold.Seconds;
        return new(scenario.Name, scenario.Shape, scenario.Workflows, [], scenario.Expect, length > 0 ? length : null);
    }

    /// <summary>
    /// A chaos scenario: the fault starts at <c>at</c> (default: a fifth into the run) and lasts <c>for</c>
    /// (default: to the end); the run lasts long enough to see as much steady time after the fault as before it.
    /// </summary>
    public static SimulationScenario FromChaos(ChaosScenario scenario, double defaultDuration)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var at = scenario.At?.Seconds ?? defaultDuration / 5;
        var length = scenario.Fault.For is { } f ? f.Seconds : double.NaN;
        var duration = double.IsNaN(length) ? Math.Max(defaultDuration, 2 * at) : at + length + Math.Max(at, 30);
        var end = double.IsNaN(length) ? double.PositiveInfinity : at + length;
        var fault = scenario.Fault;
        var simulated = new SimulatedFault(fault.Kind, fault.Target, at, end, fault.Instances, fault.Add?.Seconds ?? 0, fault.ErrorRate ?? (fault.Kind == FaultKind.Fail ? 1 : 0),
            fault.Kind == FaultKind.Slow ? fault.Times ?? 1 : 1);
        return new(scenario.Name, null, [], [simulated], scenario.Expect, Math.Min(duration, SimulationOptions.MaxDuration));
    }

    /// <summary>The multiple of the average rate at <paramref name="time"/> for a shaped workflow.</summary>
    public double Multiple(double time)
    {
        if (Shape is not { } shape)
        {
            return 1;
        }

        var over = shape.Over.Seconds;
        if (shape.Diurnal)
        {
            // A cosine from the trough at the start to the peak halfway through the period and back.
            return over > 0 ? shape.From + ((shape.To - shape.From) * (1 - Math.Cos(2 * Math.PI * time / over)) / 2) : shape.From;
        }

        return over > 0 && time < over ? shape.From + ((shape.To - shape.From) * time / over) : shape.To;
    }

    /// <summary>The largest multiple over the run (for thinning the arrival process).</summary>
    public double MaxMultiple => Shape is { } s ? Math.Max(s.From, s.To) : 1;

    /// <summary>True when the shape applies to the workflow.</summary>
    public bool Shapes(string workflow) => Shape is not null && (ShapedWorkflows.IsDefaultOrEmpty || ShapedWorkflows.Contains(workflow));
}
