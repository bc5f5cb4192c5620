using Plumbline.Design.Text;
using Xunit;

namespace Plumbline.Design.Tests.Text;

public sealed class TextWindowTests
{
    [Theory]
    [InlineData("")]
    [InlineData("links-db")]
    public void A_short_text_is_shown_whole(string text) => Assert.Same(text, TextWindow.Cut(text));

    [Fact]
    public void A_text_of_exactly_the_width_is_shown_whole()
    {
        var text = new string('a', 120);
        Assert.Equal(text, TextWindow.Cut(text));
    }

    [Fact]
    public void A_long_text_keeps_its_start_and_end_and_says_how_long_it_was()
    {
        // Width 40: the marker "…(1,000 characters)…" is 20 characters, leaving 20: 13 from the start, 7 from the end.
        var text = "start" + new string('-', 990) + "the-end";
        Assert.Equal(1002, text.Length);
        Assert.Equal("start--------…(1,002 characters)…the-end", TextWindow.Cut(text, 40));
    }

    [Fact]
    public void A_surrogate_pair_is_never_split()
    {
        // Emoji are two UTF-16 units; whatever the cut, every high surrogate is followed by its low one.
        var text = string.Concat(Enumerable.Repeat("😀", 500));
        for (var width = 40; width < 60; width++)
        {
            var cut = TextWindow.Cut(text, width);
            for (var i = 0; i < cut.Length; i++)
            {
                Assert.False(char.IsHighSurrogate(cut[i]) && (i + 1 == cut.Length || !char.IsLowSurrogate(cut[i + 1])), $"width {width}: split at {i}");
                Assert.False(char.IsLowSurrogate(cut[i]) && (i == 0 || !char.IsHighSurrogate(cut[i - 1])), $"width {width}: split at {i}");
            }
        }
    }
}
