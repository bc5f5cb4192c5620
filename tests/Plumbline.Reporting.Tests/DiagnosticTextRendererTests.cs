using Plumbline.Design.Diagnostics;
using Plumbline.Design.Text;
using Plumbline.Reporting.Diagnostics;
using Xunit;

namespace Plumbline.Reporting.Tests;

public sealed class DiagnosticTextRendererTests
{
    private const string Yaml =
        "plumbline: 1\n" +
        "system:\n" +
        "  name: url-shortener\n" +
        "components:\n" +
        "  edge:\n" +
        "    kind: service\n" +
        "    instances: many\n" +
        "    capacity:\t5000/sec\n";

    private static readonly SourceText Source = new("design.yaml", Yaml);

    private static SourceSpan SpanOf(string text, int occurrence = 0)
    {
        var offset = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            offset = Yaml.IndexOf(text, offset + 1, StringComparison.Ordinal);
        }

        return new SourceSpan(Source, offset, text.Length);
    }

    private static string Render(Diagnostic diagnostic, bool color = false, string? fallback = null)
    {
        var writer = new StringWriter();
        new DiagnosticTextRenderer(color).Write(writer, diagnostic, fallback);
        return writer.ToString();
    }

    [Fact]
    public void An_error_shows_the_location_the_line_a_caret_under_the_span_help_and_path()
    {
        var d = new Diagnostic("PL2003", DiagnosticSeverity.Error, SpanOf("many"), "/components/edge/instances",
            "instances must be a whole number, not \"many\".", "Write a count such as 3.");
        GoldenFile.Verify("text-error.txt", Render(d));
    }

    [Fact]
    public void A_warning_without_help_or_path_shows_only_the_excerpt()
    {
        var d = new Diagnostic("PL2101", DiagnosticSeverity.Warning, SpanOf("url-shortener"), "", "The system has no summary.");
        GoldenFile.Verify("text-warning.txt", Render(d));
    }

    [Fact]
    public void A_very_long_line_is_cut_to_a_window_around_the_caret()
    {
        var text = new string('[', 5000) + new string(']', 5000);
        var source = new SourceText("deep.yaml", text);
        var d = new Diagnostic("PL1003", DiagnosticSeverity.Error, new SourceSpan(source, 64, 1), "", "nested too deep");

        var lines = Render(d).Split('\n');

        var excerpt = lines.Single(l => l.StartsWith(" 1 |", StringComparison.Ordinal));
        var caret = lines.Single(l => l.Contains('^', StringComparison.Ordinal));
        Assert.InRange(excerpt.Length, 100, 140);
        Assert.StartsWith(" 1 | ...", excerpt, StringComparison.Ordinal);
        Assert.EndsWith("...", excerpt, StringComparison.Ordinal);
        Assert.Equal('[', excerpt[caret.IndexOf('^', StringComparison.Ordinal)]);
        Assert.Equal(48, caret.IndexOf('^', StringComparison.Ordinal)); // gutter ' 1 | ' (5) + '...' (3) + 40 characters of context
    }

    [Fact]
    public void An_empty_span_gets_one_caret()
    {
        var d = new Diagnostic("PL1001", DiagnosticSeverity.Error, new SourceSpan(Source, Yaml.Length - 1, 0), "",
            "Unexpected end of file.");
        GoldenFile.Verify("text-empty-span.txt", Render(d));
    }

    [Fact]
    public void A_span_over_several_lines_is_underlined_to_the_end_of_its_first_line()
    {
        var start = Yaml.IndexOf("edge:", StringComparison.Ordinal);
        var end = Yaml.IndexOf("many", StringComparison.Ordinal) + 4;
        var d = new Diagnostic("PL3001", DiagnosticSeverity.Error, new SourceSpan(Source, start, end - start), "/components/edge",
            "The component edge is not called by any workflow.");
        GoldenFile.Verify("text-multiline-span.txt", Render(d));
    }

    [Fact]
    public void A_tab_in_the_line_keeps_the_caret_under_the_text()
    {
        var d = new Diagnostic("PL2004", DiagnosticSeverity.Error, SpanOf("5000/sec"), "/components/edge/capacity",
            "Unknown rate unit \"sec\".", "Use /s, /min, /h, /day or /month.");
        GoldenFile.Verify("text-tab.txt", Render(d));
    }

    [Fact]
    public void Control_characters_in_the_line_are_shown_as_question_marks()
    {
        var source = new SourceText("bin.yaml", "ab\u001b[2Jcd\u0007e: x\n");
        var d = new Diagnostic("PL1002", DiagnosticSeverity.Error, new SourceSpan(source, 6, 2), "", "Bad bytes.");
        var writer = new StringWriter();
        new DiagnosticTextRenderer().Write(writer, d);
        Assert.Equal("bin.yaml:1:7: error PL1002: Bad bytes.\n 1 | ab?[2Jcd?e: x\n   |       ^^\n", writer.ToString());
    }

    [Fact]
    public void An_empty_source_shows_no_excerpt()
    {
        var d = new Diagnostic("PL1011", DiagnosticSeverity.Error, new SourceSpan(new SourceText("empty.yaml", ""), 0, 0), "",
            "The file is empty.");
        var writer = new StringWriter();
        new DiagnosticTextRenderer().Write(writer, d);
        Assert.Equal("empty.yaml:1:1: error PL1011: The file is empty.\n", writer.ToString());
    }

    [Fact]
    public void A_diagnostic_without_a_position_names_the_file_it_was_given()
    {
        var d = new Diagnostic("PL1000", DiagnosticSeverity.Error, SourceSpan.None, "", "The file does not exist.");
        Assert.Equal("missing.yaml: error PL1000: The file does not exist.\n", Render(d, fallback: "missing.yaml"));
    }

    [Fact]
    public void Colour_wraps_severity_code_and_caret_in_ANSI_codes()
    {
        var d = new Diagnostic("PL2003", DiagnosticSeverity.Error, SpanOf("many"), "/components/edge/instances",
            "instances must be a whole number.", "Write a count such as 3.");
        var text = Render(d, color: true);
        Assert.Contains("\u001b[1;31merror\u001b[0m", text, StringComparison.Ordinal);
        GoldenFile.Verify("text-color.txt", text.Replace("\u001b", "\\e", StringComparison.Ordinal));
    }

    [Fact]
    public void No_colour_means_no_escape_codes()
    {
        var d = new Diagnostic("PL2003", DiagnosticSeverity.Error, SpanOf("many"), "/x", "m", "h");
        Assert.DoesNotContain("\u001b", Render(d), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteAll_separates_diagnostics_with_a_blank_line_and_the_summary_counts_them()
    {
        var diagnostics = new[]
        {
            new Diagnostic("PL2003", DiagnosticSeverity.Error, SpanOf("many"), "/components/edge/instances", "instances must be a whole number."),
            new Diagnostic("PL2004", DiagnosticSeverity.Error, SpanOf("5000/sec"), "/components/edge/capacity", "Unknown rate unit \"sec\"."),
            new Diagnostic("PL2101", DiagnosticSeverity.Warning, SpanOf("url-shortener"), "/system/name", "The system has no summary."),
        };
        var writer = new StringWriter();
        var renderer = new DiagnosticTextRenderer();
        renderer.WriteAll(writer, diagnostics);
        writer.Write('\n');
        renderer.WriteSummary(writer, DiagnosticSummary.Of(diagnostics, files: 1));
        GoldenFile.Verify("text-several.txt", writer.ToString());
    }

    [Theory]
    [InlineData(2, 1, 1, "2 errors, 1 warning in 1 file")]
    [InlineData(0, 0, 3, "0 errors, 0 warnings in 3 files")]
    [InlineData(1, 2, 2, "1 error, 2 warnings in 2 files")]
    public void The_summary_line_counts_with_plurals(int errors, int warnings, int files, string expected) =>
        Assert.Equal(expected, new DiagnosticSummary(errors, warnings, files).ToString());
}
