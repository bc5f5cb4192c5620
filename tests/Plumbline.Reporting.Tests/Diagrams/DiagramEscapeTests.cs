using System.Text.RegularExpressions;
using System.Xml.Linq;
using Plumbline.Reporting.Diagrams;
using Xunit;

namespace Plumbline.Reporting.Tests.Diagrams;

/// <summary>
/// Text from the file is hostile until written safely: in every format a name can neither end the string it sits
/// in, nor be read as markup, an entity or an escape sequence, nor carry a control byte into the output.
/// </summary>
public sealed partial class DiagramEscapeTests
{
    /// <summary>As YAML writes it: a quote, a backslash escape Graphviz would read (\l), markup, an entity, a Mermaid entity code, backticks, a pipe, a line break, ESC ] 0 ; title BEL and RLO. (An unpaired surrogate the loader refuses; <see cref="DiagramEscape.Clean"/> is tested with one.)</summary>
    private const string HostileYaml = "\"a\\\"b<c>&d#35;e`f`|g\\\\lh\\ni\\e]0;x\\a\\u202Ejk\"";

    /// <summary>The same text once read.</summary>
    private const string Hostile = "a\"b<c>&d#35;e`f`|g\\lh\ni\u001b]0;x\u0007\u202Ejk";

    [Fact]
    public void Clean_shows_control_and_bidirectional_characters_and_what_XML_cannot_hold_as_visible_escapes()
    {
        Assert.Equal("a\"b<c>&d#35;e`f`|g\\lh\\ni\\u001B]0;x\\u0007\\u202Ejk", DiagramEscape.Clean(Hostile));
        Assert.Equal("j\\uD800k\\uDC00", DiagramEscape.Clean("j\uD800k\uDC00"));
        Assert.Equal("plain-name.1", DiagramEscape.Clean("plain-name.1"));
        Assert.Equal("\U0001F600 ok", DiagramEscape.Clean("\U0001F600 ok"));
        Assert.Equal("\\uFFFE", DiagramEscape.Clean("\uFFFE"));
    }

    [Fact]
    public void Mermaid_labels_take_entity_codes_for_quote_hash_ampersand_angle_brackets_backtick_and_pipe()
    {
        Assert.Equal("a#quot;b#lt;c#gt;#amp;d#35;35;e#96;f#96;#124;g\\lh\\ni\\u001B]0;x\\u0007\\u202Ejk", DiagramEscape.Mermaid(Hostile));
    }

    [Fact]
    public void DOT_strings_double_the_backslash_escape_the_quote_and_write_the_ampersand_as_an_entity()
    {
        Assert.Equal("a\\\"b<c>&amp;d#35;e`f`|g\\\\lh\\\\ni\\\\u001B]0;x\\\\u0007\\\\u202Ejk", DiagramEscape.Dot(Hostile));
    }

    [Fact]
    public void XML_text_uses_the_five_predefined_entities()
    {
        Assert.Equal("a&quot;b&lt;c&gt;&amp;d#35;e`f`|g\\lh\\ni\\u001B]0;x\\u0007\\u202Ejk", DiagramEscape.Xml(Hostile));
        Assert.Equal("&#39;", DiagramEscape.Xml("'"));
    }

    [Theory]
    [InlineData("container")]
    [InlineData("context")]
    [InlineData("dataflow")]
    [InlineData("workflow:browse")]
    public void A_hostile_design_draws_in_Graphviz_without_a_warning_and_shows_its_names_as_written(string view)
    {
        var dot = Draw(view, DiagramFormat.Dot);

        Assert.DoesNotContain(dot, c => char.IsControl(c) && c != '\n');
        var (exit, svg, error) = GraphvizTests.Dot(dot);
        Assert.True(exit == 0 && error.Length == 0, $"dot -Tsvg exited {exit}: {error}");
        var texts = XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains(DiagramEscape.Clean(Hostile), texts);
    }

    [Theory]
    [InlineData("container")]
    [InlineData("context")]
    [InlineData("dataflow")]
    [InlineData("workflow:browse")]
    public void A_hostile_design_draws_as_well_formed_SVG_whose_text_is_the_names_as_written(string view)
    {
        var svg = Draw(view, DiagramFormat.Svg);

        var texts = XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName is "text" or "title").Select(e => e.Value).ToList();
        Assert.Contains(DiagramEscape.Clean(Hostile), texts);
        Assert.DoesNotContain(svg, c => char.IsControl(c) && c != '\n');
    }

    [Theory]
    [InlineData("container")]
    [InlineData("context")]
    [InlineData("dataflow")]
    [InlineData("workflow:browse")]
    public void A_hostile_design_draws_as_Mermaid_in_which_every_line_is_one_the_writer_makes(string view)
    {
        var mermaid = Draw(view, DiagramFormat.Mermaid);

        Assert.Contains(DiagramEscape.Mermaid(Hostile), mermaid, StringComparison.Ordinal);
        foreach (var line in mermaid.TrimEnd('\n').Split('\n'))
        {
            Assert.Matches(MermaidLine(), line);
        }
    }

    /// <summary>
    /// The lines the Mermaid writer emits: a comment, the header, a subgraph with a quoted title or its end, a node with
    /// one quoted label, an edge with an optional quoted label, a link, class or group style. A quote, pipe or angle
    /// bracket from a name (other than the writer's own &lt;b&gt; and &lt;br&gt;) matches none of them.
    /// </summary>
    [GeneratedRegex("""^(%% [^\n]*|flowchart TB|\s*subgraph g\d+ \["[^"<>|]*"\]|\s*end|\s*n\d+(\(\[|\[/|\{\{|\[\\|\(|\[\[|>|\[\(|\[)"<b>[^"<>|]*</b>(<br>[^"<>|]*)*"(\]\)|/\]|\}\}|\\\]|\)|\]\]|\)\]|\])?:::[a-z]+|\s*n\d+ (-->|-\.->|==>)(\|"[^"<>|]*(<br>[^"<>|]*)*"\|)? n\d+|\s*linkStyle \d+ [a-z:#0-9, -]+|\s*classDef [a-z]+ [a-z:#0-9,. -]+|\s*class [n0-9,]+ spof|\s*style g\d+ [a-z:#0-9, -]+)$""")]
    private static partial Regex MermaidLine();

    private static string Draw(string view, DiagramFormat format)
    {
        var design = Plumbline.Design.Loading.DesignLoader.LoadText("hostile.yaml", Design);
        Assert.True(design.Success, string.Join("\n", design.Diagnostics));
        var drawn = DiagramRenderer.Render(design.Design!, DiagramExamples.View(view), format);
        Assert.Null(drawn.Problem);
        return drawn.Text;
    }

    private static readonly string Design = $$"""
        plumbline: 1
        system:
          name: shop
        requirements:
          personas:
            - name: {{HostileYaml}}
              workflows: [browse]
          dependencies:
            - name: {{HostileYaml}}
              direction: downstream
        workflows:
          browse: { entry: web.list, rate: 20/s, criticality: high }
        data:
          - entity: Item
            owner: db
            record_size: 1KB
            new_records: 10/s
            classification: confidential
        components:
          web:
            kind: service
            engine: {{HostileYaml}}
            zones: [a, b]
            operations:
              list:
                calls:
                  - to: db.query
          db:
            kind: database
            model: oltp
            zones: [a]
            operations:
              query: { type: read, reads: [Item] }
        security:
          boundaries:
            - name: {{HostileYaml}}
              trusted: false
              contains: [{{HostileYaml}}]
            - name: inside
              contains: [web, db]
        """;
}
