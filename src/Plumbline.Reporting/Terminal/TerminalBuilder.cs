using System.Text;
using Plumbline.Design.Text;

namespace Plumbline.Reporting.Terminal;

/// <summary>
/// Builds terminal output the safe way round: everything appended is escaped by <see cref="TerminalText"/>
/// (line feeds kept, as layout), and colour comes only from <see cref="Append(TerminalStyle, string)"/>, which
/// puts the palette's codes around escaped text. So a report can colour what it prints, and text from a file,
/// however it was written, cannot.
/// </summary>
/// <param name="useColor">Whether styles print as ANSI colour; off, styled text is plain. Default false.</param>
public sealed class TerminalBuilder(bool useColor = false)
{
    private readonly StringBuilder _text = new();

    /// <summary>True when styles print as ANSI colour.</summary>
    public bool UseColor { get; } = useColor;

    /// <summary>Characters so far, colour codes included.</summary>
    public int Length => _text.Length;

    /// <summary>Appends text, escaped; line feeds stay.</summary>
    public TerminalBuilder Append(string? text)
    {
        TerminalText.Append(_text, text, keepLineFeeds: true);
        return this;
    }

    /// <summary>Appends one character, escaped unless it is a line feed.</summary>
    public TerminalBuilder Append(char c)
    {
        TerminalText.Append(_text, [c], keepLineFeeds: true);
        return this;
    }

    /// <summary>Appends a character <paramref name="repeat"/> times (padding); nothing when <paramref name="repeat"/> is 0 or less.</summary>
    public TerminalBuilder Append(char c, int repeat)
    {
        for (var i = 0; i < repeat; i++)
        {
            Append(c);
        }

        return this;
    }

    /// <summary>Appends text in a style: escaped, between the style's code and a reset when colour is on.</summary>
    public TerminalBuilder Append(TerminalStyle style, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var code = UseColor ? TerminalStyles.Code(style) : string.Empty;
        _text.Append(code);
        TerminalText.Append(_text, text, keepLineFeeds: true);
        if (code.Length > 0)
        {
            _text.Append(TerminalStyles.Reset);
        }

        return this;
    }

    /// <summary>Appends another builder's output as it is: it was escaped when it was built.</summary>
    public TerminalBuilder Append(TerminalBuilder other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _text.Append(other._text);
        return this;
    }

    /// <summary>Removes everything, to build again.</summary>
    public TerminalBuilder Clear()
    {
        _text.Clear();
        return this;
    }

    /// <summary>Writes the output to <paramref name="writer"/>; through a <see cref="TerminalWriter"/>, its colour codes pass.</summary>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (writer is TerminalWriter terminal)
        {
            terminal.WriteBuilt(_text.ToString());
        }
        else
        {
            writer.Write(_text.ToString());
        }
    }

    /// <summary>The output so far, colour codes included.</summary>
    public override string ToString() => _text.ToString();
}
