namespace Plumbline.Design.Units;

/// <summary>
/// How often something happens: a <see cref="Count"/> per <see cref="RatePeriod"/>, written
/// <c>200/s</c>, <c>100/min</c>, <c>5/h</c>, <c>3/day</c>, <c>10M/month</c>, <c>2/year</c> (also
/// <c>/second</c>, <c>/minute</c>, <c>/hour</c>). Periods convert to seconds by the
/// <see cref="Calendar"/> convention, so <c>1B/month</c> is 1e9 / 2,629,800 per second.
/// <see cref="Amount"/> and <see cref="Period"/> keep the written form for printing; equality and
/// ordering use <see cref="PerSecond"/> only, so <c>60/min</c> equals <c>1/s</c>.
/// Range: zero or more, finite. Default: zero per second.
/// </summary>
public readonly record struct Rate : IComparable<Rate>
{
    private Rate(double amount, RatePeriod period)
    {
        Amount = amount;
        Period = period;
    }

    public static Rate Zero => default;

    /// <summary>How many per <see cref="Period"/>; zero or more.</summary>
    public double Amount { get; }

    /// <summary>The period the rate was written over.</summary>
    public RatePeriod Period { get; }

    /// <summary>
    /// Events per second. Divided in double from the stored <see cref="Amount"/> rather than from the
    /// parsed decimal, so it depends only on (Amount, Period) and survives a print/parse round trip.
    /// </summary>
    public double PerSecond => Amount / Calendar.SecondsIn(Period);

    /// <summary>Events per second when a month (and a year, twelve of them) is <paramref name="month"/>; equal to <see cref="PerSecond"/> for rates per second, minute, hour or day.</summary>
    public double PerSecondIn(MonthConvention month) => Amount / Calendar.SecondsIn(Period, month);

    public double PerMinute => Per(RatePeriod.Minute);

    public double PerHour => Per(RatePeriod.Hour);

    public double PerDay => Per(RatePeriod.Day);

    /// <summary>Events per <see cref="Calendar.SecondsPerMonth"/> (30.4375 days).</summary>
    public double PerMonth => Per(RatePeriod.Month);

    public double PerYear => Per(RatePeriod.Year);

    /// <summary>Events per <paramref name="period"/>; exactly <see cref="Amount"/> in the written period.</summary>
    public double Per(RatePeriod period) =>
        period == Period ? Amount : PerSecond * Calendar.SecondsIn(period);

    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public static Rate FromPerSecond(double perSecond) => Of(perSecond, RatePeriod.Second);

    /// <summary><paramref name="amount"/> per <paramref name="period"/>, printed in that form.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite, or an undefined period.</exception>
    public static Rate Of(double amount, RatePeriod period)
    {
        if (!double.IsFinite(amount) || amount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, UnitErrors.NotANonNegativeNumber("rate"));
        }

        _ = Calendar.SecondsIn(period);
        return new Rate(amount + 0.0, period);
    }

    /// <summary>Reads a rate: a count, a slash, a period (<c>1.5K/s</c>, <c>10M / month</c>). Never throws.</summary>
    public static UnitParseResult<Rate> Parse(string? text)
    {
        var s = (text ?? string.Empty).AsSpan().Trim();
        var slash = s.IndexOf('/');
        var amountText = (slash < 0 ? s : s[..slash]).TrimEnd();
        var failure = Count.TryParseCore(amountText, out var amount);
        switch (failure)
        {
            case Count.CountFailure.Negative:
                return UnitParseResult.Fail<Rate>(UnitErrors.NegativeRate(text));
            case Count.CountFailure.TooLarge:
                return UnitParseResult.Fail<Rate>(UnitErrors.RateTooLarge(text));
            case not Count.CountFailure.None:
                return UnitParseResult.Fail<Rate>(UnitErrors.NotARate(text));
        }

        if (slash < 0)
        {
            return UnitParseResult.Fail<Rate>(UnitErrors.RateWithoutPeriod(text));
        }

        var periodText = s[(slash + 1)..].Trim();
        return RatePeriodText.TryParse(periodText, out var period)
            ? UnitParseResult.Ok(new Rate(amount, period))
            : UnitParseResult.Fail<Rate>(UnitErrors.UnknownRatePeriod(text, periodText.ToString()));
    }

    /// <summary>The written form: "1B/month", "200/s", "1.5K/min". Parses back equal.</summary>
    public override string ToString() => Count.Format(Amount) + "/" + RatePeriodText.Symbol(Period);

    /// <summary>Equal when the per-second rates are, whatever period they were written in.</summary>
    public bool Equals(Rate other) => PerSecond.Equals(other.PerSecond);

    public override int GetHashCode() => PerSecond.GetHashCode();

    public int CompareTo(Rate other) => PerSecond.CompareTo(other.PerSecond);

    /// <summary>The sum, written in the left operand's period.</summary>
    public static Rate operator +(Rate left, Rate right) => new(left.Amount + right.Per(left.Period), left.Period);

    /// <summary>A scaled rate in the same period (peak = average × 3).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The factor is negative or not finite.</exception>
    public static Rate operator *(Rate rate, double factor) => Of(rate.Amount * factor, rate.Period);

    /// <exception cref="ArgumentOutOfRangeException">The factor is negative or not finite.</exception>
    public static Rate operator *(double factor, Rate rate) => rate * factor;

    /// <exception cref="ArgumentOutOfRangeException">The divisor is negative or zero.</exception>
    public static Rate operator /(Rate rate, double divisor) => Of(rate.Amount / divisor, rate.Period);

    /// <summary>Events in flight by Little's law: arrivals per second × seconds each one takes.</summary>
    public static double operator *(Rate rate, Duration duration) => rate.PerSecond * duration.Seconds;

    /// <summary>Events in flight by Little's law.</summary>
    public static double operator *(Duration duration, Rate rate) => rate * duration;

    public static bool operator <(Rate left, Rate right) => left.PerSecond < right.PerSecond;

    public static bool operator >(Rate left, Rate right) => left.PerSecond > right.PerSecond;

    public static bool operator <=(Rate left, Rate right) => left.PerSecond <= right.PerSecond;

    public static bool operator >=(Rate left, Rate right) => left.PerSecond >= right.PerSecond;
}
