using System.Reflection;
using CsCheck;
using Plumbline.Design.Units;
using Xunit;

namespace Plumbline.Design.Tests.Units;

/// <summary>The three table checks every unit shares: parses to, fails with, prints as.</summary>
internal static class UnitAssert
{
    public static T Parses<T>(Func<string, UnitParseResult<T>> parse, string text)
    {
        var result = parse(text);
        Assert.True(result.Success, $"\"{text}\" should parse but failed: {result.Error}");
        return result.Value;
    }

    /// <summary>
    /// Fails with the <see cref="UnitErrors"/> message named <paramref name="error"/> (called with the
    /// text and <paramref name="args"/>), and the message quotes the text.
    /// </summary>
    public static void Fails<T>(Func<string, UnitParseResult<T>> parse, string text, string error, params string[] args)
    {
        var result = parse(text);
        Assert.False(result.Success, $"\"{text}\" should fail but parsed as {result.Value}");
        var expected = ExpectedMessage(error, text, args);
        Assert.Equal(expected, result.Error);
        Assert.Contains(UnitErrors.Quote(text), result.Error, StringComparison.Ordinal);
        Assert.Equal(default, result.Value);
    }

    private static string ExpectedMessage(string error, string text, string[] args)
    {
        var method = typeof(UnitErrors).GetMethod(error, BindingFlags.Public | BindingFlags.Static)
            ?? throw new ArgumentException($"UnitErrors has no method {error}", nameof(error));
        object?[] arguments = [text, .. args];
        return (string)method.Invoke(null, arguments)!;
    }

    /// <summary>Parses, prints as <paramref name="printed"/>, and the printed text parses back equal.</summary>
    public static void RoundTrips<T>(Func<string, UnitParseResult<T>> parse, string text, string printed)
    {
        var value = Parses(parse, text);
        Assert.Equal(printed, value?.ToString());
        Assert.Equal(value, Parses(parse, printed));
    }

    /// <summary>The property every unit keeps: whatever Parse produces prints as text that parses back equal.</summary>
    public static void RoundTripProperty<T>(Gen<string> validText, Func<string, UnitParseResult<T>> parse) =>
        validText.SampleReplayable(
            text =>
            {
                var value = Parses(parse, text);
                var printed = value?.ToString() ?? string.Empty;
                var again = parse(printed);
                Assert.True(again.Success, $"\"{text}\" printed as \"{printed}\", which fails: {again.Error}");
                Assert.True(EqualityComparer<T>.Default.Equals(value, again.Value), $"\"{text}\" printed as \"{printed}\", which parses to {again.Value}");
            },
            iter: 2_000);
}

/// <summary>Generators of valid number text for the property tests.</summary>
internal static class UnitGen
{
    /// <summary>Non-negative decimal text with up to <paramref name="maxPlaces"/> decimals: "0", "12.5", "999999.000001".</summary>
    public static Gen<string> Number(long maxMantissa = 999_999_999_999, int maxPlaces = 6) =>
        Gen.Select(Gen.Long[0, maxMantissa], Gen.Int[0, maxPlaces], (mantissa, places) =>
            new decimal(mantissa) / Pow10(places)).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static decimal Pow10(int places)
    {
        var result = 1m;
        for (var i = 0; i < places; i++)
        {
            result *= 10;
        }

        return result;
    }
}
