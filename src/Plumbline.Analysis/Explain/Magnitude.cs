using System.Globalization;

namespace Plumbline.Analysis.Explain;

/// <summary>
/// How findings and notes print a number of any size: in the caller's format while it reads well, in scientific
/// notation from a thousand trillion up (1.2e18, not 19 digits), and "infinite" past the largest double (a load
/// multiplied along a long chain of calls, growth compounded for years), never "∞", "NaN" or a wrapped integer.
/// </summary>
public static class Magnitude
{
    /// <summary>The size from which a number is written in scientific notation: 1e15.</summary>
    public const double ScientificFrom = 1e15;

    /// <summary>What an infinite figure prints as.</summary>
    public const string Infinite = "infinite";

    /// <summary><paramref name="value"/> in <paramref name="format"/> (invariant culture), or scientific notation or "infinite" when it is that large; "?" when it is not a number.</summary>
    public static string Format(double value, string format) => value switch
    {
        double.NaN => "?",
        double.PositiveInfinity => Infinite,
        double.NegativeInfinity => "-" + Infinite,
        _ when Math.Abs(value) >= ScientificFrom => value.ToString("0.##e0", CultureInfo.InvariantCulture),
        _ => value.ToString(format, CultureInfo.InvariantCulture),
    };
}
