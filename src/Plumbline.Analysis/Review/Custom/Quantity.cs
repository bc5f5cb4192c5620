using System.Collections.Immutable;
using System.Globalization;
using Plumbline.Design.Units;

namespace Plumbline.Analysis.Review.Custom;

/// <summary>The unit families a <c>min</c> or <c>max</c> bound compares in.</summary>
internal enum QuantityKind
{
    /// <summary>A percentage, as a fraction (99.9% is 0.999).</summary>
    Percent,

    /// <summary>A rate, per second.</summary>
    Rate,

    /// <summary>A duration, in seconds.</summary>
    Duration,

    /// <summary>A size, in bytes.</summary>
    Size,

    /// <summary>A plain number or a count (1.5K is 1500).</summary>
    Number,
}

/// <summary>A value read in one unit family, in that family's base unit.</summary>
internal readonly record struct Quantity(QuantityKind Kind, double Value);

/// <summary>
/// A <c>min</c> or <c>max</c> bound, read with the design's own unit parsers. Text can read in more than one
/// family (<c>0</c> is a duration, a size and a number; <c>1B</c> is a byte and a billion), so the bound keeps
/// every reading, and a value is compared in the first family, in <see cref="QuantityKind"/> order, that it
/// reads in too: <c>max: 1s</c> against <c>500ms</c> compares seconds; <c>min: 1B</c> against <c>1.5K</c> compares counts.
/// </summary>
internal sealed record Bound(string Text, ImmutableArray<Quantity> Readings)
{
    /// <summary>The bound, or null when the text reads in no family.</summary>
    public static Bound? TryParse(string text)
    {
        var readings = ImmutableArray.CreateBuilder<Quantity>();
        foreach (var kind in Enum.GetValues<QuantityKind>())
        {
            if (TryRead(kind, text, bridge: false, out var value))
            {
                readings.Add(new Quantity(kind, value));
            }
        }

        return readings.Count == 0 ? null : new Bound(text, readings.ToImmutable());
    }

    /// <summary>
    /// Compares a value with the bound: negative when the value is below it, zero when equal, positive when
    /// above; null when the value reads in none of the bound's families.
    /// </summary>
    public int? CompareValue(string valueText)
    {
        foreach (var reading in Readings)
        {
            if (TryRead(reading.Kind, valueText, bridge: true, out var value))
            {
                return value.CompareTo(reading.Value);
            }
        }

        return null;
    }

    /// <summary>True when both bounds read in a common family and this one is above the other there.</summary>
    public bool IsAbove(Bound other)
    {
        foreach (var reading in Readings)
        {
            foreach (var theirs in other.Readings)
            {
                if (theirs.Kind == reading.Kind)
                {
                    return reading.Value > theirs.Value;
                }
            }
        }

        return false;
    }

    public override string ToString() => Text;

    /// <summary>
    /// Reads text in one family. With <paramref name="bridge"/> (values, not bounds), shares cross between
    /// percent and number the way the design's ratio fields are written either way: 0.9 and 90% are equal.
    /// </summary>
    private static bool TryRead(QuantityKind kind, string text, bool bridge, out double value)
    {
        value = 0;
        switch (kind)
        {
            case QuantityKind.Percent:
                if (Percent.Parse(text).TryGetValue(out var percent))
                {
                    value = percent.Fraction;
                    return true;
                }

                return bridge && Ratio.Parse(text).TryGetValue(out value);
            case QuantityKind.Rate:
                if (Rate.Parse(text).TryGetValue(out var rate))
                {
                    value = rate.PerSecond;
                    return true;
                }

                return false;
            case QuantityKind.Duration:
                if (Duration.Parse(text).TryGetValue(out var duration))
                {
                    value = duration.Seconds;
                    return true;
                }

                return false;
            case QuantityKind.Size:
                if (ByteSize.Parse(text).TryGetValue(out var size))
                {
                    value = size.Bytes;
                    return true;
                }

                return false;
            default:
                if (TryParsePlain(text, out value))
                {
                    return true;
                }

                if (Count.Parse(text).TryGetValue(out var count))
                {
                    value = count.Value;
                    return true;
                }

                if (bridge && Percent.Parse(text).TryGetValue(out var share))
                {
                    value = share.Fraction;
                    return true;
                }

                return false;
        }
    }

    /// <summary>A plain number: digits with optional sign, fraction, exponent and '_' separators; finite.</summary>
    private static bool TryParsePlain(string text, out double value) =>
        double.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);
}
