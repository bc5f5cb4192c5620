namespace Plumbline.Design.Units;

/// <summary>
/// Probabilities and shares (hit ratio, error rate), which designs write either way: a plain number
/// from 0 to 1 (<c>0.9</c>) or a percentage up to 100% (<c>90%</c>). There is no Ratio type; the
/// value is the fraction as a <see cref="double"/>, in [0, 1].
/// </summary>
public static class Ratio
{
    /// <summary>Reads <c>0.9</c> or <c>90%</c> as 0.9; rejects values outside [0, 1]. Never throws.</summary>
    public static UnitParseResult<double> Parse(string? text)
    {
        var s = (text ?? string.Empty).AsSpan().Trim();
        double fraction;
        if (s.EndsWith('%'))
        {
            if (Percent.TryParseCore(s, out fraction) != Percent.PercentFailure.None)
            {
                return UnitParseResult.Fail<double>(UnitErrors.NotARatio(text));
            }
        }
        else
        {
            switch (UnitNumber.Scan(s, allowCommas: false, out var number, out var length))
            {
                case NumberScan.Negative or NumberScan.TooLarge:
                    return UnitParseResult.Fail<double>(UnitErrors.RatioOutOfRange(text));
                case NumberScan.NoNumber:
                    return UnitParseResult.Fail<double>(UnitErrors.NotARatio(text));
            }

            if (length != s.Length)
            {
                return UnitParseResult.Fail<double>(UnitErrors.NotARatio(text));
            }

            fraction = UnitNumber.ToDouble(number);
        }

        return fraction is >= 0 and <= 1
            ? UnitParseResult.Ok(fraction + 0.0)
            : UnitParseResult.Fail<double>(UnitErrors.RatioOutOfRange(text));
    }
}
