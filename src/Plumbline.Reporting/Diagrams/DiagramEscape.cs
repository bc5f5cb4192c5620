using System.Text;
using Plumbline.Design.Text;

namespace Plumbline.Reporting.Diagrams;

/// <summary>
/// Text from the file made safe for each diagram format. First <see cref="Clean"/>: every control character,
/// bidirectional control and line or paragraph separator as a visible escape (the one sanitiser,
/// <see cref="TerminalText"/>), and the characters XML cannot hold at all (an unpaired surrogate, U+FFFE, U+FFFF)
/// as <c>\uXXXX</c>; then the format's own quoting, so a name can neither end the string it sits in nor be read
/// as markup or an escape sequence.
/// </summary>
public static class DiagramEscape
{
    /// <summary>One line of plain, printable text that any of the formats can hold once quoted.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = TerminalText.Escape(text);
        StringBuilder? sb = null;
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            var valid = char.IsHighSurrogate(c) ? i + 1 < escaped.Length && char.IsLowSurrogate(escaped[i + 1])
                : char.IsLowSurrogate(c) ? i > 0 && char.IsHighSurrogate(escaped[i - 1])
                : c is not ('\uFFFE' or '\uFFFF');
            if (valid)
            {
                sb?.Append(c);
                continue;
            }

            sb ??= new StringBuilder(escaped, 0, i, escaped.Length + 8);
            sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb?.ToString() ?? escaped;
    }

    /// <summary>
    /// For inside a Mermaid double-quoted label: Mermaid's entity codes for the characters that would end the
    /// string (<c>"</c>), start an entity (<c>#</c>, <c>&amp;</c>), be read as HTML (<c>&lt;</c> <c>&gt;</c>), a
    /// Markdown string (a backtick) or the end of an edge label (<c>|</c>).
    /// </summary>
    public static string Mermaid(string text)
    {
        var clean = Clean(text);
        var sb = new StringBuilder(clean.Length + 8);
        foreach (var c in clean)
        {
            _ = c switch
            {
                '#' => sb.Append("#35;"),
                '"' => sb.Append("#quot;"),
                '&' => sb.Append("#amp;"),
                '<' => sb.Append("#lt;"),
                '>' => sb.Append("#gt;"),
                '`' => sb.Append("#96;"),
                '|' => sb.Append("#124;"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    /// <summary>
    /// For inside a DOT double-quoted string: a backslash doubled (Graphviz reads <c>\n</c>, <c>\l</c>, <c>\N</c> in
    /// labels), a quote escaped, and <c>&amp;</c> as an entity (Graphviz reads entities in every label).
    /// </summary>
    public static string Dot(string text)
    {
        var clean = Clean(text);
        var sb = new StringBuilder(clean.Length + 8);
        foreach (var c in clean)
        {
            _ = c switch
            {
                '\\' => sb.Append("\\\\"),
                '"' => sb.Append("\\\""),
                '&' => sb.Append("&amp;"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    /// <summary>For XML text and attribute values: the five predefined entities.</summary>
    public static string Xml(string text)
    {
        var clean = Clean(text);
        var sb = new StringBuilder(clean.Length + 8);
        foreach (var c in clean)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }
}
