using System.Globalization;
using System.Text;

namespace Plumbline.Design.Units;

/// <summary>One written unit and how many base units it holds (<c>ms</c> = 0.001 s).</summary>
internal readonly record struct UnitSymbol(string Symbol, decimal Factor);

/// <summary>Why the number at the start of a unit text could not be read.</summary>
internal enum NumberScan
{
    Ok,
    NoNumber,
    Negative,
    TooLarge,
}

/// <summary>
/// The number handling every unit shares. Text is read as a <see cref="decimal"/> and scaled with
/// decimal arithmetic so that "1.5ms" is exactly 0.0015 s before it becomes a double; printing
/// searches for the shortest decimal that parses back to the very same double.
/// </summary>
internal static class UnitNumber
{
    /// <summary>
    /// Reads the unsigned number at the start of <paramref name="text"/>: digits with optional
    /// <c>_</c> between digits, an optional fraction, and with <paramref name="allowCommas"/> thousands
    /// separators in groups of three. No sign and no exponent: design files say "1M", not "1e6".
    /// </summary>
    public static NumberScan Scan(ReadOnlySpan<char> text, bool allowCommas, out decimal value, out int length)
    {
        value = 0;
        length = 0;
        if (text.Length > 1 && text[0] == '-' && char.IsAsciiDigit(text[1]))
        {
            return NumberScan.Negative;
        }

        // Each loop steps one character in its header, so no edit to its body can make it spin (mutation testing
        // edits every statement; a loop that stops stepping would run a test host out of memory).
        var digits = new StringBuilder();
        var i = 0;
        var group = 0;
        var sawComma = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
                group++;
            }
            else if (c == ',' && allowCommas && (sawComma ? group == 3 : group is >= 1 and <= 3) && HasThreeDigits(text, i + 1))
            {
                sawComma = true;
                group = 0;
            }
            else if (c != '_' || !IsDigitSeparator(text, i))
            {
                break;
            }
        }

        if (digits.Length == 0 || (sawComma && group != 3))
        {
            return NumberScan.NoNumber;
        }

        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            digits.Append('.');
            for (i++; i < text.Length; i++)
            {
                if (char.IsAsciiDigit(text[i]))
                {
                    digits.Append(text[i]);
                }
                else if (text[i] != '_' || !IsDigitSeparator(text, i))
                {
                    break;
                }
            }
        }

        if (!decimal.TryParse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return NumberScan.TooLarge;
        }

        length = i;
        return NumberScan.Ok;
    }

    private static bool IsDigitSeparator(ReadOnlySpan<char> text, int i) =>
        i > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]);

    private static bool HasThreeDigits(ReadOnlySpan<char> text, int start) =>
        start + 3 <= text.Length
        && char.IsAsciiDigit(text[start]) && char.IsAsciiDigit(text[start + 1]) && char.IsAsciiDigit(text[start + 2])
        && (start + 3 == text.Length || !char.IsAsciiDigit(text[start + 3]));

    /// <summary><paramref name="value"/> × <paramref name="factor"/>, or false where decimal would overflow.</summary>
    public static bool TryScale(decimal value, decimal factor, out decimal result)
    {
        if (factor > 1m && Math.Abs(value) > decimal.MaxValue / factor)
        {
            result = 0;
            return false;
        }

        result = value * factor;
        return true;
    }

    /// <summary>
    /// The double nearest to <paramref name="value"/>. Goes through text because the decimal-to-double
    /// cast can be an ulp off, and parse and print must agree to the last bit.
    /// </summary>
    public static double ToDouble(decimal value) =>
        double.Parse(value.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The shortest decimal that reads back as <paramref name="value"/>; false beyond decimal's range.</summary>
    public static bool TryToDecimal(double value, out decimal result)
    {
        result = 0;
        return double.IsFinite(value)
            && decimal.TryParse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out result);
    }

    /// <summary>
    /// <paramref name="value"/> × <paramref name="factor"/> the way <c>Parse</c> computes it, so that
    /// <c>Duration.FromMilliseconds(1.5) == Duration.Parse("1.5ms")</c>.
    /// </summary>
    public static double Convert(double value, decimal factor)
    {
        // Decimal rounds to 28 places, so a tiny value can scale to zero; double keeps it.
        if (TryToDecimal(value, out var d) && TryScale(d, factor, out var scaled) && (scaled != 0m || value == 0))
        {
            return ToDouble(scaled);
        }

        return value * (double)factor;
    }

    /// <summary>
    /// The decimal <c>n</c> with the fewest decimal places such that <c>ToDouble(n × factor)</c> is
    /// exactly <paramref name="value"/>: what to print in that unit so the text parses back equal.
    /// With <paramref name="whole"/>, <c>n × factor</c> must also be a whole number, as parsed bytes are.
    /// </summary>
    public static bool TryExact(double value, decimal factor, out decimal result, bool whole = false)
    {
        result = 0;
        if (!TryToDecimal(value, out var d) || (factor < 1m && Math.Abs(d) > decimal.MaxValue * factor))
        {
            return false;
        }

        var inUnit = d / factor;
        for (var places = 0; places <= 28; places++)
        {
            var candidate = Math.Round(inUnit, places, MidpointRounding.ToEven);
            if (TryScale(candidate, factor, out var back) && (!whole || back == decimal.Truncate(back)) && ToDouble(back).Equals(value))
            {
                result = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>Invariant text with no trailing zeros: 1.50 prints as 1.5.</summary>
    public static string Format(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    private static int DecimalPlaces(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : text.Length - dot - 1;
    }

    /// <summary>
    /// Prints <paramref name="value"/> in the unit that gives the shortest number; on a tie, fewer
    /// decimals, then the larger unit. So 90 s is "90s" (not "1.5m"), 120 s is "2m", 1.5 ms is "1.5ms"
    /// (not "1500us"). Null when no unit can hold the value exactly.
    /// </summary>
    public static string? FormatShortest(double value, IReadOnlyList<UnitSymbol> units)
    {
        string? best = null;
        var bestLength = int.MaxValue;
        var bestPlaces = int.MaxValue;
        foreach (var unit in units)
        {
            if (!TryExact(value, unit.Factor, out var n))
            {
                continue;
            }

            var number = Format(n);
            var places = DecimalPlaces(number);
            // Later units are larger, so "<=" on a full tie picks the larger unit.
            if (number.Length < bestLength || (number.Length == bestLength && places <= bestPlaces))
            {
                best = number + unit.Symbol;
                bestLength = number.Length;
                bestPlaces = places;
            }
        }

        return best;
    }

    /// <summary>
    /// Prints <paramref name="value"/> in the largest unit where it is at least 1 with at most three
    /// decimals (1,270 B is "1.27KB"), else in the smallest unit that holds it exactly.
    /// </summary>
    public static string? FormatLargest(double value, IReadOnlyList<UnitSymbol> units, bool whole = false)
    {
        for (var i = units.Count - 1; i >= 0; i--)
        {
            if (TryExact(value, units[i].Factor, out var n, whole) && Math.Abs(n) >= 1m)
            {
                var number = Format(n);
                if (DecimalPlaces(number) <= 3)
                {
                    return number + units[i].Symbol;
                }
            }
        }

        foreach (var unit in units)
        {
            if (TryExact(value, unit.Factor, out var n, whole))
            {
                return Format(n) + unit.Symbol;
            }
        }

        return null;
    }

    /// <summary>Last resort for values no decimal can hold (beyond ~7.9e28 base units); does not parse back.</summary>
    public static string Fallback(double value, string symbol) =>
        value.ToString("R", CultureInfo.InvariantCulture) + symbol;

    /// <summary>Looks a unit symbol up, ordinal and case-sensitive.</summary>
    public static bool TryFind(IReadOnlyList<UnitSymbol> units, ReadOnlySpan<char> symbol, out decimal factor)
    {
        foreach (var unit in units)
        {
            if (symbol.SequenceEqual(unit.Symbol))
            {
                factor = unit.Factor;
                return true;
            }
        }

        factor = 0;
        return false;
    }

    /// <summary>A known symbol that matches ignoring case, to suggest "GB" for "gb".</summary>
    public static string? FindIgnoringCase(IReadOnlyList<UnitSymbol> units, ReadOnlySpan<char> symbol)
    {
        foreach (var unit in units)
        {
            if (unit.Symbol.Length > 0 && symbol.Equals(unit.Symbol, StringComparison.OrdinalIgnoreCase))
            {
                return unit.Symbol;
            }
        }

        return null;
    }
}
