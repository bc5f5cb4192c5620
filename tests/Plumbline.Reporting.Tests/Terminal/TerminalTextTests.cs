using Plumbline.Design.Text;
using Plumbline.Reporting.Terminal;
using Xunit;

namespace Plumbline.Reporting.Tests.Terminal;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("links-db", "links-db")]
    [InlineData("café ☕ 😀 ok", "café ☕ 😀 ok")]
    [InlineData("\u001b]0;pwned\u0007\u001b[2J", "\\u001B]0;pwned\\u0007\\u001B[2J")]
    [InlineData("a\nb\r\nc\td", "a\\nb\\r\\nc\\td")]
    [InlineData("\u202Eevil\u202C", "\\u202Eevil\\u202C")]
    [InlineData("\u2066\u2067\u2068\u2069\u200E\u200F\u061C", "\\u2066\\u2067\\u2068\\u2069\\u200E\\u200F\\u061C")]
    [InlineData("\u0085\u009b31m\u007f\u0000", "\\u0085\\u009B31m\\u007F\\u0000")]
    [InlineData("line\u2028para\u2029", "line\\u2028para\\u2029")]
    public void One_value_is_shown_with_every_unsafe_character_as_a_visible_escape(string text, string shown)
    {
        Assert.Equal(shown, TerminalText.Escape(text));
    }

    [Fact]
    public void Escaping_twice_changes_nothing()
    {
        var once = TerminalText.Escape("\u001b[31m\u202E\n\t");
        Assert.Equal(once, TerminalText.Escape(once));
    }

    [Fact]
    public void Safe_text_is_returned_as_it_is()
    {
        const string text = "api needs 12 instances";
        Assert.Same(text, TerminalText.Escape(text));
    }

    [Fact]
    public void Every_C0_and_C1_control_is_unsafe_and_printable_text_is_not()
    {
        for (var c = '\0'; c < ' '; c++)
        {
            Assert.True(TerminalText.IsUnsafe(c), $"U+{(int)c:X4}");
        }

        for (var c = '\u007F'; c <= '\u009F'; c++)
        {
            Assert.True(TerminalText.IsUnsafe(c), $"U+{(int)c:X4}");
        }

        foreach (var c in " azAZ09-_.:/\\\"'{}[]|é€☕\u00A0\u200D")
        {
            Assert.False(TerminalText.IsUnsafe(c), $"U+{(int)c:X4}");
        }
    }
}

public sealed class TerminalWriterTests
{
    [Fact]
    public void Line_feeds_are_layout_and_everything_else_unsafe_is_escaped()
    {
        var inner = new StringWriter { NewLine = "\n" };
        var writer = TerminalWriter.Over(inner);
        writer.Write("a\u001b[2Jb\n");
        writer.Write('\u0007');
        writer.Write(['x', '\u202E', 'y'], 0, 3);
        writer.WriteLine("end\r");
        writer.Write("crlf\r\n");
        Assert.Equal("a\\u001B[2Jb\n\\u0007x\\u202Eyend\\r\ncrlf\r\n", inner.ToString());
    }

    [Fact]
    public void A_writer_over_a_terminal_writer_is_that_writer()
    {
        var writer = TerminalWriter.Over(new StringWriter());
        Assert.Same(writer, TerminalWriter.Over(writer));
    }

    [Fact]
    public void Built_output_keeps_the_palette_and_nothing_else()
    {
        var inner = new StringWriter();
        var builder = new TerminalBuilder(useColor: true)
            .Append(TerminalStyle.Red, "error")
            .Append(": ")
            .Append("\u001b[1;31mfake\u001b[0m")
            .Append(TerminalStyle.Plain, "plain")
            .Append('\n');
        builder.WriteTo(TerminalWriter.Over(inner));
        Assert.Equal("\u001b[1;31merror\u001b[0m: \\u001B[1;31mfake\\u001B[0mplain\n", inner.ToString());
    }

    [Fact]
    public void Without_colour_styled_text_is_plain()
    {
        var builder = new TerminalBuilder(useColor: false).Append(TerminalStyle.Bold, "title").Append(' ', 2).Append("x");
        Assert.Equal("title  x", builder.ToString());
    }
}
