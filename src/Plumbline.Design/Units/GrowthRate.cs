namespace Plumbline.Design.Units;

/// <summary>
/// Compound growth: a <see cref="Units.Percent"/> per <see cref="RatePeriod"/>, written <c>50%/year</c>,
/// <c>5%/month</c>, <c>-10%/year</c>. Factors compound over the <see cref="Calendar"/> lengths, so
/// 50%/year grows by 1.5^(1/12) a month, not by 50%/12.
/// Range: from -100% (everything gone) upward, as parsed; the constructor does not check. Default: 0%/s, no growth.
/// </summary>
/// <param name="Percent">Growth per period; 0.5 fraction is +50%.</param>
/// <param name="Period">The period the percentage applies to.</param>
public readonly record struct GrowthRate(Percent Percent, RatePeriod Period)
{
    /// <summary>What one month multiplies by: (1 + p)^(month / period).</summary>
    public double MonthlyCompoundFactor => FactorOver(Calendar.SecondsPerMonth);

    /// <summary>What one month multiplies by when a month (and a year, twelve of them) is <paramref name="month"/>.</summary>
    public double MonthlyCompoundFactorIn(MonthConvention month) =>
        Math.Pow(1 + Percent.Fraction, Calendar.SecondsPerMonthIn(month) / (double)Calendar.SecondsIn(Period, month));

    /// <summary>What one year multiplies by: (1 + p)^(year / period).</summary>
    public double AnnualFactor => FactorOver(Calendar.SecondsPerYear);

    /// <summary>What <paramref name="duration"/> multiplies by: (1 + p)^(duration / period).</summary>
    public double FactorOver(Duration duration) => FactorOver(duration.Seconds);

    private double FactorOver(double seconds) =>
        Math.Pow(1 + Percent.Fraction, seconds / Calendar.SecondsIn(Period));

    /// <summary>Reads a growth rate: a percentage, a slash, a period (<c>50%/year</c>). Never throws.</summary>
    public static UnitParseResult<GrowthRate> Parse(string? text)
    {
        var s = (text ?? string.Empty).AsSpan().Trim();
        var slash = s.IndexOf('/');
        var percentText = (slash < 0 ? s : s[..slash]).TrimEnd();
        if (Percent.TryParseCore(percentText, out var fraction) != Percent.PercentFailure.None)
        {
            return UnitParseResult.Fail<GrowthRate>(UnitErrors.NotAGrowthRate(text));
        }

        if (slash < 0)
        {
            return UnitParseResult.Fail<GrowthRate>(UnitErrors.GrowthRateWithoutPeriod(text));
        }

        var periodText = s[(slash + 1)..].Trim();
        if (!RatePeriodText.TryParse(periodText, out var period))
        {
            return UnitParseResult.Fail<GrowthRate>(UnitErrors.UnknownGrowthPeriod(text, periodText.ToString()));
        }

        // Below -100% the base 1 + p is negative and fractional powers of it are not numbers.
        return fraction < -1
            ? UnitParseResult.Fail<GrowthRate>(UnitErrors.GrowthBelowMinusHundred(text))
            : UnitParseResult.Ok(new GrowthRate(Percent.FromFraction(fraction), period));
    }

    /// <summary>"50%/year", "5%/month". Parses back equal.</summary>
    public override string ToString() => Percent.ToString() + "/" + RatePeriodText.Symbol(Period);
}
