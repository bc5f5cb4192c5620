using System.Text;
using Plumbline.Design.Text;

namespace Plumbline.Reporting.Terminal;

/// <summary>
/// A writer that lets nothing unsafe through to the terminal (or file) behind it: every character
/// <see cref="TerminalText"/> calls unsafe is written as a visible escape, line feeds (and CR LF pairs)
/// excepted. The command line writes all its output, standard output and standard error, through one, so
/// whatever a command prints (a path, a name, an option echoed in an error) is safe, and a new command is
/// safe without doing anything. Only a <see cref="TerminalBuilder"/>'s output passes as it is, since the
/// builder escaped it and added the only colour codes there are.
/// </summary>
public sealed class TerminalWriter : TextWriter
{
    private TerminalWriter(TextWriter inner)
        : base(inner.FormatProvider)
    {
        Inner = inner;
        CoreNewLine = inner.NewLine.ToCharArray();
    }

    /// <summary>The writer behind, which gets the escaped text.</summary>
    public TextWriter Inner { get; }

    public override Encoding Encoding => Inner.Encoding;

    /// <summary><paramref name="writer"/> if it already is a <see cref="TerminalWriter"/>, else one over it.</summary>
    public static TerminalWriter Over(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return writer as TerminalWriter ?? new TerminalWriter(writer);
    }

    public override void Write(char value)
    {
        if (value == '\n' || !TerminalText.IsUnsafe(value))
        {
            Inner.Write(value);
        }
        else
        {
            Inner.Write(TerminalText.Escape(value.ToString()));
        }
    }

    public override void Write(string? value)
    {
        if (value is not null)
        {
            Inner.Write(TerminalText.Escape(value, keepLineFeeds: true));
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (TerminalText.IsSafe(buffer, keepLineFeeds: true))
        {
            Inner.Write(buffer);
            return;
        }

        var sb = new StringBuilder(buffer.Length + 16);
        TerminalText.Append(sb, buffer, keepLineFeeds: true);
        Inner.Write(sb.ToString());
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write(CoreNewLine);
    }

    public override void Flush() => Inner.Flush();

    /// <summary>A <see cref="TerminalBuilder"/>'s output: escaped already, with the palette's colour codes.</summary>
    internal void WriteBuilt(string built) => Inner.Write(built);
}
