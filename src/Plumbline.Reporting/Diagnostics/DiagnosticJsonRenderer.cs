using System.Text.Json;
using Plumbline.Design.Diagnostics;
using Plumbline.Reporting.Formatting;

namespace Plumbline.Reporting.Diagnostics;

/// <summary>
/// Writes diagnostics as JSON with <see cref="Utf8JsonWriter"/> (no reflection, so it is safe under
/// Native AOT). Each diagnostic is an object with the fields file, line, column, endLine, endColumn
/// (1-based; 0 when there is no position), code, severity ("error" or "warning"), path (the YAML path,
/// or ""), message and help (null when there is none).
/// </summary>
public static class DiagnosticJsonRenderer
{
    /// <summary>Renders the diagnostics as a JSON array, with a trailing newline.</summary>
    public static string Render(IEnumerable<Diagnostic> diagnostics, string? fallbackPath = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return JsonOutput.Render(writer => WriteArray(writer, diagnostics, fallbackPath));
    }

    /// <summary>Writes the diagnostics as an array at the writer's position (a value, or after a property name).</summary>
    public static void WriteArray(Utf8JsonWriter writer, IEnumerable<Diagnostic> diagnostics, string? fallbackPath = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diagnostics);
        writer.WriteStartArray();
        foreach (var diagnostic in diagnostics)
        {
            Write(writer, diagnostic, fallbackPath);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes one diagnostic object.</summary>
    public static void Write(Utf8JsonWriter writer, Diagnostic diagnostic, string? fallbackPath = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diagnostic);
        var span = diagnostic.Span;
        var start = span.Start;
        var end = span.End;
        var file = span.IsNone || string.IsNullOrEmpty(span.Path) ? fallbackPath ?? string.Empty : span.Path;

        writer.WriteStartObject();
        writer.WriteString("file", file);
        writer.WriteNumber("line", start.Line);
        writer.WriteNumber("column", start.Column);
        writer.WriteNumber("endLine", end.Line);
        writer.WriteNumber("endColumn", end.Column);
        writer.WriteString("code", diagnostic.Code);
        writer.WriteString("severity", DiagnosticTextRenderer.SeverityName(diagnostic.Severity));
        writer.WriteString("path", diagnostic.YamlPath);
        writer.WriteString("message", diagnostic.Message);
        if (diagnostic.Help is null)
        {
            writer.WriteNull("help");
        }
        else
        {
            writer.WriteString("help", diagnostic.Help);
        }

        writer.WriteEndObject();
    }
}
