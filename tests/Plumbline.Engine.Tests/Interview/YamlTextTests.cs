using CsCheck;
using Plumbline.Engine.Interview;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Plumbline.Engine.Tests.Interview;

public sealed class YamlTextTests
{
    private static string ReadBack(string scalar)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader("k: " + scalar + "\n"));
        var map = (YamlMappingNode)stream.Documents[0].RootNode;
        return ((YamlScalarNode)map.Children[new YamlScalarNode("k")]).Value!;
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("with space")]
    [InlineData("a: b")]
    [InlineData("# not a comment")]
    [InlineData("\"quoted\" and \\ back")]
    [InlineData("yes")]
    [InlineData("123")]
    [InlineData("- item")]
    [InlineData("tab\tnew\nline\u0001\u2028")]
    [InlineData("ünïcödé 😀")]
    [InlineData("")]
    public void Scalars_read_back_as_the_same_string(string value)
    {
        Assert.Equal(value, ReadBack(YamlText.Scalar(value)));
        Assert.Equal(value, ReadBack(YamlText.Quote(value)));
    }

    [Fact]
    public void Reserved_words_and_numbers_are_quoted()
    {
        Assert.Equal("\"yes\"", YamlText.Scalar("yes"));
        Assert.Equal("\"Null\"", YamlText.Scalar("Null"));
        Assert.Equal("\"123\"", YamlText.Scalar("123"));
        Assert.Equal("url-shortener", YamlText.Scalar("url-shortener"));
    }

    [Fact]
    public void Any_string_without_lone_surrogates_round_trips()
    {
        Gen.String.Where(s => !HasLoneSurrogate(s)).SampleReplayable(s => Assert.Equal(s, ReadBack(YamlText.Quote(s))), iter: 2000);
    }

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return true;
            }
        }

        return false;
    }
}
