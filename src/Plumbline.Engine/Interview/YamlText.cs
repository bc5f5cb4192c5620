using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Plumbline.Design.Text;

namespace Plumbline.Engine.Interview;

/// <summary>
/// Scalars for YAML we write by hand. Free text is always double-quoted with every character that
/// could change its meaning escaped, so any answer round-trips as the same string.
/// </summary>
public static partial class YamlText
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    /// <summary>A plain scalar when that reads back as the same string (an identifier), else <see cref="Quote"/>.</summary>
    public static string Scalar(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return IdentifierPattern().IsMatch(value) && !Reserved.Contains(value) ? value : Quote(value);
    }

    /// <summary>
    /// A double-quoted scalar: backslash, quote, and every character <see cref="TerminalText"/> would not show raw
    /// (controls, line breaks, bidirectional marks) escaped, so the file reads as it parses; lone surrogates become U+FFFD.
    /// </summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        sb.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        sb.Append('\uFFFD');
                    }
                    else if (TerminalText.IsUnsafe(c) || c is '\uFEFF' or '\uFFFE' or '\uFFFF')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>A flow list <c>[a, "b c"]</c> of scalars.</summary>
    public static string FlowList(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Scalar)) + "]";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();
}
