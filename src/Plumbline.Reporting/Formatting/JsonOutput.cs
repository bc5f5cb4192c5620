using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Plumbline.Reporting.Formatting;

/// <summary>
/// How every JSON output is written: indented UTF-8 whose non-ASCII text stays readable (names and messages are not
/// turned into \u escapes; control characters still are, as JSON requires), one trailing newline when rendered to a
/// string, and absent values written as null. The writer is made without reflection, so it is safe under Native AOT.
/// </summary>
public static class JsonOutput
{
    /// <summary>The options of every writer: indented, with the relaxed encoder (the output is data, never HTML).</summary>
    public static JsonWriterOptions Options { get; } = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A writer over <paramref name="stream"/> with <see cref="Options"/>; dispose it to flush.</summary>
    public static Utf8JsonWriter Open(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new Utf8JsonWriter(stream, Options);
    }

    /// <summary>Runs <paramref name="write"/> on a fresh writer and returns the text, with a trailing newline.</summary>
    public static string Render(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        using (var writer = Open(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Runs <paramref name="write"/> (a renderer that writes to a stream) and returns the text, with a trailing newline.</summary>
    public static string RenderStream(Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>A string property, or null when there is no value.</summary>
    public static void String(Utf8JsonWriter writer, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>An array of strings under <paramref name="name"/>.</summary>
    public static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
