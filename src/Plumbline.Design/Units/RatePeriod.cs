namespace Plumbline.Design.Units;

/// <summary>
/// The period a <see cref="Rate"/>, <see cref="GrowthRate"/> or periodic <see cref="Money"/> amount is
/// counted over. Lengths in seconds follow the <see cref="Calendar"/> convention (a month is a
/// twelfth of a 365.25-day year). Default: <see cref="Second"/>.
/// </summary>
public enum RatePeriod
{
    Second,
    Minute,
    Hour,
    Day,
    Month,
    Year,
}

/// <summary>How periods are written after the slash: <c>/s</c>, <c>/min</c>, <c>/h</c>, <c>/day</c>, <c>/month</c>, <c>/year</c>.</summary>
internal static class RatePeriodText
{
    public static string Symbol(RatePeriod period) => period switch
    {
        RatePeriod.Second => "s",
        RatePeriod.Minute => "min",
        RatePeriod.Hour => "h",
        RatePeriod.Day => "day",
        RatePeriod.Month => "month",
        RatePeriod.Year => "year",
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, null),
    };

    public static bool TryParse(ReadOnlySpan<char> text, out RatePeriod period)
    {
        // Long aliases exist only where the short form is a single letter a reader might not guess.
        RatePeriod? found = text switch
        {
            "s" or "second" => RatePeriod.Second,
            "min" or "minute" => RatePeriod.Minute,
            "h" or "hour" => RatePeriod.Hour,
            "day" => RatePeriod.Day,
            "month" => RatePeriod.Month,
            "year" => RatePeriod.Year,
            _ => null,
        };
        period = found.GetValueOrDefault();
        return found.HasValue;
    }
}
