using System.Globalization;
using CsCheck;
using Plumbline.Design.Units;
using Xunit;

namespace Plumbline.Design.Tests.Units;

public class MoneyTests
{
    [Theory]
    [InlineData("3000 USD/month", "3000", "USD", RatePeriod.Month)]
    [InlineData("0.02 USD", "0.02", "USD", null)]
    [InlineData("1,200 EUR/year", "1200", "EUR", RatePeriod.Year)]
    [InlineData("1,234,567.89 USD", "1234567.89", "USD", null)]
    [InlineData("1.5K USD/month", "1500", "USD", RatePeriod.Month)]
    [InlineData("2M GBP/year", "2000000", "GBP", RatePeriod.Year)]
    [InlineData("1 MXN", "1", "MXN", null)]
    [InlineData("100USD", "100", "USD", null)]
    [InlineData("1_000 USD / day", "1000", "USD", RatePeriod.Day)]
    [InlineData("0.1 USD/hour", "0.1", "USD", RatePeriod.Hour)]
    public void Parses_to_amount_currency_and_period(string text, string amount, string currency, RatePeriod? period)
    {
        var money = UnitAssert.Parses(Money.Parse, text);
        Assert.Equal(decimal.Parse(amount, CultureInfo.InvariantCulture), money.Amount);
        Assert.Equal(currency, money.Currency);
        Assert.Equal(period, money.Period);
    }

    [Theory]
    [InlineData("3000 dollars", nameof(UnitErrors.BadCurrency), "dollars")]
    [InlineData("3000 usd", nameof(UnitErrors.BadCurrency), "usd")]
    [InlineData("1,2 USD", nameof(UnitErrors.BadCurrency), ",2 USD")]
    [InlineData("1.5k USD", nameof(UnitErrors.BadCurrency), "k USD")]
    [InlineData("3000", nameof(UnitErrors.MoneyWithoutCurrency))]
    [InlineData("1.5K", nameof(UnitErrors.MoneyWithoutCurrency))]
    [InlineData("5 /month", nameof(UnitErrors.NotMoney))]
    [InlineData("USD 5", nameof(UnitErrors.NotMoney))]
    [InlineData("", nameof(UnitErrors.NotMoney))]
    [InlineData("-5 USD", nameof(UnitErrors.NegativeMoney))]
    [InlineData("99999999999999999999999999999B USD", nameof(UnitErrors.MoneyTooLarge))]
    [InlineData("5 USD/week", nameof(UnitErrors.UnknownMoneyPeriod), "week")]
    public void Fails_with(string text, string error, string? detail = null) =>
        UnitAssert.Fails(Money.Parse, text, error, detail is null ? [] : [detail]);

    [Theory]
    [InlineData("3000 USD/month", "3000 USD/month")]
    [InlineData("1,200 EUR/year", "1200 EUR/year")]
    [InlineData("1.5K USD/month", "1500 USD/month")]
    [InlineData("0.020 USD", "0.02 USD")]
    [InlineData("1 USD/second", "1 USD/s")]
    [InlineData("0 USD", "0 USD")]
    public void Round_trips(string text, string printed) => UnitAssert.RoundTrips(Money.Parse, text, printed);

    [Theory]
    [InlineData("3000 USD/month", "3000")]
    [InlineData("36000 USD/year", "3000")]
    [InlineData("100 USD/day", "3043.75")]
    [InlineData("1 USD/h", "730.5")]
    [InlineData("1 USD/min", "43830")]
    [InlineData("0.001 USD/s", "2629.8")]
    public void Per_month_uses_the_calendar_month(string text, string perMonth) =>
        Assert.Equal(decimal.Parse(perMonth, CultureInfo.InvariantCulture), Money.Parse(text).Value.PerMonth());

    [Fact]
    public void A_one_off_amount_has_no_monthly_amount() =>
        Assert.Throws<InvalidOperationException>(() => Money.Parse("0.02 USD").Value.PerMonth());

    [Fact]
    public void Factories_and_arithmetic()
    {
        Assert.Equal(Money.Parse("3000 USD/month").Value, Money.Of(3000m, "USD", RatePeriod.Month));
        Assert.Equal(Money.Parse("6000 USD/month").Value, Money.Of(3000m, "USD", RatePeriod.Month) * 2m);
        Assert.NotEqual(Money.Parse("36000 USD/year").Value, Money.Parse("3000 USD/month").Value);
        Assert.False(Money.Of(1m, "USD").IsPeriodic);
        Assert.Throws<ArgumentException>(() => Money.Of(1m, "usd"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.Of(-1m, "USD"));
        Assert.Equal(string.Empty, default(Money).Currency);
    }

    [Fact]
    public void Parsed_text_round_trips() =>
        UnitAssert.RoundTripProperty(
            Gen.Select(
                UnitGen.Number(),
                Gen.OneOf("", "K", "M"),
                Gen.OneOf("USD", "EUR", "GBP", "MXN", "JPY"),
                Gen.OneOf("", "/s", "/min", "/h", "/hour", "/day", "/month", "/year"),
                (n, suffix, currency, period) => n + suffix + " " + currency + period),
            Money.Parse);
}
