using Plumbline.Design.Diagnostics;
using Plumbline.Design.Text;
using Xunit;

namespace Plumbline.Design.Tests.Loading;

public sealed class DiagnosticLimitsTests
{
    private static readonly SourceText Source = new("d.yaml", new string('x', 10_000));

    [Fact]
    public void Up_to_a_hundred_diagnostics_are_all_listed_in_file_order()
    {
        var diagnostics = Enumerable.Range(0, 100).Reverse().Select(i => At(i, error: i % 2 == 0)).ToList();
        var (listed, omitted) = DiagnosticLimits.Cap(diagnostics);
        Assert.Equal(Enumerable.Range(0, 100), listed.Select(d => d.Span.Offset));
        Assert.True(omitted.IsEmpty);
    }

    [Fact]
    public void Past_a_hundred_errors_come_first_and_the_rest_are_counted()
    {
        // 150 warnings at offsets 0..149, then 30 errors at 1000..1029: all 30 errors and the first 70 warnings are listed.
        var diagnostics = Enumerable.Range(0, 150).Select(i => At(i, error: false))
            .Concat(Enumerable.Range(1000, 30).Select(i => At(i, error: true))).ToList();
        var (listed, omitted) = DiagnosticLimits.Cap(diagnostics);
        Assert.Equal(100, listed.Length);
        Assert.Equal(30, listed.Count(d => d.IsError));
        Assert.Equal(Enumerable.Range(0, 70).Concat(Enumerable.Range(1000, 30)), listed.Select(d => d.Span.Offset));
        Assert.Equal(new OmittedDiagnostics(0, 80), omitted);
    }

    [Fact]
    public void Identical_diagnostics_are_counted_one_by_one()
    {
        var same = At(5, error: true);
        var (listed, omitted) = DiagnosticLimits.Cap(Enumerable.Repeat(same, 130).ToList());
        Assert.Equal(100, listed.Length);
        Assert.Equal(new OmittedDiagnostics(30, 0), omitted);
    }

    [Fact]
    public void A_message_path_and_help_that_echo_a_huge_value_keep_a_window_of_it()
    {
        var value = new string('v', 50_000);
        var message = $"unknown key '{value}' in a component";
        Assert.Equal(50_029, message.Length);
        var diagnostic = new Diagnostic("PL9999", DiagnosticSeverity.Error, new SourceSpan(Source, 0, 1), "/" + value, message, $"did you mean '{value}'?");
        Assert.True(diagnostic.Message.Length <= Diagnostic.MaxMessageLength, diagnostic.Message);
        Assert.StartsWith("unknown key 'vvv", diagnostic.Message, StringComparison.Ordinal);
        Assert.EndsWith("vvv' in a component", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("…(50,029 characters)…", diagnostic.Message, StringComparison.Ordinal);
        Assert.True(diagnostic.YamlPath.Length <= Diagnostic.MaxPathLength, diagnostic.YamlPath);
        Assert.True(diagnostic.Help!.Length <= Diagnostic.MaxHelpLength, diagnostic.Help);
    }

    private static Diagnostic At(int offset, bool error) =>
        new(error ? "PL2001" : "PL2018", error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, new SourceSpan(Source, offset, 1), string.Empty, "m");
}
