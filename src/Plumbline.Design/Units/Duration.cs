namespace Plumbline.Design.Units;

/// <summary>
/// A length of time, stored as seconds in a <see cref="double"/>: a latency, a timeout, a window.
/// Written as a number and a unit, <c>250ms</c>, <c>2s</c>, <c>5 m</c>, <c>1h</c>, <c>30d</c>; units
/// are us (or µs), ms, s, m (minutes), h, d, w (7 days) and y (365.25 days, see <see cref="Calendar"/>);
/// a bare <c>0</c> is zero.
/// A Duration is not a calendar period: there is no month unit, because "m" means minutes and
/// months vary in length.
/// Range: zero or more, finite. <see cref="ToString"/> parses back equal for every value Parse
/// produces, and for other values from about 1e-10 s to 7.9e28 s (where decimal, which parsing uses,
/// can hold all of a double's digits); outside that it prints an exponent, which Parse rejects.
/// Default: <see cref="Zero"/>.
/// </summary>
public readonly record struct Duration : IComparable<Duration>
{
    internal static readonly UnitSymbol[] Units =
    [
        new("us", 0.000001m),
        new("ms", 0.001m),
        new("s", 1m),
        new("m", Calendar.SecondsPerMinute),
        new("h", Calendar.SecondsPerHour),
        new("d", Calendar.SecondsPerDay),
        new("w", Calendar.SecondsPerWeek),
        new("y", Calendar.SecondsPerYear),
    ];

    private Duration(double seconds) => Seconds = seconds;

    public static Duration Zero => default;

    /// <summary>The length in seconds; zero or more.</summary>
    public double Seconds { get; }

    public double TotalMicroseconds => Seconds * 1e6;

    public double TotalMilliseconds => Seconds * 1e3;

    public double TotalMinutes => Seconds / Calendar.SecondsPerMinute;

    public double TotalHours => Seconds / Calendar.SecondsPerHour;

    public double TotalDays => Seconds / Calendar.SecondsPerDay;

    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public static Duration FromSeconds(double seconds) => Of(seconds, 1m, nameof(seconds));

    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public static Duration FromMicroseconds(double microseconds) => Of(microseconds, 0.000001m, nameof(microseconds));

    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public static Duration FromMilliseconds(double milliseconds) => Of(milliseconds, 0.001m, nameof(milliseconds));

    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public static Duration FromMinutes(double minutes) => Of(minutes, Calendar.SecondsPerMinute, nameof(minutes));

    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public static Duration FromHours(double hours) => Of(hours, Calendar.SecondsPerHour, nameof(hours));

    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public static Duration FromDays(double days) => Of(days, Calendar.SecondsPerDay, nameof(days));

    private static Duration Of(double value, decimal factor, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, UnitErrors.NotANonNegativeNumber("duration"));
        }

        // Adding zero turns -0.0 into 0.0, so a zero duration always prints "0s".
        return new Duration(UnitNumber.Convert(value, factor) + 0.0);
    }

    /// <summary>
    /// Reads a duration: a number, optional spaces, a unit (<c>250ms</c>, <c>5 m</c>), or a bare <c>0</c>.
    /// Never throws; a failure carries a message from <see cref="UnitErrors"/>.
    /// </summary>
    public static UnitParseResult<Duration> Parse(string? text)
    {
        var s = (text ?? string.Empty).AsSpan().Trim();
        if (s is "0")
        {
            return UnitParseResult.Ok(Zero);
        }

        switch (UnitNumber.Scan(s, allowCommas: false, out var number, out var length))
        {
            case NumberScan.Negative:
                return UnitParseResult.Fail<Duration>(UnitErrors.NegativeDuration(text));
            case NumberScan.TooLarge:
                return UnitParseResult.Fail<Duration>(UnitErrors.DurationTooLarge(text));
            case NumberScan.NoNumber:
                return UnitParseResult.Fail<Duration>(UnitErrors.NotADuration(text));
        }

        var unit = s[length..].TrimStart();
        if (unit.IsEmpty)
        {
            return UnitParseResult.Fail<Duration>(UnitErrors.DurationWithoutUnit(text));
        }

        if (unit is "µs" or "μs")
        {
            unit = "us";
        }

        if (!UnitNumber.TryFind(Units, unit, out var factor))
        {
            return UnitParseResult.Fail<Duration>(unit is "mo" or "M" or "month" or "months"
                ? UnitErrors.DurationInMonths(text)
                : UnitErrors.NotADuration(text));
        }

        return UnitNumber.TryScale(number, factor, out var seconds)
            ? UnitParseResult.Ok(new Duration(UnitNumber.ToDouble(seconds)))
            : UnitParseResult.Fail<Duration>(UnitErrors.DurationTooLarge(text));
    }

    /// <summary>
    /// The unit giving the shortest number, integers preferred: "90s", "2m", "1.5ms", "30d", "1y";
    /// zero is "0s". Parses back to an equal value.
    /// </summary>
    public override string ToString() =>
        Seconds == 0 ? "0s" : UnitNumber.FormatShortest(Seconds, Units) ?? UnitNumber.Fallback(Seconds, "s");

    public int CompareTo(Duration other) => Seconds.CompareTo(other.Seconds);

    public static Duration operator +(Duration left, Duration right) => new(left.Seconds + right.Seconds);

    /// <exception cref="ArgumentOutOfRangeException">The result would be negative.</exception>
    public static Duration operator -(Duration left, Duration right) => FromSeconds(left.Seconds - right.Seconds);

    /// <exception cref="ArgumentOutOfRangeException">The factor is negative or not finite.</exception>
    public static Duration operator *(Duration duration, double factor) => FromSeconds(duration.Seconds * factor);

    /// <exception cref="ArgumentOutOfRangeException">The factor is negative or not finite.</exception>
    public static Duration operator *(double factor, Duration duration) => duration * factor;

    /// <exception cref="ArgumentOutOfRangeException">The divisor is negative or zero.</exception>
    public static Duration operator /(Duration duration, double divisor) => FromSeconds(duration.Seconds / divisor);

    /// <summary>How many times <paramref name="divisor"/> fits in <paramref name="duration"/>.</summary>
    public static double operator /(Duration duration, Duration divisor) => duration.Seconds / divisor.Seconds;

    public static bool operator <(Duration left, Duration right) => left.Seconds < right.Seconds;

    public static bool operator >(Duration left, Duration right) => left.Seconds > right.Seconds;

    public static bool operator <=(Duration left, Duration right) => left.Seconds <= right.Seconds;

    public static bool operator >=(Duration left, Duration right) => left.Seconds >= right.Seconds;
}
