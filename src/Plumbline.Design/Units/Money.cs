namespace Plumbline.Design.Units;

/// <summary>
/// An amount of money in one currency, exact in <see cref="decimal"/>, optionally per period:
/// <c>0.02 USD</c>, <c>3000 USD/month</c>, <c>1,200 EUR/year</c>, <c>1.5K USD/month</c>.
/// The number may use thousands commas, <c>_</c> separators and a K, M or B suffix written against
/// it; the currency is three upper-case letters (ISO 4217 style, not checked against a list).
/// Equality is on amount, currency and period as written: 12 USD/year is not 1 USD/month; compare
/// <see cref="PerMonth"/> for that. Range: zero or more. Default: 0 with an empty currency, which is
/// not a valid amount and does not parse back.
/// </summary>
public readonly record struct Money
{
    private static readonly UnitSymbol[] Suffixes =
    [
        new("K", 1_000m),
        new("M", 1_000_000m),
        new("B", 1_000_000_000m),
    ];

    private readonly string? _currency;

    private Money(decimal amount, string currency, RatePeriod? period)
    {
        // Trailing zeros are dropped so "1.50 USD" and "1.5 USD" print alike.
        Amount = decimal.Parse(UnitNumber.Format(amount), System.Globalization.CultureInfo.InvariantCulture);
        _currency = currency;
        Period = period;
    }

    /// <summary>The amount, zero or more, exact.</summary>
    public decimal Amount { get; }

    /// <summary>Three upper-case letters, such as USD; empty only for <c>default(Money)</c>.</summary>
    public string Currency => _currency ?? string.Empty;

    /// <summary>The period the amount recurs over, or null for a one-off or unit price.</summary>
    public RatePeriod? Period { get; }

    public bool IsPeriodic => Period is not null;

    /// <exception cref="ArgumentOutOfRangeException">The amount is negative or the period undefined.</exception>
    /// <exception cref="ArgumentException">The currency is not three upper-case letters.</exception>
    public static Money Of(decimal amount, string currency, RatePeriod? period = null)
    {
        if (amount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, UnitErrors.NotANonNegativeNumber("money amount"));
        }

        if (!IsCurrencyCode(currency))
        {
            throw new ArgumentException(UnitErrors.InvalidCurrency(currency), nameof(currency));
        }

        if (period is { } p)
        {
            _ = Calendar.SecondsIn(p);
        }

        return new Money(amount, currency, period);
    }

    /// <summary>
    /// The amount per <see cref="Calendar.SecondsPerMonth"/> month: 36000 USD/year is 3000, 100 USD/day is 3043.75.
    /// </summary>
    /// <exception cref="InvalidOperationException">The amount has no period.</exception>
    /// <exception cref="OverflowException">The monthly amount exceeds decimal's range.</exception>
    public decimal PerMonth() => Period switch
    {
        null => throw new InvalidOperationException(UnitErrors.NotPeriodic(ToString())),
        RatePeriod.Year => Amount / 12,
        // Month / period is exact for periods up to a month: 2629800, 43830, 730.5, 30.4375, 1.
        { } p => Amount * ((decimal)Calendar.SecondsPerMonth / Calendar.SecondsIn(p)),
    };

    /// <summary>Reads money: <c>3000 USD/month</c>, <c>0.02 USD</c>, <c>1,200 EUR/year</c>, <c>1.5K USD</c>. Never throws.</summary>
    public static UnitParseResult<Money> Parse(string? text)
    {
        var s = (text ?? string.Empty).AsSpan().Trim();
        switch (UnitNumber.Scan(s, allowCommas: true, out var amount, out var length))
        {
            case NumberScan.Negative:
                return UnitParseResult.Fail<Money>(UnitErrors.NegativeMoney(text));
            case NumberScan.TooLarge:
                return UnitParseResult.Fail<Money>(UnitErrors.MoneyTooLarge(text));
            case NumberScan.NoNumber:
                return UnitParseResult.Fail<Money>(UnitErrors.NotMoney(text));
        }

        var rest = s[length..];
        // A suffix must touch the number and be followed by a space or the end, so "1 MXN" is pesos, not a million "XN".
        if (rest.Length > 0 && UnitNumber.TryFind(Suffixes, rest[..1], out var factor)
            && (rest.Length == 1 || char.IsWhiteSpace(rest[1]) || rest[1] == '/'))
        {
            if (!UnitNumber.TryScale(amount, factor, out amount))
            {
                return UnitParseResult.Fail<Money>(UnitErrors.MoneyTooLarge(text));
            }

            rest = rest[1..];
        }

        rest = rest.TrimStart();
        var slash = rest.IndexOf('/');
        var currency = (slash < 0 ? rest : rest[..slash]).TrimEnd();
        if (currency.IsEmpty)
        {
            return UnitParseResult.Fail<Money>(slash < 0 && rest.IsEmpty ? UnitErrors.MoneyWithoutCurrency(text) : UnitErrors.NotMoney(text));
        }

        if (!IsCurrencyCode(currency))
        {
            return UnitParseResult.Fail<Money>(UnitErrors.BadCurrency(text, currency.ToString()));
        }

        RatePeriod? period = null;
        if (slash >= 0)
        {
            var periodText = rest[(slash + 1)..].Trim();
            if (!RatePeriodText.TryParse(periodText, out var p))
            {
                return UnitParseResult.Fail<Money>(UnitErrors.UnknownMoneyPeriod(text, periodText.ToString()));
            }

            period = p;
        }

        return UnitParseResult.Ok(new Money(amount, currency.ToString(), period));
    }

    private static bool IsCurrencyCode(ReadOnlySpan<char> code) =>
        code.Length == 3 && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1]) && char.IsAsciiLetterUpper(code[2]);

    /// <summary>"3000 USD/month", "0.02 USD": no separators or suffixes, so it parses back equal.</summary>
    public override string ToString() =>
        UnitNumber.Format(Amount) + " " + Currency + (Period is { } p ? "/" + RatePeriodText.Symbol(p) : string.Empty);

    /// <summary>The amount scaled, same currency and period (cost × instances).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The factor is negative.</exception>
    public static Money operator *(Money money, decimal factor) => Of(money.Amount * factor, money.Currency, money.Period);

    /// <exception cref="ArgumentOutOfRangeException">The factor is negative.</exception>
    public static Money operator *(decimal factor, Money money) => money * factor;
}
