namespace Plumbline.Design.Units;

/// <summary>
/// What a month is when rates and storage are turned into seconds and back: the average month
/// (a twelfth of 365.25 days, the default), 30 days, or the 2.5 million seconds of interview
/// arithmetic. A year of rates is always twelve months. See <see cref="Calendar"/>.
/// </summary>
public enum MonthConvention
{
    /// <summary>A twelfth of 365.25 days: 2,629,800 s.</summary>
    Average,

    /// <summary>30 days: 2,592,000 s.</summary>
    ThirtyDays,

    /// <summary>2,500,000 s, as back-of-envelope guides round it.</summary>
    TwoAndAHalfMillionSeconds,
}

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
    /// <summary>Every convention, in the order the docs list them.</summary>
    public static IReadOnlyList<MonthConvention> MonthConventions { get; } = [MonthConvention.Average, MonthConvention.ThirtyDays, MonthConvention.TwoAndAHalfMillionSeconds];

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

    /// <summary>Seconds in a month under <paramref name="month"/>: 2,629,800 (the average), 2,592,000 (30 days) or 2,500,000 (interview arithmetic).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="MonthConvention"/>.</exception>
    public static long SecondsPerMonthIn(MonthConvention month) => month switch
    {
        MonthConvention.Average => SecondsPerMonth,
        MonthConvention.ThirtyDays => 30 * SecondsPerDay,
        MonthConvention.TwoAndAHalfMillionSeconds => 2_500_000,
        _ => throw new ArgumentOutOfRangeException(nameof(month), month, null),
    };

    /// <summary>
    /// The length of one <paramref name="period"/> in seconds when a month is <paramref name="month"/>:
    /// a month as chosen, a year as twelve of them (so under the 2.5-million-second month a year of
    /// rates is 30,000,000 s), shorter periods as always.
    /// </summary>
    public static long SecondsIn(RatePeriod period, MonthConvention month) => period switch
    {
        RatePeriod.Month => SecondsPerMonthIn(month),
        RatePeriod.Year => 12 * SecondsPerMonthIn(month),
        _ => SecondsIn(period),
    };

    /// <summary>How the convention is written in a design and on the command line: average, 30d, 2.5M.</summary>
    public static string Text(MonthConvention month) => month switch
    {
        MonthConvention.ThirtyDays => "30d",
        MonthConvention.TwoAndAHalfMillionSeconds => "2.5M",
        _ => "average",
    };

    /// <summary>Reads average, 30d or 2.5M; false otherwise.</summary>
    public static bool TryParseMonth(string? text, out MonthConvention month)
    {
        month = (text ?? string.Empty).Trim() switch
        {
            "average" => MonthConvention.Average,
            "30d" => MonthConvention.ThirtyDays,
            "2.5M" => MonthConvention.TwoAndAHalfMillionSeconds,
            _ => (MonthConvention)(-1),
        };
        return Enum.IsDefined(month);
    }

    /// <summary>"a month is 30.4375 days (2,629,800 s), a year 12 months".</summary>
    public static string Describe(MonthConvention month) => month switch
    {
        MonthConvention.ThirtyDays => "a month is 30 days (2,592,000 s), a year of rates 12 such months (360 days)",
        MonthConvention.TwoAndAHalfMillionSeconds => "a month is 2,500,000 s (interview arithmetic), a year of rates 12 such months (30,000,000 s)",
        _ => "a month is 30.4375 days (2,629,800 s), a twelfth of a 365.25-day year",
    };

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
