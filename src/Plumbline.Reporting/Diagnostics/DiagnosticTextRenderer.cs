using System.Globalization;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Text;
using Plumbline.Reporting.Terminal;

namespace Plumbline.Reporting.Diagnostics;

/// <summary>
/// Renders diagnostics the way compilers do, so editors and terminals turn the first line into a link:
/// <code>
/// design.yaml:12:16: error PL2003: message
///    12 |     instances: many
///       |                ^^^^
///   help: how to fix it
///   at: /components/edge/instances
/// </code>
/// Colour is ANSI and off unless asked for; the caller decides (a terminal, and NO_COLOR unset).
/// </summary>
public sealed class DiagnosticTextRenderer(bool useColor = false)
{
    private const TerminalStyle Bold = TerminalStyle.Bold;
    private const TerminalStyle Red = TerminalStyle.Red;
    private const TerminalStyle Yellow = TerminalStyle.Yellow;
    private const TerminalStyle Cyan = TerminalStyle.Cyan;
    private const TerminalStyle Blue = TerminalStyle.Blue;
    private const TerminalStyle Dim = TerminalStyle.Dim;

    /// <summary>True when the output carries ANSI colour codes.</summary>
    public bool UseColor { get; } = useColor;

    /// <summary>Writes one diagnostic, a source excerpt when the span has a source, then help and path.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <param name="fallbackPath">The file to name when the diagnostic has no position (a missing file, say).</param>
    public void Write(TextWriter writer, Diagnostic diagnostic, string? fallbackPath = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diagnostic);

        var span = diagnostic.Span;
        var severityColor = diagnostic.IsError ? Red : Yellow;
        var sb = new TerminalBuilder(UseColor);

        sb.Append(Bold, Location(diagnostic, fallbackPath)).Append(": ");
        sb.Append(severityColor, SeverityName(diagnostic.Severity)).Append(' ');
        sb.Append(Bold, diagnostic.Code).Append(": ");
        sb.Append(TerminalText.Escape(diagnostic.Message)).Append('\n');

        // An empty source (a file that could not be read) has no line worth showing.
        if (!span.IsNone && span.Source is { Text.Length: > 0 } source && span.Start.Line >= 1 && span.Start.Line <= source.LineCount)
        {
            AppendExcerpt(sb, source, span, severityColor);
        }

        if (!string.IsNullOrEmpty(diagnostic.Help))
        {
            sb.Append("  ").Append(Cyan, "help").Append(": ").Append(TerminalText.Escape(diagnostic.Help)).Append('\n');
        }

        if (!string.IsNullOrEmpty(diagnostic.YamlPath))
        {
            sb.Append("  ").Append(Dim, "at: " + TerminalText.Escape(diagnostic.YamlPath)).Append('\n');
        }

        sb.WriteTo(writer);
    }

    /// <summary>Writes every diagnostic in order, a blank line between them.</summary>
    public void WriteAll(TextWriter writer, IEnumerable<Diagnostic> diagnostics, string? fallbackPath = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var first = true;
        foreach (var diagnostic in diagnostics)
        {
            if (!first)
            {
                writer.Write('\n');
            }

            Write(writer, diagnostic, fallbackPath);
            first = false;
        }
    }

    /// <summary>Writes every diagnostic in order, each followed by a blank line (how the commands list them on stderr).</summary>
    public void WriteEach(TextWriter writer, IEnumerable<Diagnostic> diagnostics, string? fallbackPath = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            Write(writer, diagnostic, fallbackPath);
            writer.Write('\n');
        }
    }

    /// <summary>
    /// After a file's listed diagnostics, the line that says how many more there are:
    /// <c>... and 99,900 more errors, not listed (the first 100 of a file are)</c>. Nothing when none were left out.
    /// </summary>
    public void WriteOmitted(TextWriter writer, OmittedDiagnostics omitted, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (omitted.IsEmpty)
        {
            return;
        }

        var counts = string.Join(" and ", new[] { (omitted.Errors, "error"), (omitted.Warnings, "warning") }
            .Where(c => c.Item1 > 0)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Item1:N0} more {c.Item2}{(c.Item1 == 1 ? string.Empty : "s")}")));
        var where = string.IsNullOrEmpty(file) ? string.Empty : $"{TerminalText.Escape(file)}: ";
        new TerminalBuilder(UseColor)
            .Append(omitted.Errors > 0 ? Red : Yellow, $"{where}... and {counts}, not listed")
            .Append(string.Create(CultureInfo.InvariantCulture, $" (only the first {DiagnosticLimits.MaxListed} of a file are; fix those and run again)\n\n"))
            .WriteTo(writer);
    }

    /// <summary>Writes a summary line such as <c>2 errors, 1 warning in 1 file</c>, coloured by the worst severity.</summary>
    public void WriteSummary(TextWriter writer, DiagnosticSummary summary)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var color = summary.Errors > 0 ? Red : summary.Warnings > 0 ? Yellow : Bold;
        new TerminalBuilder(UseColor).Append(color, summary.ToString()).Append('\n').WriteTo(writer);
    }

    /// <summary><c>path:line:col</c>, or the path alone when there is no position.</summary>
    public static string Location(Diagnostic diagnostic, string? fallbackPath = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var span = diagnostic.Span;
        var path = span.IsNone || string.IsNullOrEmpty(span.Path) ? fallbackPath ?? string.Empty : span.Path;
        if (span.IsNone || path.Length == 0)
        {
            return path.Length == 0 ? "plumbline" : path;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{path}:{span.Start.Line}:{span.Start.Column}");
    }

    public static string SeverityName(DiagnosticSeverity severity) =>
        severity == DiagnosticSeverity.Error ? "error" : "warning";

    /// <summary>Source lines longer than this are shown as a window around the problem.</summary>
    private const int MaxExcerptWidth = 120;

    private static void AppendExcerpt(TerminalBuilder sb, SourceText source, SourceSpan span, TerminalStyle color)
    {
        var start = span.Start;
        var line = source.GetLine(start.Line);
        var gutter = start.Line.ToString(CultureInfo.InvariantCulture);
        var pad = new string(' ', gutter.Length);

        // Tabs would shift the caret by a terminal-dependent amount, and other control characters (from a binary
        // file, say) or bidirectional overrides would drive the terminal: one visible column each keeps the caret under the text.
        var shown = string.Create(line.Length, line, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                chars[i] = c == '\t' ? ' ' : TerminalText.IsUnsafe(c) ? '?' : c;
            }
        });
        var firstColumn = Math.Clamp(start.Column, 1, shown.Length + 1);

        // A span over several lines is underlined to the end of its first line.
        var end = span.End;
        var lastColumn = end.Line == start.Line ? end.Column : shown.Length + 1;
        var width = Math.Max(1, lastColumn - firstColumn);

        // A very long line (minified or hostile input) is cut to a window around the span.
        if (shown.Length > MaxExcerptWidth)
        {
            var from = Math.Clamp(firstColumn - 1 - (MaxExcerptWidth / 3), 0, shown.Length);
            var to = Math.Min(shown.Length, from + MaxExcerptWidth);
            var prefix = from > 0 ? "..." : string.Empty;
            shown = prefix + shown[from..to] + (to < shown.Length ? "..." : string.Empty);
            firstColumn = firstColumn - from + prefix.Length;
            width = Math.Max(1, Math.Min(width, shown.Length - firstColumn + 1));
        }

        sb.Append(' ').Append(Blue, gutter + " |").Append(' ').Append(shown.TrimEnd()).Append('\n');
        sb.Append(' ').Append(Blue, pad + " |").Append(' ')
          .Append(' ', firstColumn - 1)
          .Append(color, new string('^', width)).Append('\n');
    }
}
