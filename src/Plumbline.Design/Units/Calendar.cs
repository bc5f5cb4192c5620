namespace Plumbline.Design.Units;

/// <summary>
/// Plumbline's one convention for turning calendar words into seconds, used by every unit so that
/// <c>1B/month</c>, <c>12B/year</c> and <c>30.4375d</c> agree exactly.
/// <list type="bullet">
/// <item>A day is 86,400 s: no leap seconds, no daylight-saving days.</item>
/// <item>A week is 7 days, 604,800 s.</item>
/// <item>A year is 365.25 days, 31,557,600 s (the Julian year): the average over leap years, so
/// multi-year projections neither gain nor lose a day every four years.</item>
/// <item>A month is a twelfth of that year: 30.4375 days, 2,629,800 s. Months of 28 to 31 days
/// would make "per month" depend on which month; a twelfth keeps 12 months equal to a year.</item>
/// </list>
/// Durations use the same numbers (<c>1y</c> is 365.25 d, <c>1w</c> is 7 d). A month is not a
/// duration unit, because <c>m</c> already means minutes; write <c>30d</c>.
/// </summary>
public static class Calendar
{
    public const long SecondsPerMinute = 60;
    public const long SecondsPerHour = 3_600;
    public const long SecondsPerDay = 86_400;
    public const long SecondsPerWeek = 7 * SecondsPerDay;

    /// <summary>A twelfth of <see cref="SecondsPerYear"/>: 2,629,800 s, 30.4375 days.</summary>
    public const long SecondsPerMonth = SecondsPerYear / 12;

    /// <summary>365.25 days: 31,557,600 s.</summary>
    public const long SecondsPerYear = 31_557_600;

    public const double DaysPerMonth = 30.4375;
    public const double DaysPerYear = 365.25;

    /// <summary>The length of one <paramref name="period"/> in seconds, by this convention.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="RatePeriod"/>.</exception>
    public static long SecondsIn(RatePeriod period) => period switch
    {
        RatePeriod.Second => 1,
        RatePeriod.Minute => SecondsPerMinute,
        RatePeriod.Hour => SecondsPerHour,
        RatePeriod.Day => SecondsPerDay,
        RatePeriod.Month => SecondsPerMonth,
        RatePeriod.Year => SecondsPerYear,
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, null),
    };
}
