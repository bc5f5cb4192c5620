namespace Plumbline.Analysis.Estimates;

/// <summary>The kinds of assumption an estimate rests on; sensitivity moves each in turn.</summary>
public enum InputKind
{
    Users,
    PeakFactor,
    Growth,
    WorkflowRate,
    WorkflowPeakRate,
    CallProbability,
    FanOut,
    HitRatio,
    RecordSize,
    NewRecords,
}

/// <summary>
/// One number an estimate rests on: where it sits in the parameter vector, what it is called,
/// and where the design states it (or that it is a default).
/// </summary>
/// <param name="Slot">Index into the parameter vector.</param>
/// <param name="Path">Design path of the value, or a <see cref="Explain.FigureSources"/> word.</param>
/// <param name="Line">1-based line in the design, or 0.</param>
public sealed record EstimateInput(int Slot, InputKind Kind, string Name, string Path, int Line, double Baseline);
