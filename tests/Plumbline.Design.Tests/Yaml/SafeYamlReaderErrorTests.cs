using System.Text;
using Plumbline.Design.Yaml;
using Xunit;
using static Plumbline.Tests.Shared.YamlTestHelpers;

namespace Plumbline.Design.Tests.Yaml;

public class SafeYamlReaderErrorTests
{
    // ---- PL1002 invalid UTF-8 ----

    [Theory]
    [InlineData(new byte[] { 0x61, 0x3A, 0x20, 0x31, 0x0A, 0x62, 0x3A, 0x20, 0xC3, 0x28, 0x0A }, "2:4", "0xC3")] // "a: 1\nb: " + C3 28
    [InlineData(new byte[] { 0xC3, 0xA9, 0x3A, 0x20, 0xFF }, "1:4", "0xFF")] // "é: " + FF: é is two bytes but one column
    [InlineData(new byte[] { 0x61, 0x3A, 0x20, 0xE2, 0x82 }, "1:4", "0xE2")] // truncated at the end
    [InlineData(new byte[] { 0x61, 0x3A, 0x20, 0xC0, 0xAF }, "1:4", "0xC0")] // overlong "/"
    [InlineData(new byte[] { 0x61, 0x3A, 0x20, 0xED, 0xA0, 0x80 }, "1:4", "0xED")] // an encoded surrogate
    [InlineData(new byte[] { 0x0A, 0x0A, 0x20, 0x20, 0x80 }, "3:3", "0x80")] // a lone continuation byte
    public void Invalid_UTF8_is_reported_at_the_first_bad_byte_naming_it_in_hex(byte[] bytes, string position, string hex)
    {
        var result = ReadBytes(bytes);

        var diagnostic = OnlyError(result, "PL1002", position);
        Assert.Contains(hex, diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(result.Source);
        Assert.Null(result.Root);
    }

    [Fact]
    public void Invalid_UTF8_after_a_BOM_counts_columns_without_the_BOM_and_bytes_with_it()
    {
        var diagnostic = OnlyError(ReadBytes([0xEF, 0xBB, 0xBF, 0x61, 0x3A, 0x20, 0xFF]), "PL1002", "1:4");

        Assert.Contains("at byte 6", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_UTF16_file_is_refused_with_help_to_save_it_as_UTF8()
    {
        var diagnostic = OnlyError(ReadBytes(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("a: 1\n")).ToArray()), "PL1002", "1:1");

        Assert.Contains("UTF-16", diagnostic.Help, StringComparison.Ordinal);
    }

    // ---- PL1013 characters YAML forbids ----

    [Theory]
    [InlineData("a: x\u0001y\n", "1:5", "U+0001")]
    [InlineData("a: 1\nb: \"x\0y\"\n", "2:6", "U+0000")]
    [InlineData("a: \u007f\n", "1:4", "U+007F")]
    [InlineData("a: \u0085\n", "1:4", "U+0085")]
    [InlineData("a: b\u2028c: d\n", "1:5", "U+2028")]
    [InlineData("a: \uFFFE\n", "1:4", "U+FFFE")]
    [InlineData("a: 1\rb: 2\r", "1:5", "U+000D")]
    [InlineData("a: 😀\n\u001b[31m: red\n", "2:1", "U+001B")]
    public void Characters_YAML_forbids_are_refused_with_their_position(string text, string position, string codePoint)
    {
        foreach (var result in new[] { Read(text), ReadBytes(Encoding.UTF8.GetBytes(text)) })
        {
            var diagnostic = OnlyError(result, "PL1013", position);
            Assert.Contains(codePoint, diagnostic.Message, StringComparison.Ordinal);
            Assert.Null(result.Root);
        }
    }

    [Fact]
    public void An_unpaired_surrogate_in_text_is_refused()
    {
        var diagnostic = OnlyError(Read("a: 😀\nb: x\uD800y\n"), "PL1013", "2:5");

        Assert.Contains("surrogate", diagnostic.Message, StringComparison.Ordinal);
    }

    // ---- PL1007 duplicate keys ----

    [Fact]
    public void A_duplicate_key_is_reported_at_the_second_naming_the_first()
    {
        var result = Read("a: 1\nb: 2\na: 3\n");

        var diagnostic = OnlyError(result, "PL1007", "3:1");
        Assert.Contains("'a'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("1:1", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("/a", diagnostic.YamlPath);
        Assert.Equal("3:1", diagnostic.Span.Start.ToString());
    }

    [Fact]
    public void After_a_duplicate_key_the_tree_keeps_the_first_entry_and_reading_goes_on()
    {
        var result = Read("components:\n  api: {kind: service}\n  db: {}\n  api: {kind: queue}\n  x: {y: 1, y: 2}\n");

        Assert.Equal(["PL1007", "PL1007"], result.Diagnostics.Select(d => d.Code));
        Assert.Equal(["4:3", "5:13"], result.Diagnostics.Select(d => d.Span.Start.ToString()));
        Assert.False(result.Success);
        Assert.Equal("/components/api", result.Diagnostics[0].YamlPath);
        Assert.Equal("/components/x/y", result.Diagnostics[1].YamlPath);
        Assert.Contains("2:3", result.Diagnostics[0].Message, StringComparison.Ordinal);
        var components = Assert.IsType<YamlMapping>(At(result.Root!, "components"));
        Assert.Equal(["api", "db", "x"], components.Entries.Select(e => e.Key.Value));
        Assert.Equal("service", Value(At(components, "api", "kind")));
    }

    [Fact]
    public void Quoted_and_plain_spellings_of_a_key_are_the_same_key()
    {
        var diagnostic = OnlyError(Read("\"name\": a\nname: b\n"), "PL1007", "2:1");

        Assert.Contains("1:1", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_key_in_a_large_mapping_is_found()
    {
        var yaml = string.Concat(Enumerable.Range(0, 40).Select(i => $"k{i}: {i}\n")) + "k15: again\n";

        var diagnostic = OnlyError(Read(yaml), "PL1007", "41:1");
        Assert.Contains("16:1", diagnostic.Message, StringComparison.Ordinal);
    }

    // ---- PL1008 non-scalar keys, PL1015 null keys ----

    [Theory]
    [InlineData("? [a]\n: b\n", "1:3", "a list")]
    [InlineData("{a: 1}: x\n", "1:1", "a mapping")]
    [InlineData("ok: 1\n[a, b]: x\n", "2:1", "a list")]
    [InlineData("top: {? {k: v} : x}\n", "1:9", "a mapping")]
    public void A_list_or_mapping_used_as_a_key_is_refused(string yaml, string position, string kind)
    {
        var diagnostic = OnlyError(Read(yaml), "PL1008", position);

        Assert.Contains(kind, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("~: x\n", "1:1")]
    [InlineData("a: 1\nnull: x\n", "2:1")]
    [InlineData("a: 1\n: x\n", "2:1")]
    [InlineData("a:\n  Null: 1\n", "2:3")]
    [InlineData("a: 1 # note\n\n: x\n", "3:1")]
    public void A_null_key_is_refused(string yaml, string position)
    {
        var result = Read(yaml);

        OnlyError(result, "PL1015", position);
        Assert.NotNull(result.Root);
    }

    [Fact]
    public void A_quoted_null_is_an_ordinary_key()
    {
        var root = Root(Read("\"~\": 1\n'null': 2\n"));

        Assert.Equal("2", Value(At(root, "null")));
    }

    // ---- PL1004 aliases, PL1014 anchors, PL1012 tags ----

    [Fact]
    public void An_alias_is_refused_at_its_position_and_stops_reading()
    {
        var result = Read("a: &x 1\nb: *x\nc: [*x, *x]\n");

        var alias = Error(result, "PL1004", "2:4");
        Assert.Contains("*x", alias.Message, StringComparison.Ordinal);
        Assert.Equal("/b", alias.YamlPath);
        Error(result, "PL1014", "1:4");
        Assert.Equal(2, result.Diagnostics.Length);
        Assert.Null(result.Root);
    }

    [Fact]
    public void An_anchor_is_refused_but_the_tree_is_still_built()
    {
        var result = Read("base: &defaults {timeout: 1s}\nother: 2\n");

        var diagnostic = OnlyError(result, "PL1014", "1:7");
        Assert.Contains("&defaults", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("2", Value(At(result.Root!, "other")));
    }

    [Theory]
    [InlineData("x: !foo bar\n", "1:4", "!foo")]
    [InlineData("x: !!str 1\n", "1:4", "!!str")]
    [InlineData("x: ! 1\n", "1:4", "'!'")]
    [InlineData("x: !!map {a: 1}\n", "1:4", "!!map")]
    [InlineData("- !<tag:example.com,2000:x> y\n", "1:3", "tag:example.com,2000:x")]
    public void A_tag_is_refused(string yaml, string position, string tag)
    {
        var diagnostic = OnlyError(Read(yaml), "PL1012", position);

        Assert.Contains(tag, diagnostic.Message, StringComparison.Ordinal);
    }

    // ---- PL1009 syntax ----

    [Theory]
    [InlineData("a: b: c\n", "1:5")]
    [InlineData("a: 'unterminated\n", "1:4")]
    [InlineData("a: 1\n  b: 2\n", "2:4")]
    [InlineData("- a\nb: 1\n", "2:1")]
    [InlineData("a: [1, 2\n", "2:1")]
    [InlineData("a: \"\\q\"\n", "1:4")]
    public void A_YAML_syntax_error_is_reported_at_the_parser_mark_without_its_position_prefix(string yaml, string position)
    {
        var diagnostic = OnlyError(Read(yaml), "PL1009", position);

        Assert.StartsWith("YAML syntax error: ", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Line:", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tab_in_indentation_is_reported_at_the_tab()
    {
        var diagnostic = OnlyError(Read("a:\n  b: 1\n  c:\n\t d: 2\n"), "PL1009", "4:1");

        Assert.Contains("tab", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: {b: 1\nc: 2\n", "1:6", "mapping '{' opened at 1:4")]
    [InlineData("a: [1,\nb: 2\nc: 3\n", "1:6", "list '[' opened at 1:4")]
    [InlineData("x:\n  y: [a, {b: c,\nz: 1\n", "2:8", "list '[' opened at 2:6")]
    public void An_unclosed_flow_collection_followed_by_more_lines_is_a_syntax_error_not_an_exception(string yaml, string position, string opened)
    {
        var diagnostic = OnlyError(Read(yaml), "PL1009", position);

        Assert.Contains(opened, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(Line: 3, Col: 5, Idx: 20) - (Line: 3, Col: 6, Idx: 21): While scanning a plain scalar, found x.", "while scanning a plain scalar, found x")]
    [InlineData("While parsing a block mapping, did not find expected key.", "while parsing a block mapping, did not find expected key")]
    [InlineData("  ", "the input is not valid YAML")]
    public void Parser_messages_lose_their_position_prefix(string message, string cleaned)
    {
        Assert.Equal(cleaned, YamlTreeBuilder.CleanMessage(message));
    }

    // ---- PL1010 more than one document, PL1011 empty ----

    [Theory]
    [InlineData("a: 1\n---\nb: 2\n", "2:1")]
    [InlineData("---\na: 1\n---\n", "3:1")]
    [InlineData("a: 1\n...\n---\nb: 2\n", "3:1")]
    public void A_second_document_is_refused_at_its_start(string yaml, string position)
    {
        var result = Read(yaml);

        OnlyError(result, "PL1010", position);
        Assert.Null(result.Root);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n   \n")]
    [InlineData("# only a comment\n# and another\n")]
    [InlineData("---\n")]
    [InlineData("---\n...\n")]
    [InlineData("\uFEFF")]
    public void An_empty_file_is_refused_with_a_pointer_to_init(string yaml)
    {
        foreach (var result in new[] { Read(yaml), ReadBytes(Encoding.UTF8.GetBytes(yaml)) })
        {
            var diagnostic = OnlyError(result, "PL1011", "1:1");
            Assert.Contains("empty", diagnostic.Message, StringComparison.Ordinal);
            Assert.Contains("plumbline init", diagnostic.Help, StringComparison.Ordinal);
            Assert.Null(result.Root);
        }
    }

    [Fact]
    public void A_diagnostic_prints_as_path_line_column_code_and_message()
    {
        var text = Read("a: 1\na: 2\n").Diagnostics[0].ToString();

        Assert.StartsWith("design.yaml:2:1: error PL1007 at /a: the key 'a' is already defined at 1:1 (", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reporting_stops_after_a_hundred_problems()
    {
        var yaml = "a: 0\n" + string.Concat(Enumerable.Range(0, 500).Select(_ => "a: 1\n"));
        var result = Read(yaml);

        Assert.Equal(100, result.Diagnostics.Length);
        Assert.All(result.Diagnostics, d => Assert.Equal("PL1007", d.Code));
    }
}
