namespace Plumbline.Design.Units;

/// <summary>
/// Every message the unit types produce, in one place so they read alike and tests can assert
/// against them. Each is one sentence: the text as written, what is wrong, and an example to copy.
/// </summary>
public static class UnitErrors
{
    private const int MaxQuoted = 40;

    private const string DurationHelp = "write a number and a unit: 250ms, 2s, 5m, 1h, 30d (units: us, ms, s, m, h, d, w, y)";
    private const string ByteSizeHelp = "write a number and a unit: 512B, 1.5KB, 64MiB, 10GB, 2TiB (units: B, KB, MB, GB, TB, PB, KiB, MiB, GiB, TiB, PiB)";
    private const string CountHelp = "write a number, optionally with a suffix: 250, 1.5K, 10M, 1B (suffixes: K, M, B, T)";
    private const string PeriodHelp = "(periods: /s, /min, /h, /day, /month, /year, or /second, /minute, /hour)";
    private const string RateHelp = "write a count per period: 200/s, 100/min, 5/h, 3/day, 10M/month, 2/year " + PeriodHelp;
    private const string PercentHelp = "write a number and a percent sign: 99.95%, 50%, 0.1%";
    private const string RatioHelp = "write a number from 0 to 1 or a percentage up to 100%: 0.9, 90%";
    private const string GrowthRateHelp = "write a percentage per period: 50%/year, 5%/month " + PeriodHelp;
    private const string MoneyHelp = "write an amount and a three-letter currency, optionally per period: 0.02 USD, 3000 USD/month, 1,200 EUR/year, 1.5K USD/month";

    /// <summary>The text as the user wrote it, quoted and cut short if long.</summary>
    public static string Quote(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        return trimmed.Length <= MaxQuoted ? $"\"{trimmed}\"" : $"\"{trimmed[..MaxQuoted]}...\"";
    }

    public static string NotAThroughput(string? text) =>
        $"{Quote(text)} is not a throughput; write a byte size per period: 500GB/h, 100MB/s (periods: /s, /min, /h, /day)";

    public static string ZeroThroughput(string? text) => $"{Quote(text)} moves nothing; a throughput is more than zero bytes per period, such as 500GB/h";

    public static string NotADuration(string? text) => $"{Quote(text)} is not a duration; {DurationHelp}";

    public static string DurationWithoutUnit(string? text) => $"{Quote(text)} has no unit; {DurationHelp}";

    public static string DurationInMonths(string? text) =>
        $"{Quote(text)} is not a duration because months vary in length (and \"m\" means minutes); write days instead, e.g. 30d";

    public static string NegativeDuration(string? text) => $"{Quote(text)} is negative, and a duration cannot be; {DurationHelp}";

    public static string DurationTooLarge(string? text) => $"{Quote(text)} is too large for a duration; write a smaller number or a larger unit, e.g. 10y";

    public static string NotAByteSize(string? text) => $"{Quote(text)} is not a byte size; {ByteSizeHelp}";

    public static string ByteSizeWithoutUnit(string? text) => $"{Quote(text)} has no unit; {ByteSizeHelp}";

    public static string ByteSizeUnitCase(string? text, string suggestion) =>
        $"{Quote(text)} is not a byte size because units are case-sensitive; write {suggestion}";

    public static string FractionalBytes(string? text) =>
        $"{Quote(text)} is not a whole number of bytes; write a size that comes to whole bytes, e.g. 1.5KB or 512B";

    public static string NegativeByteSize(string? text) => $"{Quote(text)} is negative, and a byte size cannot be; {ByteSizeHelp}";

    public static string ByteSizeTooLarge(string? text) => $"{Quote(text)} is too large for a byte size; write a smaller number or a larger unit, e.g. 10PB";

    public static string NotACount(string? text) => $"{Quote(text)} is not a count; {CountHelp}";

    public static string CountSuffixCase(string? text, string suggestion) =>
        $"{Quote(text)} is not a count because suffixes are upper case (K, M, B, T); write {suggestion}";

    public static string NegativeCount(string? text) => $"{Quote(text)} is negative, and a count cannot be; {CountHelp}";

    public static string CountTooLarge(string? text) => $"{Quote(text)} is too large for a count; write at most 28 digits, e.g. 1000T";

    public static string NotARate(string? text) => $"{Quote(text)} is not a rate; {RateHelp}";

    public static string RateWithoutPeriod(string? text) => $"{Quote(text)} has no period; {RateHelp}";

    public static string UnknownRatePeriod(string? text, string period) =>
        $"{Quote(text)} is not a rate because \"/{period}\" is not a period; {RateHelp}";

    public static string NegativeRate(string? text) => $"{Quote(text)} is negative, and a rate cannot be; {RateHelp}";

    public static string RateTooLarge(string? text) => $"{Quote(text)} is too large for a rate; write a smaller count, e.g. 1T/s";

    public static string NotAPercent(string? text) => $"{Quote(text)} is not a percentage; {PercentHelp}";

    public static string PercentWithoutSign(string? text) => $"{Quote(text)} has no percent sign; {PercentHelp}";

    public static string PercentTooLarge(string? text) => $"{Quote(text)} is too large for a percentage; {PercentHelp}";

    public static string NotARatio(string? text) => $"{Quote(text)} is not a ratio; {RatioHelp}";

    public static string RatioOutOfRange(string? text) => $"{Quote(text)} is outside 0 to 1 (0% to 100%); {RatioHelp}";

    public static string NotAGrowthRate(string? text) => $"{Quote(text)} is not a growth rate; {GrowthRateHelp}";

    public static string GrowthRateWithoutPeriod(string? text) => $"{Quote(text)} has no period; {GrowthRateHelp}";

    public static string UnknownGrowthPeriod(string? text, string period) =>
        $"{Quote(text)} is not a growth rate because \"/{period}\" is not a period; {GrowthRateHelp}";

    public static string GrowthBelowMinusHundred(string? text) =>
        $"{Quote(text)} shrinks by more than everything; a growth rate is at least -100%, e.g. -10%/year";

    public static string NotMoney(string? text) => $"{Quote(text)} is not an amount of money; {MoneyHelp}";

    public static string MoneyWithoutCurrency(string? text) => $"{Quote(text)} has no currency; {MoneyHelp}";

    public static string BadCurrency(string? text, string currency) =>
        $"{Quote(text)} has \"{currency}\" where a currency code goes; write three upper-case letters, e.g. USD or EUR";

    public static string UnknownMoneyPeriod(string? text, string period) =>
        $"{Quote(text)} is not an amount of money because \"/{period}\" is not a period; {MoneyHelp} {PeriodHelp}";

    public static string NegativeMoney(string? text) => $"{Quote(text)} is negative, and an amount of money cannot be; {MoneyHelp}";

    public static string MoneyTooLarge(string? text) => $"{Quote(text)} is too large for an amount of money; {MoneyHelp}";

    /// <summary>For factories handed a value no text could produce (negative, NaN, infinite).</summary>
    public static string NotANonNegativeNumber(string what) => $"A {what} must be a finite number, zero or more.";

    public static string NotAFiniteNumber(string what) => $"A {what} must be a finite number.";

    public static string InvalidCurrency(string? currency) =>
        $"\"{currency}\" is not a currency code; write three upper-case letters, e.g. USD or EUR.";

    public static string NotPeriodic(string money) => $"{money} is not per period, so it has no monthly amount.";
}
