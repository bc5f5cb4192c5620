using System.Collections.Immutable;

namespace Plumbline.Analysis.Explain;

/// <summary>What a figure measures, so it is printed in a sensible unit.</summary>
public enum FigureUnit
{
    /// <summary>Events per second.</summary>
    Rate,

    /// <summary>A number of things.</summary>
    Count,

    /// <summary>Bytes.</summary>
    Bytes,

    /// <summary>Bytes per second.</summary>
    BytesPerSecond,

    /// <summary>Bytes per month.</summary>
    BytesPerMonth,

    /// <summary>A share, 0..1 (utilisation may exceed 1).</summary>
    Ratio,

    /// <summary>A multiplier (peak factor, amplification).</summary>
    Factor,

    /// <summary>Months.</summary>
    Months,

    /// <summary>Seconds.</summary>
    Seconds,

    /// <summary>An availability, 0..1, printed with enough nines to tell it from its neighbours.</summary>
    Availability,
}

/// <summary>
/// One input a figure rests on: its value and where it came from: a path into the design (with
/// its line), a default Plumbline assumed, or another figure.
/// </summary>
/// <param name="Name">The symbol used in the formula (<c>rate</c>, <c>peak_to_average</c>).</param>
/// <param name="Source">A design path (<c>/workflows/redirect/rate</c>), <c>default</c>, or <c>derived</c>.</param>
/// <param name="Line">1-based line in the design file, or 0 when not from the file.</param>
public sealed record FigureInput(string Name, double Value, FigureUnit Unit, string Source, int Line)
{
    public bool IsDefault => Source == FigureSources.Default;
}

/// <summary>The non-path sources of an input.</summary>
public static class FigureSources
{
    /// <summary>A value Plumbline assumed because the design does not say.</summary>
    public const string Default = "default";

    /// <summary>A value computed from other figures.</summary>
    public const string Derived = "derived";

    /// <summary>A command-line option.</summary>
    public const string Option = "option";
}

/// <summary>
/// A computed number that explains itself: its formula in words and symbols, and its inputs, so
/// a reviewer can check it like a whiteboard derivation. Null <see cref="Value"/> means it cannot
/// be computed from what the design says; <see cref="Formula"/> then says what is missing.
/// </summary>
public sealed record Figure(string Name, double? Value, FigureUnit Unit, string Formula, ImmutableArray<FigureInput> Inputs)
{
    public static Figure Unknown(string name, FigureUnit unit, string missing) => new(name, null, unit, missing, []);

    public bool IsKnown => Value is not null;
}
