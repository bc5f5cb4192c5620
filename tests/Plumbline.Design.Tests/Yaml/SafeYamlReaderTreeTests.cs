using System.Text;
using Plumbline.Design.Yaml;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using static Plumbline.Tests.Shared.YamlTestHelpers;

namespace Plumbline.Design.Tests.Yaml;

public class SafeYamlReaderTreeTests
{
    private const string Design = """
        name: shop
        components:
          api:
            kind: service
            replicas: 3
            tags: [web, "public"]
          db: {kind: database, size: '10 GB'}
        notes: |
          line one
          line two
        empty:
        """;

    [Fact]
    public void A_nested_document_becomes_the_expected_tree()
    {
        var root = Assert.IsType<YamlMapping>(Root(Read(Design)));

        Assert.Equal(["name", "components", "notes", "empty"], root.Entries.Select(e => e.Key.Value));
        Assert.Equal("shop", Value(At(root, "name")));
        Assert.Equal(["api", "db"], Assert.IsType<YamlMapping>(At(root, "components")).Entries.Select(e => e.Key.Value));
        Assert.Equal("service", Value(At(root, "components", "api", "kind")));
        Assert.Equal("3", Value(At(root, "components", "api", "replicas")));
        Assert.Equal("web", Value(At(root, "components", "api", "tags", 0)));
        Assert.Equal("public", Value(At(root, "components", "api", "tags", 1)));
        Assert.Equal("database", Value(At(root, "components", "db", "kind")));
        Assert.Equal("10 GB", Value(At(root, "components", "db", "size")));
        Assert.Equal("line one\nline two\n", Value(At(root, "notes")));
        Assert.True(Assert.IsType<YamlScalar>(At(root, "empty")).IsNull);
    }

    [Fact]
    public void Keys_and_values_carry_their_own_line_and_column()
    {
        var root = Assert.IsType<YamlMapping>(Root(Read(Design)));
        var api = Assert.IsType<YamlMapping>(At(root, "components", "api"));

        Assert.Equal("1:1", Pos(root));
        Assert.Equal("1:1", Pos(root.Entries[0].Key));
        Assert.Equal("1:7", Pos(root.Entries[0].Value));
        Assert.Equal("3:3", Pos(Assert.IsType<YamlMapping>(At(root, "components")).Entries[0].Key));
        Assert.Equal("4:5", Pos(api));
        Assert.Equal("4:5", Pos(api.Entries[0].Key));
        Assert.Equal("4:11", Pos(api.Entries[0].Value));
        Assert.Equal("5:15", Pos(At(api, "replicas")));
        Assert.Equal("6:11", Pos(At(api, "tags")));
        Assert.Equal("6:12", Pos(At(api, "tags", 0)));
        Assert.Equal("6:17", Pos(At(api, "tags", 1)));
        Assert.Equal("7:7", Pos(At(root, "components", "db")));
        Assert.Equal("7:30", Pos(At(root, "components", "db", "size")));
        Assert.Equal("8:8", Pos(At(root, "notes")));
    }

    [Fact]
    public void Spans_cover_exactly_the_text_of_their_node()
    {
        var root = Root(Read(Design));

        Assert.Equal("shop", SpanText(At(root, "name")));
        Assert.Equal("[web, \"public\"]", SpanText(At(root, "components", "api", "tags")));
        Assert.Equal("\"public\"", SpanText(At(root, "components", "api", "tags", 1)));
        Assert.Equal("{kind: database, size: '10 GB'}", SpanText(At(root, "components", "db")));
        Assert.Equal("kind: service\n    replicas: 3\n    tags: [web, \"public\"]", SpanText(At(root, "components", "api")));
        Assert.Equal(Design.Length, root.Span.Offset + root.Span.Length);
    }

    [Theory]
    [InlineData("a: plain", "plain", true)]
    [InlineData("a: 'single'", "single", false)]
    [InlineData("a: \"double\\tescaped\"", "double\tescaped", false)]
    [InlineData("a: |\n  literal\n", "literal\n", false)]
    [InlineData("a: >\n  folded\n  text\n", "folded text\n", false)]
    [InlineData("a: 'null'", "null", false)]
    [InlineData("a: ~", "~", true)]
    public void Scalar_styles_keep_their_value_and_whether_they_are_plain(string yaml, string value, bool isPlain)
    {
        var scalar = Assert.IsType<YamlScalar>(At(Root(Read(yaml)), "a"));

        Assert.Equal(value, scalar.Value);
        Assert.Equal(isPlain, scalar.IsPlain);
    }

    [Fact]
    public void Block_and_flow_styles_build_the_same_tree()
    {
        var block = Root(Read("a:\n  - 1\n  - x: y\n    z: [2, 3]\nb: {}\nc: []\n"));
        var flow = Root(Read("{a: [1, {x: y, z: [2, 3]}], b: {}, c: []}"));

        Assert.Equal(Shape(block), Shape(flow));
        Assert.Empty(Assert.IsType<YamlMapping>(At(flow, "b")).Entries);
        Assert.Empty(Assert.IsType<YamlSequence>(At(flow, "c")).Items);
    }

    [Fact]
    public void A_sequence_at_the_root_is_read()
    {
        var root = Assert.IsType<YamlSequence>(Root(Read("- a\n- b: c\n")));

        Assert.Equal(2, root.Items.Length);
        Assert.Equal("2:3", Pos(Assert.IsType<YamlMapping>(At(root, 1)).Entries[0].Key));
        Assert.Equal("2:6", Pos(At(root, 1, "b")));
    }

    [Fact]
    public void Positions_count_UTF16_units_after_multibyte_characters()
    {
        const string text = "é😀: x\nnäme: \"ü😀\"\nlist:\n  - 😀😀 done\n  - z\n";

        foreach (var result in new[] { Read(text), ReadBytes([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]) })
        {
            var root = Root(result);
            Assert.Equal("é😀", Assert.IsType<YamlMapping>(root).Entries[0].Key.Value);
            Assert.Equal("1:6", Pos(At(root, "é😀")));
            Assert.Equal("2:7", Pos(At(root, "näme")));
            Assert.Equal("4:5", Pos(At(root, "list", 0)));
            Assert.Equal("5:5", Pos(At(root, "list", 1)));
            Assert.Equal("😀😀 done", SpanText(At(root, "list", 0)));
        }
    }

    [Fact]
    public void Span_offsets_agree_with_YamlDotNet_marks_line_and_column()
    {
        const string text = "é😀: x\nnäme: \"ü😀\"\r\nlist:\n  - 😀😀 done\n  - {k: 'v€'}\n";
        var result = Read(text);
        var ours = Walk(Root(result)).Select(n => n.Node).OfType<YamlScalar>().OrderBy(s => s.Span.Offset).ToList();

        var marks = new List<Mark>();
        var parser = new Parser(new StringReader(text));
        while (parser.MoveNext())
        {
            if (parser.Current is Scalar scalar)
            {
                marks.Add(scalar.Start);
            }
        }

        Assert.Equal(marks.Count, ours.Count);
        for (var i = 0; i < marks.Count; i++)
        {
            var position = result.Source!.GetPosition(ours[i].Span.Offset);
            Assert.Equal(marks[i].Line, position.Line);
            Assert.Equal(marks[i].Column, position.Column);
        }
    }

    [Fact]
    public void CRLF_line_endings_give_the_same_positions_as_LF()
    {
        var root = Root(Read("a: 1\r\nb:\r\n  c: 2\r\n"));

        Assert.Equal("3:6", Pos(At(root, "b", "c")));
        Assert.Equal("2", Value(At(root, "b", "c")));
    }

    [Theory]
    [InlineData("---\na: 1\n")]
    [InlineData("%YAML 1.2\n---\na: 1\n...\n")]
    [InlineData("# a comment\na: 1 # another\n")]
    [InlineData("\uFEFFa: 1\n")]
    public void Document_markers_directives_comments_and_a_BOM_are_accepted(string yaml)
    {
        var root = Root(Read(yaml));

        Assert.Equal("1", Value(At(root, "a")));
    }

    [Fact]
    public void Tabs_and_non_ASCII_inside_values_are_fine()
    {
        var root = Root(Read("a: \"x\ty\"\nb: x\ty\nc: naïve 東京\n"));

        Assert.Equal("x\ty", Value(At(root, "a")));
        Assert.Equal("naïve 東京", Value(At(root, "c")));
    }

    [Fact]
    public void A_mapping_with_many_keys_keeps_file_order()
    {
        var yaml = string.Concat(Enumerable.Range(0, 50).Select(i => $"k{i}: {i}\n"));
        var root = Assert.IsType<YamlMapping>(Root(Read(yaml)));

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"k{i}"), root.Entries.Select(e => e.Key.Value));
        Assert.Equal("49", Value(At(root, "k49")));
    }

    private static string Shape(YamlNode node) => node switch
    {
        YamlScalar s => s.Value,
        YamlSequence s => "[" + string.Join(",", s.Items.Select(Shape)) + "]",
        YamlMapping m => "{" + string.Join(",", m.Entries.Select(e => e.Key.Value + ":" + Shape(e.Value))) + "}",
        _ => "?",
    };
}
