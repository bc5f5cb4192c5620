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
