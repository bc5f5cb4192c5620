namespace Plumbline.Design.Units;

/// <summary>
/// How many of something: users, records, requests. Written as a plain number (<c>250</c>,
/// <c>1_000_000</c>) or with an upper-case suffix: K (10³), M (10⁶), B (10⁹), T (10¹²), as in
/// <c>1.5K</c>, <c>10M</c>. Fractions are allowed (an average can be 2.5).
/// A Count has no period; a count per period is a <see cref="Rate"/>.
/// Range: zero or more, finite. Default: <see cref="Zero"/>.
/// </summary>
public readonly record struct Count : IComparable<Count>
{
    internal static readonly UnitSymbol[] Units =
    [
        new(string.Empty, 1m),
        new("K", 1_000m),
        new("M", 1_000_000m),
        new("B", 1_000_000_000m),
        new("T", 1_000_000_000_000m),
    ];

    private Count(double value) => Value = value;

    public static Count Zero => default;

    /// <summary>The number itself; zero or more.</summary>
    public double Value { get; }

    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public static Count Of(double value)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, UnitErrors.NotANonNegativeNumber("count"));
        }

        return new Count(value + 0.0);
    }

    /// <summary>Reads a count: <c>250</c>, <c>1.5K</c>, <c>10 M</c>. Never throws.</summary>
    public static UnitParseResult<Count> Parse(string? text) =>
        TryParseCore((text ?? string.Empty).AsSpan().Trim(), out var value) switch
        {
            CountFailure.None => UnitParseResult.Ok(new Count(value)),
            CountFailure.Negative => UnitParseResult.Fail<Count>(UnitErrors.NegativeCount(text)),
            CountFailure.TooLarge => UnitParseResult.Fail<Count>(UnitErrors.CountTooLarge(text)),
            CountFailure.SuffixCase => UnitParseResult.Fail<Count>(UnitErrors.CountSuffixCase(text, SuggestUpperSuffix(text))),
            _ => UnitParseResult.Fail<Count>(UnitErrors.NotACount(text)),
        };

    internal enum CountFailure
    {
        None,
        Malformed,
        Negative,
        TooLarge,
        SuffixCase,
    }

    /// <summary>The count grammar, shared with <see cref="Rate"/>, which words its own errors.</summary>
    internal static CountFailure TryParseCore(ReadOnlySpan<char> s, out double value)
    {
        value = 0;
        switch (UnitNumber.Scan(s, allowCommas: false, out var number, out var length))
        {
            case NumberScan.Negative:
                return CountFailure.Negative;
            case NumberScan.TooLarge:
                return CountFailure.TooLarge;
            case NumberScan.NoNumber:
                return CountFailure.Malformed;
        }

        var suffix = s[length..].TrimStart();
        if (!UnitNumber.TryFind(Units, suffix, out var factor))
        {
            return UnitNumber.FindIgnoringCase(Units, suffix) is null ? CountFailure.Malformed : CountFailure.SuffixCase;
        }

        if (!UnitNumber.TryScale(number, factor, out var scaled))
        {
            return CountFailure.TooLarge;
        }

        value = UnitNumber.ToDouble(scaled);
        return CountFailure.None;
    }

    private static string SuggestUpperSuffix(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        return trimmed.Length == 0 ? trimmed : string.Concat(trimmed.AsSpan(0, trimmed.Length - 1), trimmed[^1..].ToUpperInvariant());
    }

    /// <summary>The shortest form, integers preferred: "250", "1.5K", "10M", "12345". Parses back equal.</summary>
    public override string ToString() => Format(Value);

    internal static string Format(double value) =>
        value == 0 ? "0" : UnitNumber.FormatShortest(value, Units) ?? UnitNumber.Fallback(value, string.Empty);

    public int CompareTo(Count other) => Value.CompareTo(other.Value);

    public static Count operator +(Count left, Count right) => new(left.Value + right.Value);

    /// <exception cref="ArgumentOutOfRangeException">The factor is negative or not finite.</exception>
    public static Count operator *(Count count, double factor) => Of(count.Value * factor);

    /// <exception cref="ArgumentOutOfRangeException">The factor is negative or not finite.</exception>
    public static Count operator *(double factor, Count count) => Of(count.Value * factor);

    public static bool operator <(Count left, Count right) => left.Value < right.Value;

    public static bool operator >(Count left, Count right) => left.Value > right.Value;

    public static bool operator <=(Count left, Count right) => left.Value <= right.Value;

    public static bool operator >=(Count left, Count right) => left.Value >= right.Value;
}
