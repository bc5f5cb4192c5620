namespace Plumbline.Design.Units;

/// <summary>
/// A percentage, stored as a fraction in a <see cref="double"/>: <c>99.95%</c> is 0.9995. Written as a
/// number and a percent sign: <c>99.95%</c>, <c>50%</c>, <c>0.1%</c>, <c>-10%</c>.
/// The type allows any finite value, below zero (a decline) or above 100% (growth of 150%); what
/// range a field accepts is the caller's check. For a probability written either way, see <see cref="Ratio"/>.
/// Default: 0%.
/// </summary>
public readonly record struct Percent : IComparable<Percent>
{
    private const decimal PerCent = 0.01m;

    private Percent(double fraction) => Fraction = fraction;

    public static Percent Zero => default;

    /// <summary>The value as a fraction: 1 is 100%.</summary>
    public double Fraction { get; }

    /// <summary>The value in percent: 99.95 for 99.95%.</summary>
    public double Percentage => Fraction * 100;

    /// <exception cref="ArgumentOutOfRangeException">NaN or infinite.</exception>
    public static Percent FromFraction(double fraction)
    {
        if (!double.IsFinite(fraction))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, UnitErrors.NotAFiniteNumber("percentage"));
        }

        return new Percent(fraction + 0.0);
    }

    /// <summary>From a value in percent, computed as <see cref="Parse"/> does: FromPercentage(99.95) equals Parse("99.95%").</summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or infinite.</exception>
    public static Percent FromPercentage(double percentage)
    {
        if (!double.IsFinite(percentage))
        {
            throw new ArgumentOutOfRangeException(nameof(percentage), percentage, UnitErrors.NotAFiniteNumber("percentage"));
        }

        return new Percent(UnitNumber.Convert(percentage, PerCent) + 0.0);
    }

    /// <summary>Reads a percentage: <c>99.95%</c>, <c>50 %</c>, <c>-10%</c>. Never throws.</summary>
    public static UnitParseResult<Percent> Parse(string? text) =>
        TryParseCore((text ?? string.Empty).AsSpan().Trim(), out var fraction) switch
        {
            PercentFailure.None => UnitParseResult.Ok(new Percent(fraction)),
            PercentFailure.NoSign => UnitParseResult.Fail<Percent>(UnitErrors.PercentWithoutSign(text)),
            PercentFailure.TooLarge => UnitParseResult.Fail<Percent>(UnitErrors.PercentTooLarge(text)),
            _ => UnitParseResult.Fail<Percent>(UnitErrors.NotAPercent(text)),
        };

    internal enum PercentFailure
    {
        None,
        Malformed,
        NoSign,
        TooLarge,
    }

    /// <summary>The percent grammar, shared with <see cref="Ratio"/> and <see cref="GrowthRate"/>.</summary>
    internal static PercentFailure TryParseCore(ReadOnlySpan<char> s, out double fraction)
    {
        fraction = 0;
        var negative = s.StartsWith('-');
        if (negative)
        {
            s = s[1..];
        }

        switch (UnitNumber.Scan(s, allowCommas: false, out var number, out var length))
        {
            case NumberScan.TooLarge:
                return PercentFailure.TooLarge;
            case not NumberScan.Ok:
                return PercentFailure.Malformed;
        }

        var rest = s[length..].TrimStart();
        if (rest.IsEmpty)
        {
            return PercentFailure.NoSign;
        }

        if (rest is not "%")
        {
            return PercentFailure.Malformed;
        }

        _ = UnitNumber.TryScale(number, PerCent, out var scaled);
        fraction = UnitNumber.ToDouble(negative ? -scaled : scaled) + 0.0;
        return PercentFailure.None;
    }

    /// <summary>The shortest exact form: "99.95%", "50%", "-10%". Parses back equal.</summary>
    public override string ToString() =>
        Fraction == 0 ? "0%" : UnitNumber.FormatShortest(Fraction, [new("%", PerCent)]) ?? UnitNumber.Fallback(Percentage, "%");

    public int CompareTo(Percent other) => Fraction.CompareTo(other.Fraction);

    public static bool operator <(Percent left, Percent right) => left.Fraction < right.Fraction;

    public static bool operator >(Percent left, Percent right) => left.Fraction > right.Fraction;

    public static bool operator <=(Percent left, Percent right) => left.Fraction <= right.Fraction;

    public static bool operator >=(Percent left, Percent right) => left.Fraction >= right.Fraction;
}
