using System.Text.Json;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Text;
using Plumbline.Reporting.Diagnostics;
using Xunit;

namespace Plumbline.Reporting.Tests;

public sealed class DiagnosticJsonRendererTests
{
    private const string Yaml = "system:\n  name: \"ünïcode\"\ncomponents:\n  edge:\n    instances: many\n";
    private static readonly SourceText Source = new("dir/design.yaml", Yaml);

    private static Diagnostic[] Sample()
    {
        var many = Yaml.IndexOf("many", StringComparison.Ordinal);
        return
        [
            new("PL2003", DiagnosticSeverity.Error, new SourceSpan(Source, many, 4), "/components/edge/instances",
                "instances must be a whole number, not \"many\".", "Write a count such as 3."),
            new("PL2101", DiagnosticSeverity.Warning, new SourceSpan(Source, 10, 9), "/system/name", "The name \"ünïcode\" is not kebab-case."),
            new("PL1000", DiagnosticSeverity.Error, SourceSpan.None, "", "The file does not exist."),
        ];
    }

    [Fact]
    public void Renders_an_array_of_diagnostics_with_every_field()
    {
        GoldenFile.Verify("json-diagnostics.txt", DiagnosticJsonRenderer.Render(Sample(), fallbackPath: "dir/design.yaml"));
    }

    [Fact]
    public void The_output_parses_and_carries_positions_and_nulls()
    {
        using var doc = JsonDocument.Parse(DiagnosticJsonRenderer.Render(Sample(), "dir/design.yaml"));
        var items = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(3, items.Length);
        foreach (var name in new[] { "file", "line", "column", "endLine", "endColumn", "code", "severity", "path", "message", "help" })
        {
            Assert.True(items[0].TryGetProperty(name, out _), name);
        }

        Assert.Equal(5, items[0].GetProperty("line").GetInt32());
        Assert.Equal(16, items[0].GetProperty("column").GetInt32());
        Assert.Equal(20, items[0].GetProperty("endColumn").GetInt32());
        Assert.Equal("error", items[0].GetProperty("severity").GetString());
        Assert.Equal("warning", items[1].GetProperty("severity").GetString());
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("help").ValueKind);
        Assert.Equal("dir/design.yaml", items[2].GetProperty("file").GetString());
        Assert.Equal(0, items[2].GetProperty("line").GetInt32());
    }

    [Fact]
    public void An_empty_list_is_an_empty_array()
    {
        Assert.Equal("[]\n", DiagnosticJsonRenderer.Render([]));
    }
}
