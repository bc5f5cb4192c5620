using System.Text.Json;

namespace Plumbline.Reporting.Formatting;

/// <summary>
/// How every JSON report writes a figure: the number, or null when it is infinite or not a number. JSON has no
/// infinity, and a figure past the largest double (load multiplied along a long chain of calls, growth compounded
/// for years) must print as unknown with its display text saying why, not end the run.
/// </summary>
public static class JsonNumbers
{
    public static void Write(Utf8JsonWriter writer, string name, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        WriteValue(writer, value);
    }

    /// <summary>The figure, or null when there is none or it is not finite.</summary>
    public static void Write(Utf8JsonWriter writer, string name, double? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        WriteValue(writer, value ?? double.NaN);
    }

    /// <summary>An exact amount (money), or null when there is none.</summary>
    public static void WriteMoney(Utf8JsonWriter writer, string name, decimal? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>An array of figures under <paramref name="name"/>, each null when it is not finite.</summary>
    public static void WriteArray(Utf8JsonWriter writer, string name, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            WriteValue(writer, value);
        }

        writer.WriteEndArray();
    }

    public static void WriteValue(Utf8JsonWriter writer, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
