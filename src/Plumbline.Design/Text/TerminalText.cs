using System.Buffers;
using System.Globalization;
using System.Text;

namespace Plumbline.Design.Text;

/// <summary>
/// The one sanitising step between text from a file or a person (names, messages, paths, reasons, an
/// interview's answers) and a terminal; reports, the CLI's output and the interview all escape through it.
/// A terminal obeys control characters: ESC starts sequences that set the window title, clear the screen or
/// move the cursor; BEL, BS and CR overwrite what was printed; bidirectional overrides (U+202E...) reorder
/// what is shown so the screen says something else than the text. Each such character is shown as a visible
/// escape instead (<c>\u001B</c>, <c>\t</c>), so the text reads as what it is and drives nothing.
/// </summary>
/// <remarks>
/// Unsafe: C0 controls (U+0000 to U+001F), DEL and C1 controls (U+007F to U+009F), the bidirectional marks,
/// embeddings, overrides and isolates (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069), and the
/// line and paragraph separators U+2028 and U+2029. A line feed is layout when a renderer writes it and is
/// kept by Reporting's <c>TerminalWriter</c>; inside one value it is escaped by <see cref="Escape(string)"/>.
/// The escapes are printable ASCII, so escaping twice changes nothing, and in JSON output <c>\u202E</c>
/// is the same character, escaped.
/// </remarks>
public static class TerminalText
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(BuildUnsafe(keepLineFeed: false));

    private static readonly SearchValues<char> UnsafeExceptLineFeed = SearchValues.Create(BuildUnsafe(keepLineFeed: true));

    /// <summary>True when <paramref name="c"/> must not reach a terminal raw (line feed included).</summary>
    public static bool IsUnsafe(char c) => Unsafe.Contains(c);

    /// <summary>One value on one line: every unsafe character, line breaks and tabs included, as a visible escape.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Escape(text, keepLineFeeds: false);
    }

    /// <summary>True when <paramref name="text"/> has nothing to escape (line feeds count only when <paramref name="keepLineFeeds"/> is false).</summary>
    public static bool IsSafe(ReadOnlySpan<char> text, bool keepLineFeeds = false) =>
        text.IndexOfAny(keepLineFeeds ? UnsafeExceptLineFeed : Unsafe) < 0;

    /// <summary>Text with its unsafe characters escaped; with <paramref name="keepLineFeeds"/>, line feeds (and CR LF pairs) stay.</summary>
    public static string Escape(string text, bool keepLineFeeds)
    {
        if (IsSafe(text, keepLineFeeds))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        Append(sb, text, keepLineFeeds);
        return sb.ToString();
    }

    /// <summary>Appends <paramref name="text"/> to <paramref name="sb"/>, escaping as <see cref="Escape(string, bool)"/> does.</summary>
    public static void Append(StringBuilder sb, ReadOnlySpan<char> text, bool keepLineFeeds)
    {
        ArgumentNullException.ThrowIfNull(sb);
        AppendEscaped(sb, text, keepLineFeeds);
    }

    private static void AppendEscaped(StringBuilder sb, ReadOnlySpan<char> text, bool keepLineFeeds)
    {
        var unsafeChars = keepLineFeeds ? UnsafeExceptLineFeed : Unsafe;
        while (!text.IsEmpty)
        {
            var i = text.IndexOfAny(unsafeChars);
            if (i < 0)
            {
                sb.Append(text);
                return;
            }

            sb.Append(text[..i]);
            var c = text[i];
            if (c == '\r' && keepLineFeeds && i + 1 < text.Length && text[i + 1] == '\n')
            {
                sb.Append("\r\n");
                text = text[(i + 2)..];
                continue;
            }

            AppendEscape(sb, c);
            text = text[(i + 1)..];
        }
    }

    private static void AppendEscape(StringBuilder sb, char c)
    {
        switch (c)
        {
            case '\n':
                sb.Append("\\n");
                break;
            case '\r':
                sb.Append("\\r");
                break;
            case '\t':
                sb.Append("\\t");
                break;
            default:
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string BuildUnsafe(bool keepLineFeed)
    {
        var chars = new List<char>();
        for (var c = '\0'; c < ' '; c++)
        {
            if (!(keepLineFeed && c == '\n'))
            {
                chars.Add(c);
            }
        }

        for (var c = '\u007F'; c <= '\u009F'; c++)
        {
            chars.Add(c);
        }

        chars.AddRange(['\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u2028', '\u2029']);
        return new string([.. chars]);
    }
}
