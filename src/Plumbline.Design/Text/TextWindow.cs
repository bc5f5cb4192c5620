using System.Globalization;

namespace Plumbline.Design.Text;

/// <summary>
/// How much of a long text a message may echo: a name, key or value from a file can be 64 Ki characters
/// long, and a message that repeats it whole (once per error, up to a hundred times) floods a terminal or a
/// log. A text longer than the window keeps its start and its end, and says how much was left out.
/// </summary>
public static class TextWindow
{
    /// <summary>The longest text a message echoes whole: 120 characters.</summary>
    public const int DefaultWidth = 120;

    /// <summary>
    /// <paramref name="text"/> if it is at most <paramref name="width"/> characters; otherwise its first and last
    /// characters around <c>…(N characters)…</c>, at most about <paramref name="width"/> characters in all.
    /// A surrogate pair is never split.
    /// </summary>
    /// <param name="text">The text to show.</param>
    /// <param name="width">The longest text shown whole; at least 40. Default <see cref="DefaultWidth"/>.</param>
    public static string Cut(string text, int width = DefaultWidth)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 40);
        if (text.Length <= width)
        {
            return text;
        }

        var marker = string.Create(CultureInfo.InvariantCulture, $"…({text.Length:N0} characters)…");
        var kept = Math.Max(2, width - marker.Length);
        var head = Boundary(text, (kept * 2) / 3);
        var tail = Boundary(text, text.Length - (kept - head));
        return string.Concat(text.AsSpan(0, head), marker, text.AsSpan(tail));
    }

    /// <summary>The most items of a list a message names before it counts the rest: 10.</summary>
    public const int DefaultItems = 10;

    /// <summary>
    /// The items joined by ", " when there are at most <paramref name="shown"/>; otherwise the first
    /// <paramref name="shown"/> and "and N more": a flow that carries three thousand entities names ten of them,
    /// so a message stays a line long however large the design.
    /// </summary>
    public static string Some(IReadOnlyList<string> items, int shown = DefaultItems)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(shown, 1);
        return items.Count <= shown
            ? string.Join(", ", items)
            : string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", items.Take(shown))} and {items.Count - shown:N0} more");
    }

    /// <summary>An index at or just before <paramref name="index"/> that does not fall inside a surrogate pair.</summary>
    private static int Boundary(string text, int index) =>
        index > 0 && index < text.Length && char.IsLowSurrogate(text[index]) && char.IsHighSurrogate(text[index - 1]) ? index - 1 : index;
}
