using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Plumbline.Design.Text;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Plumbline.Design.Tests.Editor;

/// <summary>One yaml-language-server for the class: starting node and the server takes about a second.</summary>
public sealed class LanguageServerFixture : IDisposable
{
    public LanguageServerFixture()
    {
        Server = YamlLanguageServer.Start(AppContext.BaseDirectory);
    }

    internal YamlLanguageServer Server { get; }

    public void Dispose() => Server.Dispose();
}

/// <summary>
/// The design schema in the editor users run: the real yaml-language-server, over stdio, reading the
/// schema from each file's first line as an editor does. Every example opens without a diagnostic; a
/// broken design is flagged at each broken line with a message that says what a valid value looks like;
/// completion under a component offers exactly the fields its kind takes (the loader's table); and hover
/// on any key of the examples shows that field's own description from the schema.
/// </summary>
public sealed partial class EditorTests(LanguageServerFixture fixture) : IClassFixture<LanguageServerFixture>
{
    private static string Examples => Path.Combine(AppContext.BaseDirectory, "examples");

    private YamlLanguageServer Server => fixture.Server;

    public static TheoryData<string> ExampleNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Examples, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var kind in EnumNames.NamesOf<ComponentKind>())
        {
            data.Add(kind);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void Every_example_opens_without_a_diagnostic(string name)
    {
        var path = Path.Combine(Examples, name);

        var diagnostics = Server.Open(path, File.ReadAllText(path));

        Assert.True(diagnostics.Count == 0, string.Join(Environment.NewLine, diagnostics));
    }

    [Fact]
    public void A_broken_design_is_flagged_at_each_broken_line_with_what_a_valid_value_looks_like()
    {
        var lines = File.ReadAllLines(Path.Combine(Examples, "url-shortener.yaml")).ToList();
        var expected = new List<Diagnostic>();
        void Break(string line, string replacement, string message)
        {
            var at = lines.FindIndex(l => l.TrimEnd() == line || l.StartsWith(line + " ", StringComparison.Ordinal));
            Assert.True(at >= 0, $"url-shortener.yaml has no line '{line}'");
            lines[at] = replacement;
            expected.Add(new Diagnostic(at + 1, replacement.Length - replacement.TrimStart().Length + 1 + replacement.TrimStart().IndexOf(':', StringComparison.Ordinal) + 2, message));
        }

        Break("    capacity: 2000/s", "    capacity: 2000 per second",
            "A rate is a count per s, min, h, day, month or year, such as 200/s, 100/min or 1B/month.");
        Break("            timeout: 20ms", "            timeout: 20 millis",
            "A duration is a number and a unit (us, ms, s, m, h, d, w, y), such as 250ms, 2s, 5m or 30d; a bare 0 is zero.");
        Break("        response: 500B", "        response: 500 bytes",
            "A size is a number and a unit (B, KB, MB, GB, TB, PB, or KiB to PiB), such as 500B, 1.27KB, 4TB or 64GiB; a bare 0 is zero.");
        Break("    availability: 99.9%", "    availability: 99.9",
            "A percentage is a number from 0 to 100 followed by %, such as 99.95% or 80%.");

        // A cache's field on a service: refused at the key.
        var owner = lines.FindIndex(l => l == "    owner: links-team");
        lines.Insert(owner + 1, "    hit_ratio: 0.9");
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i].Line > owner + 1)
            {
                expected[i] = expected[i] with { Line = expected[i].Line + 1 };
            }
        }

        expected.Add(new Diagnostic(owner + 2, 5, "Property hit_ratio is not allowed."));
        var path = Path.Combine(Examples, "editor-broken.yaml");

        var diagnostics = Server.Open(path, string.Join('\n', lines) + "\n");

        Assert.Equal(
            expected.OrderBy(d => d.Line).Select(d => d.ToString()),
            diagnostics.OrderBy(d => d.Line).Select(d => d.ToString()));
        Assert.DoesNotContain(diagnostics, d => d.Message.Contains('^', StringComparison.Ordinal) || d.Message.Contains("pattern", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Completion_under_a_component_offers_exactly_the_fields_its_kind_takes(string kind)
    {
        Assert.True(EnumNames.TryParse<ComponentKind>(kind, out var parsed));
        var path = Path.Combine(Examples, $"editor-complete-{kind}.yaml");
        Server.Open(path, string.Join('\n',
            "# yaml-language-server: $schema=../schema/plumbline-v1.schema.json",
            "plumbline: 1",
            "system: { name: editor-test }",
            "components:",
            "  probe:",
            "    kind: " + kind,
            "    ",
            string.Empty));

        var offered = Server.Complete(path, 6, 4);

        var fields = offered.Where(c => c.Kind == Completion.PropertyKind).Select(c => c.Label).Order(StringComparer.Ordinal).ToList();
        var expected = FormatKeys.All["component"]
            .Where(f => f != "kind" && ComponentFields.AppliesTo(f, parsed))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, fields);
        var refused = FormatKeys.All["component"].Where(f => !ComponentFields.AppliesTo(f, parsed)).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(offered, c => refused.Contains(c.Label));
        Assert.All(offered.Where(c => c.Kind == Completion.PropertyKind), c => Assert.False(string.IsNullOrWhiteSpace(c.Documentation), $"{c.Label} has no documentation"));
    }

    [Fact]
    public void Completion_of_a_components_kind_offers_every_kind()
    {
        var path = Path.Combine(Examples, "editor-complete-kind.yaml");
        Server.Open(path, "# yaml-language-server: $schema=../schema/plumbline-v1.schema.json\nplumbline: 1\nsystem: { name: editor-test }\ncomponents:\n  probe:\n    kind: \n");

        var offered = Server.Complete(path, 5, 10).Select(c => c.Label).Order(StringComparer.Ordinal);

        Assert.Equal(EnumNames.NamesOf<ComponentKind>().Order(StringComparer.Ordinal), offered);
    }

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void Hover_on_any_key_shows_that_fields_own_description(string name)
    {
        var path = Path.Combine(Examples, name);
        var text = File.ReadAllText(path);
        Server.Open(path, text);
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema", FormatSchema.FileName)))!.AsObject();
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        // Each field once, at its first key: the server re-reads the whole document for every hover.
        var keys = SchemaWalk.Keys(schema, stream.Documents[0].RootNode)
            .DistinctBy(k => k.Field is null ? (object)k.Key : k.Field, ReferenceEqualityComparer.Instance)
            .ToList();
        Assert.True(keys.Count > 50, $"only {keys.Count} fields in {name}");

        var problems = new List<string>();
        foreach (var (key, _, description) in keys)
        {
            var hover = Server.Hover(path, (int)key.Start.Line - 1, (int)key.Start.Column - 1);
            if (description is null)
            {
                problems.Add($"{name}:{key.Start.Line}:{key.Start.Column} '{key.Value}': the schema has no description for it");
                continue;
            }

            if (hover is null || !Unescape(hover).StartsWith(description, StringComparison.Ordinal))
            {
                problems.Add($"{name}:{key.Start.Line}:{key.Start.Column} '{key.Value}': hover shows {(hover is null ? "nothing" : "'" + FirstLine(hover) + "'")}, the field's description is '{description}'");
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} of {keys.Count} fields:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Take(40))}");
    }

    /// <summary>The server escapes markdown in descriptions (\_ for _); the description is compared as written.</summary>
    private static string Unescape(string markdown) => MarkdownEscape().Replace(markdown, "$1");

    private static string FirstLine(string text) => text.Split('\n')[0];

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!<>|~])")]
    private static partial Regex MarkdownEscape();
}
